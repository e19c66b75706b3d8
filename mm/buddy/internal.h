/* SPDX-License-Identifier: MIT */
/*
 * mm/buddy/internal.h — private to mm/buddy and its own tests.
 *
 * Nothing here is API: names and meanings may change with the allocator.
 */
#ifndef NODAL_MM_BUDDY_INTERNAL_H
#define NODAL_MM_BUDDY_INTERNAL_H

#include <linux/gfp.h>
#include <linux/mmzone.h>
#include <linux/vmstat.h>

/* alloc_flags, as Linux's mm/internal.h names them. */
#define ALLOC_WMARK_MIN		WMARK_MIN
#define ALLOC_WMARK_LOW		WMARK_LOW
#define ALLOC_WMARK_HIGH	WMARK_HIGH
#define ALLOC_NO_WATERMARKS	0x04	/* ignore watermarks entirely */
#define ALLOC_WMARK_MASK	(ALLOC_NO_WATERMARKS - 1)
#define ALLOC_NON_BLOCK		0x10	/* caller cannot wait: a quarter more */
#define ALLOC_MIN_RESERVE	0x20	/* __GFP_HIGH: half of min */
#define ALLOC_HIGHATOMIC	0x200	/* may use MIGRATE_HIGHATOMIC blocks */

/* What one allocation asks of the zonelist walk. */
struct alloc_context {
	struct zonelist *zonelist;	/* the preferred node's list */
	nodemask_t *nodemask;		/* allowed nodes, or NULL */
	struct zoneref *preferred_zoneref; /* first allowed zone: numastat's target */
	int migratetype;
	int highest_zoneidx;		/* gfp_zone() */
};

/* page_alloc.c: enum migratetype's names, as /proc/pagetypeinfo prints them */
extern const char *const migratetype_names[MIGRATE_TYPES];

/** min_free_kbytes - the reserve below which only __GFP_HIGH may go */
extern int min_free_kbytes;

bool zone_watermark_ok(struct zone *z, unsigned int order, unsigned long mark,
		       int highest_zoneidx, unsigned int alloc_flags);
/** buddy_validate_zone() - check BUDDY-1..5 on @zone; 0 or -EINVAL */
int buddy_validate_zone(struct zone *zone);
/** buddy_validate_all() - buddy_validate_zone() for every populated zone */
int buddy_validate_all(void);

/* page_alloc.c, for pcp.c: caller holds zone->lock, interrupts off. */
struct page *__rmqueue(struct zone *zone, unsigned int order, int mt,
		       unsigned int alloc_flags);
void __free_one_page(struct page *page, unsigned long pfn, struct zone *zone,
		     unsigned int order);

/*
 * count_zone_event() - @n more of @item on @zone, this CPU's counter.
 * Caller has interrupts off.
 */
static inline void count_zone_event(struct zone *zone, enum zone_stat_item item,
				    unsigned long n)
{
	this_cpu_ptr(zone->per_cpu_zonestats)->vm_events[item] += n;
}

/* pcp.c */
void pcp_init(void);
/** zone_pcp_pages() - pages held on every CPU's list for @zone (racy sum) */
unsigned long zone_pcp_pages(const struct zone *zone);
void free_pcp_over_high(struct zone *zone, unsigned int pindex);
int pcp_validate_all(void);
void __drain_all_pages(struct zone *zone, bool force_all_cpus);

/* The zones with per-CPU lists: every populated one, once pcp_init() ran. */
#define for_each_managed_zone(nid, zone)                    \
	for_each_online_node(nid)                           \
		for_each_zone_in_node(zone, NODE_DATA(nid)) \
			if ((zone)->per_cpu_pageset)

/* One CPU's list for one zone, as a report shows it. */
struct pcp_snapshot {
	int count; /* pages held */
	int high;  /* flush threshold now */
	int batch;
	unsigned long stat[NR_PCP_STAT_ITEMS]; /* pcp_stat_names */
};

/*
 * pcp_snapshot() - CPU @cpu's list for @zone: exact when @cpu is this CPU
 * with interrupts off, else read without stopping it (a racy snapshot, as
 * /proc/zoneinfo's).  @zone has lists.
 */
void pcp_snapshot(const struct zone *zone, unsigned int cpu,
		  struct pcp_snapshot *snap);

static inline bool pcp_allowed_order(unsigned int order)
{
	return order <= PAGE_ALLOC_COSTLY_ORDER;
}

static inline unsigned int order_to_pindex(int mt, unsigned int order)
{
	return order * MIGRATE_PCPTYPES + mt;
}

/* Take the hot (head) block off @list, a non-empty list of @pcp. */
static __always_inline struct page *pcp_take(struct per_cpu_pages *pcp,
					     struct list_head *list,
					     unsigned int order)
{
	struct page *page = list_first_entry(list, struct page, buddy_list);

	list_del(&page->buddy_list);
	__ClearPageFlag(page, PG_pcp);
	pcp->count -= 1 << order;
	pcp->free_count >>= 1;
	pcp->stat[PCP_ALLOC_HIT]++;
	return page;
}

struct page *rmqueue_pcplist_refill(struct zone *zone, struct per_cpu_pages *pcp,
				    struct list_head *list, unsigned int order,
				    int mt);

/**
 * rmqueue_pcplist() - one block of @order (≤ 3) from this CPU's list
 *
 * A list hit is inline (most of what page_fast measures); an empty list is
 * refilled from the buddy out of line.  Context: interrupts off (the
 * caller's rmqueue()).  Return: the block, or NULL when the list is empty
 * and the buddy cannot refill it.
 */
static __always_inline struct page *rmqueue_pcplist(struct zone *zone,
						    unsigned int order, int mt)
{
	struct per_cpu_pages *pcp = this_cpu_ptr(zone->per_cpu_pageset);
	struct list_head *list = &pcp->lists[order_to_pindex(mt, order)];

	if (unlikely(list_empty(list)))
		return rmqueue_pcplist_refill(zone, pcp, list, order, mt);
	return pcp_take(pcp, list, order);
}

static inline int get_pageblock_migratetype(const struct zone *zone,
					    unsigned long pfn)
{
	return zone->pageblock_mt[(pfn >> pageblock_order) -
				  (zone->zone_start_pfn >> pageblock_order)];
}

/**
 * free_unref_page() - put a checked, allocated block of @order (≤ 3) on
 * this CPU's list for its zone
 * @pindex: out: the list it went on
 *
 * Clears the block's allocated state (PG_head, PG_tail, the reference) and
 * counts the free (PCP_FREE, which ZONE_FREE_CALLS includes) in one
 * interrupts-off section.  Inline:
 * with __free_pages() it is page_fast's free half.  Context: any; disables
 * interrupts itself.  The caller checked the page (allocated head of this
 * order, in @zone).  Return: true when the list reached `high` (PCP-3
 * keeps high tuned, so one compare), and the caller must then call
 * free_pcp_over_high().
 */
static __always_inline bool free_unref_page(struct zone *zone, struct page *page,
					    unsigned int order, unsigned int *pindex)
{
	int mt = get_pageblock_migratetype(zone, page_to_pfn(page));
	struct per_cpu_pages *pcp;
	unsigned long flags;
	bool over;

	*pindex = order_to_pindex(mt, order);
	for (unsigned long i = 1; i < (1UL << order); i++)
		__ClearPageFlag(&page[i], PG_tail);
	page->flags = (page->flags & ~(1UL << PG_head)) | (1UL << PG_pcp);
	page->private = mt;
	page->_refcount = 0;
	local_irq_save(flags);
	pcp = this_cpu_ptr(zone->per_cpu_pageset);
	pcp->alloc_factor >>= 1;
	list_add(&page->buddy_list, &pcp->lists[*pindex]);
	pcp->count += 1 << order;
	pcp->stat[PCP_FREE]++;
	if (pcp->free_count < (pcp->batch << 5))
		pcp->free_count += 1 << order;
	over = pcp->count >= pcp->high;
	local_irq_restore(flags);
	return over;
}

/* mm_init.c */
/** buddy_memmap_nid() - the node whose memory backs @nid's struct pages */
int buddy_memmap_nid(int nid);
void memmap_init(void);
void buddy_free_all_memblock(void);
void setup_per_zone_wmarks(void);

#endif /* NODAL_MM_BUDDY_INTERNAL_H */
