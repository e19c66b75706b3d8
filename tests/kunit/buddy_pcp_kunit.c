/* SPDX-License-Identifier: MIT */
/*
 * tests/kunit/buddy_pcp_kunit.c — per-CPU page lists: refill and flush batching,
 * cross-node frees and their expiry, drains, exact accounting, and what
 * the lists save in zone->lock acquisitions.
 *
 * Suite "buddy_pcp".  Lock acquisitions are read from lock_stat's class
 * "&zone->lock" (every zone's lock is in that class); the measured parts
 * run with interrupts off on the testing CPU so no tick work intervenes,
 * while the other CPUs sit idle.
 */
#include <asm/processor.h>
#include <kunit/test.h>
#include <linux/gfp.h>
#include <linux/mmzone.h>
#include <linux/prandom.h>
#include <linux/smp.h>
#include <linux/spinlock.h>
#include <linux/timekeeping.h>
#include <linux/topology.h>

#include "../../mm/buddy/internal.h"

static unsigned long free_at_init;

static int pcp_test_init(struct kunit *test)
{
	if (!pcp_enabled)
		kunit_skip(test, "booted with pcp=off");
	free_at_init = nr_free_pages();
	return 0;
}

static void pcp_test_exit(struct kunit *test)
{
	if (!pcp_enabled)
		return;		/* the case was skipped: nothing was measured */
	KUNIT_EXPECT_EQ(test, nr_free_pages(), free_at_init);
	KUNIT_EXPECT_EQ(test, pcp_validate_all(), 0);
	KUNIT_EXPECT_EQ(test, buddy_validate_all(), 0);
}

static u64 zone_lock_acquisitions(void)
{
	struct lock_class_stats st;

	return lock_class_stats_read("&zone->lock", &st) ? 0 : st.acquisitions;
}

/*
 * This node's zone that GFP_KERNEL pages come from: its highest populated
 * zone up to Normal (zonelists go from high to low; Movable is empty).
 */
static struct zone *local_zone(void)
{
	pg_data_t *pgdat = NODE_DATA(numa_mem_id());

	for (int i = gfp_zone(GFP_KERNEL); i >= 0; i--)
		if (populated_zone(&pgdat->node_zones[i]))
			return &pgdat->node_zones[i];
	return NULL;
}

static struct per_cpu_pages *my_pcp(struct zone *zone)
{
	return this_cpu_ptr(zone->per_cpu_pageset);
}

/* Blocks chained through their own first word: no other memory needed. */
struct chain {
	struct chain *next;
};

static struct chain *take(struct chain *list, struct page *page)
{
	struct chain *c = page_address(page);

	c->next = list;
	return c;
}

static void release(struct chain *list)
{
	while (list) {
		struct chain *next = list->next;

		free_page((unsigned long)list);
		list = next;
	}
}

static void refill_costs_one_zone_lock_per_batch(struct kunit *test)
{
	struct zone *zone = local_zone();
	struct chain *list = NULL;
	unsigned long flags;
	u64 before, after;
	int held;

	drain_all_pages(NULL);
	local_irq_save(flags);
	before = zone_lock_acquisitions();
	list = take(list, alloc_pages_node(zone->node, GFP_KERNEL | __GFP_THISNODE, 0));
	after = zone_lock_acquisitions();
	held = my_pcp(zone)->count;
	for (int i = 0; i < held; i++)		/* the rest of the batch */
		list = take(list, alloc_pages_node(zone->node,
						   GFP_KERNEL | __GFP_THISNODE, 0));
	KUNIT_EXPECT_EQ(test, after - before, 1ULL);
	KUNIT_EXPECT_EQ(test, zone_lock_acquisitions(), after);
	KUNIT_EXPECT_GE(test, held + 1, my_pcp(zone)->batch);
	KUNIT_EXPECT_EQ(test, my_pcp(zone)->count, 0);
	local_irq_restore(flags);
	release(list);
}

static void free_beyond_high_returns_a_batch(struct kunit *test)
{
	struct zone *zone = local_zone();
	struct per_cpu_pages *pcp;
	unsigned long flags, flushes, flushed;
	struct chain *list = NULL;
	int n;

	drain_all_pages(NULL);
	local_irq_save(flags);
	pcp = my_pcp(zone);
	n = 2 * pcp->high_max;
	for (int i = 0; i < n; i++)
		list = take(list, alloc_pages_node(zone->node,
						   GFP_KERNEL | __GFP_THISNODE, 0));
	flushes = pcp->stat[PCP_FLUSH];
	flushed = pcp->stat[PCP_FLUSH_PAGES];
	while (list) {
		struct chain *next = list->next;
		u64 locks = zone_lock_acquisitions();
		unsigned long before = pcp->stat[PCP_FLUSH];
		unsigned long pages = pcp->stat[PCP_FLUSH_PAGES];

		free_page((unsigned long)list);
		list = next;
		if (pcp->stat[PCP_FLUSH] != before) {
			/* One flush: one lock hold, at least a batch back. */
			KUNIT_EXPECT_EQ(test, zone_lock_acquisitions() - locks, 1ULL);
			KUNIT_EXPECT_GE(test, pcp->stat[PCP_FLUSH_PAGES] - pages,
					(unsigned long)pcp->batch);
		}
	}
	KUNIT_EXPECT_GT(test, pcp->stat[PCP_FLUSH], flushes);
	KUNIT_EXPECT_GE(test, pcp->stat[PCP_FLUSH_PAGES] - flushed,
			(pcp->stat[PCP_FLUSH] - flushes) * (unsigned long)pcp->batch);
	KUNIT_EXPECT_LT(test, pcp->count, pcp->high);
	local_irq_restore(flags);
}

/*
 * Linux 6.12's free path for an order-0 page (free_unref_page_commit(),
 * nr_pcp_high(), nr_pcp_free()), written from its rule for the case
 * below, away from the allocator's own code: no free_high (order 0), no
 * ZONE_BELOW_HIGH and no reclaim (docs/linux-facts.md).  When a free
 * finds count >= high, high is raised to free_count + batch if it is
 * lower — never lowered — and the flush is still decided and sized by
 * high as it was before the raise (nr_pcp_high() returns that value):
 * free_count pages, at least a batch and leaving at least a batch.
 */
struct pcp_model {
	int count, high, high_min, high_max, batch, free_count;
	unsigned long flushed;
};

static void model_free_one(struct pcp_model *m)
{
	int high = m->high; /* nr_pcp_high() returns high as it was */

	m->count++;
	if (m->free_count < (m->batch << 5))
		m->free_count++;
	if (m->high_min != m->high_max && m->count >= high &&
	    high < m->free_count + m->batch)
		m->high = min(m->free_count + m->batch, m->high_max);
	if (m->count >= high) {
		int n = m->free_count;

		n = max(n, m->batch);
		n = min(n, high - m->batch);
		n = min(n, m->count);
		m->count -= n;
		m->flushed += n;
	}
}

/*
 * A burst: @n pages allocated, then all freed, on this CPU with
 * interrupts off (no decay runs between).  After each free, high and the
 * count must be what Linux's rule makes of the state the allocations
 * left; the burst measured before the fix ended with high 1023 where the
 * rule keeps 8001 (free_pcp_over_high() set high to free_count + batch,
 * lowering it).  @from_min: the frees start with high at high_min (as
 * after the decay), so high is raised during the burst and the flushes
 * that come with a raise are checked too.
 */
static void free_burst(struct kunit *test, bool from_min)
{
	struct zone *zone = local_zone();
	unsigned long flags, flushed0;
	struct chain *list = NULL;
	struct per_cpu_pages *pcp;
	struct pcp_model m;
	int n = 16384, steps = 0, wrong = 0;

	n = min_t(long, n, zone_free_pages(zone) / 2);
	drain_all_pages(NULL);
	local_irq_save(flags);
	pcp = my_pcp(zone);
	for (int i = 0; i < n; i++) {
		struct page *page = alloc_pages_node(zone->node,
						     GFP_KERNEL | __GFP_THISNODE,
						     0);

		KUNIT_ASSERT_NOT_NULL(test, page);
		list = take(list, page);
		if (page_zone(page) !=
		    zone) { /* not this list: the model cannot say */
			local_irq_restore(flags);
			release(list);
			kunit_skip(test, "%d pages do not fit in zone %s", n,
				   zone->name);
		}
	}
	if (from_min)
		pcp->high = pcp->high_min;
	m = (struct pcp_model){ pcp->count,
				pcp->high,
				pcp->high_min,
				pcp->high_max,
				pcp->batch,
				pcp->free_count,
				0 };
	flushed0 = pcp->stat[PCP_FLUSH_PAGES];
	while (list) {
		struct chain *next = list->next;

		free_page((unsigned long)list);
		list = next;
		model_free_one(&m);
		steps++;
		if ((pcp->high != m.high || pcp->count != m.count) && !wrong++)
			kunit_info(test,
				   "free %d of %d: high %d count %d, Linux's rule: high %d count %d",
				   steps, n, pcp->high, pcp->count, m.high,
				   m.count);
	}
	local_irq_restore(flags);
	kunit_info(test,
		   "%d pages freed: high %d (min %d, max %d, batch %d), Linux's rule %d",
		   n, pcp->high, m.high_min, m.high_max, m.batch, m.high);
	KUNIT_EXPECT_EQ(test, wrong, 0);
	KUNIT_EXPECT_EQ(test, pcp->high, m.high);
	KUNIT_EXPECT_EQ(test, pcp->count, m.count);
	KUNIT_EXPECT_EQ(test, pcp->stat[PCP_FLUSH_PAGES] - flushed0, m.flushed);
	drain_all_pages(NULL);
}

static void free_burst_raises_high_never_lowers_it(struct kunit *test)
{
	free_burst(test, false);
	free_burst(test, true);
}

static int other_memory_node(void)
{
	int nid;

	for_each_node_state(nid, N_MEMORY)
		if (nid != numa_node_id())
			return nid;
	return NUMA_NO_NODE;
}

/*
 * The expiry rule (mm/buddy/pcp.c, Linux's vmstat `expire`): once a
 * second a CPU looks at its list for a remote zone; a look that finds the
 * list moved (refilled or flushed) since the last one sets 3 intervals
 * and counts the first down, so the third look after the move with none
 * since gives back a batch.  The looks are HZ ticks apart, ticks at least
 * a tick interval apart: the expiry comes more than 2 s after the refill
 * and, with punctual ticks, at most 3 s after it (1 s more is allowed for
 * a tick the busy host made late).  An expiry sooner, or later, breaks
 * the rule.
 */
static void remote_free_lands_here_and_expires(struct kunit *test)
{
	int remote = other_memory_node();
	struct per_cpu_pages *pcp;
	struct zone *zone;
	struct page *page;
	unsigned long expires;
	int count;
	u64 refill, deadline, at;

	if (remote == NUMA_NO_NODE || numa_node_id() == remote)
		kunit_skip(test, "needs a second node with memory");
	drain_all_pages(NULL);
	refill = ktime_get_ns(); /* the allocation refills the empty list */
	page = alloc_pages_node(remote, GFP_KERNEL | __GFP_THISNODE, 0);
	KUNIT_ASSERT_NOT_NULL(test, page);
	zone = page_zone(page);
	pcp = my_pcp(zone);
	count = pcp->count;
	expires = pcp->stat[PCP_EXPIRE];
	__free_pages(page, 0);
	KUNIT_EXPECT_EQ(test, pcp->count, count + 1);	/* this CPU's list */
	KUNIT_EXPECT_TRUE(test, PageFlag(page, PG_pcp));
	deadline = refill + 6000000000ULL;
	while ((at = ktime_get_ns()) < deadline &&
	       pcp->stat[PCP_EXPIRE] == expires)
		wait_for_interrupt();
	kunit_info(test,
		   "expired %llu ms after the refill (rule: after 2000, by 3000; 1000 more for a late tick)",
		   (unsigned long long)(at - refill) / 1000000);
	KUNIT_EXPECT_EQ(test, pcp->stat[PCP_EXPIRE], expires + 1);
	KUNIT_EXPECT_GT(test, at - refill, 2000000000ULL);
	KUNIT_EXPECT_LE(test, at - refill, 4000000000ULL);
	KUNIT_EXPECT_EQ(test, pcp->count, count + 1 - min(count + 1, pcp->batch));
	drain_all_pages(NULL);
}

static void churn(void *arg)
{
	struct page *held[32] = { NULL };
	unsigned int orders[32] = { 0 };
	unsigned int rounds = *(unsigned int *)arg;
	struct rnd_state rnd;

	prandom_seed_state(&rnd, 77 + smp_processor_id());
	for (unsigned int i = 0; i < rounds; i++) {
		unsigned int slot = prandom_u32_below(&rnd, 32);

		if (held[slot]) {
			__free_pages(held[slot], orders[slot]);
			held[slot] = NULL;
		} else {
			orders[slot] = prandom_u32_below(&rnd, 4);
			held[slot] = alloc_pages(GFP_KERNEL | __GFP_NOWARN, orders[slot]);
		}
	}
	for (int i = 0; i < 32; i++)
		if (held[i])
			__free_pages(held[i], orders[i]);
}

static void expect_pcp_empty(struct kunit *test, struct zone *zone,
			     unsigned int cpu, int nid)
{
	struct per_cpu_pages *pcp = per_cpu_ptr(zone->per_cpu_pageset, cpu);

	KUNIT_EXPECT_EQ_MSG(test, pcp->count, 0, "cpu %u node %d", cpu, nid);
}

static void drain_all_empties_every_list(struct kunit *test)
{
	unsigned int rounds = 3000, cpu;
	struct zone *zone;
	int nid;

	/*
	 * The others churn (queued first); every CPU is then asked to drain,
	 * and does so when its churn is done: Linux's force_all_cpus drain.
	 */
	smp_call_function(churn, &rounds, false);
	churn(&rounds);
	__drain_all_pages(NULL, true);
	for_each_online_node(nid)
		for_each_zone_in_node(zone, NODE_DATA(nid))
			if (zone->per_cpu_pageset)
				for_each_online_cpu(cpu)
					expect_pcp_empty(test, zone, cpu, nid);
}

static void all_harts_churning_keep_exact_accounting(struct kunit *test)
{
	unsigned int rounds = 4000;

	on_each_cpu(churn, &rounds, true);
	KUNIT_EXPECT_EQ(test, nr_free_pages(), free_at_init);
	KUNIT_EXPECT_EQ(test, pcp_validate_all(), 0);
}

/* 512 pages allocated then freed on this CPU: zone->lock acquisitions. */
static u64 lock_cost_of_workload(struct zone *zone)
{
	struct chain *list = NULL;
	unsigned long flags;
	u64 before;

	local_irq_save(flags);
	before = zone_lock_acquisitions();
	for (int i = 0; i < 512; i++)
		list = take(list, alloc_pages_node(zone->node,
						   GFP_KERNEL | __GFP_THISNODE, 0));
	release(list);
	before = zone_lock_acquisitions() - before;
	local_irq_restore(flags);
	return before;
}

static void pcp_off_takes_batch_times_more_zone_locks(struct kunit *test)
{
	struct zone *zone = local_zone();
	u64 with_lists, without;

	drain_all_pages(NULL);
	with_lists = lock_cost_of_workload(zone);
	drain_all_pages(NULL);
	WRITE_ONCE(pcp_enabled, false);	/* others are idle: safe to switch */
	without = lock_cost_of_workload(zone);
	WRITE_ONCE(pcp_enabled, true);
	kunit_info(test, "zone->lock acquisitions for 512 page pairs: %llu with lists, %llu without (batch %d)",
		   (unsigned long long)with_lists, (unsigned long long)without,
		   my_pcp(zone)->batch);
	KUNIT_EXPECT_EQ(test, without, 1024ULL);
	KUNIT_EXPECT_GE(test, without, with_lists * (u64)my_pcp(zone)->batch);
}

static struct kunit_case pcp_cases[] = {
	KUNIT_CASE(refill_costs_one_zone_lock_per_batch),
	KUNIT_CASE(free_beyond_high_returns_a_batch),
	KUNIT_CASE(free_burst_raises_high_never_lowers_it),
	KUNIT_CASE(remote_free_lands_here_and_expires),
	KUNIT_CASE(drain_all_empties_every_list),
	KUNIT_CASE(all_harts_churning_keep_exact_accounting),
	KUNIT_CASE(pcp_off_takes_batch_times_more_zone_locks),
	{}
};

static struct kunit_suite pcp_suite = {
	.name = "buddy_pcp",
	.init = pcp_test_init,
	.exit = pcp_test_exit,
	.test_cases = pcp_cases,
};
kunit_test_suite(pcp_suite);
