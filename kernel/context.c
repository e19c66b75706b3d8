/* SPDX-License-Identifier: MIT */
/*
 * kernel/context.c — what each CPU is running: its current task, its
 * preemption depth and reschedule request, its interrupt nesting.
 *
 * These per-CPU words are read by every layer (the allocators ask
 * `current` for its memory policy and in_interrupt() for the context), so
 * they live here, below kernel/smp and mm/.  The scheduler (kernel/sched,
 * above mm/, because tasks' stacks come from the page allocator) writes
 * current_task on every switch and registers preempt_schedule()'s work.
 * kunit_hooks lives here too, for the same reason: code under test in any
 * layer reaches the KUnit runner through it (<kunit/test-bug.h>).
 * Until sched_init() names the boot hart's idle task, `current` is
 * init_task, a zeroed task with no memory policy; so it is on a secondary
 * hart (its per-CPU copy was taken from the boot hart's) until
 * sched_init_secondary(), and nothing there allocates.  Locking: none; each
 * word is its CPU's own ([cpu]) but for __need_resched, which other harts
 * set ([atomic]).
 */
#include <asm/barrier.h>
#include <kunit/test-bug.h>
#include <linux/hardirq.h>
#include <linux/preempt.h>
#include <linux/sched.h>

struct task_struct init_task;

/* KUnit's hooks for code under test, filled by its runner (test-bug.h). */
struct kunit_hooks_table kunit_hooks;
DEFINE_PER_CPU(struct task_struct *, current_task) = &init_task;
DEFINE_PER_CPU(int, __preempt_count);
DEFINE_PER_CPU(bool, __need_resched);
DEFINE_PER_CPU(unsigned int, hardirq_count);

static void (*scheduler_preempt)(void); /* [init] kernel/sched's entry */

void preempt_set_scheduler(void (*fn)(void))
{
	WRITE_ONCE(scheduler_preempt, fn);
}

void preempt_schedule(void)
{
	void (*fn)(void) = READ_ONCE(scheduler_preempt);

	if (fn)
		fn();
}

void irq_enter(void)
{
	__this_cpu_inc(hardirq_count);
}

void irq_exit(void)
{
	__this_cpu_add(hardirq_count, -1);
}
