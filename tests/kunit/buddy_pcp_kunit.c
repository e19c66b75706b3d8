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

static int other_memory_node(void)
{
	int nid;

	for_each_node_state(nid, N_MEMORY)
		if (nid != numa_node_id())
			return nid;
	return NUMA_NO_NODE;
}

static void remote_free_lands_here_and_expires(struct kunit *test)
{
	int remote = other_memory_node();
	struct per_cpu_pages *pcp;
	struct zone *zone;
	struct page *page;
	unsigned long expires;
	int count;
	u64 deadline;

	if (remote == NUMA_NO_NODE || numa_node_id() == remote)
		kunit_skip(test, "needs a second node with memory");
	drain_all_pages(NULL);
	page = alloc_pages_node(remote, GFP_KERNEL | __GFP_THISNODE, 0);
	KUNIT_ASSERT_NOT_NULL(test, page);
	zone = page_zone(page);
	pcp = my_pcp(zone);
	count = pcp->count;
	expires = pcp->stat[PCP_EXPIRE];
	__free_pages(page, 0);
	KUNIT_EXPECT_EQ(test, pcp->count, count + 1);	/* this CPU's list */
	KUNIT_EXPECT_TRUE(test, PageFlag(page, PG_pcp));
	/* Three idle seconds, checked once a second: at most ~4.2 s. */
	deadline = ktime_get_ns() + 6000000000ULL;
	while (ktime_get_ns() < deadline && pcp->stat[PCP_EXPIRE] == expires)
		wait_for_interrupt();
	KUNIT_EXPECT_GT(test, pcp->stat[PCP_EXPIRE], expires);
	KUNIT_EXPECT_LT(test, pcp->count, count + 1);
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
