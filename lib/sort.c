/* SPDX-License-Identifier: MIT */
/*
 * lib/sort.c — sort(): in-place heapsort of an array.
 *
 * Heapsort rather than quicksort: its worst case is O(n log n), it needs no
 * recursion and no memory, and so it is safe on a small kernel stack and
 * with any input, including under a spinlock.  The API is in
 * include/linux/sort.h.
 *
 * The array is first made a max-heap: element i is no smaller than its
 * children 2i + 1 and 2i + 2.  Then the root, the largest element, is swapped
 * with the last element of the heap, the heap shrinks by one, and the new
 * root sinks to its place; repeated, this leaves the array in order.
 */
#include <linux/sort.h>

typedef unsigned long __attribute__((may_alias)) word_t;

static void swap_words(void *a, void *b, int size)
{
	word_t *p = a, *q = b;

	for (; size > 0; size -= sizeof(word_t)) {
		word_t t = *p;

		*p++ = *q;
		*q++ = t;
	}
}

static void swap_bytes(void *a, void *b, int size)
{
	u8 *p = a, *q = b;

	while (size-- > 0) {
		u8 t = *p;

		*p++ = *q;
		*q++ = t;
	}
}

struct sort_ctx {
	char *base;			/* first element */
	size_t size;			/* bytes per element */
	cmp_func_t cmp;			/* the caller's order */
	swap_func_t swap;		/* the caller's, or swap_words/bytes */
};

static inline void *elem(const struct sort_ctx *ctx, size_t i)
{
	return ctx->base + i * ctx->size;
}

/* Let element @root sink until no child of it is larger, in a heap of @n. */
static void sift_down(const struct sort_ctx *ctx, size_t root, size_t n)
{
	for (;;) {
		size_t child = 2 * root + 1;

		if (child >= n)
			return;
		if (child + 1 < n &&
		    ctx->cmp(elem(ctx, child), elem(ctx, child + 1)) < 0)
			child++;	/* the larger child */
		if (ctx->cmp(elem(ctx, root), elem(ctx, child)) >= 0)
			return;
		ctx->swap(elem(ctx, root), elem(ctx, child), ctx->size);
		root = child;
	}
}

void sort(void *base, size_t num, size_t size, cmp_func_t cmp_func,
	  swap_func_t swap_func)
{
	struct sort_ctx ctx = {
		.base = base, .size = size, .cmp = cmp_func, .swap = swap_func,
	};
	size_t i;

	if (!ctx.swap)
		ctx.swap = (((uintptr_t)base | size) % sizeof(word_t)) == 0 ?
			   swap_words : swap_bytes;

	for (i = num / 2; i-- > 0;)	/* leaves are heaps already */
		sift_down(&ctx, i, num);
	for (i = num; i-- > 1;) {	/* i: the heap's last element */
		ctx.swap(elem(&ctx, 0), elem(&ctx, i), size);
		sift_down(&ctx, 0, i);
	}
}
