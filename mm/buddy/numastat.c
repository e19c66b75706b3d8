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
#include <nodal/report.h>
#include <nodal/shell.h>

const struct numa_stat_name numa_stat_names[NR_VM_NUMA_EVENT_ITEMS] = {
	[NUMA_HIT]		= { "numa_hit",		"numa_hit" },
	[NUMA_MISS]		= { "numa_miss",	"numa_miss" },
	[NUMA_FOREIGN]		= { "numa_foreign",	"numa_foreign" },
	[NUMA_INTERLEAVE_HIT]	= { "interleave_hit",	"numa_interleave" },
	[NUMA_LOCAL]		= { "local_node",	"numa_local" },
	[NUMA_OTHER]		= { "other_node",	"numa_other" },
};

/* numastat(8)'s column for event @i: sysfs's name, 16 wide. */
static struct report_field numastat_field(int i)
{
	return (struct report_field){ numa_stat_names[i].numastat, "%16llu" };
}

static const struct report_field node_field = { "node", NULL };

/* Text: numastat(8)'s table, a column per node, an event per row. */
static void numastat_text(struct report *r)
{
	int nid;

	report_text(r, "%16s", "");
	for_each_online_node(nid) {
		char head[16];

		snprintf(head, sizeof(head), "node%d", nid);
		report_text(r, "%16s", head);
	}
	report_text(r, "\n");
	for (int i = 0; i < NR_VM_NUMA_EVENT_ITEMS; i++) {
		struct report_field f = numastat_field(i);

		report_text(r, "%-16s", f.key);
		for_each_online_node(nid)
			report_u64(r, &f, node_numa_event_state(nid, i));
		report_text(r, "\n");
	}
}

/* JSON: a record per node, as sysfs's nodeN/numastat holds them. */
static void numastat_emit(struct report *r, void *arg)
{
	int nid;

	(void)arg;
	if (report_is_text(r)) {
		numastat_text(r);
		return;
	}
	report_list(r, "nodes");
	for_each_online_node(nid) {
		report_item(r);
		report_u64(r, &node_field, nid);
		for (int i = 0; i < NR_VM_NUMA_EVENT_ITEMS; i++) {
			struct report_field f = numastat_field(i);

			report_u64(r, &f, node_numa_event_state(nid, i));
		}
		report_item_end(r);
	}
	report_list_end(r);
}

static int cmd_numastat(int argc, char **argv)
{
	(void)argc;
	(void)argv;
	report_print("numastat", numastat_emit, NULL);
	return 0;
}
SHELL_COMMAND("numastat", cmd_numastat, "", "NUMA allocation counters per node (numastat(8) layout)");
