/* SPDX-License-Identifier: MIT */
/*
 * mm/mempolicy/alloc.c — the page allocator under the calling task's
 * memory policy, for alloc_pages() when the task has one.
 *
 * The part of Linux's mm/mempolicy.c that handles gfp flags and pages
 * (alloc_pages_mpol_noprof, alloc_pages_preferred_many).  Linux's
 * alloc_pages_noprof() lives in mempolicy.c too; Nodal keeps alloc_pages()
 * in mm/buddy/page_alloc.c, beside the order-0 fast path it inlines, and
 * that path reaches this file through the one hook numa_policy_init()
 * registers, only for a task with a policy of its own.  The policies and
 * the node each allocation aims at are mempolicy.c's (theory there).  No
 * lock of its own: interleave_hit is a per-CPU counter bumped with
 * interrupts off, and the task's cursor and numa_pages[] are the task's.
 */
#include <linux/bug.h>
#include <linux/gfp.h>
#include <linux/irqflags.h>
#include <linux/mempolicy.h>
#include <linux/mmdebug.h>
#include <linux/mmzone.h>
#include <linux/sched.h>
#include <linux/smp.h>
#include <linux/topology.h>
#include <linux/vmstat.h>

/* interleave_hit: Linux counts it on the page's zone, this CPU's counter. */
static void count_interleave_hit(struct page *page)
{
	unsigned long flags;

	local_irq_save(flags);
	__count_numa_event(page_zone(page), NUMA_INTERLEAVE_HIT);
	local_irq_restore(flags);
}

/*
 * Pass 1 on the policy's nodes only, quietly and without the reclaim flag
 * (so without the reserves a blocking caller may not touch either); pass 2
 * anywhere, with the caller's flags.  A failed pass 1 still counts as an
 * allocation failure (buddy_nr_alloc_failures()): it is one.
 */
static struct page *alloc_pages_preferred_many(gfp_t gfp, unsigned int order,
					       int nid, nodemask_t *nodemask)
{
	gfp_t preferred_gfp = (gfp | __GFP_NOWARN) & ~__GFP_DIRECT_RECLAIM;
	struct page *page = __alloc_pages(preferred_gfp, order, nid, nodemask);

	if (!page)
		page = __alloc_pages(gfp, order, nid, NULL);
	return page;
}

/*
 * alloc_pages_mpol() - allocate under @pol, starting from node @nid (this
 * CPU's).  Linux's alloc_pages_mpol_noprof() for task policies.
 */
static struct page *alloc_pages_mpol(gfp_t gfp, unsigned int order,
				     struct mempolicy *pol, int nid)
{
	nodemask_t *nodemask = policy_nodemask(gfp_zone(gfp), pol, &nid);
	struct page *page;

	if (pol->mode == MPOL_PREFERRED_MANY)
		return alloc_pages_preferred_many(gfp, order, nid, nodemask);
	page = __alloc_pages(gfp, order, nid, nodemask);
	VM_WARN_ON_ONCE(page && nodemask &&
			!node_isset(page_to_nid(page), *nodemask));	/* MPOL-3 */
	if (unlikely(pol->mode == MPOL_INTERLEAVE) && page &&
	    page_to_nid(page) == nid)
		count_interleave_hit(page);
	return page;
}

/* alloc_pages() under the task's own policy @pol, counted for the task. */
static struct page *alloc_pages_task_policy(gfp_t gfp, unsigned int order,
					    struct mempolicy *pol)
{
	struct page *page = alloc_pages_mpol(gfp, order, pol, numa_node_id());

	if (page)
		current->numa_pages[page_to_nid(page)] += 1UL << order;
	return page;
}

/* policy_zone: the highest populated zone below ZONE_MOVABLE anywhere. */
static void set_policy_zone(void)
{
	int nid;

	for_each_online_node(nid)
		for (enum zone_type i = 0; i < ZONE_MOVABLE; i++)
			if (populated_zone(&NODE_DATA(nid)->node_zones[i]) &&
			    i > policy_zone)
				policy_zone = i;
}

void numa_policy_init(void)
{
	set_policy_zone();
	page_alloc_set_policy_alloc(alloc_pages_task_policy);
}
