/* SPDX-License-Identifier: MIT */
/*
 * include/linux/vmstat.h — counting the page allocator's NUMA events.
 *
 * Implemented by: this header (inline) and mm/buddy/page_alloc.c, which
 * owns the counters (struct per_cpu_zonestat, <linux/mmzone.h>) and folds
 * them on read (zone_numa_event_state(), node_numa_event_state()).
 * Mirrors: <linux/vmstat.h>, the NUMA event part.  Differences from Linux:
 * the caller has local interrupts off, not just preemption (the tick may
 * allocate on the same CPU).
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

#endif /* NODAL_VMSTAT_H */
