/* SPDX-License-Identifier: MIT */
/*
 * lib/list_sort.c — list_sort(): stable bottom-up merge sort of a
 * list_head list (API in include/linux/list_sort.h).
 *
 * Theory.  The entries are taken off the list one by one, in order, and
 * treated as NULL-terminated singly linked runs (only next is used while
 * sorting).  pending[k] is empty or a sorted run of exactly 2^k entries,
 * like the bits of a binary counter: each new entry is a run of one that
 * is merged with pending[0], the result with pending[1], and so on while
 * the slot is taken (a carry), and it lands in the first empty slot.  A
 * higher slot always holds entries that came earlier in the list than a
 * lower one, so every merge is of an earlier run @a with a later run @b,
 * and taking from @a on a tie (cmp <= 0) keeps equal entries in their
 * original order: the sort is stable.  At the end the slots are merged
 * from the lowest up, and one pass restores the prev links.
 *
 * Each entry takes part in about log2(n) merges and each merge step costs
 * one comparison: at most n * ceil(log2 n) calls of cmp, O(1) extra space.
 *
 * Linux: lib/list_sort.c (a different merge schedule that keeps runs
 * within 2:1 of each other; same result, other comparison counts).
 */
#include <linux/list.h>
#include <linux/list_sort.h>

#define LIST_SORT_SLOTS (8 * sizeof(size_t))

/* Merge sorted runs @a (earlier entries) and @b; ties take @a's first. */
static struct list_head *merge(void *priv, list_cmp_func_t cmp,
			       struct list_head *a, struct list_head *b)
{
	struct list_head *head = NULL, **tail = &head;

	while (a && b) {
		if (cmp(priv, a, b) <= 0) {
			*tail = a;
			tail = &a->next;
			a = a->next;
		} else {
			*tail = b;
			tail = &b->next;
			b = b->next;
		}
	}
	*tail = a ? a : b;
	return head;
}

/* Put the sorted singly linked run @list back on @head, with prev links. */
static void relink(struct list_head *head, struct list_head *list)
{
	struct list_head *prev = head;

	for (; list; list = list->next) {
		prev->next = list;
		list->prev = prev;
		prev = list;
	}
	prev->next = head;
	head->prev = prev;
}

void list_sort(void *priv, struct list_head *head, list_cmp_func_t cmp)
{
	struct list_head *pending[LIST_SORT_SLOTS] = { NULL };
	struct list_head *pos = head->next, *run = NULL;
	unsigned int k, top = 0;

	if (pos == head->prev) /* empty or a single entry: sorted */
		return;
	while (pos != head) {
		run = pos;
		pos = pos->next;
		run->next = NULL;
		for (k = 0; pending[k]; k++) {
			run = merge(priv, cmp, pending[k], run);
			pending[k] = NULL;
		}
		pending[k] = run;
		if (k >= top)
			top = k + 1;
	}
	run = NULL;
	for (k = 0; k < top; k++)
		if (pending[k])
			run = merge(priv, cmp, pending[k], run);
	relink(head, run);
}
