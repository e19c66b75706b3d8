/* SPDX-License-Identifier: MIT */
/*
 * tests/stress/report.c — a stress run's report: the text table for the
 * reader, then the same figures as one JSON line between `JSON-BEGIN
 * stress` and `JSON-END` for tools/study, tools/run-tests and
 * tests/host/study_test.py, then `stress: NAME PASS` or `FAIL`.  Both
 * print from one struct stress_outcome (internal.h) through the report
 * API (<nodal/report.h>), so each figure is one call and its JSON key is
 * written once, in a table of fields below; the counter sets are named by
 * their owners' tables (numa_stat_names, pcp_stat_names, slub_stat_name()).
 * The JSON keys are the ones those tools read: a change here is a change
 * of format.
 */
#include <linux/cpumask.h>
#include <linux/nodemask.h>
#include <linux/printk.h>
#include <linux/spinlock.h>
#include <linux/vmstat.h>
#include <nodal/page_stats.h>
#include <nodal/report.h>

#include "internal.h"

#define NS_PER_SEC 1000000000ULL

/* Operations per second, 0 for no time. */
static unsigned long long per_sec(u64 ops, u64 ns)
{
	return ns ? ops * NS_PER_SEC / ns : 0;
}

/* local_node / (local_node + other_node) over every node, in thousandths. */
static unsigned long local_permille(const struct counter_snapshot *d)
{
	unsigned long loc = 0, oth = 0;
	int nid;

	for_each_online_node(nid) {
		loc += d->numa[nid][NUMA_LOCAL];
		oth += d->numa[nid][NUMA_OTHER];
	}
	return loc + oth ? loc * 1000 / (loc + oth) : 1000;
}

enum {
	S_NAME,
	S_OPS,
	S_ELAPSED,
	S_OPS_PER_SEC,
	S_SEED,
	S_SECS,
	S_OPS_LIMIT,
	S_NR_CPUS,
	S_NR_NODES,
	S_POLICY,
	S_NUMA_DELAY,
	S_CPU,
	S_NODE,
	S_HART_OPS,
	S_HART_RATE,
	S_NUMA_NODE,
	S_LOCAL_RATIO,
	S_VERDICT,
	NR_S_FIELDS
};

static const struct report_field fields[NR_S_FIELDS] = {
	[S_NAME] = { "name", "stress: %s: " },
	[S_OPS] = { "ops", "%llu ops in " },
	[S_ELAPSED] = { "elapsed_ns", NULL },
	[S_OPS_PER_SEC] = { "ops_per_sec", "%llu ops/s, " },
	[S_SEED] = { "seed", "seed %llu" },
	[S_SECS] = { "secs", NULL },
	[S_OPS_LIMIT] = { "ops_limit", NULL },
	[S_NR_CPUS] = { "nr_cpus", NULL },
	[S_NR_NODES] = { "nr_nodes", NULL },
	[S_POLICY] = { "policy", ", policy %s" },
	[S_NUMA_DELAY] = { "numa_delay_ns",
			   "  numa_delay: %llu ns per distance unit on remote accesses\n" },
	[S_CPU] = { "cpu", "               %3llu" },
	[S_NODE] = { "node", " %4lld" },
	[S_HART_OPS] = { "ops", " %10llu" },
	[S_HART_RATE] = { "ops_per_sec", " %10llu" },
	[S_NUMA_NODE] = { "node", "               %5llu" },
	[S_LOCAL_RATIO] = { "local_ratio",
			    "  local ratio:  %s (local_node / (local_node + other_node))\n" },
	[S_VERDICT] = { "verdict", NULL },
};

/* The lock_stat rows of the classes the scenario follows: a table. */
static const char *const lock_fmt[NR_LOCK_DELTA_FIELDS] = {
	[LOCK_DELTA_CLASS] = "                %-18s",
	[LOCK_DELTA_ACQUISITIONS] = " %10llu",
	[LOCK_DELTA_CONTENTIONS] = " %10llu",
	[LOCK_DELTA_WAIT_TOTAL_US] = " %12llu",
	[LOCK_DELTA_BOUNCES] = " %10llu",
};

/* The integrity findings, in the verdict's order. */
static const struct report_field integrity_fields[] = {
	{ "checked", "  integrity:    %llu checked, " },
	{ "bad_checksum", "%llu bad checksums, " },
	{ "double_free", "%llu double frees, " },
	{ "lost", "%lld lost, " },
	{ "free_pages_delta", "%lld free pages off, " },
	{ "validate_errors", "%lld validate errors, " },
	{ "alloc_failures", "%llu allocation failures\n" },
};

/* "stress: xfree: 3000 ops in 0.120 s, 24999 ops/s, 4 harts, seed 1". */
static void emit_run(struct report *rep, const struct stress_run *r,
		     const struct stress_outcome *o)
{
	report_str(rep, &fields[S_NAME], r->test->name);
	report_u64(rep, &fields[S_OPS], o->ops);
	report_u64(rep, &fields[S_ELAPSED], o->elapsed_ns);
	report_text(rep, "%llu.%03llu s, ",
		    (unsigned long long)(o->elapsed_ns / NS_PER_SEC),
		    (unsigned long long)(o->elapsed_ns / 1000000ULL % 1000));
	report_u64(rep, &fields[S_OPS_PER_SEC], per_sec(o->ops, o->elapsed_ns));
	report_text(rep, "%u harts, ", r->nr);
	report_list(rep, "harts");
	for (unsigned int i = 0; i < r->nr; i++)
		report_list_u64(rep, NULL, r->w[i].cpu);
	report_list_end(rep);
	report_u64(rep, &fields[S_SEED], r->seed);
	report_u64(rep, &fields[S_SECS], r->secs);
	report_u64(rep, &fields[S_OPS_LIMIT], r->ops_limit);
	report_u64(rep, &fields[S_NR_CPUS], num_online_cpus());
	report_u64(rep, &fields[S_NR_NODES], num_online_nodes());
	if (r->have_policy || !report_is_text(rep))
		report_str(rep, &fields[S_POLICY],
			   r->have_policy ? r->policy_str : "default");
	report_text(rep, "%s\n", r->numa_delay_ns ? " (numa_delay on)" : "");
}

/* What the caches and numa_delay were set to. */
static void emit_knobs(struct report *rep, const struct stress_run *r)
{
	report_object(rep, "knobs");
	allocator_knobs_emit(rep);
	if (r->numa_delay_ns || !report_is_text(rep))
		report_u64(rep, &fields[S_NUMA_DELAY], r->numa_delay_ns);
	report_object_end(rep);
}

static void emit_harts(struct report *rep, const struct stress_run *r)
{
	report_text(rep, "  per hart:     cpu node        ops      ops/s\n");
	report_list(rep, "per_hart");
	for (unsigned int i = 0; i < r->nr; i++) {
		const struct stress_worker *w = &r->w[i];

		report_item(rep);
		report_u64(rep, &fields[S_CPU], w->cpu);
		report_s64(rep, &fields[S_NODE], w->nid);
		report_u64(rep, &fields[S_HART_OPS], w->ops);
		report_u64(rep, &fields[S_HART_RATE],
			   per_sec(w->ops, w->end_ns - w->start_ns));
		report_item_end(rep);
	}
	report_list_end(rep);
}

static void emit_locks(struct report *rep, const struct counter_snapshot *d)
{
	report_text(rep, "  locks:        %-18s %10s %10s %12s %10s\n", "class",
		    "acquired", "contended", "wait-total-us", "bounces");
	report_list(rep, "locks");
	for (unsigned int i = 0; i < d->nr_locks; i++) {
		const struct lock_row *row = &d->locks[i];

		if (!row->known)
			continue;
		report_item(rep);
		lock_delta_emit(rep, row->name, &row->st, lock_fmt);
		report_item_end(rep);
	}
	report_list_end(rep);
	if (!lock_stat_enabled)
		report_text(rep,
			    "                (lockstat=off: locks counted nothing)\n");
}

/* The numastat deltas, a row per node, and the local ratio. */
static void emit_numastat(struct report *rep, const struct counter_snapshot *d)
{
	int nid;

	report_text(rep, "  numastat:     node");
	for (int i = 0; i < NR_VM_NUMA_EVENT_ITEMS; i++)
		report_text(rep, " %14s", numa_stat_names[i].numastat);
	report_text(rep, "\n");
	report_list(rep, "numastat");
	for_each_online_node(nid) {
		report_item(rep);
		report_u64(rep, &fields[S_NUMA_NODE], nid);
		for (int i = 0; i < NR_VM_NUMA_EVENT_ITEMS; i++) {
			struct report_field f = { numa_stat_names[i].numastat,
						  " %14llu" };

			report_u64(rep, &f, d->numa[nid][i]);
		}
		report_item_end(rep);
	}
	report_list_end(rep);
	report_fixed(rep, &fields[S_LOCAL_RATIO], local_permille(d), 3);
}

/* One of a counter set: " hits 12" in the text, "hits":12 in the JSON. */
static void emit_counter(struct report *rep, const char *name, unsigned long v)
{
	struct report_field f = { name, " %llu" };

	report_text(rep, " %s", name);
	report_u64(rep, &f, v);
}

/* The per-CPU caches' counters, a line each: the pcp lists', SLUB's. */
static void emit_caches(struct report *rep, const struct counter_snapshot *d)
{
	report_text(rep, "  pcp:         ");
	report_object(rep, "pcp");
	for (int i = 0; i < NR_PCP_STAT_ITEMS; i++)
		emit_counter(rep, pcp_stat_names[i], d->pcp[i]);
	report_object_end(rep);
	report_text(rep, "\n  slub:        ");
	report_object(rep, "slub");
	for (unsigned int i = 0; i < d->nr_slub; i++)
		emit_counter(rep, d->slub[i].name, d->slub[i].val);
	report_object_end(rep);
	report_text(rep, "\n");
}

static void emit_matrix(struct report *rep, const struct stress_outcome *o)
{
	int nid, f;

	report_text(rep,
		    "  alloc node x free node (objects and pages checked at free):\n          ");
	for_each_online_node(f)
		report_text(rep, " %10s%d", "free@N", f);
	report_text(rep, "\n");
	report_list(rep, "matrix");
	for_each_online_node(nid) {
		report_text(rep, "   alloc@N%d", nid);
		report_list(rep, NULL);
		for_each_online_node(f)
			report_list_u64(rep, " %11llu", o->matrix[nid][f]);
		report_list_end(rep);
		report_text(rep, "\n");
	}
	report_list_end(rep);
}

static void emit_integrity(struct report *rep, const struct stress_outcome *o)
{
	const struct report_field *f = integrity_fields;

	report_object(rep, "integrity");
	report_u64(rep, &f[0], o->checked);
	report_u64(rep, &f[1], o->bad);
	report_u64(rep, &f[2], o->double_free);
	report_s64(rep, &f[3], o->live);
	report_s64(rep, &f[4], o->free_delta);
	report_s64(rep, &f[5], o->validate_errors);
	report_u64(rep, &f[6], o->alloc_fail);
	report_object_end(rep);
	for (unsigned int i = 0; i < o->nr_problems; i++)
		report_text(rep, "  problem:      %s\n", o->problem[i]);
}

struct stress_view {
	struct stress_run *r;
	const struct stress_outcome *o;
};

static void stress_emit(struct report *rep, void *arg)
{
	const struct stress_view *v = arg;
	const struct stress_outcome *o = v->o;

	emit_run(rep, v->r, o);
	emit_knobs(rep, v->r);
	emit_harts(rep, v->r);
	emit_locks(rep, &o->delta);
	emit_numastat(rep, &o->delta);
	emit_caches(rep, &o->delta);
	emit_matrix(rep, o);
	if (v->r->test->report && report_is_text(rep))
		v->r->test->report(v->r); /* the scenario's own lines */
	emit_integrity(rep, o);
	report_str(rep, &fields[S_VERDICT], o->nr_problems ? "FAIL" : "PASS");
}

void stress_report(struct stress_run *r, const struct stress_outcome *o)
{
	console_lock();
	report_print("stress", stress_emit, &(struct stress_view){ r, o });
	console_printf("stress: %s %s\n", r->test->name,
		       o->nr_problems ? "FAIL" : "PASS");
	console_unlock();
}
