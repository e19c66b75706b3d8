/* SPDX-License-Identifier: MIT */
/*
 * tests/kunit/tick_kunit.c — KUnit suite for the tick works of
 * kernel/time.c (<nodal/tick.h>).
 *
 * "tick": a work runs on the ticks whose count is a multiple of its
 * period, stops when unregistered, and registration refuses a NULL
 * function, a zero period and a full table, printing why and changing
 * nothing.  The expected call counts come from the rule in tick.h, worked
 * on the tick counts read before and after, not from the table.
 *
 * The boot registers three works (the scheduler's, the per-CPU page
 * lists', the watchdog's) and keeps them; a stress run or the sched suite
 * may hold one more each.  Every case unregisters what it registered, so
 * the suite can run any number of times.
 */
#include <kunit/test.h>
#include <linux/delay.h>
#include <linux/errno.h>
#include <linux/irqflags.h>
#include <linux/percpu-defs.h>
#include <linux/smp.h>
#include <nodal/tick.h>

#define BOOT_TICK_WORKS 3 /* sched, pcp, watchdog */

static DEFINE_PER_CPU(unsigned long, every_third_calls); /* [cpu] */

static void every_third(void)
{
	__this_cpu_inc(every_third_calls);
}

static void noop_tick(void)
{
}

/* This CPU's tick count and the work's calls, read between two ticks. */
static void sample(u64 *ticks, unsigned long *calls)
{
	unsigned long flags;

	local_irq_save(flags);
	*ticks = this_cpu_read(timer_ticks);
	*calls = this_cpu_read(every_third_calls);
	local_irq_restore(flags);
}

/*
 * Over the ticks t0+1 .. t1 a work of period 3 runs once per multiple of
 * 3: t1/3 - t0/3 times.  The case's task stays on its hart (no migration),
 * so both samples are that hart's.
 */
static void work_runs_every_period_ticks(struct kunit *test)
{
	unsigned long c0, c1;
	u64 t0, t1;

	KUNIT_ASSERT_EQ(test, register_tick_work(every_third, 3), 0);
	sample(&t0, &c0);
	msleep(100); /* about ten ticks */
	sample(&t1, &c1);
	KUNIT_EXPECT_EQ(test, unregister_tick_work(every_third), 0);
	KUNIT_EXPECT_GE(test, t1 - t0, 6ULL);
	KUNIT_EXPECT_EQ(test, (u64)(c1 - c0), t1 / 3 - t0 / 3);
}

/* After unregister_tick_work() the work's calls stop while ticks go on. */
static void unregistered_work_stops(struct kunit *test)
{
	unsigned long c0, c1;
	u64 t0, t1;

	KUNIT_ASSERT_EQ(test, register_tick_work(every_third, 1), 0);
	msleep(30);
	KUNIT_ASSERT_EQ(test, unregister_tick_work(every_third), 0);
	sample(&t0, &c0);
	msleep(50);
	sample(&t1, &c1);
	KUNIT_EXPECT_GT(test, t1, t0);
	KUNIT_EXPECT_EQ(test, c1, c0);
	KUNIT_EXPECT_EQ(test, unregister_tick_work(every_third), -ENOENT);
}

/* A NULL function or a zero period is refused and registers nothing. */
static void bad_registration_refused(struct kunit *test)
{
	KUNIT_EXPECT_EQ(test, register_tick_work(noop_tick, 0), -EINVAL);
	KUNIT_EXPECT_EQ(test, register_tick_work(NULL, 1), -EINVAL);
	KUNIT_EXPECT_EQ(test, unregister_tick_work(noop_tick), -ENOENT);
	KUNIT_EXPECT_EQ(test, unregister_tick_work(NULL), -ENOENT);
}

/*
 * Fill the table: the first registration past it fails with -ENOSPC, and
 * so does the watchdog's (its "no room" path), taking no slot.  Freeing
 * the slots gives every one of them back.
 */
static void full_table_refuses_then_frees(struct kunit *test)
{
	int filled = 0, err;

	while (!(err = register_tick_work(noop_tick, 1)) && filled < MAX_TICK_WORK)
		filled++;
	KUNIT_EXPECT_EQ(test, err, -ENOSPC);
	KUNIT_EXPECT_GE(test, filled, 1);
	KUNIT_EXPECT_LE(test, filled, MAX_TICK_WORK - BOOT_TICK_WORKS);
	lockup_detector_init(); /* warns that it found no room */
	KUNIT_EXPECT_EQ(test, register_tick_work(noop_tick, 1), -ENOSPC);
	for (int i = 0; i < filled; i++)
		KUNIT_EXPECT_EQ(test, unregister_tick_work(noop_tick), 0);
	KUNIT_EXPECT_EQ(test, unregister_tick_work(noop_tick), -ENOENT);
	for (int i = 0; i < filled; i++)
		KUNIT_EXPECT_EQ(test, register_tick_work(noop_tick, 1), 0);
	KUNIT_EXPECT_EQ(test, register_tick_work(noop_tick, 1), -ENOSPC);
	for (int i = 0; i < filled; i++)
		KUNIT_EXPECT_EQ(test, unregister_tick_work(noop_tick), 0);
}

static struct kunit_case tick_cases[] = {
	KUNIT_CASE(work_runs_every_period_ticks),
	KUNIT_CASE(unregistered_work_stops),
	KUNIT_CASE(bad_registration_refused),
	KUNIT_CASE(full_table_refuses_then_frees),
	{}
};

static struct kunit_suite tick_suite = {
	.name = "tick",
	.test_cases = tick_cases,
};
kunit_test_suite(tick_suite);
