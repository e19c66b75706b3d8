/* SPDX-License-Identifier: MIT */
/*
 * include/linux/list_sort.h — stable merge sort of a list_head list.
 *
 * Implemented by: lib/list_sort.c.  Mirrors: <linux/list_sort.h> of Linux
 * 6.12.  Differences from Linux: the merge order differs, so the number
 * and sequence of cmp() calls are not Linux's (Linux documents neither);
 * the result is the same, as a stable sort's must be.
 */
#ifndef NODAL_LIST_SORT_H
#define NODAL_LIST_SORT_H

#include <linux/types.h>

struct list_head;

typedef int __attribute__((nonnull(2, 3))) (*list_cmp_func_t)(
	void *, const struct list_head *, const struct list_head *);

/**
 * list_sort() - sort @head's entries in place, stably
 * @priv: passed to @cmp unchanged
 * @head: the list; its entries are relinked, none is copied or moved
 * @cmp: > 0 if @a must come after @b; <= 0 keeps their order (equal
 *	 entries stay in their original order).  Returning a bool works.
 *
 * At most about n * log2(n) calls of @cmp, no allocation; the stack holds
 * one pointer per bit of size_t.  Context: any (does not sleep, takes no
 * lock; @cmp decides the rest).
 */
__attribute__((nonnull(2, 3))) void list_sort(void *priv, struct list_head *head,
					      list_cmp_func_t cmp);

#endif /* NODAL_LIST_SORT_H */
