/* SPDX-License-Identifier: MIT */
/*
 * include/linux/kthread.h — kernel threads: create, start, stop, join.
 *
 * Implemented by: kernel/sched/kthread.c and core.c (stacks on the hart's
 * node from the page allocator, task structs from kmalloc_node()).
 * Mirrors: <linux/kthread.h>.  Differences from Linux:
 *  - kthread_create_on_cpu(), kthread_create() and kthread_run() return
 *    NULL on failure, not an ERR_PTR(): test the result with !k, not
 *    IS_ERR(k) (Nodal has no ERR_PTR);
 *  - a thread is bound to one hart for its life (kthread_create() binds it
 *    to the creator's);
 *  - kthread_wait() is Nodal's join.
 */
#ifndef NODAL_KTHREAD_H
#define NODAL_KTHREAD_H

#include <linux/sched.h>

/**
 * kthread_create_on_cpu() - a new task that will run @threadfn(@data)
 * @cpu: the hart it is bound to; its stack comes from that hart's node
 * @namefmt: printf format of its name (one unsigned-int argument: @cpu)
 *
 * The task starts asleep (TASK_NEW): wake_up_process() starts it.
 * Context: task.  Return: the task, or NULL (warned) when out of memory,
 * stack slots or when @cpu is offline.
 */
struct task_struct *kthread_create_on_cpu(int (*threadfn)(void *data), void *data,
					  unsigned int cpu, const char *namefmt);

/** kthread_create() - kthread_create_on_cpu() on this hart, name printf-style */
struct task_struct *kthread_create(int (*threadfn)(void *data), void *data,
				   const char *namefmt, ...)
	__attribute__((format(printf, 3, 4)));

/** kthread_run() - kthread_create() and wake_up_process() */
#define kthread_run(threadfn, data, ...)                                 \
	({                                                               \
		struct task_struct *__k = kthread_create(threadfn, data, \
							 __VA_ARGS__);   \
		if (__k)                                                 \
			wake_up_process(__k);                            \
		__k;                                                     \
	})

/** kthread_should_stop() - has kthread_stop() been called on this task? */
bool kthread_should_stop(void);

/**
 * kthread_stop() - ask @k to stop, wait until its function returns, free it
 *
 * A task that already returned is reaped at once; one never started
 * returns -EINTR without running.  Context: task, not @k itself.
 * Return: @k's return value.
 */
int kthread_stop(struct task_struct *k);

/** kthread_wait() - wait until @k's function returns, free it, return its
 * value (Nodal's join: kthread_stop() without asking it to stop) */
int kthread_wait(struct task_struct *k);

#endif /* NODAL_KTHREAD_H */
