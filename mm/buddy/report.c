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
#include <linux/errno.h>
#include <linux/gfp.h>
#include <linux/memblock.h>
#include <linux/mmzone.h>
#include <linux/printk.h>
#include <linux/string.h>
#include <linux/topology.h>
#include <linux/vmstat.h>
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
	zoneinfo_print_pagesets(zone);
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
