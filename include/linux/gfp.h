/* SPDX-License-Identifier: MIT */
/*
 * include/linux/gfp.h — get free pages: the page allocator's API and its flags.
 *
 * Implemented by: mm/buddy/page_alloc.c (drain_all_pages(): pcp.c).
 * Mirrors: <linux/gfp.h> and <linux/gfp_types.h> (names and meaning; the
 * bit values are Nodal's).
 * Differences from Linux: there is no reclaim and no sleeping, so
 * __GFP_DIRECT_RECLAIM only chooses the watermark fractions an allocation
 * may use (as it does in Linux); an allocation that cannot be served
 * returns NULL at once, counted, with a rate-limited warning unless
 * __GFP_NOWARN.  alloc_pages() follows the calling task's memory policy
 * (<linux/mempolicy.h>) and counts the pages it placed per node in the task's
 * numa_pages[] (Nodal's own counter).  __GFP_HIGHMEM is accepted and
 * changes nothing (riscv64 has no ZONE_HIGHMEM, as in Linux); __GFP_NOFAIL
 * is never failed by fault injection (<linux/fault-inject.h>), but, with
 * nothing to wait for, the allocator still returns NULL when memory is
 * truly exhausted, where Linux would loop.
 */
#ifndef NODAL_GFP_H
#define NODAL_GFP_H

#include <linux/mm.h>
#include <linux/mmzone.h>
#include <linux/nodemask.h>
#include <linux/types.h>

#define __GFP_HIGHMEM		0x0002u /* may use ZONE_HIGHMEM: none here */
#define __GFP_DMA32		0x0004u	/* only ZONE_DMA32 (below 4 GiB) */
#define __GFP_MOVABLE		0x0008u	/* MIGRATE_MOVABLE pageblocks */
#define __GFP_RECLAIMABLE	0x0010u	/* MIGRATE_RECLAIMABLE pageblocks */
#define __GFP_HIGH		0x0020u	/* may dip below min (by half) */
#define __GFP_IO		0x0040u
#define __GFP_FS		0x0080u
#define __GFP_ZERO		0x0100u	/* zero the pages */
#define __GFP_DIRECT_RECLAIM	0x0400u	/* caller could wait (never does here) */
#define __GFP_KSWAPD_RECLAIM	0x0800u
#define __GFP_NOWARN		0x2000u	/* fail silently (still counted) */
#define __GFP_COMP		0x4000u
#define __GFP_NORETRY		0x8000u
#define __GFP_NOFAIL		0x10000u /* caller cannot handle failure */
#define __GFP_THISNODE		0x40000u /* the preferred node only */

#define __GFP_RECLAIM	(__GFP_DIRECT_RECLAIM | __GFP_KSWAPD_RECLAIM)

#define GFP_ATOMIC	(__GFP_HIGH | __GFP_KSWAPD_RECLAIM)
#define GFP_KERNEL	(__GFP_RECLAIM | __GFP_IO | __GFP_FS)
#define GFP_NOWAIT	(__GFP_KSWAPD_RECLAIM)
#define GFP_DMA32	__GFP_DMA32
#define GFP_USER	GFP_KERNEL

#define GFP_MOVABLE_MASK (__GFP_MOVABLE | __GFP_RECLAIMABLE)

/**
 * __alloc_pages() - allocate 2^@order contiguous pages
 * @gfp: GFP_* flags
 * @order: 0..MAX_PAGE_ORDER
 * @preferred_nid: the node whose zonelist is walked (its zones first)
 * @nodemask: nodes allowed, or NULL for all
 *
 * Walks the preferred node's zonelist (its own zones only with
 * __GFP_THISNODE), taking the first zone above its low watermark, then
 * retries down to the min watermark (below it for __GFP_HIGH).  Counts
 * numa_hit/miss/foreign/local/other as Linux's zone_statistics() does.
 * Context: any, interrupts on or off; never sleeps.
 * Return: the first page, or NULL (counted; warned unless __GFP_NOWARN).
 */
struct page *__alloc_pages(gfp_t gfp, unsigned int order, int preferred_nid,
			   nodemask_t *nodemask);

/** alloc_pages_node() - __alloc_pages() on @nid (NUMA_NO_NODE: this CPU's) */
struct page *alloc_pages_node(int nid, gfp_t gfp, unsigned int order);

/**
 * alloc_pages() - allocate 2^@order pages where current's memory policy says
 *
 * In task context, without __GFP_THISNODE, the task's policy chooses the
 * start node and the allowed nodes (<linux/mempolicy.h>); in an interrupt or with
 * __GFP_THISNODE the default policy does (this CPU's node, then its
 * fallback order), as in Linux.  A page obtained in task context adds
 * 2^@order to current->numa_pages[its node].  MPOL_INTERLEAVE counts
 * interleave_hit on the page's zone when the page is on the chosen node.
 * Implemented in mm/buddy/page_alloc.c; a task with a policy of its own
 * goes through the hook mm/mempolicy registers
 * (page_alloc_set_policy_alloc(), below).
 * Context: any, interrupts on or off; never sleeps.
 * Return: the first page, or NULL (counted; warned unless __GFP_NOWARN;
 * under MPOL_BIND when the bound nodes are full).
 */
struct page *alloc_pages(gfp_t gfp, unsigned int order);

struct mempolicy;
/**
 * page_alloc_set_policy_alloc() - register the allocation under a task's
 * own memory policy
 * @fn: allocates 2^@order pages under @pol for current, or returns NULL
 *
 * The page allocator sits below mm/mempolicy, so alloc_pages() reaches the
 * policies through this one hook, which numa_policy_init() sets at boot
 * (before any task can have a policy).  alloc_pages() calls it only for a
 * task with a policy of its own, so the default path pays nothing for it.
 * Context: boot, before the first set_mempolicy().
 */
void page_alloc_set_policy_alloc(struct page *(*fn)(gfp_t gfp, unsigned int order,
						    struct mempolicy *pol));

#define alloc_page(gfp) alloc_pages(gfp, 0)

/**
 * __free_pages() - give back 2^@order pages allocated together
 *
 * Freeing a page that is already free, a tail page, a page outside every
 * zone or with the wrong order is reported and ignored (never merged).
 * Context: any.
 */
void __free_pages(struct page *page, unsigned int order);
#define __free_page(page) __free_pages(page, 0)

/** __get_free_pages() - alloc_pages() returning the kernel address, or 0 */
unsigned long __get_free_pages(gfp_t gfp, unsigned int order);
/** get_zeroed_page() - one zeroed page's address, or 0 */
unsigned long get_zeroed_page(gfp_t gfp);
/** free_pages() - __free_pages() by address (0 is ignored) */
void free_pages(unsigned long addr, unsigned int order);
#define free_page(addr) free_pages(addr, 0)

/**
 * buddy_nr_alloc_failures() - failed __alloc_pages() calls since boot, every
 * CPU (meminfo's AllocFailures).  Context: any (racy sum).
 */
unsigned long buddy_nr_alloc_failures(void);

/**
 * drain_local_pages() - this CPU's lists for @zone (NULL: all) to the buddy
 *
 * Context: any; takes zone->lock with interrupts off.
 */
void drain_local_pages(struct zone *zone);

/**
 * drain_all_pages() - every CPU's lists for @zone (NULL: all) to the buddy
 *
 * Each CPU drains its own lists, asked by a cross-call (the owner-only
 * discipline of pcp.c); returns when all have.  Context: interrupts on,
 * not in an interrupt handler (it waits for the other CPUs).
 */
void drain_all_pages(struct zone *zone);

/** pcp_enabled - false after pcp=off: every page to and from the buddy */
extern bool pcp_enabled;

/** gfp_zone() - highest zone @gfp may use */
static inline int gfp_zone(gfp_t gfp)
{
	return gfp & __GFP_DMA32 ? 0 /* ZONE_DMA32 */ : 1 /* ZONE_NORMAL */;
}

/** node_zonelist() - the zonelist @gfp walks on node @nid */
static inline struct zonelist *node_zonelist(int nid, gfp_t gfp)
{
	return &NODE_DATA(nid)->node_zonelists[gfp & __GFP_THISNODE ?
		ZONELIST_NOFALLBACK : ZONELIST_FALLBACK];
}

/** gfp_migratetype() - the pageblock type @gfp allocates from */
static inline int gfp_migratetype(gfp_t gfp)
{
	if (gfp & __GFP_MOVABLE)
		return 1;	/* MIGRATE_MOVABLE */
	if (gfp & __GFP_RECLAIMABLE)
		return 2;	/* MIGRATE_RECLAIMABLE */
	return 0;		/* MIGRATE_UNMOVABLE */
}

#endif /* NODAL_GFP_H */
