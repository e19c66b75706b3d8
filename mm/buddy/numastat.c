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
#include <linux/topology.h>
#include <linux/vmstat.h>
#include <nodal/shell.h>

const struct numa_stat_name numa_stat_names[NR_VM_NUMA_EVENT_ITEMS] = {
	[NUMA_HIT]		= { "numa_hit",		"numa_hit" },
	[NUMA_MISS]		= { "numa_miss",	"numa_miss" },
	[NUMA_FOREIGN]		= { "numa_foreign",	"numa_foreign" },
	[NUMA_INTERLEAVE_HIT]	= { "interleave_hit",	"numa_interleave" },
	[NUMA_LOCAL]		= { "local_node",	"numa_local" },
	[NUMA_OTHER]		= { "other_node",	"numa_other" },
};

static int cmd_numastat(int argc, char **argv)
{
	int nid;

	(void)argc;
	(void)argv;
	console_lock();
	console_printf("%16s", "");
	for_each_online_node(nid) {
		char head[16];

		snprintf(head, sizeof(head), "node%d", nid);
		console_printf("%16s", head);
	}
	console_printf("\n");
	for (int i = 0; i < NR_VM_NUMA_EVENT_ITEMS; i++) {
		console_printf("%-16s", numa_stat_names[i].numastat);
		for_each_online_node(nid)
			console_printf("%16lu", node_numa_event_state(nid, i));
		console_printf("\n");
	}
	console_printf("JSON-BEGIN numastat\n{\"report\":\"numastat\",\"nodes\":[");
	for_each_online_node(nid) {
		console_printf("%s{\"node\":%d", nid == first_node(node_states[N_ONLINE]) ? "" : ",", nid);
		for (int i = 0; i < NR_VM_NUMA_EVENT_ITEMS; i++)
			console_printf(",\"%s\":%lu", numa_stat_names[i].numastat,
				       node_numa_event_state(nid, i));
		console_printf("}");
	}
	console_printf("]}\nJSON-END\n");
	console_unlock();
	return 0;
}
SHELL_COMMAND("numastat", cmd_numastat, "", "NUMA allocation counters per node (numastat(8) layout)");
