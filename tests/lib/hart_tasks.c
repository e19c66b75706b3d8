/* SPDX-License-Identifier: MIT */
/*
 * tests/lib/hart_tasks.c — tasks bound to harts, released together, and
 * pairing by node (what each function promises: hart_tasks.h).
 *
 * The barrier is two counters and a flag: each task counts itself ready
 * and waits for @go; the starter sleeps until all are ready, then sets
 * @go with a release store.  A task waiting for @go either spins, so that
 * it starts the instant it is released (a benchmark's timing), or sleeps
 * a millisecond at a time, so that tasks sharing a hart and the starter
 * on it all get there (a stress run's harts=0,0,1,1).
 */
#include <asm/barrier.h>
#include <asm/processor.h>
#include <linux/cpumask.h>
#include <linux/delay.h>
#include <linux/errno.h>
#include <linux/kthread.h>
#include <linux/printk.h>
#include <linux/string.h>
#include <linux/timekeeping.h>
#include <linux/topology.h>

#include "hart_tasks.h"

static int hart_task_fn(void *data)
{
	struct hart_task *t = data;
	struct hart_tasks *ht = t->group;
	const struct hart_work *work = ht->work;

	if (work->prepare)
		work->prepare(ht->arg, t->idx);
	__atomic_fetch_add(&ht->ready, 1, __ATOMIC_RELEASE);
	while (!smp_load_acquire(&ht->go)) {
		if (work->sleep)
			msleep(1);
		else
			cpu_relax();
	}
	work->fn(ht->arg, t->idx);
	t->end_ns = ktime_get_ns();
	__atomic_fetch_add(&ht->done, 1, __ATOMIC_RELEASE);
	return 0;
}

int hart_tasks_start(struct hart_tasks *ht, const struct hart_work *work,
		     void *arg, const unsigned int *cpus, unsigned int nr)
{
	unsigned int i;

	if (!nr || nr > HART_TASKS_MAX)
		return -EINVAL;
	for (i = 0; i < nr; i++)
		if (!cpu_online(cpus[i]))
			return -EINVAL;
	memset(ht, 0, sizeof(*ht));
	ht->work = work;
	ht->arg = arg;
	for (i = 0; i < nr; i++) {
		struct hart_task *t = &ht->task[i];

		t->group = ht;
		t->idx = i;
		t->task = kthread_create_on_cpu(hart_task_fn, t, cpus[i],
						work->name);
		if (!t->task) {
			while (i) /* never started: just freed */
				kthread_stop(ht->task[--i].task);
			return -ENOMEM;
		}
	}
	ht->nr = nr;
	for (i = 0; i < nr; i++)
		wake_up_process(ht->task[i].task);
	while (READ_ONCE(ht->ready) < nr)
		msleep(1);
	return 0;
}

u64 hart_tasks_release(struct hart_tasks *ht)
{
	ht->start_ns = ktime_get_ns();
	smp_store_release(&ht->go, true);
	return ht->start_ns;
}

bool hart_tasks_done(const struct hart_tasks *ht)
{
	return smp_load_acquire(&ht->done) == ht->nr;
}

u64 hart_tasks_join(struct hart_tasks *ht)
{
	u64 end = ht->start_ns;

	for (unsigned int i = 0; i < ht->nr; i++) {
		kthread_wait(ht->task[i].task);
		end = max(end, ht->task[i].end_ns);
	}
	return end - ht->start_ns;
}

/* The first unpaired worker after @i that suits it; PAIR_NONE if none. */
static unsigned int first_partner(const unsigned int *cpus, unsigned int nr,
				  const unsigned int *peer, unsigned int i,
				  bool same_node, bool any)
{
	for (unsigned int j = i + 1; j < nr; j++) {
		bool same = cpu_to_node(cpus[j]) == cpu_to_node(cpus[i]);

		if (peer[j] == PAIR_NONE && (any || same == same_node))
			return j;
	}
	return PAIR_NONE;
}

unsigned int pair_by_node(const unsigned int *cpus, unsigned int nr,
			  bool same_node, bool any, unsigned int *peer)
{
	unsigned int pairs = 0;

	for (unsigned int i = 0; i < nr; i++)
		peer[i] = PAIR_NONE;
	for (unsigned int i = 0; i < nr; i++) {
		unsigned int j;

		if (peer[i] != PAIR_NONE)
			continue;
		j = first_partner(cpus, nr, peer, i, same_node, false);
		if (j == PAIR_NONE && any)
			j = first_partner(cpus, nr, peer, i, same_node, true);
		if (j == PAIR_NONE)
			continue;
		peer[i] = j;
		peer[j] = i;
		pairs++;
	}
	return pairs;
}
