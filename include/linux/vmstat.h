/* SPDX-License-Identifier: MIT */
/*
 * include/linux/vmstat.h — counting the page allocator's events, and the
 * names reports give them (Linux's, where Linux prints them).
 *
 * Implemented by: this header (inline), mm/buddy/page_alloc.c, which owns
 * the NUMA counters (struct per_cpu_zonestat, <linux/mmzone.h>) and folds
 * them on read (zone_numa_event_state(), node_numa_event_state()), and
 * mm/buddy/numastat.c (their names).  Mirrors: <linux/vmstat.h>, the NUMA
 * event part, and its vmstat_text[].  Nodal's own figures (numastat's
 * table in a report, the per-CPU lists' counters) are <nodal/page_stats.h>.
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

#endif /* NODAL_VMSTAT_H */
