/* SPDX-License-Identifier: MIT */
/*
 * mm/buddy/page_alloc.c — the buddy page allocator, one per zone.
 *
 * Overview     Every zone keeps its free memory as blocks of 2^order pages
 *              (order 0..MAX_PAGE_ORDER = 10), each naturally aligned, on
 *              free_area[order].free_list[migratetype].  An allocation walks
 *              the preferred node's zonelist, takes the first zone whose
 *              free pages stay above a watermark, splits the smallest big
 *              enough block and files the halves it does not need.  A free
 *              merges the block with its buddy as long as the buddy is free
 *              and of the same order.  Counters say where each allocation
 *              landed relative to the node asked for (numastat).
 *
 * Structures   zone ─ free_area[0..10] ─ free_list[Unmovable|Movable|
 *              Reclaimable|HighAtomic] ─ struct page (PG_buddy, private =
 *              order) ─ ... ; pageblock_mt[] gives each 2^pageblock_order
 *              block's migratetype.  An allocated block's head page has
 *              PG_head and private = order; its other pages PG_tail.
 *
 *              The buddy of the block at pfn of order o is at pfn ^ 2^o.
 *              Example: freeing pfn 0x80004 (order 2) looks at 0x80000
 *              (0x80004 ^ 4).  If that is a free order-2 block they merge
 *              into an order-3 block at 0x80000 (0x80004 & 0x80000), whose
 *              buddy is 0x80008 (0x80000 ^ 8), and so on up to order 10.
 *
 * Locking      1. zone->lock, always with interrupts off (spin_lock_irqsave):
 *                 the zone's free lists, nr_free, pageblock_mt.
 *              No other lock nests inside it.  Per-CPU counters are bumped
 *              inside the irq-off section.
 *
 * Per-CPU      zone->per_cpu_zonestats: numastat and event counters [stat],
 *              folded on read by zone_numa_event_state();
 *              zone->per_cpu_pageset: the per-CPU page lists (pcp.c).
 *
 * Invariants   BUDDY-1 a free block is aligned to its order and inside its
 *                      zone's span.
 *              BUDDY-2 a free block's head has PG_buddy and private = order
 *                      and is on exactly free_list[order][its pageblock's mt].
 *              BUDDY-3 nr_free of each order equals the blocks on its lists;
 *                      zone->nr_free equals the pages they hold.
 *              BUDDY-4 no two free buddies of equal order (they merge).
 *              BUDDY-5 a free page is never PG_reserved, PG_head or PG_tail.
 *              buddy_validate_zone() checks them all.
 *
 * Paths        alloc_pages() (here) takes this CPU's node for a task
 *              without a policy of its own; a task with one goes through
 *              the hook mm/mempolicy registers (page_alloc_set_policy_alloc),
 *              which picks the start node and allowed nodes.  Fastest: order 0, no
 *              nodemask, the first zone above its low mark and a list hit
 *              (alloc_pages_fast(), inline, no stack frame), taken only
 *              while fail_page_alloc is off.  Then the whole algorithm:
 *              first should_fail_alloc_page() when fail_page_alloc is on
 *              (fail_page_alloc.c: an injected failure returns NULL before
 *              any list is looked at); zonelist walk at the LOW watermark; orders
 *              0..3 pop this CPU's per-CPU list (pcp.c: no lock; an empty
 *              list is refilled under one zone->lock hold), larger orders take
 *              __rmqueue_smallest under zone->lock.  Slow: again at MIN
 *              (less for __GFP_HIGH and callers that cannot wait), with
 *              fallback to other migratetypes (claiming whole pageblocks
 *              when worth it); then drain the per-CPU lists and try once
 *              more; then NULL, counted, warned (rate-limited).  Free:
 *              checked (bad frees are reported, never merged), then orders
 *              0..3 to this CPU's list for the page's zone (inline, no
 *              stack frame; a list past `high` is flushed in a tail call),
 *              larger orders merged by __free_one_page under zone->lock.
 *
 * Linux        mm/page_alloc.c: __free_one_page, __find_buddy_pfn, expand,
 *              __rmqueue_smallest, __rmqueue_claim/steal, get_page_from_
 *              freelist, __zone_watermark_ok, zone_statistics,
 *              __setup_per_zone_wmarks.  Nodal differs: no reclaim or
 *              compaction (nothing waits: a failure returns NULL at once),
 *              no CMA or isolation, no watermark boost.
 *
 * Statistics   numa_hit/miss/foreign/local/other per zone and CPU (and
 *              interleave_hit, counted by mm/mempolicy/alloc.c); allocation
 *              successes, pages, frees, bad frees and failures; named in
 *              numastat.c (numa_stat_names) and report.c, printed by
 *              zoneinfo, numastat, `stats json` and meminfo.
 */
#include <linux/bug.h>
#include <linux/errno.h>
#include <linux/fault-inject.h>
#include <linux/gfp.h>
#include <linux/irqflags.h>
#include <linux/mmdebug.h>
#include <linux/mmzone.h>
#include <linux/percpu.h>
#include <linux/preempt.h>
#include <linux/printk.h>
#include <linux/sched.h>
#include <linux/smp.h>
#include <linux/string.h>
#include <linux/topology.h>

#include "internal.h"

const char *const migratetype_names[MIGRATE_TYPES] = {
	"Unmovable", "Movable", "Reclaimable", "HighAtomic",
};

/* Linux's fallbacks[]: where each type borrows from, in order. */
static const int fallbacks[MIGRATE_PCPTYPES][MIGRATE_PCPTYPES - 1] = {
	[MIGRATE_UNMOVABLE]   = { MIGRATE_RECLAIMABLE, MIGRATE_MOVABLE },
	[MIGRATE_MOVABLE]     = { MIGRATE_RECLAIMABLE, MIGRATE_UNMOVABLE },
	[MIGRATE_RECLAIMABLE] = { MIGRATE_UNMOVABLE, MIGRATE_MOVABLE },
};

static DEFINE_PER_CPU(unsigned long, nr_alloc_failures);	/* [stat] */

/* ---- free lists ---- */

static inline void set_buddy_order(struct page *page, unsigned int order)
{
	page->private = order;
	__SetPageFlag(page, PG_buddy);
}

static inline bool zone_spans_pfn(const struct zone *zone, unsigned long pfn)
{
	return pfn >= zone->zone_start_pfn && pfn < zone_end_pfn(zone);
}

static inline void add_to_free_list(struct page *page, struct zone *zone,
				    unsigned int order, int mt, bool tail)
{
	struct free_area *area = &zone->free_area[order];

	if (tail)
		list_add_tail(&page->buddy_list, &area->free_list[mt]);
	else
		list_add(&page->buddy_list, &area->free_list[mt]);
	area->nr_free++;
	zone->nr_free += 1UL << order;
}

static inline void del_page_from_free_list(struct page *page, struct zone *zone,
					   unsigned int order)
{
	list_del(&page->buddy_list);
	__ClearPageFlag(page, PG_buddy);
	page->private = 0;
	zone->free_area[order].nr_free--;
	zone->nr_free -= 1UL << order;
}

/* Is @buddy the head of a free block of exactly @order in @zone? */
static inline bool page_is_buddy(const struct zone *zone, unsigned long buddy_pfn,
				 const struct page *buddy, unsigned int order)
{
	return zone_spans_pfn(zone, buddy_pfn) && PageBuddy(buddy) &&
	       buddy->private == order;
}

/*
 * __free_one_page() - put a block back, merging with free buddies.
 * Caller holds zone->lock with interrupts off.
 */
void __free_one_page(struct page *page, unsigned long pfn, struct zone *zone,
		     unsigned int order)
{
	bool to_tail = false;
	int mt;

	lockdep_assert_held(&zone->lock);
	VM_BUG_ON(pfn & ((1UL << order) - 1));		/* BUDDY-1 */
	while (order < MAX_PAGE_ORDER) {
		unsigned long buddy_pfn = pfn ^ (1UL << order);
		struct page *buddy = page + (buddy_pfn - pfn);

		if (!page_is_buddy(zone, buddy_pfn, buddy, order))
			break;
		del_page_from_free_list(buddy, zone, order);
		page += (buddy_pfn & pfn) - pfn;
		pfn &= buddy_pfn;
		order++;
	}
	set_buddy_order(page, order);
	/*
	 * If the next-larger buddy is free, this block will likely merge
	 * soon: keep it at the tail so allocations do not split it first.
	 */
	if (order < MAX_PAGE_ORDER - 1) {
		unsigned long higher = (pfn & ~((2UL << order) - 1)) ^ (2UL << order);

		to_tail = zone_spans_pfn(zone, higher) &&
			  PageBuddy(pfn_to_page(higher));
	}
	mt = get_pageblock_migratetype(zone, pfn);
	add_to_free_list(page, zone, order, mt, to_tail);
}

/*
 * expand() - split a block of @high down to @low, filing the upper halves.
 * The low half stays at @page.
 */
static void expand(struct zone *zone, struct page *page, unsigned int low,
		   unsigned int high, int mt)
{
	unsigned long size = 1UL << high;

	while (high > low) {
		high--;
		size >>= 1;
		set_buddy_order(&page[size], high);
		add_to_free_list(&page[size], zone, high, mt, false);
	}
}

static struct page *__rmqueue_smallest(struct zone *zone, unsigned int order,
				       int mt)
{
	for (unsigned int o = order; o < NR_PAGE_ORDERS; o++) {
		struct list_head *list = &zone->free_area[o].free_list[mt];
		struct page *page;

		/*
		 * The list is tested, not a list_first_entry_or_null() result:
		 * clang's analyzer would take a NULL entry for a NULL list head.
		 */
		if (list_empty(list))
			continue;
		page = list_first_entry(list, struct page, buddy_list);
		del_page_from_free_list(page, zone, o);
		expand(zone, page, order, o, mt);
		return page;
	}
	return NULL;
}

/* Relabel the pageblock at @pfn and move its free blocks to @mt's lists. */
static void claim_pageblock(struct zone *zone, unsigned long pfn, int mt)
{
	unsigned long start = ALIGN_DOWN(pfn, pageblock_nr_pages);
	unsigned long end = min(start + pageblock_nr_pages, zone_end_pfn(zone));

	zone->pageblock_mt[(start >> pageblock_order) -
			   (zone->zone_start_pfn >> pageblock_order)] = (u8)mt;
	for (pfn = max(start, zone->zone_start_pfn); pfn < end;) {
		struct page *page = pfn_to_page(pfn);

		if (!PageBuddy(page)) {
			pfn++;
			continue;
		}
		list_move(&page->buddy_list,
			  &zone->free_area[page->private].free_list[mt]);
		pfn += 1UL << page->private;
	}
}

/* Free pages in @pfn's pageblock: worth claiming if half of it is free. */
static unsigned long pageblock_free_pages(struct zone *zone, unsigned long pfn)
{
	unsigned long start = ALIGN_DOWN(pfn, pageblock_nr_pages), nr = 0;
	unsigned long end = min(start + pageblock_nr_pages, zone_end_pfn(zone));

	for (pfn = max(start, zone->zone_start_pfn); pfn < end;) {
		struct page *page = pfn_to_page(pfn);

		if (PageBuddy(page)) {
			nr += 1UL << page->private;
			pfn += 1UL << page->private;
		} else {
			pfn++;
		}
	}
	return nr;
}

/*
 * __rmqueue_fallback() - borrow from another migratetype, as Linux's
 * __rmqueue_claim() (largest block first, claiming its pageblock when the
 * block is big or the request will not move) then __rmqueue_steal().
 */
static struct page *__rmqueue_fallback(struct zone *zone, unsigned int order,
				       int mt)
{
	if (mt >= MIGRATE_PCPTYPES)
		return NULL;
	for (int o = MAX_PAGE_ORDER; o >= (int)order; o--) {
		for (int i = 0; i < MIGRATE_PCPTYPES - 1; i++) {
			struct list_head *list =
				&zone->free_area[o].free_list[fallbacks[mt][i]];
			struct page *page;
			unsigned long pfn;

			if (list_empty(list))
				continue;
			page = list_first_entry(list, struct page, buddy_list);
			pfn = page_to_pfn(page);
			if (o < pageblock_order / 2 && mt == MIGRATE_MOVABLE)
				break;		/* not worth a claim: steal below */
			if (o >= pageblock_order ||
			    pageblock_free_pages(zone, pfn) >= pageblock_nr_pages / 2) {
				claim_pageblock(zone, pfn, mt);
				return __rmqueue_smallest(zone, order, mt);
			}
		}
	}
	for (unsigned int o = order; o < NR_PAGE_ORDERS; o++) {
		for (int i = 0; i < MIGRATE_PCPTYPES - 1; i++) {
			int from = fallbacks[mt][i];
			struct list_head *list = &zone->free_area[o].free_list[from];
			struct page *page;

			page = list_first_entry_or_null(list, struct page,
							buddy_list);

			if (!page)
				continue;
			del_page_from_free_list(page, zone, o);
			expand(zone, page, order, o, from);
			return page;
		}
	}
	return NULL;
}

struct page *__rmqueue(struct zone *zone, unsigned int order, int mt,
		       unsigned int alloc_flags)
{
	struct page *page = __rmqueue_smallest(zone, order, mt);

	if (!page && (alloc_flags & ALLOC_HIGHATOMIC))
		page = __rmqueue_smallest(zone, order, MIGRATE_HIGHATOMIC);
	if (!page)
		page = __rmqueue_fallback(zone, order, mt);
	return page;
}

/* ---- counters ---- */

/*
 * count_alloc() - one allocation of 2^@order pages from @z: Linux's NUMA
 * accounting (zone_statistics(): hit/miss against the node the policy aimed
 * at, local/other against this CPU's, @local_nid) and the zone's own
 * events, all through one pointer to this CPU's counters of @z.  A block
 * from a per-CPU list (@pcp_hit) is already counted there (PCP_ALLOC_HIT),
 * which zone_event_state() adds to ZONE_ALLOC_SUCCESS.  Interrupts off.
 */
static __always_inline void count_alloc(struct zone *preferred, struct zone *z,
					unsigned int order, int local_nid,
					bool pcp_hit)
{
	struct per_cpu_zonestat *st = this_cpu_ptr(z->per_cpu_zonestats);

	if (likely(z->node == preferred->node)) {
		st->vm_numa_event[NUMA_HIT]++;
	} else {
		st->vm_numa_event[NUMA_MISS]++;
		__count_numa_event(preferred, NUMA_FOREIGN);
	}
	st->vm_numa_event[z->node == local_nid ? NUMA_LOCAL : NUMA_OTHER]++;
	if (!pcp_hit)
		st->vm_events[ZONE_ALLOC_SUCCESS]++;
	st->vm_events[ZONE_ALLOC_PAGES] += 1UL << order;
}

/* Sum one counter, at @offset in struct per_cpu_zonestat, over every CPU. */
static unsigned long fold_zonestat(const struct zone *zone, size_t offset)
{
	unsigned long sum = 0;
	unsigned int cpu;

	if (!zone->per_cpu_zonestats)
		return 0;
	for_each_possible_cpu(cpu) {
		const char *stats;

		stats = (const char *)per_cpu_ptr(zone->per_cpu_zonestats, cpu);
		sum += *(const unsigned long *)(stats + offset);
	}
	return sum;
}

unsigned long zone_numa_event_state(const struct zone *zone,
				    enum numa_stat_item item)
{
	return fold_zonestat(zone, offsetof(struct per_cpu_zonestat,
					    vm_numa_event[item]));
}

/* Σ over CPUs of one per-CPU list counter of @zone (pcp.c's [stat]). */
static unsigned long fold_pcp_stat(const struct zone *zone, enum pcp_stat_item item)
{
	unsigned long sum = 0;
	unsigned int cpu;

	if (!zone->per_cpu_pageset)
		return 0;
	for_each_possible_cpu(cpu)
		sum += READ_ONCE(per_cpu_ptr(zone->per_cpu_pageset, cpu)->stat[item]);
	return sum;
}

/*
 * Blocks handed out and given back through the per-CPU lists are counted
 * once, by the lists (PCP_ALLOC_HIT, PCP_FREE): the fast paths keep one
 * counter each, and the zone's totals add them here.
 */
unsigned long zone_event_state(const struct zone *zone, enum zone_stat_item item)
{
	unsigned long sum = fold_zonestat(zone, offsetof(struct per_cpu_zonestat,
							 vm_events[item]));

	if (item == ZONE_ALLOC_SUCCESS)
		sum += fold_pcp_stat(zone, PCP_ALLOC_HIT);
	else if (item == ZONE_FREE_CALLS)
		sum += fold_pcp_stat(zone, PCP_FREE);
	return sum;
}

unsigned long node_numa_event_state(int nid, enum numa_stat_item item)
{
	unsigned long sum = 0;
	struct zone *zone;

	if (!NODE_DATA(nid))
		return 0;
	for_each_zone_in_node(zone, NODE_DATA(nid))
		sum += zone_numa_event_state(zone, item);
	return sum;
}

unsigned long nr_free_pages_node(int nid)
{
	unsigned long sum = 0;
	struct zone *zone;

	if (!NODE_DATA(nid))
		return 0;
	for_each_zone_in_node(zone, NODE_DATA(nid))
		sum += zone_free_pages(zone) + zone_pcp_pages(zone);
	return sum;
}

unsigned long nr_free_pages(void)
{
	unsigned long sum = 0;
	int nid;

	for_each_online_node(nid)
		sum += nr_free_pages_node(nid);
	return sum;
}

unsigned long buddy_nr_alloc_failures(void)
{
	unsigned long sum = 0;
	unsigned int cpu;

	for_each_possible_cpu(cpu)
		sum += per_cpu(nr_alloc_failures, cpu);
	return sum;
}

/* ---- watermarks ---- */

/*
 * Linux's shortcut for order 0: free pages, less the high-atomic reserve,
 * above @mark and the lowmem reserve settle it in a few instructions.
 * True means zone_watermark_ok() would pass too (it never refuses what
 * this accepts); false means ask it.
 */
static __always_inline bool zone_watermark_order0_ok(const struct zone *z,
						     unsigned long mark,
						     int highest_zoneidx)
{
	long free = (long)zone_free_pages(z) -
		    (long)READ_ONCE(z->nr_reserved_highatomic);

	return free > (long)mark + z->lowmem_reserve[highest_zoneidx];
}

/* zone_watermark_ok(), with the order-0 shortcut first (Linux's _fast). */
static __always_inline bool zone_watermark_fast(struct zone *z, unsigned int order,
						unsigned long mark,
						int highest_zoneidx,
						unsigned int alloc_flags)
{
	if (!order && zone_watermark_order0_ok(z, mark, highest_zoneidx))
		return true;
	return zone_watermark_ok(z, order, mark, highest_zoneidx, alloc_flags);
}

bool zone_watermark_ok(struct zone *z, unsigned int order, unsigned long mark,
		       int highest_zoneidx, unsigned int alloc_flags)
{
	long min = (long)mark;
	long free_pages = (long)zone_free_pages(z) - ((1L << order) - 1);

	if (!(alloc_flags & ALLOC_HIGHATOMIC))
		free_pages -= (long)READ_ONCE(z->nr_reserved_highatomic);
	if (alloc_flags & ALLOC_MIN_RESERVE) {
		min -= min / 2;
		if (alloc_flags & ALLOC_NON_BLOCK)
			min -= min / 4;
	}
	if (free_pages <= min + z->lowmem_reserve[highest_zoneidx])
		return false;
	if (!order)
		return true;
	for (unsigned int o = order; o < NR_PAGE_ORDERS; o++) {
		struct free_area *area = &z->free_area[o];

		if (!area->nr_free)
			continue;
		for (int mt = 0; mt < MIGRATE_PCPTYPES; mt++)
			if (!list_empty(&area->free_list[mt]))
				return true;
		if ((alloc_flags & ALLOC_HIGHATOMIC) &&
		    !list_empty(&area->free_list[MIGRATE_HIGHATOMIC]))
			return true;
	}
	return false;
}

/* ---- allocation ---- */

/* An allocated block: head (private = order) and tails, one reference. */
static __always_inline void prep_new_block(struct page *page, unsigned int order)
{
	page->flags |= 1UL << PG_head;
	page->private = order;
	page->_refcount = 1;
	for (unsigned long i = 1; i < (1UL << order); i++)
		__SetPageFlag(&page[i], PG_tail);
}

/*
 * rmqueue(): one block from @zone — this CPU's list for small orders, else
 * (or when the list cannot be refilled) the buddy under zone->lock.
 * Counted on success, inside the same interrupts-off section.
 */
static struct page *rmqueue(struct zone *preferred, struct zone *zone,
			    unsigned int order, unsigned int alloc_flags, int mt)
{
	struct page *page = NULL;
	unsigned long flags;

	local_irq_save(flags);
	if (likely(pcp_enabled && pcp_allowed_order(order)))
		page = rmqueue_pcplist(zone, order, mt);
	if (likely(page)) {
		count_alloc(preferred, zone, order, numa_node_id(), true);
	} else {
		spin_lock(&zone->lock);
		page = __rmqueue(zone, order, mt, alloc_flags);
		spin_unlock(&zone->lock);
		if (page)
			count_alloc(preferred, zone, order, numa_node_id(), false);
	}
	local_irq_restore(flags);
	return page;
}

static bool zone_allowed(const struct zoneref *z, const struct alloc_context *ac)
{
	return z->zone_idx <= ac->highest_zoneidx &&
	       (!ac->nodemask || node_isset(z->zone->node, *ac->nodemask));
}

/*
 * get_page_from_freelist() - the first allowed zone of the zonelist that is
 * above the mark of @alloc_flags and has the block.
 */
static struct page *get_page_from_freelist(gfp_t gfp, unsigned int order,
					   unsigned int alloc_flags,
					   const struct alloc_context *ac)
{
	struct zoneref *z;

	for (z = ac->preferred_zoneref; z->zone; z++) {
		struct zone *zone = z->zone;
		unsigned long mark = wmark_pages(zone, alloc_flags & ALLOC_WMARK_MASK);
		struct page *page;

		if (!zone_allowed(z, ac))
			continue;
		if (!(alloc_flags & ALLOC_NO_WATERMARKS) &&
		    !zone_watermark_fast(zone, order, mark, ac->highest_zoneidx,
					 alloc_flags))
			continue;
		page = rmqueue(ac->preferred_zoneref->zone, zone, order,
			       alloc_flags, ac->migratetype);
		if (page) {
			prep_new_block(page, order);
			if (gfp & __GFP_ZERO)
				memset(page_address(page), 0, PAGE_SIZE << order);
			return page;
		}
	}
	return NULL;
}

/* Linux's gfp_to_alloc_flags() for the retry at the min watermark. */
static unsigned int gfp_to_alloc_flags(gfp_t gfp, unsigned int order)
{
	unsigned int flags = ALLOC_WMARK_MIN;

	if (gfp & __GFP_HIGH)
		flags |= ALLOC_MIN_RESERVE;
	if (!(gfp & __GFP_DIRECT_RECLAIM)) {
		flags |= ALLOC_NON_BLOCK;
		if (order > 0)
			flags |= ALLOC_HIGHATOMIC;
	}
	return flags;
}

static void warn_alloc(gfp_t gfp, unsigned int order, int nid,
		       const nodemask_t *nodemask)
{
	this_cpu_inc(nr_alloc_failures);
	if (gfp & __GFP_NOWARN)
		return;
	pr_warn_ratelimited("buddy: page allocation failure: order:%u, mode:%#x, preferred node %d, nodemask=%s, free pages %lu\n",
			    order, gfp, nid, nodemask ? "(set)" : "(null)",
			    nr_free_pages());
}

static noinline struct page *alloc_bad_request(gfp_t gfp, unsigned int order,
					       int nid, nodemask_t *nodemask)
{
	if (WARN_ON_ONCE(order > MAX_PAGE_ORDER))
		return NULL;
	pr_warn_ratelimited("buddy: allocation for node %d, which does not exist\n",
			    nid);
	warn_alloc(gfp | __GFP_NOWARN, order, nid, nodemask);
	return NULL;
}

/*
 * The whole algorithm: the zonelist walk at the low watermark (refilling
 * an empty per-CPU list), again at min (lowered for __GFP_HIGH and callers
 * that cannot wait), then with the per-CPU lists drained, then NULL and a
 * counted, rate-limited warning.  @numa_pages: as alloc_pages_fast().
 */
static noinline struct page *__alloc_pages_slowpath(gfp_t gfp, unsigned int order,
						    int preferred_nid,
						    nodemask_t *nodemask,
						    unsigned long *numa_pages)
{
	struct alloc_context ac = {
		.nodemask = nodemask,
		.migratetype = gfp_migratetype(gfp),
		.highest_zoneidx = gfp_zone(gfp),
	};
	unsigned int alloc_flags = gfp_to_alloc_flags(gfp, order);
	struct page *page;

	if (order > MAX_PAGE_ORDER || (unsigned int)preferred_nid >= MAX_NUMNODES ||
	    !NODE_DATA(preferred_nid))
		return alloc_bad_request(gfp, order, preferred_nid, nodemask);
	/* Linux's prepare_alloc_pages(): an injected failure, before any list */
	if (unlikely(READ_ONCE(fail_page_alloc.attr.probability)) &&
	    should_fail_alloc_page(gfp, order))
		return NULL;
	ac.zonelist = node_zonelist(preferred_nid, gfp);
	for (ac.preferred_zoneref = ac.zonelist->_zonerefs;
	     ac.preferred_zoneref->zone && !zone_allowed(ac.preferred_zoneref, &ac);
	     ac.preferred_zoneref++)
		;
	if (!ac.preferred_zoneref->zone)
		goto fail;
	page = get_page_from_freelist(gfp, order, ALLOC_WMARK_LOW, &ac);
	if (page)
		goto got;
	page = get_page_from_freelist(gfp, order, alloc_flags, &ac);
	if (page)
		goto got;
	/* Pages parked on per-CPU lists are free too: drain, try once more. */
	if (pcp_enabled) {
		if (irqs_disabled() || in_interrupt())
			drain_local_pages(NULL);
		else
			drain_all_pages(NULL);
		page = get_page_from_freelist(gfp, order, alloc_flags, &ac);
		if (page)
			goto got;
	}
fail:
	warn_alloc(gfp, order, preferred_nid, nodemask);
	return NULL;
got:
	if (numa_pages)
		numa_pages[page_to_nid(page)] += 1UL << order;
	return page;
}

static noinline struct page *prep_zeroed_page(struct page *page, unsigned int order)
{
	memset(page_address(page), 0, PAGE_SIZE << order);
	return page;
}

/*
 * alloc_pages_fast() - the fast path of the page allocator, inline in
 * alloc_pages() and __alloc_pages(): an order-0 request without a
 * nodemask, whose preferred zone (the first of @preferred_nid's zonelist
 * that @gfp may use) is above its low watermark by Linux's order-0
 * shortcut and whose list on this CPU (node @local_nid) is not empty.
 * @nid_ok: @preferred_nid is known to have a pg_data_t (this CPU's node
 * always has one, memory-less or not), so it is not checked again.  It
 * is the low-watermark pass of the whole algorithm cut to its first zone
 * and a list hit, so it counts and decides exactly as that pass would,
 * adding the page to @numa_pages[its node] when @numa_pages is not NULL (a
 * task's count).  It has no call but tail calls, hence no stack frame
 * beyond the frame pointer's.  Anything else (an empty list, a zone near
 * its mark, a nodemask, a higher order, a node that does not exist) runs
 * the whole algorithm, __alloc_pages_slowpath(), from the start.
 */
static __always_inline struct page *alloc_pages_fast(gfp_t gfp, unsigned int order,
						     int preferred_nid,
						     nodemask_t *nodemask,
						     unsigned long *numa_pages,
						     int local_nid, bool nid_ok)
{
	int highest = gfp_zone(gfp);
	struct per_cpu_pages *pcp;
	const struct zoneref *z;
	struct list_head *list;
	struct zone *zone;
	struct page *page;
	unsigned long flags;

	if (unlikely(order || nodemask || !pcp_enabled ||
		     READ_ONCE(fail_page_alloc.attr.probability) ||
		     (!nid_ok && ((unsigned int)preferred_nid >= MAX_NUMNODES ||
				  !NODE_DATA(preferred_nid)))))
		goto slow;
	z = node_zonelist(preferred_nid, gfp)->_zonerefs;
	while (z->zone && z->zone_idx > highest)
		z++;
	zone = z->zone;
	if (unlikely(!zone ||
		     !zone_watermark_order0_ok(zone, low_wmark_pages(zone), highest)))
		goto slow;
	local_irq_save(flags);
	pcp = this_cpu_ptr(zone->per_cpu_pageset);
	list = &pcp->lists[order_to_pindex(gfp_migratetype(gfp), 0)];
	if (unlikely(list_empty(list))) {
		local_irq_restore(flags);
		goto slow;
	}
	page = pcp_take(pcp, list, 0);
	prep_new_block(page, 0);	/* flags: one store with pcp_take()'s */
	count_alloc(zone, zone, 0, local_nid, true);
	local_irq_restore(flags);
	if (numa_pages)
		numa_pages[zone->node]++;
	if (unlikely(gfp & __GFP_ZERO))
		return prep_zeroed_page(page, 0);
	return page;
slow:
	return __alloc_pages_slowpath(gfp, order, preferred_nid, nodemask,
				      numa_pages);
}

struct page *__alloc_pages(gfp_t gfp, unsigned int order, int preferred_nid,
			   nodemask_t *nodemask)
{
	return alloc_pages_fast(gfp, order, preferred_nid, nodemask, NULL,
				numa_node_id(), false);
}

/* [init] mm/mempolicy's allocation under a task policy (numa_policy_init()) */
static struct page *(*policy_alloc)(gfp_t gfp, unsigned int order,
				    struct mempolicy *pol);

void page_alloc_set_policy_alloc(struct page *(*fn)(gfp_t gfp, unsigned int order,
						    struct mempolicy *pol))
{
	policy_alloc = fn;
}

/*
 * A task with a policy of its own: mm/mempolicy's half.  Out of line, so
 * the check that the hook is there costs the default path nothing.
 */
static noinline struct page *alloc_pages_policy(gfp_t gfp, unsigned int order,
						struct mempolicy *pol)
{
	if (unlikely(!policy_alloc))
		panic("alloc_pages: a task has a memory policy, but no policy hook "
		      "is registered (numa_policy_init() not run?)");
	return policy_alloc(gfp, order, pol);
}

/*
 * alloc_pages() - Linux's alloc_pages_noprof(), here beside the fast path
 * it inlines (the policies' half is mm/mempolicy/alloc.c, reached through
 * policy_alloc: the hook costs the default path nothing).  Interrupts and
 * __GFP_THISNODE use the default policy, as do tasks without one of their
 * own: this CPU's node, no nodemask (what alloc_pages_mpol() would do for
 * MPOL_LOCAL, without asking).  Task-context pages are counted in the
 * task's numa_pages[], where the allocator knows the node.
 */
struct page *alloc_pages(gfp_t gfp, unsigned int order)
{
	int nid = numa_node_id();
	struct task_struct *me;
	struct mempolicy *pol;

	if (unlikely(in_interrupt()))
		return alloc_pages_fast(gfp, order, nid, NULL, NULL, nid, true);
	me = current;
	pol = READ_ONCE(me->mempolicy);
	if (unlikely(pol && !(gfp & __GFP_THISNODE)))
		return alloc_pages_policy(gfp, order, pol);
	return alloc_pages_fast(gfp, order, nid, NULL, me->numa_pages, nid, true);
}

struct page *alloc_pages_node(int nid, gfp_t gfp, unsigned int order)
{
	if (nid == NUMA_NO_NODE)
		nid = numa_node_id();
	return __alloc_pages(gfp, order, nid, NULL);
}

unsigned long __get_free_pages(gfp_t gfp, unsigned int order)
{
	struct page *page = alloc_pages(gfp, order);

	return page ? (unsigned long)page_address(page) : 0;
}

unsigned long get_zeroed_page(gfp_t gfp)
{
	return __get_free_pages(gfp | __GFP_ZERO, 0);
}

/* ---- freeing ---- */

/*
 * free_page_ok() - bad_free_reason() would say NULL, in one mask and two
 * compares: an allocated head of this order has PG_head and none of the
 * free or never-allocated states.  The fast path asks this; a refusal goes
 * to the slow path, which asks bad_free_reason() for the report.
 */
#define FREE_CHECK_FLAGS ((1UL << PG_buddy) | (1UL << PG_pcp) | (1UL << PG_tail) | \
			  (1UL << PG_reserved) | (1UL << PG_head))

static __always_inline bool free_page_ok(const struct page *page, unsigned int order)
{
	return (page->flags & FREE_CHECK_FLAGS) == (1UL << PG_head) &&
	       page->private == order;
}

/* Why @page cannot be freed at @order, or NULL (free_page_ok() agrees). */
static const char *bad_free_reason(const struct page *page, unsigned int order)
{
	if (PageBuddy(page) || PageFlag(page, PG_pcp))
		return "page already free";
	if (PageTail(page))
		return "tail page of a larger block";
	if (PageReserved(page))
		return "reserved page (never allocated)";
	if (!PageHead(page))
		return "page not allocated by the page allocator";
	if (page->private != order)
		return "order differs from the allocation's";
	return NULL;
}

static void report_bad_free(struct page *page, unsigned long pfn,
			    unsigned int order, const char *why)
{
	static u64 last;

	if (printk_ratelimit_ok(&last, 1000000000ULL)) {
		pr_err("BUG: Bad page state: pfn %#lx order %u: %s (flags %#lx, private %lu); free ignored\n",
		       pfn, order, why, page ? page->flags : 0UL,
		       page ? page->private : 0UL);
		dump_stack();
	}
}

/*
 * The free of a block the per-CPU lists do not take (a larger order, lists
 * off or not set up yet) or that fails the checks: under zone->lock,
 * checked again, merged or reported.
 */
static noinline void __free_pages_slow(struct page *page, unsigned int order)
{
	unsigned long pfn = page_to_pfn(page), flags;
	struct zone *zone;
	const char *why;

	if (order > MAX_PAGE_ORDER || !pfn_valid(pfn)) {
		report_bad_free(NULL, pfn, order, "outside every zone");
		return;
	}
	zone = page_zone(page);
	spin_lock_irqsave(&zone->lock, flags);
	why = bad_free_reason(page, order);
	if (why) {
		count_zone_event(zone, ZONE_BAD_FREE, 1);
		spin_unlock_irqrestore(&zone->lock, flags);
		report_bad_free(page, pfn, order, why);
		return;
	}
	__ClearPageFlag(page, PG_head);
	page->_refcount = 0;
	for (unsigned long i = 1; i < (1UL << order); i++)
		__ClearPageFlag(&page[i], PG_tail);
	__free_one_page(page, pfn, zone, order);
	count_zone_event(zone, ZONE_FREE_CALLS, 1);
	spin_unlock_irqrestore(&zone->lock, flags);
}

/*
 * The fast path: a checked block of order ≤ 3 onto this CPU's list, with
 * no call but tail calls (free_pcp_over_high, __free_pages_slow), hence no
 * stack frame beyond the frame pointer's.
 */
void __free_pages(struct page *page, unsigned int order)
{
	unsigned int pindex;
	struct zone *zone;

	if (unlikely(!pcp_enabled || !pcp_allowed_order(order) ||
		     !pfn_valid(page_to_pfn(page)))) {
		__free_pages_slow(page, order);
		return;
	}
	zone = page_zone(page);
	if (unlikely(!free_page_ok(page, order))) {
		__free_pages_slow(page, order);
		return;
	}
	if (unlikely(free_unref_page(zone, page, order, &pindex)))
		free_pcp_over_high(zone, pindex);
}

void free_pages(unsigned long addr, unsigned int order)
{
	if (addr)
		__free_pages(virt_to_page((void *)addr), order);
}

/*
 * buddy_free_boot_block() - hand a block of never-used pages to the buddy
 * lists (memblock_free_all()'s path).  Boot hart, no other CPU running.
 */
void buddy_free_boot_block(struct zone *zone, unsigned long pfn,
			   unsigned int order)
{
	struct page *page = pfn_to_page(pfn);
	unsigned long flags;

	for (unsigned long i = 0; i < (1UL << order); i++)
		__ClearPageFlag(&page[i], PG_reserved);
	spin_lock_irqsave(&zone->lock, flags);
	zone->managed_pages += 1UL << order;
	__free_one_page(page, pfn, zone, order);
	spin_unlock_irqrestore(&zone->lock, flags);
}

/* ---- validation ---- */

static int validate_free_list(struct zone *zone, unsigned int order, int mt,
			      unsigned long *blocks)
{
	struct page *page;
	int errors = 0;

	list_for_each_entry(page, &zone->free_area[order].free_list[mt], buddy_list) {
		unsigned long pfn = page_to_pfn(page);
		unsigned long buddy = pfn ^ (1UL << order);

		(*blocks)++;
		if ((pfn & ((1UL << order) - 1)) || !zone_spans_pfn(zone, pfn) ||
		    !zone_spans_pfn(zone, pfn + (1UL << order) - 1)) {
			pr_err("buddy: BUDDY-1 pfn %#lx order %u misaligned or outside %s\n",
			       pfn, order, zone->name);
			errors++;
		}
		if (!PageBuddy(page) || page->private != order ||
		    get_pageblock_migratetype(zone, pfn) != mt) {
			pr_err("buddy: BUDDY-2 pfn %#lx on list order %u type %d: flags %#lx private %lu block type %d\n",
			       pfn, order, mt, page->flags, page->private,
			       get_pageblock_migratetype(zone, pfn));
			errors++;
		}
		if (order < MAX_PAGE_ORDER && zone_spans_pfn(zone, buddy) &&
		    page_is_buddy(zone, buddy, pfn_to_page(buddy), order)) {
			pr_err("buddy: BUDDY-4 pfn %#lx and its buddy %#lx both free at order %u\n",
			       pfn, buddy, order);
			errors++;
		}
		if (page->flags & ((1UL << PG_reserved) | (1UL << PG_head) |
				   (1UL << PG_tail))) {
			pr_err("buddy: BUDDY-5 free pfn %#lx has flags %#lx\n",
			       pfn, page->flags);
			errors++;
		}
	}
	return errors;
}

int buddy_validate_zone(struct zone *zone)
{
	unsigned long flags, pages = 0;
	int errors = 0;

	spin_lock_irqsave(&zone->lock, flags);
	for (unsigned int o = 0; o < NR_PAGE_ORDERS; o++) {
		unsigned long blocks = 0;

		for (int mt = 0; mt < MIGRATE_TYPES; mt++)
			errors += validate_free_list(zone, o, mt, &blocks);
		if (blocks != zone->free_area[o].nr_free) {
			pr_err("buddy: BUDDY-3 node %d %s order %u: nr_free %lu, lists hold %lu\n",
			       zone->node, zone->name, o, zone->free_area[o].nr_free,
			       blocks);
			errors++;
		}
		pages += blocks << o;
	}
	if (pages != zone->nr_free) {
		pr_err("buddy: BUDDY-3 node %d %s: nr_free %lu pages, lists hold %lu\n",
		       zone->node, zone->name, zone->nr_free, pages);
		errors++;
	}
	spin_unlock_irqrestore(&zone->lock, flags);
	return errors ? -EINVAL : 0;
}

int buddy_validate_all(void)
{
	int nid, err = 0;
	struct zone *zone;

	for_each_online_node(nid)
		for_each_zone_in_node(zone, NODE_DATA(nid))
			if (populated_zone(zone) && buddy_validate_zone(zone))
				err = -EINVAL;
	return err;
}
