/* SPDX-License-Identifier: MIT */
/*
 * kernel/sched/internal.h — the run queue and the steps kthread.c builds on.
 */
#ifndef NODAL_SCHED_INTERNAL_H
#define NODAL_SCHED_INTERNAL_H

#include <linux/list.h>
#include <linux/sched.h>
#include <linux/spinlock.h>

#define SCHED_SLICE_TICKS	1	/* a task's turn: one tick, 10 ms */

struct rq {
	spinlock_t lock;
	struct task_struct *curr;	/* [lock; own hart reads locklessly] */
	struct task_struct *idle;	/* [const] */
	struct list_head queue;		/* [lock] runnable, not running */
	struct list_head sleepers;	/* [lock] in schedule_timeout_ns() */
	unsigned int slice_ticks;	/* [lock] ticks curr has had */
	u64 nr_switches;		/* [lock, stat] */
};

/* Release rq->lock taken by the switch (in the task switched to). */
void finish_task_switch(struct task_struct *prev);

/* A new task bound to @cpu, state TASK_NEW; NULL (warned) on failure. */
struct task_struct *task_create(int (*threadfn)(void *data), void *data,
				unsigned int cpu, const char *name);
/* End the current task with @code; it stays a zombie until reaped. */
__noreturn void do_exit(int code);
/* Sleep until @p is dead and off its hart (SCHED-4). */
void task_wait_dead(struct task_struct *p);
/* Free a dead task: its stack and task_struct (a policy is never freed:
 * mm/mempolicy interns them). */
void task_free(struct task_struct *p);

#endif /* NODAL_SCHED_INTERNAL_H */
