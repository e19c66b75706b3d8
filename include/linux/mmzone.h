/* SPDX-License-Identifier: MIT */
/*
 * include/linux/mmzone.h — nodes (pg_data_t), zones, free areas and zonelists.
 *
 * Implemented by: mm/numa/mmzone.c (nodes, zones, zonelists, zone names).
 * The page allocator in mm/buddy fills the free areas, watermarks and
 * counters, and declares what reads them in its own headers: <linux/gfp.h>
 * (drain_all_pages()), <linux/vmstat.h> (the counters), <linux/mm.h>
 * (page_zone()).  Mirrors: <linux/mmzone.h>.  Differences: ZONE_DMA32,
 * ZONE_NORMAL and an always empty ZONE_MOVABLE only (riscv64's layout
 * without ZONE_DEVICE); no per-node LRU or reclaim state; counters per
 * CPU, folded on read.
 *
 *   NODE_DATA(nid) ─▶ pg_data_t ─┬─ node_zones[DMA32|Normal|Movable]
 *                                │     └─ free_area[order].free_list[mt]
 *                                └─ node_zonelists[FALLBACK|NOFALLBACK]
 *                                      └─ zonerefs: zones in fallback order
 */
#ifndef NODAL_MMZONE_H
#define NODAL_MMZONE_H

#include <asm/page.h>
#include <linux/list.h>
#include <linux/nodemask.h>
#include <linux/percpu-defs.h>
#include <linux/spinlock.h>
#include <linux/types.h>

#define MAX_PAGE_ORDER		10
#define NR_PAGE_ORDERS		(MAX_PAGE_ORDER + 1)
#define MAX_ORDER_NR_PAGES	(1UL << MAX_PAGE_ORDER)
#define pageblock_order		MAX_PAGE_ORDER	/* no THP or hugetlbfs */
#define pageblock_nr_pages	(1UL << pageblock_order)
#define PAGE_ALLOC_COSTLY_ORDER	3

enum migratetype {
	MIGRATE_UNMOVABLE,
	MIGRATE_MOVABLE,
	MIGRATE_RECLAIMABLE,
	MIGRATE_PCPTYPES,		/* types with a per-CPU list */
	MIGRATE_HIGHATOMIC = MIGRATE_PCPTYPES,
	MIGRATE_TYPES
};

enum zone_type {
	ZONE_DMA32,
	ZONE_NORMAL,
	ZONE_MOVABLE,
	MAX_NR_ZONES
};

extern const char *const zone_names[MAX_NR_ZONES];

enum zone_watermarks { WMARK_MIN, WMARK_LOW, WMARK_HIGH, WMARK_PROMO, NR_WMARK };

/* NUMA events, counted as Linux's zone_statistics() counts them. */
enum numa_stat_item {
	NUMA_HIT,		/* allocated on the node it was meant for */
	NUMA_MISS,		/* allocated here though meant for another */
	NUMA_FOREIGN,		/* meant for here, allocated elsewhere */
	NUMA_INTERLEAVE_HIT,	/* interleave policy got its chosen node */
	NUMA_LOCAL,		/* allocated on the allocating CPU's node */
	NUMA_OTHER,		/* allocated on another node than the CPU's */
	NR_VM_NUMA_EVENT_ITEMS
};

/* Page allocator events per zone, for meminfo and tests. */
enum zone_stat_item {
	ZONE_ALLOC_SUCCESS,	/* blocks handed out (+ the lists' PCP_ALLOC_HIT) */
	ZONE_ALLOC_PAGES,	/* pages handed out */
	ZONE_FREE_CALLS,	/* blocks given back (+ the lists' PCP_FREE) */
	ZONE_BAD_FREE,		/* frees reported and ignored */
	NR_ZONE_STAT_ITEMS
};

struct per_cpu_zonestat {
	unsigned long vm_numa_event[NR_VM_NUMA_EVENT_ITEMS];	/* [stat] */
	unsigned long vm_events[NR_ZONE_STAT_ITEMS];		/* [stat] */
};

/*
 * Per-CPU page lists (mm/buddy/pcp.c): one per zone and CPU, in the CPU's
 * per-CPU unit (so on its node).  Touched only by the owning CPU with
 * interrupts off; other CPUs reach it by a cross-call (drain_all_pages).
 */
#define NR_PCP_ORDERS	(PAGE_ALLOC_COSTLY_ORDER + 1)	/* orders 0..3 */
#define NR_PCP_LISTS	(NR_PCP_ORDERS * MIGRATE_PCPTYPES)

enum pcp_stat_item {
	PCP_ALLOC_HIT,		/* allocations served from the list */
	PCP_REFILL,		/* refills from the buddy (one zone->lock each) */
	PCP_REFILL_PAGES,	/* pages brought in by refills */
	PCP_FREE,		/* frees onto the list */
	PCP_FLUSH,		/* bulk frees to the buddy (one zone->lock each) */
	PCP_FLUSH_PAGES,	/* pages sent back by them */
	PCP_DRAIN,		/* drains (explicit, expiry, before failing) */
	PCP_EXPIRE,		/* remote-zone lists drained after idling */
	NR_PCP_STAT_ITEMS
};

struct per_cpu_pages {
	int count;		/* [cpu] pages held, 2^order per block */
	int high;		/* [cpu] flush threshold, tuned in [high_min, high_max] */
	int high_min;		/* [init] */
	int high_max;		/* [init] */
	int batch;		/* [init] refill / flush unit */
	int free_count;		/* [cpu] grows with frees, halves per allocation */
	u8 alloc_factor;	/* [cpu] refill scale shift for order 0 */
	u8 expire;		/* [cpu] idle intervals left for a remote zone */
	u8 moved;		/* [cpu] refilled or flushed since the last check */
	struct list_head lists[NR_PCP_LISTS];	/* [cpu] hot at head */
	unsigned long stat[NR_PCP_STAT_ITEMS];	/* [stat] */
} ____cacheline_aligned;

struct free_area {
	struct list_head free_list[MIGRATE_TYPES];	/* [zone->lock] */
	unsigned long nr_free;				/* [zone->lock] blocks */
};

struct pglist_data;

struct zone {
	/* Read-mostly: set at boot. */
	unsigned long _watermark[NR_WMARK];	/* [init] pages */
	long lowmem_reserve[MAX_NR_ZONES];	/* [init] pages kept from higher requests */
	struct pglist_data *zone_pgdat;		/* [init] */
	struct per_cpu_zonestat *per_cpu_zonestats; /* [init] alloc_percpu */
	struct per_cpu_pages *per_cpu_pageset;	/* [init] alloc_percpu */
	unsigned long zone_start_pfn;		/* [init] */
	unsigned long spanned_pages;		/* [init] pfns from start to end */
	unsigned long present_pages;		/* [init] RAM pages in the span */
	unsigned long managed_pages;		/* [init] given to the buddy */
	const char *name;			/* [init] "DMA32", "Normal" */
	int node;				/* [init] */
	u8 *pageblock_mt;			/* [lock] migratetype per pageblock */

	/* The allocator's state. */
	spinlock_t lock ____cacheline_aligned;	/* the zone's free lists */
	struct free_area free_area[NR_PAGE_ORDERS];	/* [lock] */
	unsigned long nr_free;			/* [lock] free pages in free_area */
	unsigned long nr_reserved_highatomic;	/* [lock] */
} ____cacheline_aligned;

struct zoneref {
	struct zone *zone;	/* [init] */
	int zone_idx;		/* [init] zone_idx(zone) */
};

#define MAX_ZONES_PER_ZONELIST	(MAX_NUMNODES * MAX_NR_ZONES)

enum { ZONELIST_FALLBACK, ZONELIST_NOFALLBACK, MAX_ZONELISTS };

struct zonelist {
	struct zoneref _zonerefs[MAX_ZONES_PER_ZONELIST + 1];	/* NULL-ended */
};

typedef struct pglist_data {
	struct zone node_zones[MAX_NR_ZONES];		/* [init] */
	struct zonelist node_zonelists[MAX_ZONELISTS];	/* [init] */
	int nr_zones;			/* [init] highest populated zone + 1 */
	unsigned long node_start_pfn;	/* [init] */
	unsigned long node_present_pages; /* [init] */
	unsigned long node_spanned_pages; /* [init] */
	int node_id;			/* [init] */
	int node_fallback[MAX_NUMNODES]; /* [init] memory nodes, fallback order */
	int nr_node_fallback;		/* [init] */
} pg_data_t;

extern struct pglist_data *node_data[MAX_NUMNODES];
#define NODE_DATA(nid)	(node_data[nid])

static inline int zone_idx(const struct zone *zone)
{
	return (int)(zone - zone->zone_pgdat->node_zones);
}

static inline bool populated_zone(const struct zone *zone)
{
	return zone->present_pages != 0;
}

static inline bool managed_zone(const struct zone *zone)
{
	return zone->managed_pages != 0;
}

#define min_wmark_pages(z)	((z)->_watermark[WMARK_MIN])
#define low_wmark_pages(z)	((z)->_watermark[WMARK_LOW])
#define high_wmark_pages(z)	((z)->_watermark[WMARK_HIGH])
#define wmark_pages(z, i)	((z)->_watermark[i])

static inline unsigned long zone_end_pfn(const struct zone *zone)
{
	return zone->zone_start_pfn + zone->spanned_pages;
}

#define for_each_zone_in_node(zone, pgdat)				\
	for ((zone) = (pgdat)->node_zones;				\
	     (zone) < (pgdat)->node_zones + MAX_NR_ZONES; (zone)++)

#define for_each_zoneref(z, zl)						\
	for ((z) = (zl)->_zonerefs; (z)->zone; (z)++)

/** numa_setup_nodes() - a pg_data_t and zones for every online node (boot) */
void numa_setup_nodes(void);
/** build_all_zonelists() - every node's fallback and this-node lists (boot) */
void build_all_zonelists(void);
/** numa_validate_zonelists() - check ZONE-1..3; 0 or -EINVAL */
int numa_validate_zonelists(void);

#endif /* NODAL_MMZONE_H */
