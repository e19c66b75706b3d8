/* SPDX-License-Identifier: MIT */
/*
 * tests/lib/counters.c — counter snapshots for the stress runs and the
 * benchmarks (what each function promises: counters.h).
 *
 * Every counter is read through its owner's public accessor and folded
 * over CPUs there; nothing here holds a lock while reading, so a snapshot
 * taken while other harts allocate is a racy one, and the callers take
 * theirs with the workers stopped.
 */
#include <linux/mm.h>
#include <linux/slab.h>
#include <linux/smp.h>
#include <linux/string.h>
#include <nodal/page_stats.h>
#include <nodal/report.h>

#include "counters.h"

unsigned long settled_free_pages(void)
{
	drain_all_pages(NULL);
	kmem_cache_shrink_all();
	drain_all_pages(NULL);
	return nr_free_pages();
}

/* SLUB's event totals over every cache and CPU, with their names. */
static void read_slub(struct counter_snapshot *s)
{
	unsigned long sum[NR_SLUB_STAT_ITEMS];

	_Static_assert(NR_SLUB_STAT_ITEMS <= COUNTERS_MAX_SLUB, "SLUB fits");
	slub_stat_sum_all(sum);
	s->nr_slub = NR_SLUB_STAT_ITEMS;
	for (unsigned int i = 0; i < NR_SLUB_STAT_ITEMS; i++)
		s->slub[i] = (struct named_count){ slub_stat_name(i), sum[i] };
}

void counter_snapshot_take(struct counter_snapshot *s, const char *const *locks,
			   unsigned int nr_locks)
{
	int nid;

	s->free_pages = settled_free_pages();
	for_each_online_node(nid)
		for (int i = 0; i < NR_VM_NUMA_EVENT_ITEMS; i++)
			s->numa[nid][i] = node_numa_event_state(nid, i);
	pcp_stat_sum_all(s->pcp);
	read_slub(s);
	s->nr_locks = min(nr_locks, (unsigned int)COUNTERS_MAX_LOCKS);
	for (unsigned int i = 0; i < s->nr_locks; i++) {
		struct lock_row *row = &s->locks[i];

		row->name = locks[i];
		row->known = !lock_class_stats_read(locks[i], &row->st);
	}
}

void lock_stats_delta(struct lock_class_stats *d,
		      const struct lock_class_stats *later,
		      const struct lock_class_stats *earlier)
{
	*d = (struct lock_class_stats){
		.acquisitions = later->acquisitions - earlier->acquisitions,
		.contentions = later->contentions - earlier->contentions,
		.wait_total_ns = later->wait_total_ns - earlier->wait_total_ns,
		.wait_max_ns = later->wait_max_ns,
		.hold_total_ns = later->hold_total_ns - earlier->hold_total_ns,
		.acq_bounces = later->acq_bounces - earlier->acq_bounces,
	};
}

void counter_snapshot_delta(struct counter_snapshot *d,
			    const struct counter_snapshot *later,
			    const struct counter_snapshot *earlier)
{
	d->free_pages = later->free_pages;
	for (int nid = 0; nid < MAX_NUMNODES; nid++)
		for (int i = 0; i < NR_VM_NUMA_EVENT_ITEMS; i++)
			d->numa[nid][i] = later->numa[nid][i] -
					  earlier->numa[nid][i];
	for (int i = 0; i < NR_PCP_STAT_ITEMS; i++)
		d->pcp[i] = later->pcp[i] - earlier->pcp[i];
	d->nr_slub = later->nr_slub;
	for (unsigned int i = 0; i < later->nr_slub; i++)
		d->slub[i] = (struct named_count){
			later->slub[i].name,
			later->slub[i].val - earlier->slub[i].val,
		};
	d->nr_locks = later->nr_locks;
	for (unsigned int i = 0; i < later->nr_locks; i++) {
		d->locks[i].name = later->locks[i].name;
		d->locks[i].known = later->locks[i].known;
		lock_stats_delta(&d->locks[i].st, &later->locks[i].st,
				 &earlier->locks[i].st);
	}
}

unsigned int lock_rows_walk(struct lock_row *rows, unsigned int max)
{
	struct lock_class_stats st;
	unsigned int pos = 0, nr = 0;
	const char *name;

	for (unsigned int i = 0; i < max; i++)
		rows[i].known = false;
	while ((name = lock_class_stats_next(&pos, &st)) && pos < max) {
		rows[pos] = (struct lock_row){
			.name = name, .known = true, .st = st
		};
		nr = pos + 1;
	}
	return nr;
}

void lock_delta_emit(struct report *r, const char *class,
		     const struct lock_class_stats *d,
		     const char *const fmt[NR_LOCK_DELTA_FIELDS])
{
	static const char *const keys[NR_LOCK_DELTA_FIELDS] = {
		[LOCK_DELTA_CLASS] = "class",
		[LOCK_DELTA_ACQUISITIONS] = "acquisitions",
		[LOCK_DELTA_CONTENTIONS] = "contentions",
		[LOCK_DELTA_WAIT_TOTAL_NS] = "wait_total_ns",
		[LOCK_DELTA_WAIT_TOTAL_US] = NULL,
		[LOCK_DELTA_WAIT_MAX_NS] = "wait_max_since_reset_ns",
		[LOCK_DELTA_HOLD_TOTAL_NS] = "hold_total_ns",
		[LOCK_DELTA_BOUNCES] = "bounces",
	};
	const u64 val[NR_LOCK_DELTA_FIELDS] = {
		[LOCK_DELTA_ACQUISITIONS] = d->acquisitions,
		[LOCK_DELTA_CONTENTIONS] = d->contentions,
		[LOCK_DELTA_WAIT_TOTAL_NS] = d->wait_total_ns,
		[LOCK_DELTA_WAIT_TOTAL_US] = d->wait_total_ns / 1000,
		[LOCK_DELTA_WAIT_MAX_NS] = d->wait_max_ns,
		[LOCK_DELTA_HOLD_TOTAL_NS] = d->hold_total_ns,
		[LOCK_DELTA_BOUNCES] = d->acq_bounces,
	};

	for (int i = 0; i < NR_LOCK_DELTA_FIELDS; i++) {
		const struct report_field f = { keys[i], fmt[i] };

		if (i == LOCK_DELTA_CLASS)
			report_str(r, &f, class);
		else
			report_u64(r, &f, val[i]);
	}
}

void allocator_knobs_emit(struct report *r)
{
	static const struct report_field knobs[] = {
		{ "pcp", NULL },
		{ "slub_cpu_partial", NULL },
		{ "slub_nocpu", NULL },
		{ "lockstat", NULL },
	};

	report_bool(r, &knobs[0], pcp_enabled);
	report_bool(r, &knobs[1], slub_cpu_partial_enabled());
	report_bool(r, &knobs[2], slub_nocpu);
	report_bool(r, &knobs[3], lock_stat_enabled);
}
