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

static inline unsigned int cpumask_next(int n, const struct cpumask *m)
{
	return find_next_bit(m->bits, NR_CPUS, n + 1);
}

#define for_each_cpu(cpu, mask)						\
	for ((cpu) = cpumask_next(-1, mask); (cpu) < NR_CPUS;		\
	     (cpu) = cpumask_next(cpu, mask))
#define for_each_possible_cpu(cpu) for_each_cpu(cpu, cpu_possible_mask)
#define for_each_online_cpu(cpu)   for_each_cpu(cpu, cpu_online_mask)

#define cpu_online(cpu)		cpumask_test_cpu(cpu, cpu_online_mask)
#define cpu_possible(cpu)	cpumask_test_cpu(cpu, cpu_possible_mask)
#define num_online_cpus()	cpumask_weight(cpu_online_mask)
#define num_possible_cpus()	cpumask_weight(cpu_possible_mask)

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
