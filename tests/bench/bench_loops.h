/* SPDX-License-Identifier: MIT */
/*
 * tests/bench/bench_loops.h — private to tests/bench: the two loop shapes
 * of the single-hart allocator benchmarks, each with its empty twin.
 *
 * include/nodal/bench.h subtracts an empty pass from the timed one, so that
 * what is left is the API calls alone.  That only works if the empty pass
 * is the same loop minus the calls: the same counter, the same NULL test,
 * the same array store and load.  Writing both from one macro keeps them
 * so; bench_hide() stands in for the call's result (a pointer that is
 * never NULL: the struct bench itself) and for its use.
 *
 *   BENCH_PAIR_PASSES    n × { p = ALLOC; if (!p) fail; FREE(p); }
 *   BENCH_BATCH_PASSES   n × { BATCH × { p = ALLOC; if (!p) fail; a[i] = p; }
 *                              BATCH × FREE(a[i]); }   a = b->priv
 *
 * On a failed allocation the pass counts it in b->failures, frees what it
 * holds and returns; the runner then reports the benchmark as failed.
 */
#ifndef NODAL_TESTS_BENCH_LOOPS_H
#define NODAL_TESTS_BENCH_LOOPS_H

#include <nodal/bench.h>

#define BENCH_PAIR_PASSES(prefix, type, alloc_expr, free_fn)		\
static void prefix##_pass(struct bench *b, unsigned long n)		\
{									\
	for (unsigned long i = 0; i < n; i++) {				\
		type p = (alloc_expr);					\
									\
		if (unlikely(!p)) {					\
			b->failures++;					\
			return;						\
		}							\
		free_fn(p);						\
	}								\
}									\
									\
static void prefix##_empty(struct bench *b, unsigned long n)		\
{									\
	type p = (type)(void *)b;					\
									\
	for (unsigned long i = 0; i < n; i++) {				\
		bench_hide(p);						\
		if (unlikely(!p)) {					\
			b->failures++;					\
			return;						\
		}							\
		bench_hide(p);						\
	}								\
}

#define BENCH_BATCH_PASSES(prefix, type, batch, alloc_expr, free_fn)	\
static void prefix##_pass(struct bench *b, unsigned long n)		\
{									\
	type *slot = b->priv;						\
									\
	for (unsigned long i = 0; i < n; i++) {				\
		for (unsigned int j = 0; j < (batch); j++) {		\
			type p = (alloc_expr);				\
									\
			if (unlikely(!p)) {				\
				b->failures++;				\
				while (j)				\
					free_fn(slot[--j]);		\
				return;					\
			}						\
			slot[j] = p;					\
		}							\
		for (unsigned int j = 0; j < (batch); j++)		\
			free_fn(slot[j]);				\
	}								\
}									\
									\
static void prefix##_empty(struct bench *b, unsigned long n)		\
{									\
	type *slot = b->priv;						\
	type p = (type)(void *)b;					\
									\
	for (unsigned long i = 0; i < n; i++) {				\
		for (unsigned int j = 0; j < (batch); j++) {		\
			bench_hide(p);					\
			if (unlikely(!p)) {				\
				b->failures++;				\
				return;					\
			}						\
			slot[j] = p;					\
		}							\
		for (unsigned int j = 0; j < (batch); j++) {		\
			type q = slot[j];				\
									\
			bench_hide(q);					\
		}							\
	}								\
}

#endif /* NODAL_TESTS_BENCH_LOOPS_H */
