/* SPDX-License-Identifier: MIT */
/*
 * include/linux/sort.h — in-place sorting of an array.
 *
 * Implemented by: lib/sort.c.  Mirrors: <linux/sort.h> (and the cmp_func_t,
 * swap_func_t types of <linux/types.h>).  Differences from Linux: no sort_r();
 * the default swap moves 64-bit words or bytes, never 32-bit words.
 */
#ifndef NODAL_SORT_H
#define NODAL_SORT_H

#include <linux/types.h>

typedef int (*cmp_func_t)(const void *a, const void *b);
typedef void (*swap_func_t)(void *a, void *b, int size);

/**
 * sort() - sort an array in place with heapsort
 * @base: first element
 * @num: number of elements
 * @size: bytes per element
 * @cmp_func: returns <0, 0 or >0 as its first argument sorts before, with or
 *	after its second
 * @swap_func: exchanges two elements of @size bytes; NULL for the default,
 *	which copies words when @base and @size allow, else bytes
 *
 * O(@num log @num) comparisons even in the worst case, no recursion and no
 * memory allocation; not stable (equal elements may change order).
 * Context: any; takes as long as the callbacks make it.
 */
void sort(void *base, size_t num, size_t size, cmp_func_t cmp_func,
	  swap_func_t swap_func);

#endif /* NODAL_SORT_H */
