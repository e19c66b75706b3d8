/* SPDX-License-Identifier: MIT */
/*
 * include/linux/vmstat.h — counting the page allocator's events, and the
 * names reports give them (Linux's, where Linux prints them).
 *
 * Implemented by: this header (inline), mm/buddy/page_alloc.c, which owns
 * the NUMA and zone counters (struct per_cpu_zonestat, <linux/mmzone.h>),
 * folds them on read (zone_numa_event_state() ...) and counts free pages
 * (nr_free_pages()), and mm/buddy/numastat.c (the events' names).
 * Mirrors: <linux/vmstat.h>, the NUMA event part, and its vmstat_text[].
 * Nodal's own figures (numastat's table in a report, the per-CPU lists'
 * counters) are <nodal/page_stats.h>.
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
	const char *numastat; /* [init] nodeN/numastat; numastat(8) */
	const char *vmstat;   /* [init] /proc/vmstat; /proc/zoneinfo */
};

/**
 * numa_stat_names - every report's names for enum numa_stat_item
 *
 * The one table: `numastat`, `policy alloc` and the stress report print
 * the numastat column, `zoneinfo` and `stats json` the vmstat column.
 */
extern const struct numa_stat_name numa_stat_names[NR_VM_NUMA_EVENT_ITEMS];

#endif /* NODAL_VMSTAT_H */
