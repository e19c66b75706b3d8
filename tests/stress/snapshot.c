/* SPDX-License-Identifier: MIT */
/*
 * tests/stress/snapshot.c — what a stress run did: the allocators'
 * counters before setup and after the join (tests/lib/counters.h), their
 * deltas, the workers' findings summed, and the checks that decide the
 * verdict (STRESS-1 and STRESS-2, stated in run.c).
 */
#include <linux/slab.h>
#include <linux/string.h>

#include "internal.h"

/* Counted by every run, on top of the scenario's own list. */
static const char *const common_locks[] = {
	"&zone->lock", "&n->list_lock", "&slab_locks[i]", "&rq->lock", NULL
};

/* One run at a time (the shell runs one command): all [shell]. */
static const char *lock_names[COUNTERS_MAX_LOCKS];
static unsigned int nr_lock_names;
static struct counter_snapshot before, after;

static void collect_lock_names(const struct stress_test *t)
{
	nr_lock_names = 0;
	for (int i = 0; common_locks[i]; i++)
		lock_names[nr_lock_names++] = common_locks[i];
	for (int i = 0;
	     t->locks && t->locks[i] && nr_lock_names < COUNTERS_MAX_LOCKS; i++)
		lock_names[nr_lock_names++] = t->locks[i];
}

void stress_snapshot_before(const struct stress_run *r)
{
	collect_lock_names(r->test);
	counter_snapshot_take(&before, lock_names, nr_lock_names);
}

void stress_snapshot_after(void)
{
	counter_snapshot_take(&after, lock_names, nr_lock_names);
}

/* The workers' counts, summed, and who freed what they allocated where. */
static void sum_workers(const struct stress_run *r, struct stress_outcome *o)
{
	o->ops = o->checked = o->bad = o->double_free = o->alloc_fail = 0;
	o->live = 0;
	memset(o->matrix, 0, sizeof(o->matrix));
	for (unsigned int i = 0; i < r->nr; i++) {
		const struct stress_worker *w = &r->w[i];

		o->ops += w->ops;
		o->checked += w->checked;
		o->bad += w->bad;
		o->double_free += w->double_free;
		o->alloc_fail += w->alloc_fail;
		o->live += w->live;
		for (int nid = 0; nid < MAX_NUMNODES; nid++)
			o->matrix[nid][w->nid] += w->freed_from[nid];
	}
}

static void add_problem(struct stress_outcome *o, bool found, const char *what)
{
	if (found && o->nr_problems < STRESS_MAX_PROBLEMS)
		o->problem[o->nr_problems++] = what;
}

long stress_pages_lost(void)
{
	return (long)before.free_pages - (long)settled_free_pages();
}

void stress_tally(const struct stress_run *r, struct stress_outcome *o)
{
	sum_workers(r, o);
	o->free_delta = stress_pages_lost();
	o->validate_errors = validate_all_slab_caches();
	o->nr_problems = 0;
	add_problem(o, o->bad, "payload checksums failed");
	add_problem(o, o->double_free, "an object was freed twice");
	add_problem(o, o->live, "objects lost (allocated, never freed)");
	add_problem(o, o->free_delta, "free pages did not come back");
	add_problem(o, o->validate_errors, "slab caches do not validate");
	add_problem(o, r->problems, "the scenario's own checks failed");
	counter_snapshot_delta(&o->delta, &after, &before);
}
