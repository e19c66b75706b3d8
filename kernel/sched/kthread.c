/* SPDX-License-Identifier: MIT */
/*
 * kernel/sched/kthread.c — kernel threads: create on a hart, start, stop,
 * wait for the result.
 *
 * A kthread is a task running threadfn(data) on one hart.  It starts asleep
 * (TASK_NEW) so the creator can set it up, runs after wake_up_process(),
 * and when threadfn returns it becomes a zombie holding the return value
 * until kthread_stop() or kthread_wait() reaps it.  Reaping waits until the
 * task has switched away for the last time (SCHED-4), then frees its stack
 * and task_struct.
 *
 * Linux: kernel/kthread.c (kthread_create_on_cpu, kthread_stop,
 * kthread_should_stop).  Nodal has no kthreadd: the creator builds the task
 * itself, and a thread's hart is fixed at creation.
 */
#include <linux/errno.h>
#include <linux/kthread.h>
#include <linux/sched.h>
#include <linux/smp.h>
#include <linux/sprintf.h>

#include "internal.h"

struct task_struct *kthread_create_on_cpu(int (*threadfn)(void *data),
					  void *data, unsigned int cpu,
					  const char *namefmt)
{
	char name[TASK_COMM_LEN];

	snprintf(name, sizeof(name), namefmt, cpu);
	return task_create(threadfn, data, cpu, name);
}

struct task_struct *kthread_create(int (*threadfn)(void *data), void *data,
				   const char *namefmt, ...)
{
	char name[TASK_COMM_LEN];
	va_list ap;

	va_start(ap, namefmt);
	vsnprintf(name, sizeof(name), namefmt, ap);
	va_end(ap);
	return task_create(threadfn, data, raw_smp_processor_id(), name);
}

bool kthread_should_stop(void)
{
	return READ_ONCE(current->should_stop);
}

int kthread_wait(struct task_struct *k)
{
	int ret;

	if (WARN_ON(k == current))
		return -EDEADLK;
	task_wait_dead(k);
	ret = k->exit_code;
	task_free(k);
	return ret;
}

int kthread_stop(struct task_struct *k)
{
	WRITE_ONCE(k->should_stop, true);
	__sync_synchronize();
	wake_up_process(k);	/* a TASK_NEW thread starts, sees it, exits */
	return kthread_wait(k);
}
