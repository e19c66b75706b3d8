/* SPDX-License-Identifier: MIT */
/*
 * tests/kunit/smp_kunit.c — KUnit suites for spinlocks and cross-calls.
 *
 * "spinlock": mutual exclusion under real contention from every hart,
 * lock_stat's acquisition counts, spin_trylock() and spin_lock_irqsave().
 * "smp_call": on_each_cpu(), smp_call_function_single() and
 * smp_call_function() run each callback where and as often as promised.
 *
 * Cross-call callbacks run in the target's IPI handler with interrupts
 * off; they only record what they saw, and the case checks the records
 * on its own hart afterwards (an assertion in a callback could not end
 * the case, see include/kunit/test.h).  Each lock below is defined here
 * so that its class counts this file's acquisitions only, and each is
 * always taken with interrupts off or always with them on: lock_stat
 * warns about a class used both ways.
 */
#include <asm/spinlock.h>
#include <kunit/test.h>
#include <linux/cpumask.h>
#include <linux/errno.h>
#include <linux/init.h>
#include <linux/irqflags.h>
#include <linux/printk.h>
#include <linux/smp.h>
#include <linux/spinlock.h>
#include <linux/string.h>
#include <linux/timekeeping.h>

/*
 * Per hart.  Under QEMU's multi-threaded TCG every hart is a host thread,
 * and with more harts than host cores a FIFO lock's next owner is often
 * descheduled, so this case's time grows faster than the work: on 2 busy
 * host cores it took 21 s with 4 harts and 322 s with 16 (spin_wait()'s
 * proportional backoff; without it, 25 ms per contended acquisition at
 * 16 harts, hours in all).  A run on a small host may lower it with
 * EXTRA_CFLAGS=-DCOUNTER_ITERATIONS=N; the checks stay exact.
 */
#ifndef COUNTER_ITERATIONS
#define COUNTER_ITERATIONS	100000UL
#endif
#define STATS_ITERATIONS	100UL		/* per hart */
#define NOWAIT_TIMEOUT_NS	(5ULL * 1000000000ULL)

/*
 * spinlock_test_iterations=N overrides it for one boot: tools/run-tests
 * uses it for 16 harts, where 100000 takes minutes (see above).
 */
static unsigned long counter_iterations = COUNTER_ITERATIONS;

static void parse_iterations(const char *val)
{
	unsigned long n;

	if (!val || kstrtoul(val, 0, &n) || !n)
		pr_warn("kunit: spinlock_test_iterations=%s ignored: a positive number\n",
			val ? val : "");
	else
		counter_iterations = n;
}
cmdline_param("spinlock_test_iterations", parse_iterations,
	      "spinlock_test_iterations=N: per-hart increments of the spinlock counter case");

/* ---- suite "spinlock" ---- */

/* Taken in IPI handlers and, on the calling hart, with interrupts off. */
static DEFINE_SPINLOCK(counter_lock);
static unsigned long shared_counter;		/* [counter_lock] */

/* Taken with interrupts on, by the case's hart only (trylock may fail elsewhere). */
static DEFINE_SPINLOCK(trylock_lock);

/* Taken with interrupts off only. */
static DEFINE_SPINLOCK(irqsave_lock);

static void increment_counter(void *info)
{
	unsigned long iterations = *(unsigned long *)info;

	for (unsigned long i = 0; i < iterations; i++) {
		spin_lock(&counter_lock);
		/* A separate load and store: a lost update shows a broken lock. */
		WRITE_ONCE(shared_counter, READ_ONCE(shared_counter) + 1);
		spin_unlock(&counter_lock);
	}
}

/*
 * DEFINE_SPINLOCK classes get their id on first acquisition, so read the
 * class through a first (irqs-off) acquisition.  Return: 0 or -ENOENT.
 */
static int read_class(spinlock_t *lock, const char *name,
		      struct lock_class_stats *st)
{
	unsigned long flags;

	spin_lock_irqsave(lock, flags);
	spin_unlock_irqrestore(lock, flags);
	return lock_class_stats_read(name, st);
}

static void counter_exact_under_contention(struct kunit *test)
{
	unsigned long iterations = counter_iterations;
	unsigned long expected = iterations * num_online_cpus();
	struct lock_class_stats before, after;
	u64 start_ns, elapsed_ns;

	KUNIT_ASSERT_EQ(test, read_class(&counter_lock, "counter_lock", &before), 0);
	shared_counter = 0;
	start_ns = ktime_get_ns();
	on_each_cpu(increment_counter, &iterations, true);
	elapsed_ns = ktime_get_ns() - start_ns;
	KUNIT_ASSERT_EQ(test, lock_class_stats_read("counter_lock", &after), 0);

	KUNIT_EXPECT_EQ(test, READ_ONCE(shared_counter), expected);
	if (lock_stat_enabled) {
		KUNIT_EXPECT_EQ(test, after.acquisitions - before.acquisitions,
				expected);
		KUNIT_EXPECT_LE(test, after.contentions - before.contentions,
				after.acquisitions - before.acquisitions);
	}
	kunit_info(test, "%u harts x %lu: %llu ms, %llu contentions",
		   num_online_cpus(), iterations,
		   (unsigned long long)(elapsed_ns / 1000000),
		   (unsigned long long)(after.contentions - before.contentions));
}

static void lock_stat_counts_every_acquisition(struct kunit *test)
{
	unsigned long iterations = STATS_ITERATIONS;
	unsigned long expected = iterations * num_online_cpus();
	struct lock_class_stats before, after;
	u64 acquisitions, contentions;

	if (!lock_stat_enabled)
		kunit_skip(test, "lockstat=off");
	KUNIT_ASSERT_EQ(test, read_class(&counter_lock, "counter_lock", &before), 0);
	on_each_cpu(increment_counter, &iterations, true);
	KUNIT_ASSERT_EQ(test, lock_class_stats_read("counter_lock", &after), 0);

	acquisitions = after.acquisitions - before.acquisitions;
	contentions = after.contentions - before.contentions;
	KUNIT_EXPECT_EQ(test, acquisitions, expected);
	KUNIT_EXPECT_LE(test, contentions, acquisitions);
	KUNIT_EXPECT_LE(test, after.con_bounces - before.con_bounces, contentions);
	KUNIT_EXPECT_LE(test, after.acq_bounces - before.acq_bounces, acquisitions);
	/* One hart alone, with interrupts off, can never find the lock taken. */
	if (num_online_cpus() == 1)
		KUNIT_EXPECT_EQ(test, contentions, 0);
}

/* As read_class(), for trylock_lock, which is taken with interrupts on. */
static int read_trylock_class(struct lock_class_stats *st)
{
	spin_lock(&trylock_lock);
	spin_unlock(&trylock_lock);
	return lock_class_stats_read("trylock_lock", st);
}

static void trylock_succeeds_on_free_lock(struct kunit *test)
{
	struct lock_class_stats before, after;
	bool taken;

	KUNIT_ASSERT_EQ(test, read_trylock_class(&before), 0);
	KUNIT_ASSERT_FALSE(test, spin_is_locked(&trylock_lock));
	taken = spin_trylock(&trylock_lock);
	KUNIT_ASSERT_TRUE(test, taken);
	KUNIT_EXPECT_TRUE(test, spin_is_held_by_me(&trylock_lock));
	spin_unlock(&trylock_lock);
	KUNIT_EXPECT_FALSE(test, spin_is_locked(&trylock_lock));
	KUNIT_ASSERT_EQ(test, lock_class_stats_read("trylock_lock", &after), 0);
	if (lock_stat_enabled)
		KUNIT_EXPECT_EQ(test, after.acquisitions - before.acquisitions, 1);
}

struct remote_trylock {
	bool taken;		/* spin_trylock() succeeded over there */
	bool locked_seen;	/* spin_is_locked() was true over there */
	bool held_by_remote;	/* spin_is_held_by_me() was true over there */
	int cpu;		/* where it ran */
};

static void trylock_from_remote(void *info)
{
	struct remote_trylock *r = info;

	r->cpu = smp_processor_id();
	r->locked_seen = spin_is_locked(&trylock_lock);
	r->held_by_remote = spin_is_held_by_me(&trylock_lock);
	r->taken = spin_trylock(&trylock_lock);
	if (r->taken)
		spin_unlock(&trylock_lock);	/* the bug is recorded; undo it */
}

/* Any online CPU but this one, or -1. */
static int other_online_cpu(void)
{
	unsigned int cpu, me = smp_processor_id();

	for_each_online_cpu(cpu)
		if (cpu != me)
			return cpu;
	return -1;
}

static void trylock_fails_when_held_elsewhere(struct kunit *test)
{
	struct remote_trylock r = { .cpu = -1 };
	struct lock_class_stats before, after;
	int cpu = other_online_cpu();

	if (cpu < 0)
		kunit_skip(test, "needs a second hart");
	KUNIT_ASSERT_EQ(test, read_trylock_class(&before), 0);

	spin_lock(&trylock_lock);
	KUNIT_EXPECT_EQ(test, smp_call_function_single(cpu, trylock_from_remote,
						       &r, true), 0);
	spin_unlock(&trylock_lock);

	KUNIT_EXPECT_EQ(test, r.cpu, cpu);
	KUNIT_EXPECT_TRUE(test, r.locked_seen);
	KUNIT_EXPECT_FALSE(test, r.held_by_remote);
	KUNIT_EXPECT_FALSE(test, r.taken);
	KUNIT_ASSERT_EQ(test, lock_class_stats_read("trylock_lock", &after), 0);
	if (lock_stat_enabled) {
		/* Only this hart's spin_lock() counts; a failed trylock does not. */
		KUNIT_EXPECT_EQ(test, after.acquisitions - before.acquisitions, 1);
		KUNIT_EXPECT_EQ(test, after.contentions - before.contentions, 0);
	}
}

static void irqsave_restores_previous_irq_state(struct kunit *test)
{
	unsigned long flags;

	KUNIT_ASSERT_FALSE_MSG(test, irqs_disabled(), "tests run with interrupts on");

	spin_lock_irqsave(&irqsave_lock, flags);
	KUNIT_EXPECT_TRUE(test, irqs_disabled());
	spin_unlock_irqrestore(&irqsave_lock, flags);
	KUNIT_EXPECT_FALSE(test, irqs_disabled());

	local_irq_disable();
	spin_lock_irqsave(&irqsave_lock, flags);
	KUNIT_EXPECT_TRUE(test, irqs_disabled());
	spin_unlock_irqrestore(&irqsave_lock, flags);
	KUNIT_EXPECT_TRUE(test, irqs_disabled());
	local_irq_enable();
}

/*
 * arch_spin_wait_step(), the bare lock's wait that the counted lock steps
 * through: false once @ticket is served; true while it waits, counting a
 * spin only for the next in line (the others sleep); tickets compare
 * modulo 2^16.
 */
static void wait_step_stops_when_ticket_served(struct kunit *test)
{
	arch_spinlock_t lock = { .owner = 5, .next = 9 };
	unsigned long spins = 0;

	KUNIT_EXPECT_FALSE(test, arch_spin_wait_step(&lock, 5, &spins));
	KUNIT_EXPECT_EQ(test, spins, 0UL);
	KUNIT_EXPECT_TRUE(test, arch_spin_wait_step(&lock, 6, &spins));
	KUNIT_EXPECT_EQ(test, spins, 1UL);
	KUNIT_EXPECT_TRUE(test, arch_spin_wait_step(&lock, 8, &spins));
	KUNIT_EXPECT_EQ(test, spins, 1UL);
	lock.owner = 0xffff;
	KUNIT_EXPECT_TRUE(test, arch_spin_wait_step(&lock, 0, &spins));
	KUNIT_EXPECT_EQ(test, spins, 2UL);
	KUNIT_EXPECT_TRUE(test, arch_spin_wait_step(&lock, 2, &spins));
	KUNIT_EXPECT_EQ(test, spins, 2UL);
	KUNIT_EXPECT_FALSE(test, arch_spin_wait_step(&lock, 0xffff, &spins));
}

/* lock_class_stats_next() visits a class and agrees with the by-name read. */
static void lock_class_walk_finds_every_class(struct kunit *test)
{
	struct lock_class_stats st, by_name;
	unsigned int pos = 0, n = 0;
	const char *name;
	bool found = false;

	if (!lock_stat_enabled)
		kunit_skip(test, "lockstat=off");
	spin_lock(&trylock_lock);
	spin_unlock(&trylock_lock);
	while ((name = lock_class_stats_next(&pos, &st))) {
		n++;
		if (strcmp(name, "trylock_lock"))
			continue;
		found = true;
		KUNIT_ASSERT_EQ(test, lock_class_stats_read(name, &by_name), 0);
		KUNIT_EXPECT_EQ(test, st.acquisitions, by_name.acquisitions);
	}
	KUNIT_EXPECT_TRUE(test, found);
	KUNIT_EXPECT_GE(test, n, 2);
	KUNIT_EXPECT_PTR_EQ(test, lock_class_stats_next(&pos, &st), NULL);
}

static struct kunit_case spinlock_cases[] = {
	KUNIT_CASE(counter_exact_under_contention),
	KUNIT_CASE(lock_stat_counts_every_acquisition),
	KUNIT_CASE(trylock_succeeds_on_free_lock),
	KUNIT_CASE(trylock_fails_when_held_elsewhere),
	KUNIT_CASE(irqsave_restores_previous_irq_state),
	KUNIT_CASE(lock_class_walk_finds_every_class),
	KUNIT_CASE(wait_step_stops_when_ticket_served),
	{}
};

static struct kunit_suite spinlock_suite = {
	.name = "spinlock",
	.test_cases = spinlock_cases,
};

/* ---- suite "smp_call" ---- */

/* Per CPU: how often a callback ran there, and with interrupts off? */
static unsigned int call_hits[NR_CPUS];		/* [the CPU itself] */
static bool call_irqs_off[NR_CPUS];		/* [the CPU itself] */

static void record_hit(void *info)
{
	unsigned int cpu = smp_processor_id();

	(void)info;
	WRITE_ONCE(call_hits[cpu], READ_ONCE(call_hits[cpu]) + 1);
	WRITE_ONCE(call_irqs_off[cpu], irqs_disabled());
}

static void record_cpu(void *info)
{
	WRITE_ONCE(*(int *)info, (int)smp_processor_id());
}

static int smp_call_init(struct kunit *test)
{
	(void)test;
	for (unsigned int cpu = 0; cpu < NR_CPUS; cpu++) {
		WRITE_ONCE(call_hits[cpu], 0);
		WRITE_ONCE(call_irqs_off[cpu], false);
	}
	return 0;
}

static void on_each_cpu_runs_once_per_online_cpu(struct kunit *test)
{
	unsigned int cpu;

	on_each_cpu(record_hit, NULL, true);
	for (cpu = 0; cpu < NR_CPUS; cpu++)
		KUNIT_EXPECT_EQ_MSG(test, READ_ONCE(call_hits[cpu]),
				    cpu_online(cpu) ? 1U : 0U, "cpu %u", cpu);
	for_each_online_cpu(cpu)
		KUNIT_EXPECT_TRUE_MSG(test, READ_ONCE(call_irqs_off[cpu]),
				      "callback ran with interrupts on, cpu %u", cpu);
}

static void call_single_runs_on_target_cpu(struct kunit *test)
{
	unsigned int cpu;

	for_each_online_cpu(cpu) {
		int ran_on = -1;

		KUNIT_EXPECT_EQ(test, smp_call_function_single(cpu, record_cpu,
							       &ran_on, true), 0);
		KUNIT_EXPECT_EQ(test, ran_on, (int)cpu);
	}
}

static void call_single_nowait_runs_eventually(struct kunit *test)
{
	unsigned int cpu, nr_online = num_online_cpus(), nr_ran;
	u64 deadline;

	for_each_online_cpu(cpu)
		KUNIT_EXPECT_EQ(test, smp_call_function_single(cpu, record_hit,
							       NULL, false), 0);
	/* Bounded: a lost call must fail the case, not hang the run. */
	deadline = ktime_get_ns() + NOWAIT_TIMEOUT_NS;
	do {
		nr_ran = 0;
		for_each_online_cpu(cpu)
			nr_ran += READ_ONCE(call_hits[cpu]) != 0;
	} while (nr_ran < nr_online && ktime_get_ns() < deadline);

	for_each_online_cpu(cpu)
		KUNIT_EXPECT_EQ_MSG(test, READ_ONCE(call_hits[cpu]), 1U,
				    "cpu %u, after %llu s", cpu,
				    NOWAIT_TIMEOUT_NS / 1000000000ULL);
}

static void call_function_skips_the_caller(struct kunit *test)
{
	unsigned int cpu, me = smp_processor_id();

	smp_call_function(record_hit, NULL, true);
	for (cpu = 0; cpu < NR_CPUS; cpu++)
		KUNIT_EXPECT_EQ_MSG(test, READ_ONCE(call_hits[cpu]),
				    cpu_online(cpu) && cpu != me ? 1U : 0U,
				    "cpu %u (caller %u)", cpu, me);
}

static void call_to_offline_or_invalid_cpu_returns_enxio(struct kunit *test)
{
	int ran_on = -1;
	int cpu;

	KUNIT_EXPECT_EQ(test, smp_call_function_single(-1, record_cpu, &ran_on, true),
			-ENXIO);
	KUNIT_EXPECT_EQ(test, smp_call_function_single(NR_CPUS, record_cpu, &ran_on,
						       true), -ENXIO);
	for (cpu = 0; cpu < NR_CPUS && cpu_online(cpu); cpu++)
		;
	if (cpu < NR_CPUS)	/* the first CPU id no hart has */
		KUNIT_EXPECT_EQ(test, smp_call_function_single(cpu, record_cpu,
							       &ran_on, true), -ENXIO);
	KUNIT_EXPECT_EQ(test, ran_on, -1);
}

static void cpulist_parse_reads_ranges_and_rejects_bad_lists(struct kunit *test)
{
	struct cpumask m;

	KUNIT_ASSERT_EQ(test, cpulist_parse("0-2,5", &m), 0);
	KUNIT_EXPECT_EQ(test, cpumask_weight(&m), 4);
	KUNIT_EXPECT_TRUE(test, cpumask_test_cpu(2, &m));
	KUNIT_EXPECT_FALSE(test, cpumask_test_cpu(3, &m));
	KUNIT_EXPECT_TRUE(test, cpumask_test_cpu(5, &m));
	KUNIT_ASSERT_EQ(test, cpulist_parse("3", &m), 0);
	KUNIT_EXPECT_EQ(test, cpumask_weight(&m), 1);
	KUNIT_EXPECT_EQ(test, cpulist_parse("", &m), -EINVAL);
	KUNIT_EXPECT_EQ(test, cpulist_parse("1,", &m), -EINVAL);
	KUNIT_EXPECT_EQ(test, cpulist_parse("3-1", &m), -EINVAL);
	KUNIT_EXPECT_EQ(test, cpulist_parse("1-", &m), -EINVAL);
	KUNIT_EXPECT_EQ(test, cpulist_parse("a", &m), -EINVAL);
	KUNIT_EXPECT_EQ(test, cpulist_parse("0-99999", &m), -ERANGE);
}

/* The walk keeps the list's order and repeats, which a mask cannot. */
static void cpulist_next_range_walks_in_order_with_repeats(struct kunit *test)
{
	const char *list = "2,0-1,2", *bad = "1,";
	unsigned int a = 99, b = 99;

	KUNIT_ASSERT_EQ(test, cpulist_next_range(&list, &a, &b), 1);
	KUNIT_EXPECT_EQ(test, a, 2);
	KUNIT_EXPECT_EQ(test, b, 2);
	KUNIT_ASSERT_EQ(test, cpulist_next_range(&list, &a, &b), 1);
	KUNIT_EXPECT_EQ(test, a, 0);
	KUNIT_EXPECT_EQ(test, b, 1);
	KUNIT_ASSERT_EQ(test, cpulist_next_range(&list, &a, &b), 1);
	KUNIT_EXPECT_EQ(test, a, 2);
	KUNIT_EXPECT_EQ(test, cpulist_next_range(&list, &a, &b), 0);
	KUNIT_EXPECT_EQ(test, cpulist_next_range(&bad, &a, &b), -EINVAL);
	KUNIT_EXPECT_STREQ(test, bad, "1,");	/* not advanced on an error */
}

/* A stack region with every bit set, as an earlier, deeper call may leave it. */
static noinline void dirty_stack(void)
{
	unsigned long junk[256];

	memset(junk, 0xff, sizeof(junk));
	__asm__ volatile("" : : "r"(junk) : "memory"); /* keep the stores */
}

static void count_call(void *info)
{
	__atomic_fetch_add((int *)info, 1, __ATOMIC_RELAXED);
}

static noinline int call_from_dirty_frame(int cpu, int *calls)
{
	return smp_call_function_single(cpu, count_call, calls, true);
}

/*
 * A waiting cross-call uses a csd on the caller's stack, which it owns
 * from the start: whatever the stack held before must not look like a
 * csd still in flight (it did: the wait spun forever once a stress run
 * had left all-ones where the csd's flags fall).
 */
static void call_single_wait_ignores_stale_stack(struct kunit *test)
{
	int cpu = other_online_cpu(), calls = 0;

	if (cpu < 0)
		kunit_skip(test, "needs a second hart");
	dirty_stack();
	KUNIT_EXPECT_EQ(test, call_from_dirty_frame(cpu, &calls), 0);
	KUNIT_EXPECT_EQ(test, calls, 1);
}

static struct kunit_case smp_call_cases[] = {
	KUNIT_CASE(call_single_wait_ignores_stale_stack),
	KUNIT_CASE(on_each_cpu_runs_once_per_online_cpu),
	KUNIT_CASE(call_single_runs_on_target_cpu),
	KUNIT_CASE(call_single_nowait_runs_eventually),
	KUNIT_CASE(call_function_skips_the_caller),
	KUNIT_CASE(call_to_offline_or_invalid_cpu_returns_enxio),
	KUNIT_CASE(cpulist_parse_reads_ranges_and_rejects_bad_lists),
	KUNIT_CASE(cpulist_next_range_walks_in_order_with_repeats),
	{}
};

static struct kunit_suite smp_call_suite = {
	.name = "smp_call",
	.init = smp_call_init,
	.test_cases = smp_call_cases,
};

kunit_test_suites(&spinlock_suite, &smp_call_suite);
