/* SPDX-License-Identifier: MIT */
/*
 * tests/stress/report.c — a stress run's report: the text table for the
 * reader, then the same figures as one JSON line between `JSON-BEGIN
 * stress` and `JSON-END` for tools/study, tools/run-tests and
 * tests/host/study_test.py, then `stress: NAME PASS` or `FAIL`.  Both
 * print from one struct stress_outcome (internal.h); the JSON keys are
 * the ones those tools read, so a change here is a change of format.
 */
#include <linux/cpumask.h>
#include <linux/nodemask.h>
#include <linux/printk.h>
#include <linux/spinlock.h>
#include <linux/vmstat.h>

#include "internal.h"

#define NS_PER_SEC	1000000000ULL

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

/* ---- the text table ---- */

static void print_summary(const struct stress_run *r,
			  const struct stress_outcome *o)
{
	console_printf("stress: %s: %lu ops in %llu.%03llu s, %llu ops/s, %u harts, seed %llu%s%s%s\n",
		       r->test->name, o->ops,
		       (unsigned long long)(o->elapsed_ns / NS_PER_SEC),
		       (unsigned long long)(o->elapsed_ns / 1000000ULL % 1000),
		       per_sec(o->ops, o->elapsed_ns),
		       r->nr, (unsigned long long)r->seed,
		       r->have_policy ? ", policy " : "",
		       r->have_policy ? r->policy_str : "",
		       r->numa_delay_ns ? " (numa_delay on)" : "");
	if (r->numa_delay_ns)
		console_printf("  numa_delay: %llu ns per distance unit on remote accesses\n",
			       (unsigned long long)r->numa_delay_ns);
	console_printf("  per hart:     cpu node        ops      ops/s\n");
	for (unsigned int i = 0; i < r->nr; i++) {
		const struct stress_worker *w = &r->w[i];

		console_printf("               %3u %4d %10lu %10llu\n", w->cpu,
			       w->nid, w->ops,
			       per_sec(w->ops, w->end_ns - w->start_ns));
	}
}

static void print_locks(const struct counter_snapshot *d)
{
	console_printf("  locks:        %-18s %10s %10s %12s %10s\n", "class",
		       "acquired", "contended", "wait-total-us", "bounces");
	for (unsigned int i = 0; i < d->nr_locks; i++) {
		const struct lock_row *row = &d->locks[i];

		if (!row->known)
			continue;
		console_printf("                %-18s %10llu %10llu %12llu %10llu\n",
			       row->name,
			       (unsigned long long)row->st.acquisitions,
			       (unsigned long long)row->st.contentions,
			       (unsigned long long)row->st.wait_total_ns / 1000,
			       (unsigned long long)row->st.acq_bounces);
	}
	if (!lock_stat_enabled)
		console_printf("                (lockstat=off: locks counted nothing)\n");
}

static void print_numastat(const struct counter_snapshot *d)
{
	unsigned long permille = local_permille(d);
	int nid;

	console_printf("  numastat:     node");
	for (int i = 0; i < NR_VM_NUMA_EVENT_ITEMS; i++)
		console_printf(" %14s", numa_stat_names[i].numastat);
	console_printf("\n");
	for_each_online_node(nid) {
		console_printf("               %5d", nid);
		for (int i = 0; i < NR_VM_NUMA_EVENT_ITEMS; i++)
			console_printf(" %14lu", d->numa[nid][i]);
		console_printf("\n");
	}
	console_printf("  local ratio:  %lu.%03lu (local_node / (local_node + other_node))\n",
		       permille / 1000, permille % 1000);
}

/* The per-CPU caches' counters: the pcp lists', then SLUB's. */
static void print_caches(const struct counter_snapshot *d)
{
	console_printf("  pcp:          alloc hits %lu, refills %lu, frees %lu, flushes %lu, drains %lu\n",
		       d->pcp[PCP_ALLOC_HIT], d->pcp[PCP_REFILL],
		       d->pcp[PCP_FREE], d->pcp[PCP_FLUSH], d->pcp[PCP_DRAIN]);
	console_printf("  slub:        ");
	for (unsigned int i = 0; i < d->nr_slub; i++)
		console_printf(" %s %lu", d->slub[i].name, d->slub[i].val);
	console_printf("\n");
}

static void print_matrix(const struct stress_outcome *o)
{
	int nid, f;

	console_printf("  alloc node x free node (objects and pages checked at free):\n          ");
	for_each_online_node(f)
		console_printf(" %10s%d", "free@N", f);
	console_printf("\n");
	for_each_online_node(nid) {
		console_printf("   alloc@N%d", nid);
		for_each_online_node(f)
			console_printf(" %11lu", o->matrix[nid][f]);
		console_printf("\n");
	}
}

static void print_integrity(const struct stress_outcome *o)
{
	console_printf("  integrity:    %lu checked, %lu bad checksums, %lu double frees, %ld lost, %ld free pages off, %d validate errors, %lu allocation failures\n",
		       o->checked, o->bad, o->double_free, o->live,
		       o->free_delta, o->validate_errors, o->alloc_fail);
	for (unsigned int i = 0; i < o->nr_problems; i++)
		console_printf("  problem:      %s\n", o->problem[i]);
}

/* ---- the JSON line ---- */

/* From "report" to "ops_per_sec": what ran, where, under which knobs. */
static void json_run(const struct stress_run *r, const struct stress_outcome *o)
{
	console_printf("JSON-BEGIN stress\n{\"report\":\"stress\",\"name\":\"%s\",\"seed\":%llu,\"secs\":%llu,\"ops_limit\":%lu,\"harts\":[",
		       r->test->name, (unsigned long long)r->seed,
		       (unsigned long long)r->secs, r->ops_limit);
	for (unsigned int i = 0; i < r->nr; i++)
		console_printf("%s%u", i ? "," : "", r->w[i].cpu);
	console_printf("],\"nr_cpus\":%u,\"nr_nodes\":%u,\"policy\":\"%s\",\"knobs\":{",
		       num_online_cpus(), num_online_nodes(),
		       r->have_policy ? r->policy_str : "default");
	print_knobs_json();
	console_printf(",\"numa_delay_ns\":%llu},",
		       (unsigned long long)r->numa_delay_ns);
	console_printf("\"elapsed_ns\":%llu,\"ops\":%lu,\"ops_per_sec\":%llu,",
		       (unsigned long long)o->elapsed_ns, o->ops,
		       per_sec(o->ops, o->elapsed_ns));
}

static void json_harts_and_locks(const struct stress_run *r,
				 const struct counter_snapshot *d)
{
	console_printf("\"per_hart\":[");
	for (unsigned int i = 0; i < r->nr; i++) {
		const struct stress_worker *w = &r->w[i];

		console_printf("%s{\"cpu\":%u,\"node\":%d,\"ops\":%lu,\"ops_per_sec\":%llu}",
			       i ? "," : "", w->cpu, w->nid, w->ops,
			       per_sec(w->ops, w->end_ns - w->start_ns));
	}
	console_printf("],\"locks\":[");
	for (unsigned int i = 0, n = 0; i < d->nr_locks; i++) {
		const struct lock_row *row = &d->locks[i];

		if (!row->known)
			continue;
		console_printf("%s{\"class\":\"%s\",\"acquisitions\":%llu,\"contentions\":%llu,\"wait_total_ns\":%llu,\"wait_max_ns\":%llu,\"hold_total_ns\":%llu,\"bounces\":%llu}",
			       n++ ? "," : "", row->name,
			       (unsigned long long)row->st.acquisitions,
			       (unsigned long long)row->st.contentions,
			       (unsigned long long)row->st.wait_total_ns,
			       (unsigned long long)row->st.wait_max_ns,
			       (unsigned long long)row->st.hold_total_ns,
			       (unsigned long long)row->st.acq_bounces);
	}
	console_printf("],");
}

static void json_numa(const struct stress_outcome *o)
{
	const struct counter_snapshot *d = &o->delta;
	unsigned long permille = local_permille(d);
	int nid, f;

	console_printf("\"numastat\":[");
	for_each_online_node(nid) {
		console_printf("%s{\"node\":%d", nid ? "," : "", nid);
		for (int i = 0; i < NR_VM_NUMA_EVENT_ITEMS; i++)
			console_printf(",\"%s\":%lu", numa_stat_names[i].numastat,
				       d->numa[nid][i]);
		console_printf("}");
	}
	console_printf("],\"local_ratio\":%lu.%03lu,\"matrix\":[",
		       permille / 1000, permille % 1000);
	for_each_online_node(nid) {
		console_printf("%s[", nid ? "," : "");
		for_each_online_node(f)
			console_printf("%s%lu", f ? "," : "",
				       o->matrix[nid][f]);
		console_printf("]");
	}
	console_printf("],");
}

/* The caches' counters, the integrity findings and the verdict. */
static void json_verdict(const struct stress_outcome *o)
{
	const struct counter_snapshot *d = &o->delta;

	console_printf("\"pcp\":{\"alloc_hits\":%lu,\"refills\":%lu,\"frees\":%lu,\"flushes\":%lu,\"drains\":%lu},\"slub\":{",
		       d->pcp[PCP_ALLOC_HIT], d->pcp[PCP_REFILL],
		       d->pcp[PCP_FREE], d->pcp[PCP_FLUSH], d->pcp[PCP_DRAIN]);
	for (unsigned int i = 0; i < d->nr_slub; i++)
		console_printf("%s\"%s\":%lu", i ? "," : "", d->slub[i].name,
			       d->slub[i].val);
	console_printf("},\"integrity\":{\"checked\":%lu,\"bad_checksum\":%lu,\"lost\":%ld,\"double_free\":%lu,\"free_pages_delta\":%ld,\"validate_errors\":%d,\"alloc_failures\":%lu},\"verdict\":\"%s\"}\nJSON-END\n",
		       o->checked, o->bad, o->live, o->double_free,
		       o->free_delta, o->validate_errors, o->alloc_fail,
		       o->nr_problems ? "FAIL" : "PASS");
}

void stress_report(struct stress_run *r, const struct stress_outcome *o)
{
	console_lock();
	print_summary(r, o);
	print_locks(&o->delta);
	print_numastat(&o->delta);
	print_caches(&o->delta);
	print_matrix(o);
	if (r->test->report)
		r->test->report(r);
	print_integrity(o);
	json_run(r, o);
	json_harts_and_locks(r, &o->delta);
	json_numa(o);
	json_verdict(o);
	console_printf("stress: %s %s\n", r->test->name,
		       o->nr_problems ? "FAIL" : "PASS");
	console_unlock();
}
