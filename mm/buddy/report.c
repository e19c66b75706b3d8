/* SPDX-License-Identifier: MIT */
/*
 * mm/buddy/report.c — buddyinfo, pagetypeinfo, zoneinfo, meminfo, memblock.
 *
 * Reports of the page allocator (theory in page_alloc.c), printed in the
 * layouts of Linux's /proc files (docs/linux-facts.md §8) so that habits carry
 * over, each followed by one JSON line between JSON-BEGIN/JSON-END markers
 * for host tools.  They read counters and free-list lengths without the
 * zone lock: a snapshot while other harts allocate is approximate, as
 * /proc's is.  They change nothing.
 */
#include <linux/bitops.h>
#include <linux/errno.h>
#include <linux/gfp.h>
#include <linux/memblock.h>
#include <linux/mmzone.h>
#include <linux/printk.h>
#include <linux/smp.h>
#include <linux/string.h>
#include <linux/topology.h>
#include <linux/vmstat.h>
#include <nodal/report.h>
#include <nodal/shell.h>

#include "internal.h"

#define for_each_populated_zone(nid, zone)				\
	for_each_online_node(nid)					\
		for_each_zone_in_node(zone, NODE_DATA(nid))		\
			if (populated_zone(zone))

static void print_buddyinfo_json(void)
{
	const char *sep = "";
	struct zone *zone;
	int nid;

	console_printf("JSON-BEGIN buddyinfo\n{\"report\":\"buddyinfo\",\"zones\":[");
	for_each_populated_zone(nid, zone) {
		console_printf("%s{\"node\":%d,\"zone\":\"%s\",\"free\":[", sep,
			       nid, zone->name);
		for (int o = 0; o < NR_PAGE_ORDERS; o++)
			console_printf("%s%lu", o ? "," : "",
				       READ_ONCE(zone->free_area[o].nr_free));
		console_printf("]}");
		sep = ",";
	}
	console_printf("]}\nJSON-END\n");
}

static int cmd_buddyinfo(int argc, char **argv)
{
	struct zone *zone;
	int nid;

	(void)argc;
	(void)argv;
	console_lock();
	for_each_populated_zone(nid, zone) {
		console_printf("Node %d, zone %8s ", nid, zone->name);
		for (int o = 0; o < NR_PAGE_ORDERS; o++)
			console_printf("%6lu ", READ_ONCE(zone->free_area[o].nr_free));
		console_printf("\n");
	}
	print_buddyinfo_json();
	console_unlock();
	return 0;
}
SHELL_COMMAND("buddyinfo", cmd_buddyinfo, "", "free blocks per order per zone (/proc/buddyinfo)");

static unsigned long count_free_type(struct zone *zone, unsigned int o, int mt)
{
	unsigned long flags, n = 0;
	struct list_head *pos;

	spin_lock_irqsave(&zone->lock, flags);
	list_for_each(pos, &zone->free_area[o].free_list[mt])
		if (++n == 100000)
			break;
	spin_unlock_irqrestore(&zone->lock, flags);
	return n;
}

static int cmd_pagetypeinfo(int argc, char **argv)
{
	struct zone *zone;
	int nid;

	(void)argc;
	(void)argv;
	console_lock();
	console_printf("Page block order: %d\nPages per block:  %lu\n\n",
		       pageblock_order, pageblock_nr_pages);
	console_printf("%-43s ", "Free pages count per migrate type at order");
	for (int o = 0; o < NR_PAGE_ORDERS; o++)
		console_printf("%6d ", o);
	console_printf("\n");
	for_each_populated_zone(nid, zone) {
		for (int mt = 0; mt < MIGRATE_TYPES; mt++) {
			console_printf("Node %4d, zone %8s, type %12s ", nid,
				       zone->name, migratetype_names[mt]);
			for (int o = 0; o < NR_PAGE_ORDERS; o++) {
				unsigned long n = count_free_type(zone, o, mt);

				console_printf("%s%6lu ", n >= 100000 ? ">" : "", n);
			}
			console_printf("\n");
		}
	}
	console_printf("\n%-23s", "Number of blocks type ");
	for (int mt = 0; mt < MIGRATE_TYPES; mt++)
		console_printf("%12s ", migratetype_names[mt]);
	console_printf("\n");
	for_each_populated_zone(nid, zone) {
		unsigned long blocks[MIGRATE_TYPES] = { 0 };

		for (unsigned long pfn = ALIGN_DOWN(zone->zone_start_pfn, pageblock_nr_pages);
		     pfn < zone_end_pfn(zone); pfn += pageblock_nr_pages)
			blocks[get_pageblock_migratetype(zone, max(pfn, zone->zone_start_pfn))]++;
		console_printf("Node %d, zone %8s ", nid, zone->name);
		for (int mt = 0; mt < MIGRATE_TYPES; mt++)
			console_printf("%12lu ", blocks[mt]);
		console_printf("\n");
	}
	console_unlock();
	return 0;
}
SHELL_COMMAND("pagetypeinfo", cmd_pagetypeinfo, "",
	      "free blocks per migratetype, pageblocks per type (/proc/pagetypeinfo)");

/* Linux's calculate_normal_threshold(): zoneinfo's "vm stats threshold". */
static unsigned int stat_threshold(const struct zone *zone)
{
	unsigned int t = 2 * fls(num_online_cpus()) *
			 (1 + fls(zone->managed_pages >> 15));

	return min(t, 125U);
}

/* zoneinfo's "pagesets": each online CPU's list for @zone. */
static void print_pagesets(struct zone *zone)
{
	struct pcp_snapshot snap;
	unsigned int cpu;

	if (!zone->per_cpu_pageset)
		return;
	for_each_online_cpu(cpu) {
		pcp_snapshot(zone, cpu, &snap);
		console_printf("\n    cpu: %u\n              count: %d\n              high:  %d\n              batch: %d",
			       cpu, snap.count, snap.high, snap.batch);
		console_printf("\n  vm stats threshold: %u", stat_threshold(zone));
	}
}

static void print_zoneinfo(int nid, struct zone *zone)
{
	console_printf("Node %d, zone %8s", nid, zone->name);
	console_printf("\n  pages free     %lu\n        boost    0\n        min      %lu\n        low      %lu\n        high     %lu\n        promo    %lu\n        spanned  %lu\n        present  %lu\n        managed  %lu\n        cma      0",
		       zone_free_pages(zone), min_wmark_pages(zone),
		       low_wmark_pages(zone), high_wmark_pages(zone),
		       wmark_pages(zone, WMARK_PROMO), zone->spanned_pages,
		       zone->present_pages, zone->managed_pages);
	console_printf("\n        protection: (%ld", zone->lowmem_reserve[0]);
	for (int i = 1; i < MAX_NR_ZONES; i++)
		console_printf(", %ld", zone->lowmem_reserve[i]);
	console_printf(")");
	if (!populated_zone(zone)) {
		console_printf("\n");
		return;
	}
	console_printf("\n      %-12s %lu", "nr_free_pages", zone_free_pages(zone));
	for (int i = 0; i < NR_VM_NUMA_EVENT_ITEMS; i++)
		console_printf("\n      %-12s %lu", numa_stat_names[i].vmstat,
			       zone_numa_event_state(zone, i));
	console_printf("\n  pagesets");
	print_pagesets(zone);
	console_printf("\n  node_unreclaimable:  0\n  start_pfn:           %lu\n",
		       zone->zone_start_pfn);
}

static int cmd_zoneinfo(int argc, char **argv)
{
	struct zone *zone;
	int nid;

	(void)argc;
	(void)argv;
	console_lock();
	for_each_online_node(nid)
		for_each_zone_in_node(zone, NODE_DATA(nid))
			print_zoneinfo(nid, zone);
	console_unlock();
	return 0;
}
SHELL_COMMAND("zoneinfo", cmd_zoneinfo, "", "watermarks, sizes and NUMA events per zone (/proc/zoneinfo)");

static unsigned long node_managed_pages(int nid)
{
	unsigned long sum = 0;
	struct zone *zone;

	for_each_zone_in_node(zone, NODE_DATA(nid))
		sum += zone->managed_pages;
	return sum;
}

static void print_node_meminfo(int nid)
{
	unsigned long total = NODE_DATA(nid)->node_present_pages << 2;
	unsigned long free = nr_free_pages_node(nid) << 2;

	console_printf("Node %d MemTotal:       %8lu kB\n", nid, total);
	console_printf("Node %d MemFree:        %8lu kB\n", nid, free);
	console_printf("Node %d MemUsed:        %8lu kB\n", nid, total - free);
	console_printf("Node %d MemManaged:     %8lu kB\n", nid, node_managed_pages(nid) << 2);
}

static int cmd_meminfo(int argc, char **argv)
{
	unsigned int only;
	int nid;

	if (argc > 1 && (kstrtouint(argv[1], 0, &only) || only >= MAX_NUMNODES ||
			 !node_online((int)only))) {
		console_printf("meminfo: no online node '%s'\n", argv[1]);
		return -EINVAL;
	}
	console_lock();
	for_each_online_node(nid)
		if (argc == 1 || nid == (int)only)
			print_node_meminfo(nid);
	if (argc == 1) {
		console_printf("MemTotal:       %8lu kB\n",
			       (unsigned long)(memblock_phys_mem_size() >> 10));
		console_printf("MemFree:        %8lu kB\n", nr_free_pages() << 2);
		console_printf("AllocFailures:  %8lu\n", buddy_nr_alloc_failures());
	}
	console_printf("JSON-BEGIN meminfo\n{\"report\":\"meminfo\",\"nodes\":[");
	for_each_online_node(nid)
		console_printf("%s{\"node\":%d,\"total_kb\":%lu,\"free_kb\":%lu,\"managed_kb\":%lu}",
			       nid == first_node(node_states[N_ONLINE]) ? "" : ",", nid,
			       NODE_DATA(nid)->node_present_pages << 2,
			       nr_free_pages_node(nid) << 2, node_managed_pages(nid) << 2);
	console_printf("],\"alloc_failures\":%lu}\nJSON-END\n", buddy_nr_alloc_failures());
	console_unlock();
	return 0;
}
SHELL_COMMAND("meminfo", cmd_meminfo, "[node]", "memory per node: total, free, used (node meminfo)");

static int cmd_memblock(int argc, char **argv)
{
	(void)argc;
	(void)argv;
	memblock_dump();
	return 0;
}
SHELL_COMMAND("memblock", cmd_memblock, "", "boot memory map: memory and reserved ranges with nodes");

static int cmd_validate_buddy(int argc, char **argv)
{
	int err;

	(void)argc;
	(void)argv;
	err = buddy_validate_all();
	console_printf("buddy: validation %s\n", err ? "FAILED" : "clean");
	return err;
}
SHELL_COMMAND("buddycheck", cmd_validate_buddy, "", "check every zone's free lists (BUDDY-1..5)");

/* ---- stats json: everything above in one line, for host tools ---- */

static void print_node_stats_json(int nid)
{
	struct zone *zone;
	const char *sep = "";

	console_printf("{\"node\":%d,\"total_kb\":%lu,\"free_kb\":%lu,\"managed_kb\":%lu",
		       nid, NODE_DATA(nid)->node_present_pages << 2,
		       nr_free_pages_node(nid) << 2, node_managed_pages(nid) << 2);
	for (int i = 0; i < NR_VM_NUMA_EVENT_ITEMS; i++)
		console_printf(",\"%s\":%lu", numa_stat_names[i].vmstat,
			       node_numa_event_state(nid, i));
	console_printf(",\"zones\":[");
	for_each_zone_in_node(zone, NODE_DATA(nid)) {
		if (!populated_zone(zone))
			continue;
		console_printf("%s{\"zone\":\"%s\",\"free\":%lu,\"pcp\":%lu,\"min\":%lu,\"low\":%lu,\"high\":%lu,\"buddy\":[",
			       sep, zone->name, zone_free_pages(zone),
			       zone_pcp_pages(zone), min_wmark_pages(zone),
			       low_wmark_pages(zone), high_wmark_pages(zone));
		for (int o = 0; o < NR_PAGE_ORDERS; o++)
			console_printf("%s%lu", o ? "," : "",
				       READ_ONCE(zone->free_area[o].nr_free));
		console_printf("],\"allocs\":%lu,\"alloc_pages\":%lu,\"frees\":%lu,\"bad_frees\":%lu}",
			       zone_event_state(zone, ZONE_ALLOC_SUCCESS),
			       zone_event_state(zone, ZONE_ALLOC_PAGES),
			       zone_event_state(zone, ZONE_FREE_CALLS),
			       zone_event_state(zone, ZONE_BAD_FREE));
		sep = ",";
	}
	console_printf("]}");
}

static int cmd_stats(int argc, char **argv)
{
	int nid;

	if (argc != 2 || strcmp(argv[1], "json")) {
		console_printf("stats: usage: stats json\n");
		return -EINVAL;
	}
	console_lock();
	console_printf("JSON-BEGIN stats\n{\"report\":\"stats\",\"min_free_kbytes\":%d,\"alloc_failures\":%lu,\"nodes\":[",
		       min_free_kbytes, buddy_nr_alloc_failures());
	for_each_online_node(nid) {
		if (nid != first_node(node_states[N_ONLINE]))
			console_printf(",");
		print_node_stats_json(nid);
	}
	console_printf("]}\nJSON-END\n");
	console_unlock();
	return 0;
}
SHELL_COMMAND("stats", cmd_stats, "json",
	      "every node's memory, NUMA events and free lists as one JSON line");

/* ---- pcp: every CPU's list for every zone ---- */

const char *const pcp_stat_names[NR_PCP_STAT_ITEMS] = {
	[PCP_ALLOC_HIT]		= "hits",
	[PCP_REFILL]		= "refills",
	[PCP_REFILL_PAGES]	= "refill_pages",
	[PCP_FREE]		= "frees",
	[PCP_FLUSH]		= "flushes",
	[PCP_FLUSH_PAGES]	= "flush_pages",
	[PCP_DRAIN]		= "drains",
	[PCP_EXPIRE]		= "expires",
};

enum { P_CPU, P_NODE, P_ZONE, P_COUNT, P_HIGH, P_BATCH, NR_P_FIELDS };

static const struct report_field pcp_fields[NR_P_FIELDS] = {
	[P_CPU]		= { "cpu",	"%4llu" },
	[P_NODE]	= { "node",	" %4llu" },
	[P_ZONE]	= { "zone",	" %-7s" },
	[P_COUNT]	= { "count",	" %6lld" },
	[P_HIGH]	= { "high",	" %6lld" },
	[P_BATCH]	= { "batch",	" %5lld" },
};

static const char *const pcp_titles[NR_P_FIELDS] = {
	"%4s", " %4s", " %-7s", " %6s", " %6s", " %5s",
};

/* The event columns: a short title where the name is long, and a width. */
static const struct {
	const char *title;
	int width;
} pcp_stat_cols[NR_PCP_STAT_ITEMS] = {
	[PCP_ALLOC_HIT]		= { "hits", 9 },
	[PCP_REFILL]		= { "refills", 8 },
	[PCP_REFILL_PAGES]	= { "refill_pg", 9 },
	[PCP_FREE]		= { "frees", 9 },
	[PCP_FLUSH]		= { "flushes", 8 },
	[PCP_FLUSH_PAGES]	= { "flush_pg", 9 },
	[PCP_DRAIN]		= { "drains", 6 },
	[PCP_EXPIRE]		= { "expires", 7 },
};

static const struct report_field pcp_enabled_field = { "enabled", NULL };

static void pcp_header(struct report *r)
{
	static const char *const names[NR_P_FIELDS] = {
		"cpu", "node", "zone", "count", "high", "batch",
	};

	report_text(r, "per-CPU page lists: %s\n",
		    pcp_enabled ? "on" : "off (pcp=off)");
	for (int i = 0; i < NR_P_FIELDS; i++)
		report_text(r, pcp_titles[i], names[i]);
	for (int i = 0; i < NR_PCP_STAT_ITEMS; i++)
		report_text(r, " %*s", pcp_stat_cols[i].width, pcp_stat_cols[i].title);
	report_text(r, "\n");
}

static void pcp_row(struct report *r, int nid, struct zone *zone, unsigned int cpu)
{
	struct pcp_snapshot snap;

	pcp_snapshot(zone, cpu, &snap);
	report_item(r);
	report_u64(r, &pcp_fields[P_CPU], cpu);
	report_u64(r, &pcp_fields[P_NODE], nid);
	report_str(r, &pcp_fields[P_ZONE], zone->name);
	report_s64(r, &pcp_fields[P_COUNT], snap.count);
	report_s64(r, &pcp_fields[P_HIGH], snap.high);
	report_s64(r, &pcp_fields[P_BATCH], snap.batch);
	for (int i = 0; i < NR_PCP_STAT_ITEMS; i++) {
		char fmt[16];

		snprintf(fmt, sizeof(fmt), " %%%dllu", pcp_stat_cols[i].width);
		report_u64(r, &(struct report_field){ pcp_stat_names[i], fmt },
			   snap.stat[i]);
	}
	report_item_end(r);
}

static void pcp_emit(struct report *r, void *arg)
{
	struct zone *zone;
	unsigned int cpu;
	int nid;

	(void)arg;
	pcp_header(r);
	report_bool(r, &pcp_enabled_field, pcp_enabled);
	report_list(r, "lists");
	for_each_managed_zone(nid, zone)
		for_each_online_cpu(cpu)
			pcp_row(r, nid, zone, cpu);
	report_list_end(r);
}

static int cmd_pcp(int argc, char **argv)
{
	(void)argc;
	(void)argv;
	report_print("pcp", pcp_emit, NULL);
	return 0;
}
SHELL_COMMAND("pcp", cmd_pcp, "",
	      "per-CPU page lists: count, high, batch and traffic per CPU and zone");

static unsigned long nr_pcp_pages(void)
{
	unsigned long pages = 0;
	struct zone *zone;
	int nid;

	for_each_managed_zone(nid, zone)
		pages += zone_pcp_pages(zone);
	return pages;
}

static int cmd_drain(int argc, char **argv)
{
	unsigned long before, after;

	(void)argc;
	(void)argv;
	before = nr_pcp_pages();
	drain_all_pages(NULL);
	after = nr_pcp_pages();
	console_printf("drain: %lu pages from every CPU's lists back to the buddy (%lu left)\n",
		       before - after, after);
	return 0;
}
SHELL_COMMAND("drain", cmd_drain, "", "drain_all_pages(): every CPU's page lists to the buddy");
