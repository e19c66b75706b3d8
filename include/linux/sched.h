/* SPDX-License-Identifier: MIT */
/*
 * include/linux/sched.h — kernel tasks: struct task_struct, current and the
 * scheduler's entry points.
 *
 * Implemented by: kernel/sched/core.c (run queues and context switch) and
 * kernel/context.c (current_task, init_task).  Mirrors: <linux/sched.h>.
 * Kernel threads are <linux/kthread.h>, msleep() <linux/delay.h>.
 * Differences from Linux:
 *  - a task is bound to one hart for its whole life (kthread_create_on_cpu
 *    or the creator's hart): there is no migration and no load balancing,
 *    so a task's smp_processor_id() never changes under it;
 *  - one round-robin run queue per hart, a time slice of one tick (10 ms);
 *    preemption on the tick and when a wake-up targets an idle hart, never
 *    inside a spinlock, a preempt_disable() section or with interrupts off;
 *  - every task is a kernel thread; there are no processes, signals or
 *    user space, and a task that returns from its function becomes a
 *    zombie until kthread_stop() reaps it;
 *  - `current` is a per-CPU pointer (task_struct does not live on the
 *    stack, as on riscv Linux it lives in tp; tp is the per-CPU offset here);
 *  - the timed sleep is schedule_timeout_ns(), in nanoseconds, not
 *    schedule_timeout() in jiffies.
 *
 * Every layer may include this header: mm/ reads current's memory policy
 * and page counts.  Its row in docs/design.md §3.2 is `* kernel/
 * kernel/sched/`: current_task and init_task are kernel/'s, the
 * scheduler's functions kernel/sched/'s, above mm/; tools/check-layers
 * refuses a call to them from any layer below.
 */
#ifndef NODAL_SCHED_H
#define NODAL_SCHED_H

#include <linux/list.h>
#include <linux/nodemask.h>
#include <linux/percpu-defs.h>
#include <linux/types.h>

/* Task states, Linux's values for the ones Linux has. */
#define TASK_RUNNING		0x0000	/* on its run queue or running */
#define TASK_INTERRUPTIBLE	0x0001	/* sleeping until woken */
#define TASK_UNINTERRUPTIBLE	0x0002	/* sleeping until woken (same here) */
#define TASK_DEAD		0x0080	/* returned from its function */
#define TASK_NEW		0x0800	/* created, never woken */

#define TASK_COMM_LEN		16

struct mempolicy;
struct page;
struct arch_jmp_buf;

/* Callee-saved state of a switched-out task (arch/riscv/switch.S). */
struct thread_struct {
	unsigned long ra;
	unsigned long sp;
	unsigned long s[12];
};

struct task_struct {
	struct thread_struct thread;	/* [rq lock] first: switch.S */
	unsigned int __state;		/* [rq lock] TASK_*; the task itself
					 * may set a sleeping state (WRITE_ONCE) */
	bool on_rq;			/* [rq lock] queued or running */
	bool on_cpu;			/* [rq lock] not yet switched away from */
	int pid;			/* [const] 0 for the idle tasks */
	int cpu;			/* [const] the hart it runs on */
	char comm[TASK_COMM_LEN];	/* [const] name */

	unsigned long stack;		/* [const] lowest stack address */
	unsigned long stack_slot;	/* [const] kernel/sched stack slot */
	struct page *stack_page;	/* [const] its pages (NULL: boot stack) */
	struct list_head run_list;	/* [rq lock] the run queue link */
	struct list_head sleep_list;	/* [rq lock] on rq->sleepers */
	struct list_head tasks;		/* [tasklist_lock] all tasks */
	u64 wake_at_ns;			/* [rq lock] timed sleep deadline, or 0 */

	/* Kernel thread (kernel/sched/kthread.c). */
	int (*threadfn)(void *data);	/* [const] */
	void *data;			/* [const] */
	int exit_code;			/* [task] threadfn's return value */
	bool should_stop;		/* [atomic] kthread_stop() was called */
	struct task_struct *reaper;	/* [rq lock] woken at exit, or NULL */

	/* Memory policy (mm/mempolicy/mempolicy.c), changed by the task only. */
	struct mempolicy *mempolicy;	/* [task] NULL: the default policy */
	int il_prev;			/* [task] last interleave node */
	u8 il_weight;			/* [task] weighted-interleave credit left */
	unsigned long numa_pages[MAX_NUMNODES]; /* [task] pages placed by node */

	/* The KUnit case the task runs, or NULL (<kunit/test-bug.h>). */
	struct kunit *kunit_test; /* [task] set by tests/kunit's runner */

	struct arch_jmp_buf *fault_catch; /* [task] saved while switched out */
	/* [task] fault injection's task-filter picks it (<linux/fault-inject.h>) */
	bool make_it_fail;

	/* Statistics for `ps`. */
	u64 nvcsw;			/* [stat] voluntary switches (slept) */
	u64 nivcsw;			/* [stat] preempted */
	u64 sum_exec_ns;		/* [stat] time on the hart */
	u64 last_ran_ns;		/* [rq lock] when it last got the hart */
};

/*
 * Each CPU's running task, defined below every layer (kernel/context.c) so
 * that mm/ may read `current` although the scheduler sits above it.
 */
DECLARE_PER_CPU(struct task_struct *, current_task);
/* The boot CPU's task from the first instruction; later its idle task. */
extern struct task_struct init_task;

/* Each hart's own task; interrupts run on top of it (it does not change). */
static __always_inline struct task_struct *get_current(void)
{
	return this_cpu_read(current_task);
}
#define current get_current()

/** schedule() - give the hart to the next runnable task.
 * Context: task, preemption and interrupts enabled (warns otherwise). */
void schedule(void);

/** wake_up_process() - make sleeping @p runnable.  Return: true if it slept. */
bool wake_up_process(struct task_struct *p);

/** set_current_state() - set this task's state before testing a wake-up
 * condition and calling schedule(); a wake_up_process() in between wins. */
#define set_current_state(state) do {					\
	WRITE_ONCE(current->__state, (state));				\
	__sync_synchronize();						\
} while (0)
#define __set_current_state(state) WRITE_ONCE(current->__state, (state))

/** cond_resched() - schedule() if the tick asked for it; a no-op otherwise */
void cond_resched(void);

/** yield() - let every other runnable task on this hart run first */
void yield(void);

/**
 * schedule_timeout_ns() - sleep until woken or @ns have passed
 * Context: task; the caller sets TASK_INTERRUPTIBLE first (as in Linux).
 * Return: nanoseconds left (0 if the time ran out).
 */
u64 schedule_timeout_ns(u64 ns);

/* Boot: the calling context becomes this hart's idle task (CPU 0: after
 * setup_per_cpu_areas(), the run queue lives in the per-CPU area). */
void sched_init(void);
void sched_init_secondary(void);
/** cpu_startup_entry() - this hart's idle loop: wfi until a task is runnable */
__noreturn void cpu_startup_entry(void);

/**
 * for_each_task() - call @fn on every live task under the task
 * list's lock (interrupts off): @fn must be short and must not sleep.
 */
void for_each_task(void (*fn)(struct task_struct *p, void *arg), void *arg);

/** sched_nr_switches() - context switches so far on @cpu */
u64 sched_nr_switches(unsigned int cpu);

/** task_state_char() - `ps`'s letter: R running, S sleeping, N new, Z dead */
char task_state_char(const struct task_struct *p);

#endif /* NODAL_SCHED_H */
