/* SPDX-License-Identifier: MIT */
/*
 * include/linux/cpumask.h — sets of logical CPUs.
 *
 * Implemented by: kernel/smp/smp.c (the online and possible masks,
 * cpulist_parse()).  Mirrors: <linux/cpumask.h>, a subset; masks are plain
 * bitmaps, changed only by the boot hart during bring-up, then read-only
 * ([init]).  Usable from every layer for the type and its inline
 * operations: its row in docs/design.md §3.2 is `* kernel/smp/`, so what it
 * declares is kernel/smp/'s alone.
 *
 * Sizes.  A mask holds NR_CPUS bits and the ids in use are 0 ..
 * nr_cpu_ids - 1 (nr_cpumask_bits, as in Linux).  Differences from Linux:
 *  - the searches (cpumask_first(), _next(), _last(), _next_zero(), the
 *    for_each_cpu*() walks) look at all NR_CPUS bits and return NR_CPUS
 *    for "none", where Linux looks at nr_cpu_ids bits and returns
 *    nr_cpu_ids: both are >= nr_cpu_ids, which is the test Linux's
 *    callers make; cpulist_parse() accepts any id below NR_CPUS, so a
 *    parsed mask may name a CPU that does not exist, and cpumask_weight()
 *    counts it;
 *  - cpumask_setall() sets exactly the nr_cpu_ids ids in use and clears
 *    the rest, and cpumask_full() asks whether those are all set.
 * There is no CPU hotplug (<linux/cpu.h>): every possible CPU is present
 * (cpu_present_mask is cpu_possible_mask) and the masks do not change
 * after bring-up.
 */
#ifndef NODAL_CPUMASK_H
#define NODAL_CPUMASK_H

#include <linux/bitops.h>
#include <linux/threads.h>
#include <linux/types.h>

struct cpumask {
	DECLARE_BITMAP(bits, NR_CPUS);
};
typedef struct cpumask cpumask_t;

extern struct cpumask __cpu_possible_mask;	/* [init] harts in the DT */
extern struct cpumask __cpu_online_mask;	/* [init] harts running */
extern unsigned int nr_cpu_ids;			/* [init] highest possible + 1 */
#define cpu_possible_mask (&__cpu_possible_mask)
#define cpu_online_mask   (&__cpu_online_mask)

static inline void cpumask_set_cpu(unsigned int cpu, struct cpumask *m)
{
	__set_bit(cpu, m->bits);
}

static inline void cpumask_clear_cpu(unsigned int cpu, struct cpumask *m)
{
	__clear_bit(cpu, m->bits);
}

static inline bool cpumask_test_cpu(unsigned int cpu, const struct cpumask *m)
{
	return test_bit(cpu, m->bits);
}

static inline void cpumask_clear(struct cpumask *m)
{
	bitmap_zero(m->bits, NR_CPUS);
}

static inline void cpumask_copy(struct cpumask *dst, const struct cpumask *src)
{
	*dst = *src;
}

static inline unsigned int cpumask_weight(const struct cpumask *m)
{
	return bitmap_weight(m->bits, NR_CPUS);
}

static inline bool cpumask_empty(const struct cpumask *m)
{
	return find_first_bit(m->bits, NR_CPUS) >= NR_CPUS;
}

#define nr_cpumask_bits	    nr_cpu_ids
#define cpumask_bits(maskp) ((maskp)->bits)

/* Every possible CPU is present: there is no hotplug to add one later. */
#define cpu_present_mask cpu_possible_mask

/** cpumask_first() - lowest CPU in @m; >= nr_cpu_ids if none */
static inline unsigned int cpumask_first(const struct cpumask *m)
{
	return find_first_bit(m->bits, NR_CPUS);
}

/** cpumask_first_zero() - lowest CPU not in @m; >= nr_cpu_ids if none */
static inline unsigned int cpumask_first_zero(const struct cpumask *m)
{
	return find_first_zero_bit(m->bits, NR_CPUS);
}

/** cpumask_first_and() - lowest CPU in both; >= nr_cpu_ids if none */
static inline unsigned int cpumask_first_and(const struct cpumask *a,
					     const struct cpumask *b)
{
	return find_next_and_bit(a->bits, b->bits, NR_CPUS, 0);
}

/** cpumask_last() - highest CPU in @m; >= nr_cpumask_bits if none */
static inline unsigned int cpumask_last(const struct cpumask *m)
{
	return find_last_bit(m->bits, NR_CPUS);
}

/** cpumask_next() - lowest CPU in @m above @n (-1: from 0) */
static inline unsigned int cpumask_next(int n, const struct cpumask *m)
{
	return find_next_bit(m->bits, NR_CPUS, n + 1);
}

/** cpumask_next_zero() - lowest CPU not in @m above @n (-1: from 0) */
static inline unsigned int cpumask_next_zero(int n, const struct cpumask *m)
{
	return find_next_zero_bit(m->bits, NR_CPUS, n + 1);
}

/** cpumask_next_and() - lowest CPU in both above @n (-1: from 0) */
static inline unsigned int cpumask_next_and(int n, const struct cpumask *a,
					    const struct cpumask *b)
{
	return find_next_and_bit(a->bits, b->bits, NR_CPUS, n + 1);
}

/** cpumask_next_andnot() - lowest CPU in @a, not in @b, above @n */
static inline unsigned int cpumask_next_andnot(int n, const struct cpumask *a,
					       const struct cpumask *b)
{
	return find_next_andnot_bit(a->bits, b->bits, NR_CPUS, n + 1);
}

#define cpumask_any(m)	      cpumask_first(m)
#define cpumask_any_and(a, b) cpumask_first_and(a, b)

/** cpumask_any_but() - a CPU of @m other than @cpu; >= nr_cpu_ids if none */
static inline unsigned int cpumask_any_but(const struct cpumask *m, unsigned int cpu)
{
	unsigned int i = cpumask_first(m);

	return i != cpu ? i : cpumask_next(cpu, m);
}

/** cpumask_setall() - the nr_cpu_ids CPUs in use, and no other bit */
static inline void cpumask_setall(struct cpumask *m)
{
	unsigned int i;

	cpumask_clear(m);
	for (i = 0; i < nr_cpumask_bits; i++)
		__set_bit(i, m->bits);
}

/** cpumask_full() - whether every CPU id in use is in @m */
static inline bool cpumask_full(const struct cpumask *m)
{
	return bitmap_full(m->bits, nr_cpumask_bits);
}

/* One word-wise operation for cpumask_and(), _andnot(), _or(). */
#define __CPUMASK_OP(dst, a, b, expr)                                             \
	({                                                                        \
		unsigned long __any = 0;                                          \
		for (unsigned int __i = 0; __i < BITS_TO_LONGS(NR_CPUS); __i++) { \
			unsigned long x = (a)->bits[__i];                         \
			unsigned long y = (b)->bits[__i];                         \
			(dst)->bits[__i] = (expr);                                \
			__any |= (dst)->bits[__i];                                \
		}                                                                 \
		__any != 0;                                                       \
	})

/** cpumask_and() - @dst = @a & @b; whether @dst is non-empty */
static inline bool cpumask_and(struct cpumask *dst, const struct cpumask *a,
			       const struct cpumask *b)
{
	return __CPUMASK_OP(dst, a, b, x & y);
}

/** cpumask_andnot() - @dst = @a & ~@b; whether @dst is non-empty */
static inline bool cpumask_andnot(struct cpumask *dst, const struct cpumask *a,
				  const struct cpumask *b)
{
	return __CPUMASK_OP(dst, a, b, x & ~y);
}

/** cpumask_or() - @dst = @a | @b */
static inline void cpumask_or(struct cpumask *dst, const struct cpumask *a,
			      const struct cpumask *b)
{
	__CPUMASK_OP(dst, a, b, x | y);
}

/** cpumask_equal() - whether @a and @b hold the same CPUs */
static inline bool cpumask_equal(const struct cpumask *a, const struct cpumask *b)
{
	for (unsigned int i = 0; i < BITS_TO_LONGS(NR_CPUS); i++)
		if (a->bits[i] != b->bits[i])
			return false;
	return true;
}

/** cpumask_intersects() - whether some CPU is in both */
static inline bool cpumask_intersects(const struct cpumask *a,
				      const struct cpumask *b)
{
	return cpumask_first_and(a, b) < NR_CPUS;
}

/** cpumask_subset() - whether every CPU of @a is in @b */
static inline bool cpumask_subset(const struct cpumask *a, const struct cpumask *b)
{
	return find_next_andnot_bit(a->bits, b->bits, NR_CPUS, 0) >= NR_CPUS;
}

#define for_each_cpu(cpu, mask) \
	for_each_set_bit(cpu, cpumask_bits(mask), NR_CPUS)
/* Each CPU of @mask once, from @start up, then from 0 to below @start. */
#define for_each_cpu_wrap(cpu, mask, start) \
	for_each_set_bit_wrap(cpu, cpumask_bits(mask), NR_CPUS, start)
#define for_each_cpu_and(cpu, mask1, mask2)                            \
	for ((cpu) = cpumask_first_and(mask1, mask2); (cpu) < NR_CPUS; \
	     (cpu) = cpumask_next_and(cpu, mask1, mask2))
#define for_each_cpu_andnot(cpu, mask1, mask2)                               \
	for ((cpu) = cpumask_next_andnot(-1, mask1, mask2); (cpu) < NR_CPUS; \
	     (cpu) = cpumask_next_andnot(cpu, mask1, mask2))
#define for_each_possible_cpu(cpu) for_each_cpu(cpu, cpu_possible_mask)
#define for_each_online_cpu(cpu)   for_each_cpu(cpu, cpu_online_mask)
#define for_each_present_cpu(cpu)  for_each_cpu(cpu, cpu_present_mask)

#define cpu_online(cpu)		cpumask_test_cpu(cpu, cpu_online_mask)
#define cpu_possible(cpu)	cpumask_test_cpu(cpu, cpu_possible_mask)
#define num_online_cpus()	cpumask_weight(cpu_online_mask)
#define num_possible_cpus()	cpumask_weight(cpu_possible_mask)
#define cpu_present(cpu)	cpumask_test_cpu(cpu, cpu_present_mask)
#define num_present_cpus()	cpumask_weight(cpu_present_mask)

/**
 * cpulist_next_range() - read one element, "A" or "A-B", of a CPU list
 * @buf: in: the element; out: past it and the comma that follows it
 * @first: A
 * @last: B, or A for a single id
 *
 * The one reader of CPU lists ("0-3,6"): cpulist_parse() builds a mask
 * with it, and commands that keep the list's order and repeats (stress
 * harts=) walk it directly.  Only the syntax is checked: whether a CPU is
 * online is the caller's question.  Context: any.  Return: 1 with a range
 * read, 0 at the end of the list, -EINVAL for bad syntax (a character
 * other than digits, '-' and ',', B < A, an empty element or a trailing
 * comma), -ERANGE for an id >= NR_CPUS.
 */
int cpulist_next_range(const char **buf, unsigned int *first, unsigned int *last);

/**
 * cpulist_parse() - a CPU list such as "0-3,6" into a mask
 * @buf: comma-separated CPU ids and ranges A-B (A <= B), no spaces
 * @dstp: the mask, cleared first
 *
 * Only the syntax is checked (as in Linux): the caller decides what an
 * offline CPU in the list means.  Context: any.  Return: 0, -EINVAL on bad
 * syntax or an empty list, -ERANGE for an id >= NR_CPUS.
 */
int cpulist_parse(const char *buf, struct cpumask *dstp);

#endif /* NODAL_CPUMASK_H */
