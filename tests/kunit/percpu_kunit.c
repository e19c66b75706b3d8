/* SPDX-License-Identifier: MIT */
/*
 * tests/kunit/percpu_kunit.c — KUnit suite for static per-CPU variables.
 *
 * "percpu": every CPU has its own copy of a DEFINE_PER_CPU variable, away
 * from the .percpu template and from the other copies; this_cpu_*() on a
 * CPU reach exactly the copy per_cpu(var, cpu) names; concurrent
 * this_cpu_inc() from every CPU loses nothing.
 *
 * The variables are written by cross-call callbacks on their own CPU (the
 * owner, interrupts off, as docs/style.md §3.2 asks) and read by the case's
 * hart once the callbacks are over, through per_cpu().
 */
#include <kunit/test.h>
#include <linux/cpumask.h>
#include <linux/percpu.h>
#include <linux/smp.h>

#define INC_ITERATIONS	10000UL		/* per CPU */

static DEFINE_PER_CPU(int, pcpu_test_id);
static DEFINE_PER_CPU(unsigned long, pcpu_test_count);
static DEFINE_PER_CPU(u64, pcpu_test_wide[4]);	/* wider than a pointer */
/* Per CPU: did this_cpu_ptr() there equal per_cpu_ptr(.., cpu)? */
static bool this_cpu_ptr_matched[NR_CPUS];	/* [the CPU itself] */

static void write_own_id(void *info)
{
	(void)info;
	this_cpu_write(pcpu_test_id, (int)smp_processor_id());
}

static void copies_are_distinct_per_cpu(struct kunit *test)
{
	unsigned int cpu;

	for_each_possible_cpu(cpu)
		per_cpu(pcpu_test_id, cpu) = -1;
	on_each_cpu(write_own_id, NULL, true);
	for_each_possible_cpu(cpu)
		KUNIT_EXPECT_EQ_MSG(test, per_cpu(pcpu_test_id, cpu),
				    cpu_online(cpu) ? (int)cpu : -1, "cpu %u", cpu);
}

static void increment_own_count(void *info)
{
	(void)info;
	for (unsigned long i = 0; i < INC_ITERATIONS; i++)
		this_cpu_inc(pcpu_test_count);
}

static void this_cpu_inc_sums_exactly(struct kunit *test)
{
	unsigned long sum = 0;
	unsigned int cpu;

	for_each_possible_cpu(cpu)
		per_cpu(pcpu_test_count, cpu) = 0;
	on_each_cpu(increment_own_count, NULL, true);
	for_each_online_cpu(cpu) {
		KUNIT_EXPECT_EQ_MSG(test, per_cpu(pcpu_test_count, cpu),
				    INC_ITERATIONS, "cpu %u", cpu);
		sum += per_cpu(pcpu_test_count, cpu);
	}
	KUNIT_EXPECT_EQ(test, sum, INC_ITERATIONS * num_online_cpus());
}

static void per_cpu_ptrs_are_separate_from_template_and_each_other(struct kunit *test)
{
	unsigned long size = sizeof(pcpu_test_wide);
	unsigned int a, b;

	for_each_possible_cpu(a) {
		unsigned long pa = (unsigned long)per_cpu_ptr(&pcpu_test_wide, a);

		KUNIT_EXPECT_PTR_NE_MSG(test, (void *)per_cpu_ptr(&pcpu_test_wide, a),
					(void *)&pcpu_test_wide, "cpu %u", a);
		for_each_possible_cpu(b) {
			unsigned long pb = (unsigned long)per_cpu_ptr(&pcpu_test_wide, b);

			if (a >= b)
				continue;
			KUNIT_EXPECT_GE_MSG(test, pa > pb ? pa - pb : pb - pa, size,
					    "cpus %u and %u overlap", a, b);
		}
	}
}

static void check_this_cpu_ptr(void *info)
{
	unsigned int cpu = smp_processor_id();

	(void)info;
	WRITE_ONCE(this_cpu_ptr_matched[cpu],
		   this_cpu_ptr(&pcpu_test_wide) == per_cpu_ptr(&pcpu_test_wide, cpu));
}

static void this_cpu_ptr_is_own_per_cpu_copy(struct kunit *test)
{
	unsigned int cpu;

	for_each_possible_cpu(cpu)
		WRITE_ONCE(this_cpu_ptr_matched[cpu], false);
	on_each_cpu(check_this_cpu_ptr, NULL, true);
	for_each_online_cpu(cpu)
		KUNIT_EXPECT_TRUE_MSG(test, READ_ONCE(this_cpu_ptr_matched[cpu]),
				      "cpu %u", cpu);
}

static void writing_a_copy_leaves_template_alone(struct kunit *test)
{
	int template = pcpu_test_id;	/* the .percpu image itself */
	unsigned int cpu;

	for_each_possible_cpu(cpu)
		per_cpu(pcpu_test_id, cpu) = template + 1 + (int)cpu;
	KUNIT_EXPECT_EQ(test, pcpu_test_id, template);
	KUNIT_EXPECT_EQ(test, this_cpu_read(pcpu_test_id),
			template + 1 + (int)smp_processor_id());
}

static struct kunit_case percpu_cases[] = {
	KUNIT_CASE(copies_are_distinct_per_cpu),
	KUNIT_CASE(this_cpu_inc_sums_exactly),
	KUNIT_CASE(per_cpu_ptrs_are_separate_from_template_and_each_other),
	KUNIT_CASE(this_cpu_ptr_is_own_per_cpu_copy),
	KUNIT_CASE(writing_a_copy_leaves_template_alone),
	{}
};

static struct kunit_suite percpu_suite = {
	.name = "percpu",
	.test_cases = percpu_cases,
};

kunit_test_suite(percpu_suite);
