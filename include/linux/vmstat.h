/* SPDX-License-Identifier: MIT */
/*
 * include/linux/vmstat.h — counting the page allocator's events, and the
 * names reports give them (Linux's, where Linux prints them).
 *
 * Implemented by: this header (inline), mm/buddy/page_alloc.c, which owns
 * the NUMA and zone counters (struct per_cpu_zonestat, <linux/mmzone.h>),
 * folds them on read (zone_numa_event_state() ...) and counts free pages
 * (nr_free_pages()),
 * mm/buddy/numastat.c (their names, numastat's table), mm/buddy/pcp.c and
 * report.c (the per-CPU lists' counters and their names).  Mirrors:
 * <linux/vmstat.h>, the NUMA event part, and its vmstat_text[].
 * Differences from Linux: the caller has local interrupts off, not just
 * preemption (the tick may allocate on the same CPU); one table holds both
 * of Linux's names for a NUMA event.
 */
#ifndef NODAL_VMSTAT_H
#define NODAL_VMSTAT_H

#include <linux/mmzone.h>
#include <linux/percpu.h>

/**
 * __count_numa_event() - count one NUMA event on @zone, this CPU's counter
 * @zone: the zone the page came from
 * @item: which event (numastat's column)
 *
 * Context: local interrupts off (the counter is this CPU's, [cpu]).
 */
static inline void __count_numa_event(struct zone *zone,
				      enum numa_stat_item item)
{
	this_cpu_ptr(zone->per_cpu_zonestats)->vm_numa_event[item]++;
}

/**
 * zone_numa_event_state() - one NUMA event summed over every CPU
 */
unsigned long zone_numa_event_state(const struct zone *zone,
				    enum numa_stat_item item);
/** node_numa_event_state() - summed over the node's zones */
unsigned long node_numa_event_state(int nid, enum numa_stat_item item);
/** zone_event_state() - a zone_stat_item summed over every CPU */
unsigned long zone_event_state(const struct zone *zone, enum zone_stat_item item);

/** zone_free_pages() - free pages in the buddy lists (racy snapshot) */
static inline unsigned long zone_free_pages(const struct zone *zone)
{
	return READ_ONCE(zone->nr_free);
}

/** nr_free_pages_node() - free pages of node @nid (buddy + per-CPU lists) */
unsigned long nr_free_pages_node(int nid);
/** nr_free_pages() - free pages of every node */
unsigned long nr_free_pages(void);

/*
 * One NUMA event's name in each Linux format that prints it
 * (docs/linux-facts.md §8.4): sysfs and numastat(8) say interleave_hit
 * where /proc/vmstat and /proc/zoneinfo say numa_interleave.
 */
struct numa_stat_name {
	const char *numastat;	/* [init] nodeN/numastat; numastat(8) */
	const char *vmstat;	/* [init] /proc/vmstat; /proc/zoneinfo */
};

/**
 * numa_stat_names - every report's names for enum numa_stat_item
 *
 * The one table: `numastat`, `policy alloc` and the stress report print
 * the numastat column, `zoneinfo` and `stats json` the vmstat column.
 */
extern const struct numa_stat_name numa_stat_names[NR_VM_NUMA_EVENT_ITEMS];

struct report;

/* A row numastat_emit() prints before the events (`policy alloc`'s pages). */
struct numastat_row {
	const char *name;		/* [init] its name and JSON key */
	const unsigned long *val;	/* [init] by node id */
};

/**
 * numastat_emit() - numastat(8)'s table of per-node NUMA events, in a report
 * @ev: the events of each online node, by node id (counters or deltas)
 * @extra: a row to print first, or NULL
 *
 * Text: numastat(8)'s compatibility layout (a 16-wide column per node, a
 * row per event, sysfs's names).  JSON: "nodes", a record per node with
 * its id, @extra and the events.  Context: inside a report's emit function.
 */
void numastat_emit(struct report *r,
		   const unsigned long (*ev)[NR_VM_NUMA_EVENT_ITEMS],
		   const struct numastat_row *extra);

/**
 * pcp_stat_names - the names of enum pcp_stat_item, in every report
 *
 * Linux keeps no such counters: these are Nodal's (`pcp`, the stress
 * report), named once here, in mm/buddy/report.c.
 */
extern const char *const pcp_stat_names[NR_PCP_STAT_ITEMS];

/**
 * pcp_stat_sum_all() - every per-CPU list's events, over zones and CPUs
 * @sum: out, indexed by enum pcp_stat_item
 *
 * A racy sum, as the other counters' (mm/buddy/pcp.c).  Context: any.
 */
void pcp_stat_sum_all(unsigned long sum[NR_PCP_STAT_ITEMS]);

#endif /* NODAL_VMSTAT_H */
