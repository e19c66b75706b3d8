/* SPDX-License-Identifier: MIT */
/*
 * tests/kunit/buddy_kunit.c — the page allocator: orders, nodes, merging,
 * fallback, watermarks, bad frees, numastat, concurrency.
 *
 * Suite "buddy".  Every case must leave the free page count and the free
 * lists as it found them: the suite's init snapshots nr_free_pages() and
 * its exit compares and runs the validator (BUDDY-1..5), so a case that
 * leaks or corrupts fails even if its own checks passed.  The cases run
 * while the other harts are idle (cross-calls only where a case asks).
 */
#include <kunit/test.h>
#include <linux/gfp.h>
#include <linux/irqflags.h>
#include <linux/mmzone.h>
#include <linux/percpu.h>
#include <linux/prandom.h>
#include <linux/smp.h>
#include <linux/string.h>
#include <linux/topology.h>
#include <linux/vmstat.h>

#include "../../mm/buddy/internal.h"
#include "zonelist_model.h"

static unsigned long free_at_init;

static int buddy_test_init(struct kunit *test)
{
	(void)test;
	free_at_init = nr_free_pages();
	return 0;
}

static void buddy_test_exit(struct kunit *test)
{
	KUNIT_EXPECT_EQ(test, nr_free_pages(), free_at_init);
	KUNIT_EXPECT_EQ(test, buddy_validate_all(), 0);
}

/*
 * The zone of @nid that GFP_KERNEL pages come from: its highest populated
 * zone up to Normal (zonelists go from high to low; Movable is empty).
 */
static struct zone *kernel_zone_of(int nid)
{
	pg_data_t *pgdat = NODE_DATA(nid);

	for (int i = gfp_zone(GFP_KERNEL); i >= 0; i--)
		if (populated_zone(&pgdat->node_zones[i]))
			return &pgdat->node_zones[i];
	return NULL;
}

static void every_order_is_aligned_and_on_the_requested_node(struct kunit *test)
{
	int nid;

	for_each_node_state(nid, N_MEMORY) {
		for (unsigned int order = 0; order <= MAX_PAGE_ORDER; order++) {
			struct page *page = alloc_pages_node(nid, GFP_KERNEL |
							     __GFP_THISNODE, order);

			KUNIT_ASSERT_NOT_NULL(test, page);
			KUNIT_EXPECT_EQ(test, page_to_pfn(page) & ((1UL << order) - 1), 0UL);
			KUNIT_EXPECT_EQ(test, page_to_nid(page), nid);
			KUNIT_EXPECT_TRUE(test, PageHead(page));
			__free_pages(page, order);
		}
	}
}

static void split_then_free_restores_buddyinfo(struct kunit *test)
{
	struct zone *zone = kernel_zone_of(numa_mem_id());
	unsigned long before[NR_PAGE_ORDERS], after[NR_PAGE_ORDERS];
	struct page *page;

	KUNIT_ASSERT_NOT_NULL(test, zone);
	drain_all_pages(NULL);		/* per-CPU lists would hide the merge */
	for (int o = 0; o < NR_PAGE_ORDERS; o++)
		before[o] = zone->free_area[o].nr_free;
	page = alloc_pages_node(zone->node, GFP_KERNEL | __GFP_THISNODE, 0);
	KUNIT_ASSERT_NOT_NULL(test, page);
	__free_pages(page, 0);
	drain_all_pages(NULL);
	for (int o = 0; o < NR_PAGE_ORDERS; o++)
		after[o] = zone->free_area[o].nr_free;
	for (int o = 0; o < NR_PAGE_ORDERS; o++)
		KUNIT_EXPECT_EQ_MSG(test, after[o], before[o], "order %d", o);
}

/* Order 4 bypasses the per-CPU lists: the free goes straight to the buddy. */
static void free_merges_with_free_buddy(struct kunit *test)
{
	const unsigned int order = PAGE_ALLOC_COSTLY_ORDER + 1;
	struct page *page = alloc_pages_node(numa_mem_id(), GFP_KERNEL, order);
	unsigned long pfn, buddy_pfn;
	struct page *buddy, *merged;

	KUNIT_ASSERT_NOT_NULL(test, page);
	pfn = page_to_pfn(page);
	buddy_pfn = pfn ^ (1UL << order);
	buddy = pfn_to_page(buddy_pfn);
	if (!PageBuddy(buddy) || buddy->private != order) {
		__free_pages(page, order);
		kunit_skip(test, "pfn %#lx's buddy is not a free order-%u block",
			   pfn, order);
	}
	__free_pages(page, order);
	merged = pfn_to_page(pfn & buddy_pfn);
	KUNIT_EXPECT_FALSE(test, PageBuddy(pfn_to_page(pfn | buddy_pfn)));
	KUNIT_EXPECT_TRUE(test, !PageBuddy(merged) || merged->private > order);
}

/* Allocated blocks are chained through their own first word. */
struct held {
	struct held *next;
	unsigned int order;
};

static struct held *grab_all(int nid, gfp_t gfp, unsigned long *nr_pages)
{
	struct held *list = NULL;

	for (int order = MAX_PAGE_ORDER; order >= 0; order--) {
		struct page *page;

		while ((page = alloc_pages_node(nid, gfp | __GFP_THISNODE |
						__GFP_NOWARN, order))) {
			struct held *h = page_address(page);

			h->next = list;
			h->order = order;
			list = h;
			*nr_pages += 1UL << order;
		}
	}
	return list;
}

static void release_all(struct held *list)
{
	while (list) {
		struct held *next = list->next;

		free_pages((unsigned long)list, list->order);
		list = next;
	}
}

/* The node after @nid in Linux's order from the distance table (the model,
 * not the list the kernel built). */
static int second_choice(int nid)
{
	int order[MAX_NUMNODES];

	return linux_fallback_order(nid, order) > 1 ? order[1] : NUMA_NO_NODE;
}

static void exhausted_node_fails_thisnode_and_falls_back_by_distance(struct kunit *test)
{
	int nid = numa_mem_id(), next = second_choice(nid);
	unsigned long grabbed = 0, miss, foreign;
	struct held *list;
	struct page *page;

	if (next == NUMA_NO_NODE)
		kunit_skip(test, "one node with memory: no fallback to test");
	list = grab_all(nid, GFP_KERNEL, &grabbed);
	KUNIT_EXPECT_GT(test, grabbed, 0UL);
	KUNIT_EXPECT_NULL(test, alloc_pages_node(nid, GFP_KERNEL | __GFP_THISNODE |
						 __GFP_NOWARN, 0));
	miss = node_numa_event_state(next, NUMA_MISS);
	foreign = node_numa_event_state(nid, NUMA_FOREIGN);
	page = alloc_pages_node(nid, GFP_KERNEL, 0);
	KUNIT_EXPECT_NOT_NULL(test, page);
	if (page) {
		KUNIT_EXPECT_EQ(test, page_to_nid(page), next);
		KUNIT_EXPECT_EQ(test, node_numa_event_state(next, NUMA_MISS), miss + 1);
		KUNIT_EXPECT_EQ(test, node_numa_event_state(nid, NUMA_FOREIGN), foreign + 1);
		__free_pages(page, 0);
	}
	release_all(list);
}

static void atomic_dips_below_min_where_kernel_cannot(struct kunit *test)
{
	int nid = numa_mem_id();
	unsigned long grabbed = 0;
	struct held *list = grab_all(nid, GFP_KERNEL, &grabbed);
	struct page *page;

	KUNIT_EXPECT_NULL(test, alloc_pages_node(nid, GFP_KERNEL | __GFP_THISNODE |
						 __GFP_NOWARN, 0));
	page = alloc_pages_node(nid, GFP_ATOMIC | __GFP_THISNODE | __GFP_NOWARN, 0);
	KUNIT_EXPECT_NOT_NULL(test, page);
	if (page)
		__free_pages(page, 0);
	release_all(list);
}

/* Managed pages of the zones below Movable, every node's: Linux's lowmem. */
static unsigned long lowmem_managed_pages(void)
{
	unsigned long pages = 0;
	int nid;

	for_each_online_node(nid)
		for (int z = 0; z < ZONE_MOVABLE; z++)
			pages += NODE_DATA(nid)->node_zones[z].managed_pages;
	return pages;
}

/*
 * Linux's __setup_per_zone_wmarks() worked by hand from the zones' managed
 * pages M and min_free_kbytes (docs/linux-facts.md §2.3): the share is
 * pages_min * M / lowmem; MIN is the share, or clamp(M / 1024, 32, 128) in
 * Movable; every gap is max(share / 4, M * 10 / 10000).  An empty Movable
 * zone therefore reads 32/32/32/32.
 */
static void watermarks_are_linux_formula(struct kunit *test)
{
	unsigned long pages_min = (unsigned long)min_free_kbytes >> 2;
	unsigned long lowmem = lowmem_managed_pages();
	struct zone *zone;
	int nid;

	KUNIT_ASSERT_GT(test, lowmem, 0UL);
	for_each_online_node(nid) {
		for_each_zone_in_node(zone, NODE_DATA(nid)) {
			unsigned long m = zone->managed_pages;
			unsigned long share = pages_min * m / lowmem;
			unsigned long mark = share, gap = m * 10 / 10000;

			if (zone_idx(zone) == ZONE_MOVABLE)
				mark = m / 1024 < 32  ? 32 :
				       m / 1024 > 128 ? 128 :
							m / 1024;
			if (share / 4 > gap)
				gap = share / 4;
			KUNIT_EXPECT_EQ(test, min_wmark_pages(zone), mark);
			KUNIT_EXPECT_EQ(test, low_wmark_pages(zone), mark + gap);
			KUNIT_EXPECT_EQ(test, high_wmark_pages(zone),
					mark + 2 * gap);
			KUNIT_EXPECT_EQ(test, wmark_pages(zone, WMARK_PROMO),
					mark + 3 * gap);
			if (zone_idx(zone) == ZONE_MOVABLE && !m)
				KUNIT_EXPECT_EQ(test,
						wmark_pages(zone, WMARK_PROMO),
						32UL);
		}
	}
}

static void gfp_zero_returns_zeroed_pages(struct kunit *test)
{
	struct page *page = alloc_pages(GFP_KERNEL, 2);
	unsigned long *words;
	bool zero = true;

	KUNIT_ASSERT_NOT_NULL(test, page);
	memset(page_address(page), 0xa5, 4 * PAGE_SIZE);
	__free_pages(page, 2);
	page = alloc_pages(GFP_KERNEL | __GFP_ZERO, 2);
	KUNIT_ASSERT_NOT_NULL(test, page);
	words = page_address(page);
	for (unsigned long i = 0; i < 4 * PAGE_SIZE / sizeof(long); i++)
		zero &= !words[i];
	KUNIT_EXPECT_TRUE(test, zero);
	__free_pages(page, 2);
}

static unsigned long total_bad_frees(void)
{
	unsigned long sum = 0;
	struct zone *zone;
	int nid;

	for_each_online_node(nid)
		for_each_zone_in_node(zone, NODE_DATA(nid))
			sum += zone_event_state(zone, ZONE_BAD_FREE);
	return sum;
}

static void bad_frees_are_reported_not_merged(struct kunit *test)
{
	struct page *page = alloc_pages(GFP_KERNEL, 1);
	unsigned long free_before, bad_before = total_bad_frees();

	KUNIT_ASSERT_NOT_NULL(test, page);
	__free_pages(page + 1, 0);			/* a tail page */
	__free_pages(page, 0);				/* the wrong order */
	__free_pages(virt_to_page(kernel_zone_of), 0); /* kernel text: reserved */
	free_before = nr_free_pages();
	__free_pages(page, 1);				/* the right free */
	KUNIT_EXPECT_EQ(test, nr_free_pages(), free_before + 2);
	__free_pages(page, 1);				/* double free */
	KUNIT_EXPECT_EQ(test, nr_free_pages(), free_before + 2);
	KUNIT_EXPECT_EQ(test, total_bad_frees(), bad_before + 4);
}

/*
 * pfn_valid() answers from the node spans, by its one compare and by the
 * walk it takes when spans leave holes (forced here, interrupts off); a
 * free of a page past the memory map is reported, touching nothing.
 */
static void pfn_valid_matches_the_node_spans(struct kunit *test)
{
	unsigned long flags, free_before;
	bool contiguous = memmap_contiguous;
	int nid, pass;

	KUNIT_ASSERT_GT(test, memmap_end_pfn, memmap_min_pfn);
	for (pass = 0; pass < 2; pass++) {
		local_irq_save(flags);
		memmap_contiguous = pass ? false : contiguous;
		KUNIT_EXPECT_FALSE(test, pfn_valid(memmap_min_pfn - 1));
		KUNIT_EXPECT_FALSE(test, pfn_valid(memmap_end_pfn));
		KUNIT_EXPECT_FALSE(test, pfn_valid(~0UL));
		for_each_online_node(nid) {
			const pg_data_t *pgdat = NODE_DATA(nid);

			if (!pgdat->node_spanned_pages)
				continue;
			KUNIT_EXPECT_TRUE(test, pfn_valid(pgdat->node_start_pfn));
			KUNIT_EXPECT_TRUE(test, pfn_valid(pgdat->node_start_pfn +
							  pgdat->node_spanned_pages - 1));
		}
		memmap_contiguous = contiguous;
		local_irq_restore(flags);
	}
	free_before = nr_free_pages();
	__free_pages(pfn_to_page(memmap_end_pfn), 0);	/* "outside every zone" */
	KUNIT_EXPECT_EQ(test, nr_free_pages(), free_before);
}

static unsigned long node_zone_events(int nid, enum zone_stat_item item)
{
	unsigned long sum = 0;
	struct zone *zone;

	for_each_zone_in_node(zone, NODE_DATA(nid))
		sum += zone_event_state(zone, item);
	return sum;
}

/*
 * The zone totals count every block once, whether it went through a
 * per-CPU list (counted by the list, added on read) or the buddy lists
 * (order 4: never a list), and whether the lists are on or off.
 */
static void zone_totals_count_list_and_buddy_blocks(struct kunit *test)
{
	gfp_t gfp = GFP_KERNEL | __GFP_THISNODE;
	int nid = numa_mem_id(), i;
	unsigned long succ, pages, frees;
	struct page *small[8], *big;

	succ = node_zone_events(nid, ZONE_ALLOC_SUCCESS);
	pages = node_zone_events(nid, ZONE_ALLOC_PAGES);
	frees = node_zone_events(nid, ZONE_FREE_CALLS);
	for (i = 0; i < 8; i++) {
		small[i] = alloc_pages_node(nid, gfp, 0);
		KUNIT_ASSERT_NOT_NULL(test, small[i]);
	}
	big = alloc_pages_node(nid, gfp, 4);
	KUNIT_ASSERT_NOT_NULL(test, big);
	for (i = 0; i < 8; i++)
		__free_pages(small[i], 0);
	__free_pages(big, 4);
	KUNIT_EXPECT_EQ(test, node_zone_events(nid, ZONE_ALLOC_SUCCESS) - succ, 9ul);
	KUNIT_EXPECT_EQ(test, node_zone_events(nid, ZONE_ALLOC_PAGES) - pages, 24ul);
	KUNIT_EXPECT_EQ(test, node_zone_events(nid, ZONE_FREE_CALLS) - frees, 9ul);
}

/* Keep @page (order 0) on @list; a NULL page is left out (the case's
 * counts then differ from what it expects, which fails it). */
static struct held *take(struct held *list, struct page *page, unsigned int order)
{
	struct held *h;

	if (!page)
		return list;
	h = page_address(page);
	h->next = list;
	h->order = order;
	return h;
}

/* Every node's NUMA events, read at once. */
struct numa_events {
	unsigned long ev[MAX_NUMNODES][NR_VM_NUMA_EVENT_ITEMS];
};

static void read_numa_events(struct numa_events *e)
{
	for (int nid = 0; nid < MAX_NUMNODES; nid++)
		for (int i = 0; i < NR_VM_NUMA_EVENT_ITEMS; i++)
			e->ev[nid][i] = node_possible(nid) ?
						node_numa_event_state(nid, i) :
						0;
}

/* After - before for every node and event must be @want's. */
static void expect_numa_deltas(struct kunit *test, const char *what,
			       const struct numa_events *before,
			       const struct numa_events *want)
{
	struct numa_events after;

	read_numa_events(&after);
	for (int nid = 0; nid < MAX_NUMNODES; nid++)
		for (int i = 0; i < NR_VM_NUMA_EVENT_ITEMS; i++)
			KUNIT_EXPECT_EQ_MSG(test,
					    after.ev[nid][i] - before->ev[nid][i],
					    want->ev[nid][i],
					    "%s: node %d event %d", what, nid, i);
}

#define KNOWN_PAGES 64

/*
 * NUMA events of workloads whose answer Linux's definitions give
 * (zone_statistics(): hit or miss against the node the allocation aimed
 * at, local or other against the allocating CPU's node, foreign on the
 * aimed-at node of a miss), counted from the number of pages:
 *  - KNOWN_PAGES from this CPU's node: hit and local there, KNOWN_PAGES each;
 *  - KNOWN_PAGES aimed at another node R: hit and other on R;
 *  - with this node exhausted, KNOWN_PAGES aimed here land on the next node
 *    N of Linux's order: miss and other on N, foreign here.
 * Nothing else moves.  interleave_hit stays 0: no policy interleaves.
 */
/*
 * KNOWN_PAGES order-0 pages aimed at node @aim from this CPU, which land on
 * node @lands: hit (or miss, and foreign on @aim) on @lands, local or other
 * against this CPU's node; nothing else moves.
 */
static void expect_known_pages(struct kunit *test, const char *what, int aim,
			       int lands, gfp_t gfp)
{
	int here = numa_node_id();
	struct numa_events before, want;
	struct held *list = NULL;

	memset(&want, 0, sizeof(want));
	read_numa_events(&before);
	for (int i = 0; i < KNOWN_PAGES; i++)
		list = take(list, alloc_pages_node(aim, gfp, 0), 0);
	want.ev[lands][aim == lands ? NUMA_HIT : NUMA_MISS] = KNOWN_PAGES;
	want.ev[lands][lands == here ? NUMA_LOCAL : NUMA_OTHER] = KNOWN_PAGES;
	if (aim != lands)
		want.ev[aim][NUMA_FOREIGN] = KNOWN_PAGES;
	expect_numa_deltas(test, what, &before, &want);
	release_all(list);
}

static void numa_events_of_known_workloads(struct kunit *test)
{
	int mem = numa_mem_id(), other = NUMA_NO_NODE, n;
	struct held *exhaust;
	unsigned long grabbed = 0;

	for_each_node_state(n, N_MEMORY)
		if (n != mem && other == NUMA_NO_NODE)
			other = n;
	expect_known_pages(test, "on this CPU's memory node", mem, mem,
			   GFP_KERNEL);
	if (other == NUMA_NO_NODE)
		kunit_skip(test,
			   "one node with memory: no remote or missed allocation");
	expect_known_pages(test, "aimed at another node", other, other,
			   GFP_KERNEL);

	exhaust = grab_all(mem, GFP_KERNEL, &grabbed);
	expect_known_pages(test, "this node exhausted", mem, second_choice(mem),
			   GFP_KERNEL | __GFP_NOWARN);
	release_all(exhaust);
}

/* numastat's node figure is its zones' figures added up. */
static void node_numa_events_sum_the_zones(struct kunit *test)
{
	struct zone *zone;
	int nid;

	for_each_online_node(nid) {
		for (int i = 0; i < NR_VM_NUMA_EVENT_ITEMS; i++) {
			unsigned long sum = 0;

			for_each_zone_in_node(zone, NODE_DATA(nid))
				sum += zone_numa_event_state(zone, i);
			KUNIT_EXPECT_EQ_MSG(test, node_numa_event_state(nid, i),
					    sum, "node %d, %s", nid,
					    numa_stat_names[i].numastat);
		}
	}
}

/*
 * Each report names a NUMA event as the Linux file it mirrors does
 * (docs/linux-facts.md §8.4): sysfs's numastat and /proc/vmstat differ for
 * three of the six.
 */
static void numa_stat_names_are_linux_names(struct kunit *test)
{
	static const char *const numastat[NR_VM_NUMA_EVENT_ITEMS] = {
		[NUMA_HIT] = "numa_hit",
		[NUMA_MISS] = "numa_miss",
		[NUMA_FOREIGN] = "numa_foreign",
		[NUMA_INTERLEAVE_HIT] = "interleave_hit",
		[NUMA_LOCAL] = "local_node",
		[NUMA_OTHER] = "other_node",
	};
	static const char *const vmstat[NR_VM_NUMA_EVENT_ITEMS] = {
		[NUMA_HIT] = "numa_hit",
		[NUMA_MISS] = "numa_miss",
		[NUMA_FOREIGN] = "numa_foreign",
		[NUMA_INTERLEAVE_HIT] = "numa_interleave",
		[NUMA_LOCAL] = "numa_local",
		[NUMA_OTHER] = "numa_other",
	};

	for (int i = 0; i < NR_VM_NUMA_EVENT_ITEMS; i++) {
		KUNIT_EXPECT_STREQ(test, numa_stat_names[i].numastat, numastat[i]);
		KUNIT_EXPECT_STREQ(test, numa_stat_names[i].vmstat, vmstat[i]);
	}
}

static void node_structures_are_node_local(struct kunit *test)
{
	unsigned int cpu;
	int nid;

	for_each_node_state(nid, N_MEMORY) {
		pg_data_t *pgdat = NODE_DATA(nid);

		KUNIT_EXPECT_EQ(test, page_to_nid(virt_to_page(pgdat)), nid);
		KUNIT_EXPECT_EQ(test, buddy_memmap_nid(nid), nid);
	}
	for_each_possible_cpu(cpu)
		KUNIT_EXPECT_EQ_MSG(test, pcpu_unit_nid(cpu), cpu_to_mem(cpu),
				    "cpu %u", cpu);
}

#define CHURN_ROUNDS	2000
#define CHURN_HELD	16

static void churn_one_cpu(void *arg)
{
	struct page *held[CHURN_HELD] = { NULL };
	unsigned int orders[CHURN_HELD] = { 0 };
	unsigned long *failures = arg;
	struct rnd_state rnd;

	prandom_seed_state(&rnd, 1000 + smp_processor_id());
	for (int i = 0; i < CHURN_ROUNDS; i++) {
		unsigned int slot = prandom_u32_below(&rnd, CHURN_HELD);

		if (held[slot]) {
			__free_pages(held[slot], orders[slot]);
			held[slot] = NULL;
			continue;
		}
		orders[slot] = prandom_u32_below(&rnd, 4);
		held[slot] = alloc_pages(GFP_KERNEL | __GFP_NOWARN, orders[slot]);
		if (!held[slot])
			__atomic_fetch_add(failures, 1, __ATOMIC_RELAXED);
	}
	for (int i = 0; i < CHURN_HELD; i++)
		if (held[i])
			__free_pages(held[i], orders[i]);
}

static void all_harts_churning_keep_exact_counts(struct kunit *test)
{
	unsigned long failures = 0;

	on_each_cpu(churn_one_cpu, &failures, true);
	KUNIT_EXPECT_EQ(test, failures, 0UL);
	KUNIT_EXPECT_EQ(test, nr_free_pages(), free_at_init);
	KUNIT_EXPECT_EQ(test, buddy_validate_all(), 0);
}

static void bad_node_and_order_fail_cleanly(struct kunit *test)
{
	KUNIT_EXPECT_NULL(test, alloc_pages_node(MAX_NUMNODES, GFP_KERNEL | __GFP_NOWARN, 0));
	KUNIT_EXPECT_NULL(test, __alloc_pages(GFP_KERNEL | __GFP_NOWARN, 0, -7, NULL));
}

static void zonelists_are_valid_and_start_at_home(struct kunit *test)
{
	KUNIT_EXPECT_EQ(test, numa_validate_zonelists(), 0);
}

static struct kunit_case buddy_cases[] = {
	KUNIT_CASE(every_order_is_aligned_and_on_the_requested_node),
	KUNIT_CASE(split_then_free_restores_buddyinfo),
	KUNIT_CASE(free_merges_with_free_buddy),
	KUNIT_CASE(exhausted_node_fails_thisnode_and_falls_back_by_distance),
	KUNIT_CASE(atomic_dips_below_min_where_kernel_cannot),
	KUNIT_CASE(watermarks_are_linux_formula),
	KUNIT_CASE(gfp_zero_returns_zeroed_pages),
	KUNIT_CASE(bad_frees_are_reported_not_merged),
	KUNIT_CASE(pfn_valid_matches_the_node_spans),
	KUNIT_CASE(zone_totals_count_list_and_buddy_blocks),
	KUNIT_CASE(numa_events_of_known_workloads),
	KUNIT_CASE(node_numa_events_sum_the_zones),
	KUNIT_CASE(numa_stat_names_are_linux_names),
	KUNIT_CASE(node_structures_are_node_local),
	KUNIT_CASE(all_harts_churning_keep_exact_counts),
	KUNIT_CASE(bad_node_and_order_fail_cleanly),
	KUNIT_CASE(zonelists_are_valid_and_start_at_home),
	{}
};

static struct kunit_suite buddy_suite = {
	.name = "buddy",
	.init = buddy_test_init,
	.exit = buddy_test_exit,
	.test_cases = buddy_cases,
};
kunit_test_suite(buddy_suite);
