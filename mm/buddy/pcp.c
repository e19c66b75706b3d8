/* SPDX-License-Identifier: MIT */
/*
 * mm/buddy/pcp.c — per-CPU page lists: small blocks without the zone lock.
 *
 * Part of the page allocator (theory in page_alloc.c).  Every CPU keeps,
 * for every zone, lists of free blocks of orders 0..3, one list per order
 * and migratetype (struct per_cpu_pages, in the CPU's per-CPU unit, so on
 * its node).  An allocation of such an order pops the head of this CPU's
 * list; an empty list is refilled with `batch` blocks (more as the CPU
 * keeps refilling, Linux's alloc_factor) under ONE zone->lock hold.  A free
 * pushes onto this CPU's list for the page's own zone — whatever node it
 * came from — and when the list holds `high` pages or more, a bulk free
 * returns a batch or more to the buddy lists, coldest (tail) first, under
 * ONE zone->lock hold.  So the zone lock is taken once per batch, not once
 * per page: that is what the lists buy, and `pcp=off` shows the price.
 *
 * Discipline: the owning CPU, interrupts off; no lock.  Linux 6.12 gives
 * each pcp a spinlock, taken by trylock by its owner and by remote drains.
 * Nodal uses the older discipline — interrupts off, other CPUs never touch
 * a list, drains are done by the owner when a cross-call asks — because
 * the fast path then has no atomic instruction and no lock statistics to
 * keep (the page_fast budget of the benchmarks), and because a timer
 * interrupt that allocates (irqalloc) cannot find a list half-changed.  The
 * price: drain_all_pages() waits for every CPU to take an IPI.
 *
 * batch = rounddown_pow_of_two(b + b/2) − 1 with b = max(min(M/1024,
 * 256)/4, 1) (M: the zone's managed pages); high_min = the zone's low
 * watermark / CPUs of its node, high_max = M/8 / CPUs, both at least
 * 4 × batch; `pcp_high_fraction=F` (≥ 8) pins both to M/F / CPUs.  High
 * is tuned between them as Linux 6.7+ does: raised by refills, lowered by
 * a decay once a second.  A CPU's list for a remote node's zone that has
 * not moved pages for three seconds gives back a batch (Linux's `expire`),
 * so memory does not strand on the wrong node.
 *
 * Invariants   PCP-1 count = Σ 2^order over the blocks on the lists.
 *              PCP-2 a block on a list has PG_pcp, private = its migratetype,
 *                    and belongs to the list's zone.
 *              PCP-3 high_min <= high <= high_max: every writer keeps it,
 *                    so the free path compares count with high directly.
 *              Checked by pcp_validate_all() (validate_pcp()).
 *
 * Linux        mm/page_alloc.c: rmqueue_pcplist, nr_pcp_alloc, rmqueue_bulk,
 *              free_unref_page_commit, nr_pcp_high, nr_pcp_free,
 *              free_pcppages_bulk, decay_pcp_high, drain_all_pages,
 *              zone_batchsize, zone_highsize; mm/vmstat.c (expire).
 *              Differences: owner-only lists (above); no free_high
 *              heuristic for orders 1..3, no ZONE_BELOW_HIGH.
 *
 * Statistics   per CPU and zone: list hits, refills (+pages), frees,
 *              flushes (+pages), drains, expiries, pages held, read through
 *              pcp_snapshot() and pcp_stat_sum_all(); named once, in
 *              pcp_stat_names (<nodal/page_stats.h>).  report.c prints them
 *              (`pcp`, and each CPU's pageset in `zoneinfo`).
 */
#include <linux/bitops.h>
#include <linux/bug.h>
#include <linux/errno.h>
#include <linux/init.h>
#include <linux/irqflags.h>
#include <linux/mmzone.h>
#include <linux/percpu.h>
#include <linux/preempt.h>
#include <linux/printk.h>
#include <linux/smp.h>
#include <linux/string.h>
#include <linux/topology.h>
#include <nodal/page_stats.h>
#include <nodal/tick.h>

#include "internal.h"

#define PCP_BATCH_SCALE_MAX	5	/* Linux's CONFIG_PCP_BATCH_SCALE_MAX */
#define PCP_EXPIRE_INTERVALS	3

/*
 * pcp_enabled: the lists are on and set up for every zone — false until
 * pcp_init() has made them, then what pcp= asked for (so the free path
 * needs no test of its own that a zone has its lists yet).
 */
bool pcp_enabled;			/* [init] */
static bool pcp_wanted = true;		/* [init] pcp=off clears it */
static unsigned int pcp_high_fraction;	/* [init] 0: auto-tuned high */

static void parse_pcp(const char *val)
{
	if (val && !strcmp(val, "off"))
		pcp_wanted = false;
	else if (!val || strcmp(val, "on"))
		pr_warn("pcp: pcp=%s not understood (on or off): lists stay on\n",
			val ? val : "");
}
cmdline_param("pcp", parse_pcp, "pcp=off: every page to and from the buddy lists");

static void parse_high_fraction(const char *val)
{
	unsigned int f;

	if (!val || kstrtouint(val, 0, &f) || (f && f < 8)) {
		pr_warn("pcp: pcp_high_fraction=%s refused: 0 or at least 8\n",
			val ? val : "");
		return;
	}
	pcp_high_fraction = f;
}
cmdline_param("pcp_high_fraction", parse_high_fraction,
	      "pcp_high_fraction=F: high = managed/F/CPUs, fixed (as the sysctl)");

static inline unsigned int pindex_to_order(unsigned int pindex)
{
	return pindex / MIGRATE_PCPTYPES;
}

/* ---- sizing (docs/linux-facts.md §1.2, §1.3) ---- */

static int zone_batchsize(const struct zone *zone)
{
	unsigned long b = min(zone->managed_pages >> 10, (1UL << 20) / PAGE_SIZE);

	b = max(b / 4, 1UL);
	b = rounddown_pow_of_two(b + b / 2) - 1;
	return b ? (int)b : 1;
}

static int zone_highsize(const struct zone *zone, int batch, unsigned int fraction)
{
	unsigned long total = fraction ? zone->managed_pages / fraction :
					 low_wmark_pages(zone);
	unsigned int n = cpumask_weight(cpumask_of_node(zone->node));

	if (!n)
		n = num_online_cpus();
	return (int)max(total / n, 4UL * (unsigned long)batch);
}

static void pcp_init_one(struct per_cpu_pages *pcp, const struct zone *zone)
{
	memset(pcp, 0, sizeof(*pcp));
	for (int i = 0; i < NR_PCP_LISTS; i++)
		INIT_LIST_HEAD(&pcp->lists[i]);
	pcp->batch = zone_batchsize(zone);
	if (pcp_high_fraction) {
		pcp->high_min = zone_highsize(zone, pcp->batch, pcp_high_fraction);
		pcp->high_max = pcp->high_min;
	} else {
		pcp->high_min = zone_highsize(zone, pcp->batch, 0);
		pcp->high_max = zone_highsize(zone, pcp->batch, 8);
	}
	pcp->high = pcp->high_min;
}

/**
 * pcp_init_zone() - every CPU's pageset for @zone; after watermarks exist
 *
 * Context: boot hart; secondary CPUs may be running but do not allocate
 * from a zone before this returns.
 */
void pcp_init_zone(struct zone *zone)
{
	unsigned int cpu;

	zone->per_cpu_pageset = alloc_percpu(struct per_cpu_pages);
	if (!zone->per_cpu_pageset)
		panic("pcp: no per-CPU page lists for node %d %s", zone->node,
		      zone->name);
	for_each_possible_cpu(cpu)
		pcp_init_one(per_cpu_ptr(zone->per_cpu_pageset, cpu), zone);
}

/* ---- moving blocks between the lists and the buddy ---- */

/*
 * rmqueue_bulk() - @count blocks of @order from the buddy onto @list, in
 * physical order at its tail, under one zone->lock hold.  Interrupts off.
 */
static int rmqueue_bulk(struct zone *zone, unsigned int order, int count,
			struct list_head *list, int mt)
{
	int i;

	lockdep_assert_irqs_disabled();
	spin_lock(&zone->lock);
	for (i = 0; i < count; i++) {
		struct page *page = __rmqueue(zone, order, mt, 0);

		if (!page)
			break;
		__SetPageFlag(page, PG_pcp);
		page->private = mt;
		list_add_tail(&page->buddy_list, list);
	}
	spin_unlock(&zone->lock);
	return i;
}

/*
 * free_pcppages_bulk() - return @count pages to the buddy, taking blocks
 * from the tails (coldest), starting at list @pindex and going round.  One
 * zone->lock hold.  Interrupts off; the caller owns @pcp.
 */
static void free_pcppages_bulk(struct zone *zone, int count,
			       struct per_cpu_pages *pcp, unsigned int pindex)
{
	int freed = 0;

	lockdep_assert_irqs_disabled();
	count = min(count, pcp->count);
	if (count <= 0)
		return;
	spin_lock(&zone->lock);
	while (freed < count) {
		struct list_head *list = &pcp->lists[pindex];
		unsigned int order = pindex_to_order(pindex);
		struct page *page;

		if (list_empty(list)) {
			pindex = (pindex + 1) % NR_PCP_LISTS;
			continue;
		}
		page = list_last_entry(list, struct page, buddy_list);
		list_del(&page->buddy_list);
		__ClearPageFlag(page, PG_pcp);
		page->private = 0;
		__free_one_page(page, page_to_pfn(page), zone, order);
		freed += 1 << order;
		pcp->count -= 1 << order;
	}
	spin_unlock(&zone->lock);
	pcp->stat[PCP_FLUSH]++;
	pcp->stat[PCP_FLUSH_PAGES] += freed;
	pcp->moved = 1;
}

/* Linux's nr_pcp_alloc(): how many blocks a refill brings. */
static int nr_pcp_alloc(struct per_cpu_pages *pcp, unsigned int order)
{
	int base = pcp->batch, b, max_nr;

	if (pcp->high < pcp->batch)
		return 1;
	b = order ? base : base << pcp->alloc_factor;
	if (pcp->high_min != pcp->high_max)
		pcp->high = min(pcp->high + b, pcp->high_max);
	if (!order) {
		max_nr = max(pcp->high - pcp->count - base, base);
		if (b <= max_nr && pcp->alloc_factor < PCP_BATCH_SCALE_MAX)
			pcp->alloc_factor++;
		b = min(b, max_nr);
	}
	if (b > 1)
		b = max(b >> order, 2);
	return b;
}

/**
 * rmqueue_pcplist_refill() - rmqueue_pcplist() on an empty @list: bring
 * in nr_pcp_alloc() blocks under one zone->lock hold, then take one
 *
 * Context: interrupts off.  Return: the block, or NULL if the buddy has none.
 */
struct page *rmqueue_pcplist_refill(struct zone *zone, struct per_cpu_pages *pcp,
				    struct list_head *list, unsigned int order,
				    int mt)
{
	int got = rmqueue_bulk(zone, order, nr_pcp_alloc(pcp, order), list, mt);

	if (!got)
		return NULL;
	pcp->count += got << order;
	pcp->stat[PCP_REFILL]++;
	pcp->stat[PCP_REFILL_PAGES] += got << order;
	pcp->moved = 1;
	return pcp_take(pcp, list, order);
}

/* Linux's nr_pcp_free(): how much a flush at threshold @high returns. */
static int nr_pcp_free(const struct per_cpu_pages *pcp, int high)
{
	if (high < pcp->batch)
		return 1;
	return max(min(pcp->free_count, high - pcp->batch), pcp->batch);
}

/**
 * free_pcp_over_high() - a free took this CPU's list for @zone to `high`
 * @pindex: the list freed onto, where the flush starts
 *
 * Retunes high as Linux's nr_pcp_high() does (without free_high,
 * ZONE_BELOW_HIGH or reclaim): raised to free_count + batch when lower,
 * never lowered here (only the decay lowers it), then flushes
 * nr_pcp_free() pages if the list is still at high as it was before the
 * raise (nr_pcp_high() returns that value, and the flush is sized by it,
 * docs/linux-facts.md §1).  Called by
 * __free_pages() after its free_unref_page() section ended, so it looks
 * again (an interrupt may have flushed or refilled in between).
 * Context: any; disables interrupts itself.
 */
void free_pcp_over_high(struct zone *zone, unsigned int pindex)
{
	struct per_cpu_pages *pcp;
	unsigned long flags;
	int high;

	local_irq_save(flags);
	pcp = this_cpu_ptr(zone->per_cpu_pageset);
	high = pcp->high;
	/* Only up: high must hold the batch being freed (Linux: need_high). */
	if (pcp->count >= high && pcp->high_min != pcp->high_max &&
	    high < pcp->free_count + pcp->batch)
		pcp->high = min(pcp->free_count + pcp->batch, pcp->high_max);
	if (pcp->count >= high)
		free_pcppages_bulk(zone, nr_pcp_free(pcp, high), pcp, pindex);
	local_irq_restore(flags);
}

/* ---- drains ---- */

static void drain_pages_zone(struct zone *zone)
{
	struct per_cpu_pages *pcp = this_cpu_ptr(zone->per_cpu_pageset);

	if (!pcp->count)
		return;
	free_pcppages_bulk(zone, pcp->count, pcp, 0);
	pcp->stat[PCP_DRAIN]++;
}

void drain_local_pages(struct zone *zone)
{
	unsigned long flags;
	struct zone *z;
	int nid;

	local_irq_save(flags);
	if (zone) {
		drain_pages_zone(zone);
	} else {
		for_each_managed_zone(nid, z)
			drain_pages_zone(z);
	}
	local_irq_restore(flags);
}

static void drain_local_pages_call(void *zone)
{
	drain_local_pages(zone);
}

static bool cpu_has_pcp_pages(unsigned int cpu, const struct zone *zone)
{
	struct zone *z;
	int nid;

	if (zone)
		return READ_ONCE(per_cpu_ptr(zone->per_cpu_pageset, cpu)->count) > 0;
	for_each_managed_zone(nid, z)
		if (READ_ONCE(per_cpu_ptr(z->per_cpu_pageset, cpu)->count) > 0)
			return true;
	return false;
}

/*
 * __drain_all_pages() - as Linux's: the CPUs whose lists look non-empty
 * (an unlocked read), or every online CPU with @force_all_cpus.
 */
void __drain_all_pages(struct zone *zone, bool force_all_cpus)
{
	struct cpumask mask;
	unsigned int cpu;

	if (WARN_ON_ONCE(irqs_disabled() || in_interrupt())) {
		drain_local_pages(zone);
		return;
	}
	cpumask_clear(&mask);
	for_each_online_cpu(cpu)
		if (force_all_cpus || cpu_has_pcp_pages(cpu, zone))
			cpumask_set_cpu(cpu, &mask);
	smp_call_function_many(&mask, drain_local_pages_call, zone, true);
	if (cpumask_test_cpu(smp_processor_id(), &mask))
		drain_local_pages(zone);
}

void drain_all_pages(struct zone *zone)
{
	__drain_all_pages(zone, false);
}

unsigned long zone_pcp_pages(const struct zone *zone)
{
	unsigned long sum = 0;
	unsigned int cpu;

	if (!zone->per_cpu_pageset)
		return 0;
	for_each_possible_cpu(cpu)
		sum += READ_ONCE(per_cpu_ptr(zone->per_cpu_pageset, cpu)->count);
	return sum;
}

/* ---- once a second on every CPU: decay high, expire remote lists ---- */

static void decay_pcp_high(struct zone *zone, struct per_cpu_pages *pcp)
{
	int target;

	if (pcp->high <= pcp->high_min)
		return;
	pcp->high = max3(pcp->count - (pcp->batch << 5), pcp->high - pcp->high / 8,
			 pcp->high_min);
	target = pcp->high;
	while (pcp->count > target)
		free_pcppages_bulk(zone, min(pcp->count - target, pcp->batch), pcp, 0);
}

static void expire_remote(struct zone *zone, struct per_cpu_pages *pcp)
{
	if (pcp->moved) {
		pcp->expire = PCP_EXPIRE_INTERVALS;
		pcp->moved = 0;
	}
	if (zone->node == numa_node_id()) {
		pcp->expire = 0;	/* a local zone never expires */
		return;
	}
	if (!pcp->expire || !pcp->count)
		return;
	if (--pcp->expire)
		return;
	free_pcppages_bulk(zone, min(pcp->count, pcp->batch), pcp, 0);
	pcp->stat[PCP_EXPIRE]++;
}

/* Tick work, once a second, in the timer interrupt (interrupts off). */
static void pcp_second(void)
{
	struct zone *zone;
	int nid;

	for_each_managed_zone(nid, zone) {
		struct per_cpu_pages *pcp = this_cpu_ptr(zone->per_cpu_pageset);

		decay_pcp_high(zone, pcp);
		expire_remote(zone, pcp);
	}
}

/**
 * pcp_init() - pagesets for every zone, and the once-a-second work
 */
void pcp_init(void)
{
	struct zone *zone;
	int nid;

	for_each_online_node(nid)
		for_each_zone_in_node(zone, NODE_DATA(nid))
			if (populated_zone(zone))
				pcp_init_zone(zone);
	if (register_tick_work(pcp_second, HZ))
		pr_warn("pcp: no room for its tick work: high neither decays nor do remote lists expire\n");
	WRITE_ONCE(pcp_enabled, pcp_wanted);
	pr_info("pcp: per-CPU page lists %s%s\n", pcp_enabled ? "on" : "off (pcp=off)",
		pcp_high_fraction ? ", high fixed by pcp_high_fraction" : "");
}

/* ---- validation ---- */

static int validate_pcp(struct zone *zone, unsigned int cpu)
{
	struct per_cpu_pages *pcp = per_cpu_ptr(zone->per_cpu_pageset, cpu);
	int pages = 0, errors = 0;

	for (unsigned int i = 0; i < NR_PCP_LISTS; i++) {
		struct page *page;

		list_for_each_entry(page, &pcp->lists[i], buddy_list) {
			if (!PageFlag(page, PG_pcp) ||
			    page->private != i % MIGRATE_PCPTYPES ||
			    page_zone(page) != zone) {
				pr_err("pcp: PCP-2 cpu %u list %u: pfn %#lx flags %#lx private %lu\n",
				       cpu, i, page_to_pfn(page), page->flags,
				       page->private);
				errors++;
			}
			pages += 1 << pindex_to_order(i);
		}
	}
	if (pages != pcp->count) {
		pr_err("pcp: PCP-1 cpu %u node %d %s: count %d, lists hold %d\n",
		       cpu, zone->node, zone->name, pcp->count, pages);
		errors++;
	}
	if (pcp->high < pcp->high_min || pcp->high > pcp->high_max) {
		pr_err("pcp: PCP-3 cpu %u node %d %s: high %d outside [%d, %d]\n",
		       cpu, zone->node, zone->name, pcp->high, pcp->high_min,
		       pcp->high_max);
		errors++;
	}
	return errors;
}

static void validate_local(void *arg)
{
	int *errors = arg, nid;
	unsigned long flags;
	struct zone *zone;

	local_irq_save(flags);
	for_each_managed_zone(nid, zone)
		if (validate_pcp(zone, smp_processor_id()))
			__atomic_fetch_add(errors, 1, __ATOMIC_RELAXED);
	local_irq_restore(flags);
}

/**
 * pcp_validate_all() - every CPU checks its own lists (PCP-1, PCP-2)
 *
 * Context: interrupts on (cross-calls).  Return: 0 or -EINVAL.
 */
int pcp_validate_all(void)
{
	int errors = 0;

	on_each_cpu(validate_local, &errors, true);
	return errors ? -EINVAL : 0;
}

/* ---- for reports ---- */

void pcp_snapshot(const struct zone *zone, unsigned int cpu,
		  struct pcp_snapshot *snap)
{
	const struct per_cpu_pages *pcp;

	pcp = per_cpu_ptr(zone->per_cpu_pageset, cpu);
	snap->count = READ_ONCE(pcp->count);
	snap->high = READ_ONCE(pcp->high);
	snap->batch = pcp->batch;
	for (int i = 0; i < NR_PCP_STAT_ITEMS; i++)
		snap->stat[i] = READ_ONCE(pcp->stat[i]);
}

void pcp_stat_sum_all(unsigned long sum[NR_PCP_STAT_ITEMS])
{
	struct pcp_snapshot snap;
	struct zone *zone;
	unsigned int cpu;
	int nid;

	memset(sum, 0, sizeof(unsigned long) * NR_PCP_STAT_ITEMS);
	for_each_managed_zone(nid, zone) {
		for_each_online_cpu(cpu) {
			pcp_snapshot(zone, cpu, &snap);
			for (int i = 0; i < NR_PCP_STAT_ITEMS; i++)
				sum[i] += snap.stat[i];
		}
	}
}
