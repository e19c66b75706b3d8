/* SPDX-License-Identifier: MIT */
/*
 * tests/lib/hart_tasks.h — tasks bound to chosen harts and released
 * together: the workers of a stress run and of a multi-hart benchmark.
 *
 * hart_tasks_start() makes one task per entry of a CPU list (a CPU may
 * repeat: its tasks then share it, switched by the tick), wakes them and
 * returns once every one waits at the start barrier; hart_tasks_release()
 * lets them all go with one store; hart_tasks_join() waits until every one
 * has returned.  Between release and join the caller is free: a stress
 * run prints progress and decides when to stop, a benchmark just joins.
 *
 * pair_by_node() pairs workers by node for producer/consumer tests.
 *
 * Implemented by: tests/lib/hart_tasks.c.  No Linux counterpart: a Linux
 * test makes the same kthread_create_on_cpu() calls and waits on a
 * completion itself.
 */
#ifndef NODAL_TESTS_HART_TASKS_H
#define NODAL_TESTS_HART_TASKS_H

#include <linux/sched.h>
#include <linux/types.h>

#define HART_TASKS_MAX 64
#define PAIR_NONE      (~0u)

/* What every task of a group does; the tasks differ only by @idx.  Read
 * by the tasks while they live: every field is [init]. */
struct hart_work {
	const char *name; /* [init] task name format, one %u: the CPU */
	/* [init] optional, on the task's hart before the barrier */
	void (*prepare)(void *arg, unsigned int idx);
	void (*fn)(void *arg, unsigned int idx); /* [init] released */
	bool sleep; /* [init] wait for the release in msleep(1),
				 * not spinning: tasks that share a hart */
};

struct hart_tasks;

struct hart_task {
	struct hart_tasks *group; /* [init] */
	unsigned int idx;	  /* [init] its place in the CPU list */
	struct task_struct *task; /* [starter] */
	u64 end_ns;		  /* [task] when fn returned */
};

struct hart_tasks {
	const struct hart_work *work; /* [init] */
	void *arg;		      /* [init] for work's functions */
	unsigned int nr;	      /* [init] tasks */
	unsigned int ready;	      /* [atomic] tasks at the barrier */
	bool go;		      /* [atomic] released */
	unsigned int done;	      /* [atomic] tasks returned from fn */
	u64 start_ns;		      /* [starter] the release */
	struct hart_task task[HART_TASKS_MAX]; /* [init] nr of them */
};

/**
 * hart_tasks_start() - make the tasks and bring them to the start barrier
 * @ht: the group; its previous contents are dropped
 * @work: what each task does; must outlive hart_tasks_join()
 * @arg: passed to @work's functions
 * @cpus: task idx runs on @cpus[idx], online
 * @nr: tasks, 1..HART_TASKS_MAX
 *
 * Context: task, may sleep.  Return: 0 once every task waits at the
 * barrier (each has run @work->prepare); -EINVAL for a bad @nr or an
 * offline CPU, -ENOMEM if a task could not be made: none is run then.
 */
int hart_tasks_start(struct hart_tasks *ht, const struct hart_work *work,
		     void *arg, const unsigned int *cpus, unsigned int nr);

/** hart_tasks_release() - let every task go at once; return that moment (ns) */
u64 hart_tasks_release(struct hart_tasks *ht);

/** hart_tasks_done() - has every released task returned from @work->fn? */
bool hart_tasks_done(const struct hart_tasks *ht);

/**
 * hart_tasks_join() - wait until every task has returned, and reap them
 *
 * Context: task, may sleep; after hart_tasks_release().  Return:
 * nanoseconds from the release to the last task's return.
 */
u64 hart_tasks_join(struct hart_tasks *ht);

/**
 * pair_by_node() - pair workers for a producer/consumer test
 * @cpus: worker i's CPU
 * @nr: workers
 * @same_node: pair workers of one node, else of two different nodes
 * @any: a worker that finds no such partner takes any unpaired one
 * @peer: out, per worker: its partner's index, or PAIR_NONE
 *
 * Greedy, in list order: each unpaired worker takes the first unpaired
 * later one that suits (on 4 harts of 2 nodes, across: 0-2 and 1-3), and
 * is the first of its pair (peer[i] > i).  Return: the number of pairs.
 */
unsigned int pair_by_node(const unsigned int *cpus, unsigned int nr,
			  bool same_node, bool any, unsigned int *peer);

#endif /* NODAL_TESTS_HART_TASKS_H */
