/* SPDX-License-Identifier: MIT */
/*
 * include/linux/preempt.h — preemption control: preempt_disable/enable, the
 * per-hart request to reschedule, and whether we are in an interrupt.
 *
 * Implemented by: this header (inline) and kernel/context.c (the counters
 * and preempt_schedule(), which calls the scheduler through the hook
 * sched_init() registers: the scheduler sits above mm/, these counters
 * below everything that takes a lock).  Mirrors: <linux/preempt.h>.
 * Differences from Linux:
 *  - the count is per CPU, not per task.  That is sound here because tasks
 *    never migrate and every context switch happens with the count at the
 *    same value (one: the run queue's lock, held across the switch), so the
 *    count a task left is the count it finds;
 *  - the count is changed with a plain load/add/store with interrupts on.
 *    An interrupt between the load and the store leaves the count as it
 *    found it (handlers are balanced), and cannot switch tasks unless the
 *    count was already zero, in which case the task it resumes sees zero
 *    again: no atomic instruction is needed (Linux's x86 uses one
 *    instruction, riscv Linux keeps the count in thread_info);
 *  - the reschedule request is a per-CPU flag (Linux: TIF_NEED_RESCHED).
 *
 * spin_lock() and friends disable preemption, as in Linux; so does taking
 * the console.  Per-CPU data is protected by interrupts off (percpu-defs.h),
 * which also keeps the tick from preempting.
 */
#ifndef NODAL_PREEMPT_H
#define NODAL_PREEMPT_H

#include <asm/barrier.h>
#include <linux/percpu-defs.h>
#include <linux/types.h>

DECLARE_PER_CPU(int, __preempt_count);	/* [cpu] see above */
DECLARE_PER_CPU(bool, __need_resched);	/* [atomic] set by any hart */

/** preempt_count() - this hart's preemption-disable depth */
static __always_inline int preempt_count(void)
{
	return READ_ONCE(*this_cpu_ptr(&__preempt_count));
}

/** need_resched() - has someone asked this hart to reschedule? */
static __always_inline bool need_resched(void)
{
	return READ_ONCE(*this_cpu_ptr(&__need_resched));
}

/**
 * preempt_schedule() - reschedule now if preemption is allowed here
 *
 * Calls the scheduler's hook; does nothing before sched_init() sets it
 * (nobody can have asked for a reschedule then).  Context: any.
 */
void preempt_schedule(void);

/**
 * preempt_set_scheduler() - register the scheduler's preemption entry
 * @fn: switches tasks if preemption is allowed here (kernel/sched)
 *
 * Context: boot (sched_init()).
 */
void preempt_set_scheduler(void (*fn)(void));

/* Interrupt context: handlers bracket themselves with irq_enter/irq_exit
 * (<linux/hardirq.h>). */
DECLARE_PER_CPU(unsigned int, hardirq_count); /* [cpu] nesting depth */
#define in_interrupt() (this_cpu_read(hardirq_count) != 0)

#define preempt_disable() do {						\
	(*this_cpu_ptr(&__preempt_count))++;				\
	barrier();							\
} while (0)

#define preempt_enable_no_resched() do {				\
	barrier();							\
	(*this_cpu_ptr(&__preempt_count))--;				\
} while (0)

#define preempt_enable() do {						\
	barrier();							\
	if (!--(*this_cpu_ptr(&__preempt_count)) &&			\
	    unlikely(need_resched()))					\
		preempt_schedule();					\
} while (0)

#endif /* NODAL_PREEMPT_H */
