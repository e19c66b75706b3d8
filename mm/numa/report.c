/* SPDX-License-Identifier: MIT */
/*
 * mm/numa/report.c — the topology's reports: `topo` (numactl --hardware,
 * then one JSON line), `zonelist` (each node's fallback order and
 * zonelists) and `harts` (each hart's CPU id, node, state and counts).
 *
 * Reports on top of topology.c and mmzone.c (their theory statements say
 * what they build).  They read everything through the topology API
 * (<linux/topology.h>, <linux/mmzone.h>) and numa_origin(), once boot has
 * built it; nothing here changes it.  `topo` prints through the report API
 * (<nodal/report.h>), so its text and its JSON come from the same calls,
 * and reads its one live figure (free memory) before, into a snapshot;
 * `zonelist` and `harts` are text only.
 */
#include <asm/page.h>
#include <asm/smp.h>
#include <linux/cpumask.h>
#include <linux/mmzone.h>
#include <linux/nodemask.h>
#include <linux/printk.h>
#include <linux/smp.h>
#include <linux/sprintf.h>
#include <linux/topology.h>
#include <nodal/report.h>
#include <nodal/shell.h>
#include <nodal/tick.h>

#include "internal.h"

/* ---- `topo`: numactl --hardware, then one JSON line ---- */

enum {
	T_NR_NODE_IDS,
	T_NUMA,
	T_FALLBACK,
	T_DISTANCE_MAP,
	T_NODE,
	T_SIZE,
	T_FREE,
	T_MEMORY,
	T_MEM_NODE,
	NR_T_FIELDS
};

static const struct report_field topo_fields[NR_T_FIELDS] = {
	[T_NR_NODE_IDS] = { "nr_node_ids", NULL },
	[T_NUMA] = { "numa", NULL },
	[T_FALLBACK] = { "fallback", NULL },
	[T_DISTANCE_MAP] = { "distance_map", NULL },
	[T_NODE] = { "node", "node %llu cpus:" },
	[T_SIZE] = { "size_mb", "%llu MB" },
	[T_FREE] = { "free_mb", "%llu MB" },
	[T_MEMORY] = { "memory", NULL },
	[T_MEM_NODE] = { "mem_node", NULL },
};

/*
 * `topo`'s one live figure, each node's free memory, read before
 * report_print() so that the text and the JSON print the same number; the
 * rest (nodes, CPUs, sizes, distances) is fixed once boot has built it.
 */
struct topo_view {
	unsigned long long free_mb[MAX_NUMNODES]; /* [snap] by node id */
};

static void topo_take_view(struct topo_view *v)
{
	int nid;

	for_each_online_node(nid)
		v->free_mb[nid] = (numa_node_free_pages(nid) << PAGE_SHIFT) >> 20;
}

/* The node's online CPUs (text: " 0 1") or their hart ids (JSON only). */
static void emit_node_cpus(struct report *r, const char *key, int nid, bool harts)
{
	unsigned int cpu;

	report_list(r, key);
	for_each_cpu(cpu, cpumask_of_node(nid))
		if (cpu_online(cpu))
			report_list_u64(r, harts ? NULL : " %llu",
					harts ? cpuid_to_hartid_map(cpu) : cpu);
	report_list_end(r);
}

/* "node 0 cpus: 0 1", "node 0 size: 256 MB", "node 0 free: 240 MB". */
static void emit_node(struct report *r, const struct topo_view *v, int nid)
{
	report_item(r);
	report_u64(r, &topo_fields[T_NODE], nid);
	emit_node_cpus(r, "cpus", nid, false);
	emit_node_cpus(r, "harts", nid, true);
	report_text(r, "\nnode %d size: ", nid);
	report_u64(r, &topo_fields[T_SIZE], numa_node_mem_bytes(nid) >> 20);
	report_text(r, "\nnode %d free: ", nid);
	report_u64(r, &topo_fields[T_FREE], v->free_mb[nid]);
	report_bool(r, &topo_fields[T_MEMORY], node_state(nid, N_MEMORY));
	report_u64(r, &topo_fields[T_MEM_NODE], __node_to_mem_node[nid]);
	report_item_end(r);
}

/* numactl's "node distances:" table; the JSON's is a list of rows. */
static void emit_distances(struct report *r)
{
	int a, b;

	report_text(r, "node distances:\nnode ");
	for_each_online_node(a)
		report_text(r, "%3d ", a);
	report_text(r, "\n");
	report_list(r, "distances");
	for_each_online_node(a) {
		report_text(r, "%3d: ", a);
		report_list(r, NULL);
		for_each_online_node(b)
			report_list_u64(r, "%3llu ", node_distance(a, b));
		report_list_end(r);
		report_text(r, "\n");
	}
	report_list_end(r);
}

static void topo_emit(struct report *r, void *arg)
{
	struct numa_origin origin = numa_origin();
	char online[4 * MAX_NUMNODES]; /* "0-1,3" at most */
	int nid;

	nodelist_scnprintf(online, sizeof(online), node_states[N_ONLINE]);
	report_text(r, "available: %u nodes (%s)\n", num_online_nodes(), online);
	report_u64(r, &topo_fields[T_NR_NODE_IDS], nr_node_ids);
	report_bool(r, &topo_fields[T_NUMA], origin.numa);
	report_bool(r, &topo_fields[T_FALLBACK], origin.fallback);
	report_bool(r, &topo_fields[T_DISTANCE_MAP], origin.distance_map);
	report_list(r, "nodes");
	for_each_online_node(nid)
		emit_node(r, arg, nid);
	report_list_end(r);
	emit_distances(r);
}

static int cmd_topo(int argc, char **argv)
{
	struct topo_view view;

	(void)argc;
	(void)argv;
	topo_take_view(&view);
	report_print("topology", topo_emit, &view);
	return 0;
}
SHELL_COMMAND("topo", cmd_topo, "",
	      "NUMA topology as numactl --hardware prints it, then JSON");

/* ---- `zonelist`: Linux's boot line, then the lists themselves ---- */

static void print_zonelist(const char *title, const struct zonelist *zl)
{
	const struct zoneref *z;

	console_printf("\n  %s:", title);
	for_each_zoneref(z, zl)
		console_printf(" %d/%s", z->zone->node, z->zone->name);
}

static int cmd_zonelist(int argc, char **argv)
{
	int nid;

	(void)argc;
	(void)argv;
	console_lock();
	for_each_online_node(nid) {
		pg_data_t *pgdat = NODE_DATA(nid);
		struct zonelist *own = &pgdat->node_zonelists[ZONELIST_NOFALLBACK];

		console_printf("Fallback order for Node %d: ", nid);
		for (int i = 0; i < pgdat->nr_node_fallback; i++)
			console_printf("%d ", pgdat->node_fallback[i]);
		print_zonelist("zones", &pgdat->node_zonelists[ZONELIST_FALLBACK]);
		print_zonelist("__GFP_THISNODE", own);
		console_printf("%s\n", own->_zonerefs[0].zone ?
					       "" :
					       " (none: memory-less node)");
	}
	console_unlock();
	return 0;
}
SHELL_COMMAND("zonelist", cmd_zonelist, "",
	      "each node's fallback order and zonelists, in Linux's words");

/* ---- `harts`: each possible CPU, its hart and node ---- */

static const char *const cpu_state_names[] = {
	[CPU_OFFLINE] = "offline",
	[CPU_STARTING] = "starting",
	[CPU_ONLINE] = "online",
	[CPU_STOPPED] = "stopped",
};

static int cmd_harts(int argc, char **argv)
{
	unsigned int cpu;

	(void)argc;
	(void)argv;
	console_lock();
	console_printf("%4s %5s %5s %-9s %10s %10s\n", "cpu", "hart", "node",
		       "state", "ticks", "ipis");
	for_each_possible_cpu(cpu) {
		enum cpu_state st = READ_ONCE(per_cpu(cpu_state, cpu));
		u64 ticks = READ_ONCE(per_cpu(timer_ticks, cpu));
		u64 ipis = READ_ONCE(per_cpu(ipis_received, cpu));

		console_printf("%4u %5lu %5d %-9s %10llu %10llu\n", cpu,
			       cpuid_to_hartid_map(cpu), cpu_to_node(cpu),
			       cpu_state_names[st], (unsigned long long)ticks,
			       (unsigned long long)ipis);
	}
	console_printf("%u of %u harts online\n", num_online_cpus(),
		       num_possible_cpus());
	console_unlock();
	return 0;
}
SHELL_COMMAND("harts", cmd_harts, "",
	      "harts: cpu, hart id, node, state, ticks, IPIs");
