/* SPDX-License-Identifier: MIT */
/*
 * mm/buddy/numastat.c — the NUMA events' names, and the `numastat` report
 * in numastat(8)'s layout.
 *
 * The counters are kept on the page allocator's path, per CPU and zone, as
 * Linux's zone_statistics() keeps them (mm/buddy/page_alloc.c); this file
 * names them, once for every report (numa_stat_names, <linux/vmstat.h>),
 * and prints them: numastat(8)'s compatibility table (16-column fields,
 * one column per node, sysfs's token names), then one JSON line.
 * What each counts (docs/linux-facts.md §3): numa_hit — the page came from the
 * node the allocation aimed at; numa_miss — it came from this node though
 * aimed elsewhere; numa_foreign — aimed here, served elsewhere;
 * interleave_hit — an interleave policy got the node it chose; local_node
 * and other_node — the page's node is / is not the allocating CPU's.
 */
#include <linux/mmzone.h>
#include <linux/printk.h>
#include <linux/sprintf.h>
#include <linux/topology.h>
#include <linux/vmstat.h>
#include <nodal/page_stats.h>
#include <nodal/report.h>
#include <nodal/shell.h>

const struct numa_stat_name numa_stat_names[NR_VM_NUMA_EVENT_ITEMS] = {
	[NUMA_HIT] = { "numa_hit", "numa_hit" },
	[NUMA_MISS] = { "numa_miss", "numa_miss" },
	[NUMA_FOREIGN] = { "numa_foreign", "numa_foreign" },
	[NUMA_INTERLEAVE_HIT] = { "interleave_hit", "numa_interleave" },
	[NUMA_LOCAL] = { "local_node", "numa_local" },
	[NUMA_OTHER] = { "other_node", "numa_other" },
};

/* numastat(8)'s 16-wide column for a row named @name. */
static struct report_field numastat_field(const char *name)
{
	return (struct report_field){ name, "%16llu" };
}

static const struct report_field node_field = { "node", NULL };

/* Text: numastat(8)'s table, a column per node, a row per event. */
static void numastat_text(struct report *r,
			  const unsigned long (*ev)[NR_VM_NUMA_EVENT_ITEMS],
			  const struct numastat_row *extra)
{
	struct report_field f;
	int nid;

	report_text(r, "%16s", "");
	for_each_online_node(nid) {
		char head[16];

		snprintf(head, sizeof(head), "node%d", nid);
		report_text(r, "%16s", head);
	}
	report_text(r, "\n");
	for (int i = extra ? -1 : 0; i < NR_VM_NUMA_EVENT_ITEMS; i++) {
		f = numastat_field(
			i < 0 ? extra->name : numa_stat_names[i].numastat);
		report_text(r, "%-16s", f.key);
		for_each_online_node(nid)
			report_u64(r, &f, i < 0 ? extra->val[nid] : ev[nid][i]);
		report_text(r, "\n");
	}
}

void numastat_emit(struct report *r,
		   const unsigned long (*ev)[NR_VM_NUMA_EVENT_ITEMS],
		   const struct numastat_row *extra)
{
	struct report_field f;
	int nid;

	if (report_is_text(r)) {
		numastat_text(r, ev, extra);
		return;
	}
	report_list(r, "nodes");
	for_each_online_node(nid) {
		report_item(r);
		report_u64(r, &node_field, nid);
		if (extra) {
			f = numastat_field(extra->name);
			report_u64(r, &f, extra->val[nid]);
		}
		for (int i = 0; i < NR_VM_NUMA_EVENT_ITEMS; i++) {
			f = numastat_field(numa_stat_names[i].numastat);
			report_u64(r, &f, ev[nid][i]);
		}
		report_item_end(r);
	}
	report_list_end(r);
}

static void numastat_report(struct report *r, void *arg)
{
	numastat_emit(r, arg, NULL);
}

static int cmd_numastat(int argc, char **argv)
{
	/* One snapshot for both passes; one shell runs commands. */
	static unsigned long ev[MAX_NUMNODES][NR_VM_NUMA_EVENT_ITEMS];
	int nid;

	(void)argc;
	(void)argv;
	for_each_online_node(nid)
		for (int i = 0; i < NR_VM_NUMA_EVENT_ITEMS; i++)
			ev[nid][i] = node_numa_event_state(nid, i);
	report_print("numastat", numastat_report, ev);
	return 0;
}
SHELL_COMMAND("numastat", cmd_numastat, "",
	      "NUMA allocation counters per node (numastat(8) layout)");
