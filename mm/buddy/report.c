/* SPDX-License-Identifier: MIT */
/*
 * mm/buddy/report.c — the page allocator's reports: buddyinfo,
 * pagetypeinfo, zoneinfo, meminfo, `stats json`, `pcp`; and the commands
 * that act on it on request: `drain` and `buddycheck`.
 *
 * Reports of the page allocator (theory in page_alloc.c, pcp.c), printed
 * in the layouts of Linux's /proc files (docs/linux-facts.md §8) so that
 * habits carry over.  The reports host tools read print through the report
 * API (<nodal/report.h>): the text, then one JSON line from the same
 * calls; pagetypeinfo and zoneinfo are text only.  They read counters and
 * free-list lengths through accessors, without the zone lock (pagetypeinfo
 * walks the lists under it, before it takes the console): a snapshot while
 * other harts allocate is approximate, as /proc's is.  Each report that
 * prints both reads its figures once, into a snapshot, before
 * report_print(), so its text and its JSON agree (buddy_snapshot() for
 * buddyinfo, meminfo and `stats json`; pcp_take_view() for `pcp`).  NUMA
 * events are named by numa_stat_names (numastat.c), the lists' events by
 * pcp_stat_names (below).  Reports change nothing.
 */
#include <linux/bitops.h>
#include <linux/errno.h>
#include <linux/gfp.h>
#include <linux/memblock.h>
#include <linux/mmzone.h>
#include <linux/percpu.h>
#include <linux/printk.h>
#include <linux/smp.h>
#include <linux/string.h>
#include <linux/topology.h>
#include <linux/vmstat.h>
#include <nodal/page_stats.h>
#include <nodal/report.h>
#include <nodal/shell.h>

#include "internal.h"

#define for_each_populated_zone(nid, zone)				\
	for_each_online_node(nid)					\
		for_each_zone_in_node(zone, NODE_DATA(nid))		\
			if (populated_zone(zone))

/*
 * One reading of the page allocator's figures, taken before report_print()
 * so that both passes print the same numbers: every populated zone in
 * for_each_populated_zone()'s order, and every online node.  The zone
 * events, NUMA events and free counts fold per-CPU counters as they are
 * read; each figure is as racy as its accessor, but read once.  [snap]:
 * written by buddy_snapshot() before report_print(), read-only after.
 */
struct zone_view {
	int nid;				   /* [snap] */
	const char *name;			   /* [snap] */
	unsigned long free;			   /* [snap] buddy lists */
	unsigned long pcp;			   /* [snap] per-CPU lists */
	unsigned long wmark[NR_WMARK];		   /* [snap] */
	unsigned long free_blocks[NR_PAGE_ORDERS]; /* [snap] per order */
	unsigned long events[NR_ZONE_STAT_ITEMS];  /* [snap] */
};

struct node_view {
	unsigned long present_pages; /* [snap] */
	unsigned long free_pages;    /* [snap] buddy + pcp */
	unsigned long managed_pages; /* [snap] */
	unsigned long numa_events[NR_VM_NUMA_EVENT_ITEMS]; /* [snap] */
	int first_zone, nr_zones; /* [snap] its zones in buddy_view.zones */
};

struct buddy_view {
	unsigned long failures;	  /* [snap] buddy_nr_alloc_failures() */
	unsigned long free_pages; /* [snap] nr_free_pages() */
	int nr_zones;		  /* [snap] zones[] in use */
	struct zone_view zones[MAX_NUMNODES * MAX_NR_ZONES]; /* [snap] */
	struct node_view nodes[MAX_NUMNODES]; /* [snap] by node id */
	int only; /* [snap] meminfo's node, or NUMA_NO_NODE */
};

static void snapshot_zone(struct zone_view *zv, int nid, const struct zone *zone)
{
	zv->nid = nid;
	zv->name = zone->name;
	zv->free = zone_free_pages(zone);
	zv->pcp = zone_pcp_pages(zone);
	for (int i = 0; i < NR_WMARK; i++)
		zv->wmark[i] = wmark_pages(zone, i);
	for (unsigned int o = 0; o < NR_PAGE_ORDERS; o++)
		zv->free_blocks[o] = READ_ONCE(zone->free_area[o].nr_free);
	for (int i = 0; i < NR_ZONE_STAT_ITEMS; i++)
		zv->events[i] = zone_event_state(zone, i);
}

static void snapshot_node(struct buddy_view *v, int nid)
{
	struct node_view *nv = &v->nodes[nid];
	struct zone *zone;

	nv->present_pages = NODE_DATA(nid)->node_present_pages;
	nv->free_pages = nr_free_pages_node(nid);
	nv->managed_pages = 0;
	for (int i = 0; i < NR_VM_NUMA_EVENT_ITEMS; i++)
		nv->numa_events[i] = node_numa_event_state(nid, i);
	nv->first_zone = v->nr_zones;
	for_each_zone_in_node(zone, NODE_DATA(nid)) {
		nv->managed_pages += zone->managed_pages;
		if (populated_zone(zone))
			snapshot_zone(&v->zones[v->nr_zones++], nid, zone);
	}
	nv->nr_zones = v->nr_zones - nv->first_zone;
}

/*
 * The one view buddyinfo, meminfo and `stats json` print from; one shell
 * runs commands, so one static copy serves them all.
 */
static struct buddy_view *buddy_snapshot(int only)
{
	static struct buddy_view view;
	int nid;

	view.nr_zones = 0;
	view.only = only;
	for_each_online_node(nid)
		snapshot_node(&view, nid);
	view.free_pages = nr_free_pages();
	view.failures = buddy_nr_alloc_failures();
	return &view;
}

/* A zone: "Node 0, zone    DMA32 " in buddyinfo's words. */
static const struct report_field zone_fields[] = {
	{ "node", "Node %llu, " },
	{ "zone", "zone %8s " },
};

static void emit_zone_name(struct report *r, const struct zone_view *zv)
{
	report_u64(r, &zone_fields[0], zv->nid);
	report_str(r, &zone_fields[1], zv->name);
}

/* The free blocks of each order, as one list. */
static void emit_free_blocks(struct report *r, const char *key,
			     const struct zone_view *zv)
{
	report_list(r, key);
	for (unsigned int o = 0; o < NR_PAGE_ORDERS; o++)
		report_list_u64(r, "%6llu ", zv->free_blocks[o]);
	report_list_end(r);
}

static void buddyinfo_emit(struct report *r, void *arg)
{
	const struct buddy_view *v = arg;

	report_list(r, "zones");
	for (int i = 0; i < v->nr_zones; i++) {
		report_item(r);
		emit_zone_name(r, &v->zones[i]);
		emit_free_blocks(r, "free", &v->zones[i]);
		report_item_end(r);
	}
	report_list_end(r);
}

static int cmd_buddyinfo(int argc, char **argv)
{
	(void)argc;
	(void)argv;
	report_print("buddyinfo", buddyinfo_emit, buddy_snapshot(NUMA_NO_NODE));
	return 0;
}
SHELL_COMMAND("buddyinfo", cmd_buddyinfo, "", "free blocks per order per zone (/proc/buddyinfo)");

#define PAGETYPE_COUNT_MAX 100000 /* Linux stops counting there */

/*
 * One zone's pagetypeinfo figures, counted before the console is taken:
 * counting takes the zone lock, which buddy validation holds while it
 * prints.
 */
struct pagetype_counts {
	unsigned long free[MIGRATE_TYPES][NR_PAGE_ORDERS]; /* blocks */
	unsigned long blocks[MIGRATE_TYPES];		   /* pageblocks */
};

static unsigned long count_free_type(struct zone *zone, unsigned int o, int mt)
{
	unsigned long flags, n = 0;
	struct list_head *pos;

	spin_lock_irqsave(&zone->lock, flags);
	list_for_each(pos, &zone->free_area[o].free_list[mt])
		if (++n == PAGETYPE_COUNT_MAX)
			break;
	spin_unlock_irqrestore(&zone->lock, flags);
	return n;
}

static void count_pagetypes(struct zone *zone, struct pagetype_counts *c)
{
	unsigned long start = zone->zone_start_pfn;
	unsigned long pfn = ALIGN_DOWN(start, pageblock_nr_pages);

	for (int mt = 0; mt < MIGRATE_TYPES; mt++)
		for (unsigned int o = 0; o < NR_PAGE_ORDERS; o++)
			c->free[mt][o] = count_free_type(zone, o, mt);
	memset(c->blocks, 0, sizeof(c->blocks));
	for (; pfn < zone_end_pfn(zone); pfn += pageblock_nr_pages)
		c->blocks[get_pageblock_migratetype(zone, max(pfn, start))]++;
}

/* "Free pages count per migrate type at order", a row per zone and type. */
static void print_free_by_type(const struct pagetype_counts *counts)
{
	const struct pagetype_counts *c = counts;
	struct zone *zone;
	int nid;

	console_printf("%-43s ", "Free pages count per migrate type at order");
	for (int o = 0; o < NR_PAGE_ORDERS; o++)
		console_printf("%6d ", o);
	console_printf("\n");
	for_each_populated_zone(nid, zone) {
		for (int mt = 0; mt < MIGRATE_TYPES; mt++) {
			console_printf("Node %4d, zone %8s, type %12s ", nid,
				       zone->name, migratetype_names[mt]);
			for (int o = 0; o < NR_PAGE_ORDERS; o++) {
				unsigned long n = c->free[mt][o];

				console_printf("%s%6lu ",
					       n >= PAGETYPE_COUNT_MAX ? ">" : "",
					       n);
			}
			console_printf("\n");
		}
		c++;
	}
}

/* "Number of blocks type", a row per zone. */
static void print_blocks_by_type(const struct pagetype_counts *counts)
{
	const struct pagetype_counts *c = counts;
	struct zone *zone;
	int nid;

	console_printf("\n%-23s", "Number of blocks type ");
	for (int mt = 0; mt < MIGRATE_TYPES; mt++)
		console_printf("%12s ", migratetype_names[mt]);
	console_printf("\n");
	for_each_populated_zone(nid, zone) {
		console_printf("Node %d, zone %8s ", nid, zone->name);
		for (int mt = 0; mt < MIGRATE_TYPES; mt++)
			console_printf("%12lu ", c->blocks[mt]);
		console_printf("\n");
		c++;
	}
}

static int cmd_pagetypeinfo(int argc, char **argv)
{
	/* In for_each_populated_zone()'s order; one shell runs commands. */
	static struct pagetype_counts counts[MAX_NUMNODES * MAX_NR_ZONES];
	struct zone *zone;
	int nid, n = 0;

	(void)argc;
	(void)argv;
	for_each_populated_zone(nid, zone)
		count_pagetypes(zone, &counts[n++]);
	console_lock();
	console_printf("Page block order: %d\nPages per block:  %lu\n\n",
		       pageblock_order, pageblock_nr_pages);
	print_free_by_type(counts);
	print_blocks_by_type(counts);
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

static inline unsigned long pages_to_kb(unsigned long pages)
{
	return pages << (PAGE_SHIFT - 10);
}

/* A node's memory: node meminfo's lines, `stats json`'s first keys. */
enum { M_NODE, M_TOTAL, M_FREE, M_USED, M_MANAGED, M_FAILURES, NR_M_FIELDS };

static const struct report_field mem_fields[NR_M_FIELDS] = {
	[M_NODE] = { "node", NULL },
	[M_TOTAL] = { "total_kb", "MemTotal:       %8llu kB\n" },
	[M_FREE] = { "free_kb", "MemFree:        %8llu kB\n" },
	[M_USED] = { NULL, "MemUsed:        %8llu kB\n" },
	[M_MANAGED] = { "managed_kb", "MemManaged:     %8llu kB" },
	[M_FAILURES] = { "alloc_failures", "AllocFailures:  %8llu\n" },
};

/* Node meminfo's four lines, each opening with "Node N "; a JSON record. */
static void emit_node_memory(struct report *r, const struct buddy_view *v, int nid)
{
	const struct node_view *nv = &v->nodes[nid];
	unsigned long total = pages_to_kb(nv->present_pages);
	unsigned long free = pages_to_kb(nv->free_pages);

	report_u64(r, &mem_fields[M_NODE], nid);
	report_text(r, "Node %d ", nid);
	report_u64(r, &mem_fields[M_TOTAL], total);
	report_text(r, "Node %d ", nid);
	report_u64(r, &mem_fields[M_FREE], free);
	report_text(r, "Node %d ", nid);
	report_u64(r, &mem_fields[M_USED], total - free);
	report_text(r, "Node %d ", nid);
	report_u64(r, &mem_fields[M_MANAGED], pages_to_kb(nv->managed_pages));
}

/* The text shows v->only's node if one was asked for; the JSON every node. */
static void meminfo_emit(struct report *r, void *arg)
{
	const struct buddy_view *v = arg;
	bool all = v->only == NUMA_NO_NODE;
	int nid;

	report_list(r, "nodes");
	for_each_online_node(nid) {
		if (report_is_text(r) && !all && nid != v->only)
			continue;
		report_item(r);
		emit_node_memory(r, v, nid);
		report_item_end(r);
	}
	report_list_end(r);
	if (all) {
		report_text(r, "MemTotal:       %8lu kB\n",
			    (unsigned long)(memblock_phys_mem_size() >> 10));
		report_text(r, "MemFree:        %8lu kB\n",
			    pages_to_kb(v->free_pages));
	}
	if (all || !report_is_text(r))
		report_u64(r, &mem_fields[M_FAILURES], v->failures);
}

static int cmd_meminfo(int argc, char **argv)
{
	unsigned int arg = 0;

	if (argc > 2) {
		console_printf("meminfo: usage: meminfo [node]: EINVAL\n");
		return -EINVAL;
	}
	if (argc > 1 && (kstrtouint(argv[1], 0, &arg) || arg >= MAX_NUMNODES ||
			 !node_online((int)arg))) {
		console_printf("meminfo: no online node '%s'\n", argv[1]);
		return -EINVAL;
	}
	report_print("meminfo", meminfo_emit,
		     buddy_snapshot(argc > 1 ? (int)arg : NUMA_NO_NODE));
	return 0;
}
SHELL_COMMAND("meminfo", cmd_meminfo, "[node]",
	      "memory per node: total, free, used (node meminfo)");

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

enum {
	S_ZONE,
	S_FREE,
	S_PCP,
	S_MIN,
	S_LOW,
	S_HIGH,
	S_MIN_FREE_KB,
	NR_S_FIELDS
};

/* JSON only: `stats` has no text. */
static const struct report_field stats_fields[NR_S_FIELDS] = {
	[S_ZONE] = { "zone", NULL },
	[S_FREE] = { "free", NULL },
	[S_PCP] = { "pcp", NULL },
	[S_MIN] = { "min", NULL },
	[S_LOW] = { "low", NULL },
	[S_HIGH] = { "high", NULL },
	[S_MIN_FREE_KB] = { "min_free_kbytes", NULL },
};

/* The zone events' names (printed here only). */
static const struct report_field zone_event_fields[NR_ZONE_STAT_ITEMS] = {
	[ZONE_ALLOC_SUCCESS] = { "allocs", NULL },
	[ZONE_ALLOC_PAGES] = { "alloc_pages", NULL },
	[ZONE_FREE_CALLS] = { "frees", NULL },
	[ZONE_BAD_FREE] = { "bad_frees", NULL },
};

static void emit_zone_stats(struct report *r, const struct zone_view *zv)
{
	report_item(r);
	report_str(r, &stats_fields[S_ZONE], zv->name);
	report_u64(r, &stats_fields[S_FREE], zv->free);
	report_u64(r, &stats_fields[S_PCP], zv->pcp);
	report_u64(r, &stats_fields[S_MIN], zv->wmark[WMARK_MIN]);
	report_u64(r, &stats_fields[S_LOW], zv->wmark[WMARK_LOW]);
	report_u64(r, &stats_fields[S_HIGH], zv->wmark[WMARK_HIGH]);
	emit_free_blocks(r, "buddy", zv);
	for (int i = 0; i < NR_ZONE_STAT_ITEMS; i++)
		report_u64(r, &zone_event_fields[i], zv->events[i]);
	report_item_end(r);
}

/* A node: its memory as meminfo's JSON, its NUMA events as /proc/vmstat's. */
static void emit_node_stats(struct report *r, const struct buddy_view *v, int nid)
{
	const struct node_view *nv = &v->nodes[nid];

	report_item(r);
	emit_node_memory(r, v, nid);
	for (int i = 0; i < NR_VM_NUMA_EVENT_ITEMS; i++) {
		struct report_field f = { numa_stat_names[i].vmstat, NULL };

		report_u64(r, &f, nv->numa_events[i]);
	}
	report_list(r, "zones");
	for (int i = 0; i < nv->nr_zones; i++)
		emit_zone_stats(r, &v->zones[nv->first_zone + i]);
	report_list_end(r);
	report_item_end(r);
}

static void stats_emit(struct report *r, void *arg)
{
	const struct buddy_view *v = arg;
	int nid;

	if (report_is_text(r))
		return; /* the JSON line is the whole report */
	report_u64(r, &stats_fields[S_MIN_FREE_KB], min_free_kbytes);
	report_u64(r, &mem_fields[M_FAILURES], v->failures);
	report_list(r, "nodes");
	for_each_online_node(nid)
		emit_node_stats(r, v, nid);
	report_list_end(r);
}

static int cmd_stats(int argc, char **argv)
{
	if (argc != 2 || strcmp(argv[1], "json")) {
		console_printf("stats: usage: stats json\n");
		return -EINVAL;
	}
	report_print("stats", stats_emit, buddy_snapshot(NUMA_NO_NODE));
	return 0;
}
SHELL_COMMAND("stats", cmd_stats, "json",
	      "every node's memory, NUMA events and free lists as one JSON line");

/* ---- pcp: every CPU's list for every zone ---- */

const char *const pcp_stat_names[NR_PCP_STAT_ITEMS] = {
	[PCP_ALLOC_HIT] = "hits",
	[PCP_REFILL] = "refills",
	[PCP_REFILL_PAGES] = "refill_pages",
	[PCP_FREE] = "frees",
	[PCP_FLUSH] = "flushes",
	[PCP_FLUSH_PAGES] = "flush_pages",
	[PCP_DRAIN] = "drains",
	[PCP_EXPIRE] = "expires",
};

enum { P_CPU, P_NODE, P_ZONE, P_COUNT, P_HIGH, P_BATCH, NR_P_FIELDS };

static const struct report_field pcp_fields[NR_P_FIELDS] = {
	[P_CPU] = { "cpu", "%4llu" },	 [P_NODE] = { "node", " %4llu" },
	[P_ZONE] = { "zone", " %-7s" },	 [P_COUNT] = { "count", " %6lld" },
	[P_HIGH] = { "high", " %6lld" }, [P_BATCH] = { "batch", " %5lld" },
};

/* Each column's title: its key, in a format as wide as its values. */
static const char *const pcp_titles[NR_P_FIELDS] = {
	"%4s", " %4s", " %-7s", " %6s", " %6s", " %5s",
};

/* The event columns' widths, each at least as wide as its name. */
static const int pcp_stat_width[NR_PCP_STAT_ITEMS] = {
	[PCP_ALLOC_HIT] = 9, [PCP_REFILL] = 8, [PCP_REFILL_PAGES] = 12,
	[PCP_FREE] = 9,	     [PCP_FLUSH] = 8,  [PCP_FLUSH_PAGES] = 11,
	[PCP_DRAIN] = 6,     [PCP_EXPIRE] = 7,
};

static const struct report_field pcp_enabled_field = { "enabled", NULL };

/*
 * `pcp`'s reading of every online CPU's lists, taken before report_print()
 * so that both passes print the same figures.  Each CPU reads its own
 * lists, in a cross-call with interrupts off (pcp.c's discipline: a list
 * is its owner's), into its own per_cpu(pcp_view)[i], one slot per
 * managed zone in for_each_managed_zone()'s order; the shell reads the
 * slots once on_each_cpu() has returned.
 */
static DEFINE_PER_CPU(struct pcp_snapshot[MAX_NUMNODES * MAX_NR_ZONES],
		      pcp_view); /* [cpu] */
static bool pcp_view_enabled;	 /* [snap] pcp_enabled when read */

static void pcp_take_own_view(void *unused)
{
	struct pcp_snapshot *slot = *this_cpu_ptr(&pcp_view);
	unsigned int cpu = smp_processor_id();
	struct zone *zone;
	int nid;

	(void)unused;
	for_each_managed_zone(nid, zone)
		pcp_snapshot(zone, cpu, slot++);
}

static void pcp_take_view(void)
{
	pcp_view_enabled = READ_ONCE(pcp_enabled);
	on_each_cpu(pcp_take_own_view, NULL, true);
}

static void pcp_header(struct report *r, bool enabled)
{
	report_text(r, "per-CPU page lists: %s\n",
		    enabled ? "on" : "off (pcp=off)");
	for (int i = 0; i < NR_P_FIELDS; i++)
		report_text(r, pcp_titles[i], pcp_fields[i].key);
	for (int i = 0; i < NR_PCP_STAT_ITEMS; i++)
		report_text(r, " %*s", pcp_stat_width[i], pcp_stat_names[i]);
	report_text(r, "\n");
}

static void pcp_row(struct report *r, unsigned int cpu, int nid,
		    const struct zone *zone, const struct pcp_snapshot *snap)
{
	report_item(r);
	report_u64(r, &pcp_fields[P_CPU], cpu);
	report_u64(r, &pcp_fields[P_NODE], nid);
	report_str(r, &pcp_fields[P_ZONE], zone->name);
	report_s64(r, &pcp_fields[P_COUNT], snap->count);
	report_s64(r, &pcp_fields[P_HIGH], snap->high);
	report_s64(r, &pcp_fields[P_BATCH], snap->batch);
	for (int i = 0; i < NR_PCP_STAT_ITEMS; i++) {
		char fmt[16];

		snprintf(fmt, sizeof(fmt), " %%%dllu", pcp_stat_width[i]);
		report_u64(r, &(struct report_field){ pcp_stat_names[i], fmt },
			   snap->stat[i]);
	}
	report_item_end(r);
}

/* In pcp_take_view()'s order: the zones and the online CPUs are fixed. */
static void pcp_emit(struct report *r, void *arg)
{
	struct zone *zone;
	unsigned int cpu;
	int nid, i = 0;

	(void)arg;
	pcp_header(r, pcp_view_enabled);
	report_bool(r, &pcp_enabled_field, pcp_view_enabled);
	report_list(r, "lists");
	for_each_managed_zone(nid, zone) {
		for_each_online_cpu(cpu)
			pcp_row(r, cpu, nid, zone, &per_cpu(pcp_view, cpu)[i]);
		i++;
	}
	report_list_end(r);
}

static int cmd_pcp(int argc, char **argv)
{
	(void)argc;
	(void)argv;
	pcp_take_view();
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
SHELL_COMMAND("drain", cmd_drain, "",
	      "drain_all_pages(): every CPU's page lists to the buddy");
