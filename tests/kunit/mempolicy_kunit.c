/* SPDX-License-Identifier: MIT */
/*
 * tests/kunit/mempolicy_kunit.c — memory policies: where alloc_pages()
 * puts a task's pages under each mode, what set_mempolicy() refuses, the
 * mode flags, interleave weights, numastat's interleave_hit, the per-task
 * page counts, and SLUB's slabs under a policy.
 *
 * Suite "mempolicy".  The cases run on the test hart in its task (current),
 * while the other harts idle, so numastat moves only by what a case does
 * and deltas are exact.  Placement cases make 10,000 order-0 allocations.
 * Every case ends (exit) with the default policy and default weights back,
 * every page it took freed (free pages compared with the case's start),
 * the buddy lists and the policy table validated.  Cases that need a
 * second node with memory skip on machines with one.  Exhausting a node
 * takes blocks of the highest order first, then smaller ones, so that it
 * stays fast under emulation.
 */
#include <kunit/test.h>
#include <linux/errno.h>
#include <linux/gfp.h>
#include <linux/hardirq.h>
#include <linux/init.h>
#include <linux/irqflags.h>
#include <linux/memblock.h>
#include <linux/mempolicy.h>
#include <linux/mmzone.h>
#include <linux/sched.h>
#include <linux/slab.h>
#include <linux/smp.h>
#include <linux/string.h>
#include <linux/topology.h>

#define NR_PLACED	10000UL

static unsigned long free_at_init;
static bool check_free_pages;	/* false in cases that keep slab pages */

static int mempolicy_test_init(struct kunit *test)
{
	(void)test;
	free_at_init = nr_free_pages();
	check_free_pages = true;
	return 0;
}

static void mempolicy_test_exit(struct kunit *test)
{
	int nid;

	KUNIT_EXPECT_EQ(test, set_mempolicy(MPOL_DEFAULT, NULL), 0);
	KUNIT_EXPECT_NULL(test, current->mempolicy);
	for_each_online_node(nid)
		mpol_set_il_weight(nid, 0);
	if (check_free_pages)
		KUNIT_EXPECT_EQ(test, nr_free_pages(), free_at_init);
	KUNIT_EXPECT_EQ(test, numa_validate_policies(), 0);
}

/* ---- helpers ---- */

/* Blocks held by a case, chained through their own memory. */
struct held {
	struct held *next;
	unsigned int order;
};

static void hold(struct held **list, struct page *page, unsigned int order)
{
	struct held *h = page_address(page);

	h->next = *list;
	h->order = order;
	*list = h;
}

static void release(struct held **list)
{
	while (*list) {
		struct held *next = (*list)->next;

		free_pages((unsigned long)*list, (*list)->order);
		*list = next;
	}
}

/* Node of each page of the last place_pages() run, in allocation order. */
static u8 placed_seq[NR_PLACED];

/*
 * place_pages() - @n order-0 alloc_pages() under the current policy, held
 * on @list; @per_node counts them per node.  Return: pages obtained.
 */
static unsigned long place_pages(unsigned long n, struct held **list,
				 unsigned long per_node[MAX_NUMNODES])
{
	unsigned long i;

	for (int nid = 0; nid < MAX_NUMNODES; nid++)
		per_node[nid] = 0;
	for (i = 0; i < n; i++) {
		struct page *page = alloc_pages(GFP_KERNEL, 0);

		if (!page)
			break;
		if (i < NR_PLACED)
			placed_seq[i] = (u8)page_to_nid(page);
		per_node[page_to_nid(page)]++;
		hold(list, page, 0);
	}
	return i;
}

/* Take every page node @nid hands out to GFP_KERNEL, big blocks first. */
static unsigned long exhaust_node(int nid, struct held **list)
{
	unsigned long pages = 0;
	struct page *page;

	for (int order = MAX_PAGE_ORDER; order >= 0; order--)
		while ((page = alloc_pages_node(nid, GFP_KERNEL | __GFP_THISNODE |
						__GFP_NOWARN, order))) {
			hold(list, page, order);
			pages += 1UL << order;
		}
	return pages;
}

/* NUMA events of every node, to take deltas. */
struct numa_snap {
	unsigned long ev[MAX_NUMNODES][NR_VM_NUMA_EVENT_ITEMS];
};

static void snap(struct numa_snap *s)
{
	int nid;

	memset(s, 0, sizeof(*s));
	for_each_online_node(nid)
		for (int i = 0; i < NR_VM_NUMA_EVENT_ITEMS; i++)
			s->ev[nid][i] = node_numa_event_state(nid, i);
}

static unsigned long delta(const struct numa_snap *before, int nid,
			   enum numa_stat_item item)
{
	return node_numa_event_state(nid, item) - before->ev[nid][item];
}

/* The memory node @k-th after numa_mem_id() in this CPU's fallback order. */
static int fallback_node(int k)
{
	pg_data_t *pgdat = NODE_DATA(numa_node_id());

	return k < pgdat->nr_node_fallback ? pgdat->node_fallback[k] : NUMA_NO_NODE;
}

/* The @k-th node (from 0) of @mask. */
static int nth_node(const nodemask_t *mask, int k)
{
	int nid;

	for_each_node_mask(nid, *mask)
		if (k-- == 0)
			return nid;
	return NUMA_NO_NODE;
}

static int nr_memory_nodes(void)
{
	return (int)num_node_state(N_MEMORY);
}

/* ---- default and local ---- */

static void expect_all_on(struct kunit *test, const unsigned long *per_node,
			  int nid, unsigned long n)
{
	KUNIT_EXPECT_EQ_MSG(test, per_node[nid], n, "all %lu pages on node %d", n, nid);
}

/*
 * NR_PLACED pages under the current policy, all expected on @nid and
 * counted as numa_hit there (the policy aimed at @nid); freed again.
 * @before: the counters just before, for the caller's own checks.
 */
static void place_all_on(struct kunit *test, int nid, struct numa_snap *before)
{
	unsigned long per_node[MAX_NUMNODES];
	struct held *list = NULL;

	snap(before);
	KUNIT_EXPECT_EQ(test, place_pages(NR_PLACED, &list, per_node), NR_PLACED);
	expect_all_on(test, per_node, nid, NR_PLACED);
	KUNIT_EXPECT_EQ(test, delta(before, nid, NUMA_HIT), NR_PLACED);
	release(&list);
}

static void default_policy_allocates_on_this_harts_memory_node(struct kunit *test)
{
	struct numa_snap before;
	int home = numa_mem_id();

	KUNIT_ASSERT_EQ(test, set_mempolicy(MPOL_DEFAULT, NULL), 0);
	place_all_on(test, home, &before);
	KUNIT_EXPECT_EQ(test, delta(&before, home, NUMA_MISS), 0UL);
	KUNIT_EXPECT_EQ(test, delta(&before, home, NUMA_INTERLEAVE_HIT), 0UL);
	KUNIT_EXPECT_EQ(test, delta(&before, home, home == numa_node_id() ?
				    NUMA_LOCAL : NUMA_OTHER), NR_PLACED);
}

static struct page *irq_pages[NR_CPUS];

static void alloc_on_each_cpu(void *unused)
{
	(void)unused;
	irq_pages[smp_processor_id()] = alloc_pages(GFP_ATOMIC, 0);
}

static void local_policy_allocates_on_each_harts_memory_node(struct kunit *test)
{
	unsigned long per_node[MAX_NUMNODES];
	struct held *list = NULL;
	unsigned int cpu;

	KUNIT_ASSERT_EQ(test, set_mempolicy(MPOL_LOCAL, NULL), 0);
	KUNIT_EXPECT_EQ(test, get_task_policy(current)->mode, MPOL_LOCAL);
	KUNIT_EXPECT_EQ(test, place_pages(NR_PLACED, &list, per_node), NR_PLACED);
	expect_all_on(test, per_node, numa_mem_id(), NR_PLACED);
	release(&list);

	/* Other harts allocate in their IPI handler: the default policy. */
	memset(irq_pages, 0, sizeof(irq_pages));
	on_each_cpu(alloc_on_each_cpu, NULL, true);
	for_each_online_cpu(cpu) {
		KUNIT_EXPECT_NOT_NULL_MSG(test, irq_pages[cpu], "cpu %u", cpu);
		if (!irq_pages[cpu])
			continue;
		KUNIT_EXPECT_EQ_MSG(test, page_to_nid(irq_pages[cpu]), cpu_to_mem(cpu),
				    "cpu %u (node %d)", cpu, cpu_to_node(cpu));
		__free_pages(irq_pages[cpu], 0);
	}
}

/* A memory node other than this hart's, or NUMA_NO_NODE. */
static int remote_memory_node(void)
{
	return fallback_node(1);
}

/* alloc_pages() as an interrupt handler on this hart would call it. */
static struct page *alloc_page_in_irq(void)
{
	unsigned long flags;
	struct page *page;

	local_irq_save(flags);
	irq_enter();
	page = alloc_pages(GFP_ATOMIC, 0);
	irq_exit();
	local_irq_restore(flags);
	return page;
}

static void interrupts_and_thisnode_ignore_the_task_policy(struct kunit *test)
{
	int remote = remote_memory_node(), il_prev;
	nodemask_t mask = NODE_MASK_NONE;
	unsigned long pages[MAX_NUMNODES];
	struct page *page;

	if (remote == NUMA_NO_NODE)
		kunit_skip(test, "one node with memory");
	node_set(remote, mask);
	KUNIT_ASSERT_EQ(test, set_mempolicy(MPOL_BIND, &mask), 0);
	memcpy(pages, current->numa_pages, sizeof(pages));
	page = alloc_page_in_irq();
	KUNIT_ASSERT_NOT_NULL(test, page);
	KUNIT_EXPECT_EQ(test, page_to_nid(page), numa_mem_id());
	KUNIT_EXPECT_EQ_MSG(test, memcmp(pages, current->numa_pages, sizeof(pages)), 0,
			    "interrupt allocations are not the task's");
	__free_pages(page, 0);
	page = alloc_pages(GFP_KERNEL | __GFP_THISNODE, 0);
	KUNIT_ASSERT_NOT_NULL(test, page);
	KUNIT_EXPECT_EQ(test, page_to_nid(page), numa_mem_id());
	__free_pages(page, 0);

	KUNIT_ASSERT_EQ(test, set_mempolicy(MPOL_INTERLEAVE,
					    &node_states[N_MEMORY]), 0);
	il_prev = current->il_prev;
	page = alloc_page_in_irq();
	KUNIT_ASSERT_NOT_NULL(test, page);
	KUNIT_EXPECT_EQ(test, current->il_prev, il_prev);
	__free_pages(page, 0);
}

/* ---- bind ---- */

static void bind_policy_never_leaves_nodemask(struct kunit *test)
{
	int remote = remote_memory_node();
	unsigned long per_node[MAX_NUMNODES], failures;
	nodemask_t mask = NODE_MASK_NONE;
	struct held *list = NULL, *filler = NULL;
	struct numa_snap before;

	if (remote == NUMA_NO_NODE)
		kunit_skip(test, "one node with memory");
	node_set(remote, mask);
	KUNIT_ASSERT_EQ(test, set_mempolicy(MPOL_BIND, &mask), 0);
	/* P is the bound node: numa_hit there, other_node (not this CPU's). */
	place_all_on(test, remote, &before);
	KUNIT_EXPECT_EQ(test, delta(&before, remote, NUMA_OTHER), NR_PLACED);
	KUNIT_EXPECT_EQ(test, delta(&before, numa_mem_id(), NUMA_FOREIGN), 0UL);

	/* The bound node full: NULL, counted, and nothing from elsewhere. */
	KUNIT_EXPECT_GT(test, exhaust_node(remote, &filler), 0UL);
	failures = buddy_nr_alloc_failures();
	for (int i = 0; i < 16; i++) {
		struct page *page = alloc_pages(GFP_KERNEL, 0);

		KUNIT_EXPECT_NULL_MSG(test, page, "attempt %d", i);
		if (page)
			hold(&list, page, 0);
	}
	KUNIT_EXPECT_EQ(test, buddy_nr_alloc_failures(), failures + 16);
	release(&list);
	release(&filler);

	/* Several nodes: the nearest in this CPU's fallback order first. */
	KUNIT_ASSERT_EQ(test, set_mempolicy(MPOL_BIND, &node_states[N_MEMORY]), 0);
	KUNIT_EXPECT_EQ(test, place_pages(100, &list, per_node), 100UL);
	expect_all_on(test, per_node, numa_mem_id(), 100);
	release(&list);
}

/* ---- interleave ---- */

static void interleave_spreads_within_one_page_of_even(struct kunit *test)
{
	nodemask_t mask = node_states[N_MEMORY];
	unsigned long per_node[MAX_NUMNODES], k = (unsigned long)nodes_weight(mask);
	struct held *list = NULL;
	struct numa_snap before;
	int nid;

	/* Ask for every online node: memory-less ones drop out. */
	KUNIT_ASSERT_EQ(test, set_mempolicy(MPOL_INTERLEAVE,
					    &node_states[N_ONLINE]), 0);
	KUNIT_EXPECT_EQ(test, current->il_prev, MAX_NUMNODES - 1);
	snap(&before);
	KUNIT_EXPECT_EQ(test, place_pages(NR_PLACED, &list, per_node), NR_PLACED);
	for (unsigned long i = 0; i < NR_PLACED; i++)
		if (placed_seq[i] != nth_node(&mask, (int)(i % k))) {
			KUNIT_FAIL(test, "page %lu on node %u, round-robin says %d",
				   i, placed_seq[i], nth_node(&mask, (int)(i % k)));
			break;
		}
	for_each_node_mask(nid, mask) {
		KUNIT_EXPECT_LE_MSG(test, per_node[nid], NR_PLACED / k + 1, "node %d", nid);
		KUNIT_EXPECT_GE_MSG(test, per_node[nid], NR_PLACED / k, "node %d", nid);
		KUNIT_EXPECT_EQ_MSG(test, delta(&before, nid, NUMA_INTERLEAVE_HIT),
				    per_node[nid], "node %d", nid);
		KUNIT_EXPECT_EQ_MSG(test, delta(&before, nid, NUMA_HIT),
				    per_node[nid], "node %d", nid);
		KUNIT_EXPECT_EQ_MSG(test, delta(&before, nid, NUMA_MISS), 0UL,
				    "node %d", nid);
		KUNIT_EXPECT_EQ_MSG(test, delta(&before, nid, NUMA_LOCAL) +
				    delta(&before, nid, NUMA_OTHER), per_node[nid],
				    "node %d", nid);
	}
	KUNIT_EXPECT_EQ(test, current->il_prev, (int)placed_seq[NR_PLACED - 1]);
	release(&list);
}

static void weighted_interleave_follows_the_weights_each_round(struct kunit *test)
{
	nodemask_t mask = node_states[N_MEMORY];
	unsigned long per_node[MAX_NUMNODES], round = 0, pos = 0;
	struct held *list = NULL;
	struct numa_snap before;
	int nid;

	for_each_node_mask(nid, mask) {
		KUNIT_ASSERT_EQ(test, mpol_set_il_weight(nid, (unsigned int)(nid % 3 + 1)), 0);
		round += get_il_weight(nid);
	}
	KUNIT_ASSERT_GT(test, round, 0ul);	/* a node with memory, a weight >= 1 */
	KUNIT_ASSERT_EQ(test, set_mempolicy(MPOL_WEIGHTED_INTERLEAVE, &mask), 0);
	snap(&before);
	KUNIT_EXPECT_EQ(test, place_pages(NR_PLACED, &list, per_node), NR_PLACED);
	/* Each full round: node n's weight of pages in a row, nodes ascending. */
	for (; pos + round <= NR_PLACED; ) {
		for_each_node_mask(nid, mask)
			for (unsigned int w = 0; w < get_il_weight(nid); w++, pos++)
				if (placed_seq[pos] != nid) {
					KUNIT_FAIL(test, "page %lu on node %u, weights say %d",
						   pos, placed_seq[pos], nid);
					goto counts;
				}
	}
counts:
	for_each_node_mask(nid, mask) {
		unsigned long want = NR_PLACED / round * get_il_weight(nid);

		KUNIT_EXPECT_GE_MSG(test, per_node[nid], want, "node %d", nid);
		KUNIT_EXPECT_LE_MSG(test, per_node[nid], want + get_il_weight(nid),
				    "node %d", nid);
		KUNIT_EXPECT_EQ_MSG(test, delta(&before, nid, NUMA_INTERLEAVE_HIT), 0UL,
				    "weighted interleave counts no interleave_hit");
	}
	release(&list);
}

static void weights_take_1_to_255_and_0_restores_the_default(struct kunit *test)
{
	int nid = first_node(node_states[N_ONLINE]);

	KUNIT_EXPECT_EQ(test, get_il_weight(nid), 1);
	KUNIT_EXPECT_EQ(test, mpol_set_il_weight(nid, 255), 0);
	KUNIT_EXPECT_EQ(test, get_il_weight(nid), 255);
	KUNIT_EXPECT_EQ(test, mpol_set_il_weight(nid, 256), -EINVAL);
	KUNIT_EXPECT_EQ(test, get_il_weight(nid), 255);
	KUNIT_EXPECT_EQ(test, mpol_set_il_weight(nid, 0), 0);
	KUNIT_EXPECT_EQ(test, get_il_weight(nid), 1);
	KUNIT_EXPECT_EQ(test, mpol_set_il_weight(-1, 2), -EINVAL);
	KUNIT_EXPECT_EQ(test, mpol_set_il_weight(MAX_NUMNODES, 2), -EINVAL);
	if (nr_node_ids < MAX_NUMNODES)
		KUNIT_EXPECT_EQ(test, mpol_set_il_weight(MAX_NUMNODES - 1, 2), -EINVAL);
}

/* ---- preferred and preferred_many ---- */

static void preferred_falls_back_in_its_nodes_fallback_order(struct kunit *test)
{
	int pref = remote_memory_node();
	unsigned long per_node[MAX_NUMNODES];
	struct held *list = NULL, *filler = NULL;
	struct numa_snap before;
	pg_data_t *pgdat;
	nodemask_t mask;

	if (pref == NUMA_NO_NODE)
		kunit_skip(test, "one node with memory");
	pgdat = NODE_DATA(pref);
	mask = nodemask_of_node(pref);
	KUNIT_ASSERT_EQ(test, set_mempolicy(MPOL_PREFERRED, &mask), 0);
	place_all_on(test, pref, &before);

	/* Full: the next node of the preferred node's own fallback order. */
	for (int k = 1; k < pgdat->nr_node_fallback && k <= 2; k++) {
		int next = pgdat->node_fallback[k];

		exhaust_node(pgdat->node_fallback[k - 1], &filler);
		snap(&before);
		KUNIT_EXPECT_EQ(test, place_pages(100, &list, per_node), 100UL);
		expect_all_on(test, per_node, next, 100);
		KUNIT_EXPECT_EQ(test, delta(&before, next, NUMA_MISS), 100UL);
		KUNIT_EXPECT_EQ(test, delta(&before, pref, NUMA_FOREIGN), 100UL);
		release(&list);
	}
	release(&filler);
}

static void preferred_many_uses_its_nodes_then_every_node(struct kunit *test)
{
	unsigned long per_node[MAX_NUMNODES], failures;
	nodemask_t mask = NODE_MASK_NONE;
	struct held *list = NULL, *filler = NULL;
	int first, second, home = numa_mem_id();
	struct numa_snap before;

	/* The last two memory nodes of this CPU's order (one if only two). */
	second = fallback_node(nr_memory_nodes() - 1);
	first = nr_memory_nodes() > 2 ? fallback_node(nr_memory_nodes() - 2) : second;
	if (nr_memory_nodes() < 2)
		kunit_skip(test, "one node with memory");
	node_set(first, mask);
	node_set(second, mask);
	KUNIT_ASSERT_EQ(test, set_mempolicy(MPOL_PREFERRED_MANY, &mask), 0);
	place_all_on(test, first, &before);

	/* Pass 1 keeps to the mask while it has memory... */
	exhaust_node(first, &filler);
	if (second != first) {
		KUNIT_EXPECT_EQ(test, place_pages(100, &list, per_node), 100UL);
		expect_all_on(test, per_node, second, 100);
		release(&list);
		exhaust_node(second, &filler);
	}
	/* ...then pass 2 takes any node, this CPU's first. */
	failures = buddy_nr_alloc_failures();
	KUNIT_EXPECT_EQ(test, place_pages(100, &list, per_node), 100UL);
	expect_all_on(test, per_node, home, 100);
	KUNIT_EXPECT_EQ_MSG(test, buddy_nr_alloc_failures(), failures + 100,
			    "each failed pass 1 counts as a failure");
	release(&list);
	release(&filler);
}

/* ---- validation ---- */

struct bad_setting {
	int mode;
	unsigned long nodes;	/* bits; ~0UL: NULL */
	const char *what;
};

static void invalid_settings_return_einval_and_keep_the_old_policy(struct kunit *test)
{
	nodemask_t none_with_memory, mask, got;
	const struct bad_setting bad[] = {
		{ MPOL_MAX, 1, "mode past MPOL_MAX" },
		{ 100, 1, "mode 100" },
		{ -1, 1, "mode -1" },
		{ MPOL_BIND | MPOL_F_STATIC_NODES | MPOL_F_RELATIVE_NODES, 1, "static and relative" },
		{ MPOL_INTERLEAVE | MPOL_F_NUMA_BALANCING, 1, "balancing with interleave" },
		{ MPOL_BIND, 0, "bind, no nodes" },
		{ MPOL_BIND, ~0UL, "bind, NULL" },
		{ MPOL_INTERLEAVE, 0, "interleave, no nodes" },
		{ MPOL_WEIGHTED_INTERLEAVE, 0, "weighted, no nodes" },
		{ MPOL_PREFERRED_MANY, 0, "preferred_many, no nodes" },
		{ MPOL_DEFAULT, 1, "default with nodes" },
		{ MPOL_LOCAL, 1, "local with nodes" },
		{ MPOL_LOCAL | MPOL_F_STATIC_NODES, 0, "local with static" },
		{ MPOL_LOCAL | MPOL_F_RELATIVE_NODES, 0, "local with relative" },
		{ MPOL_PREFERRED | MPOL_F_STATIC_NODES, 0, "empty preferred with static" },
	};
	struct mempolicy *old;
	int mode, il_prev;

	KUNIT_ASSERT_EQ(test, set_mempolicy(MPOL_INTERLEAVE, &node_states[N_MEMORY]), 0);
	__free_pages(alloc_pages(GFP_KERNEL, 0), 0);	/* move the cursor */
	old = current->mempolicy;
	il_prev = current->il_prev;
	for (size_t i = 0; i < ARRAY_SIZE(bad); i++) {
		mask.bits[0] = bad[i].nodes;
		KUNIT_EXPECT_EQ_MSG(test, set_mempolicy(bad[i].mode,
				    bad[i].nodes == ~0UL ? NULL : &mask), -EINVAL,
				    "%s", bad[i].what);
	}
	nodes_andnot(none_with_memory, NODE_MASK_ALL, node_states[N_MEMORY]);
	if (!nodes_empty(none_with_memory)) {
		KUNIT_EXPECT_EQ(test, set_mempolicy(MPOL_BIND, &none_with_memory), -EINVAL);
		KUNIT_EXPECT_EQ(test, set_mempolicy(MPOL_PREFERRED | MPOL_F_STATIC_NODES,
						    &none_with_memory), -EINVAL);
	}
	KUNIT_EXPECT_PTR_EQ(test, current->mempolicy, old);
	KUNIT_EXPECT_EQ(test, current->il_prev, il_prev);
	KUNIT_EXPECT_EQ(test, get_mempolicy(&mode, &got, 0), 0);
	KUNIT_EXPECT_EQ(test, mode, MPOL_INTERLEAVE);
	KUNIT_EXPECT_TRUE(test, nodes_equal(got, node_states[N_MEMORY]));

	/* The accepted edges: empty preferred is local; default keeps il_prev. */
	KUNIT_EXPECT_EQ(test, set_mempolicy(MPOL_PREFERRED, NULL), 0);
	KUNIT_EXPECT_EQ(test, get_mempolicy(&mode, &got, 0), 0);
	KUNIT_EXPECT_EQ(test, mode, MPOL_LOCAL);
	mask = nodemask_of_node(numa_mem_id());
	KUNIT_EXPECT_EQ(test, set_mempolicy(MPOL_BIND | MPOL_F_NUMA_BALANCING, &mask), 0);
	KUNIT_EXPECT_EQ(test, set_mempolicy(MPOL_DEFAULT, NULL), 0);
	KUNIT_EXPECT_NULL(test, current->mempolicy);
	KUNIT_EXPECT_EQ(test, current->il_prev, il_prev);
}

static void static_and_relative_flags_map_nodes_as_linux(struct kunit *test)
{
	nodemask_t mem = node_states[N_MEMORY], mask, got;
	int k = nr_memory_nodes(), mode, want;
	unsigned long per_node[MAX_NUMNODES];
	struct held *list = NULL;

	/* STATIC: effective = requested ∩ N_MEMORY; get_mempolicy: as asked. */
	mask = NODE_MASK_ALL;
	KUNIT_ASSERT_EQ(test, set_mempolicy(MPOL_BIND | MPOL_F_STATIC_NODES, &mask), 0);
	KUNIT_EXPECT_TRUE(test, nodes_equal(current->mempolicy->nodes, mem));
	KUNIT_EXPECT_EQ(test, get_mempolicy(&mode, &got, 0), 0);
	KUNIT_EXPECT_EQ(test, mode, MPOL_BIND | MPOL_F_STATIC_NODES);
	KUNIT_EXPECT_TRUE(test, nodes_equal(got, NODE_MASK_ALL));

	/* RELATIVE: bit i is the (i mod k)-th memory node. */
	mask = nodemask_of_node(1);
	want = nth_node(&mem, 1 % k);
	KUNIT_ASSERT_EQ(test, set_mempolicy(MPOL_BIND | MPOL_F_RELATIVE_NODES, &mask), 0);
	KUNIT_EXPECT_TRUE(test, nodes_equal(current->mempolicy->nodes,
					    nodemask_of_node(want)));
	KUNIT_EXPECT_EQ(test, place_pages(100, &list, per_node), 100UL);
	expect_all_on(test, per_node, want, 100);
	release(&list);
	KUNIT_EXPECT_EQ(test, get_mempolicy(&mode, &got, 0), 0);
	KUNIT_EXPECT_EQ(test, mode, MPOL_BIND | MPOL_F_RELATIVE_NODES);
	KUNIT_EXPECT_TRUE(test, nodes_equal(got, mask));

	/* Folding: bit k is the first memory node again. */
	if (k < MAX_NUMNODES) {
		mask = nodemask_of_node(k);
		KUNIT_ASSERT_EQ(test, set_mempolicy(MPOL_PREFERRED | MPOL_F_RELATIVE_NODES,
						    &mask), 0);
		KUNIT_EXPECT_EQ(test, first_node(current->mempolicy->nodes),
				first_node(mem));
	}
	mask = NODE_MASK_ALL;
	KUNIT_ASSERT_EQ(test, set_mempolicy(MPOL_INTERLEAVE | MPOL_F_RELATIVE_NODES,
					    &mask), 0);
	KUNIT_EXPECT_TRUE(test, nodes_equal(current->mempolicy->nodes, mem));
}

static void get_mempolicy_reports_mode_nodes_and_next_node(struct kunit *test)
{
	nodemask_t mem = node_states[N_MEMORY], got;
	int mode = -1, next;
	struct page *page;

	KUNIT_EXPECT_EQ(test, get_mempolicy(&mode, &got, 0), 0);
	KUNIT_EXPECT_EQ(test, mode, MPOL_DEFAULT);
	KUNIT_EXPECT_TRUE(test, nodes_empty(got));
	KUNIT_EXPECT_EQ(test, get_mempolicy(&next, NULL, MPOL_F_NODE), -EINVAL);
	KUNIT_EXPECT_EQ(test, get_mempolicy(&mode, &got, MPOL_F_MEMS_ALLOWED), 0);
	KUNIT_EXPECT_TRUE(test, nodes_equal(got, mem));
	KUNIT_EXPECT_EQ(test, get_mempolicy(&mode, &got, MPOL_F_ADDR), -EINVAL);
	KUNIT_EXPECT_EQ(test, get_mempolicy(&mode, &got,
					    MPOL_F_MEMS_ALLOWED | MPOL_F_NODE), -EINVAL);
	KUNIT_EXPECT_EQ(test, get_mempolicy(&mode, &got, 8), -EINVAL);

	KUNIT_ASSERT_EQ(test, set_mempolicy(MPOL_INTERLEAVE, &mem), 0);
	for (int i = 0; i < 2 * MAX_NUMNODES; i++) {
		KUNIT_EXPECT_EQ(test, get_mempolicy(&next, NULL, MPOL_F_NODE), 0);
		page = alloc_pages(GFP_KERNEL, 0);
		KUNIT_ASSERT_NOT_NULL(test, page);
		KUNIT_EXPECT_EQ(test, page_to_nid(page), next);
		__free_pages(page, 0);
	}
}

static void mpol_to_str_and_mpol_parse_use_linux_words(struct kunit *test)
{
	static const char *const bad[] = {
		"foo",	     "bind=bogus:0", "bind:0-", "bind:5", "bind:1-0",
		"bind:0,,1", "bind:0,",	     "bind:a",	"",	  "=static:0",
	};
	char buf[MPOL_STR_LEN], want[MPOL_STR_LEN], mem_list[16];
	nodemask_t mem = node_states[N_MEMORY], nodes;
	int first = first_node(mem), mode;
	const char *why;

	nodelist_scnprintf(mem_list, sizeof(mem_list), mem);
	mpol_to_str(buf, sizeof(buf), NULL);
	KUNIT_EXPECT_STREQ(test, buf, "default");
	mpol_to_str(buf, sizeof(buf), &default_policy);
	KUNIT_EXPECT_STREQ(test, buf, "default");

	static const struct {
		const char *in;
		int mode;
		const char *fmt;
		bool list;	/* %s: the memory node list; else %d: the first */
	} ok[] = {
		{ "local", MPOL_LOCAL, "local", false },
		{ "preferred:%d", MPOL_PREFERRED, "prefer:%d", false },
		{ "bind=static:%d", MPOL_BIND | MPOL_F_STATIC_NODES, "bind=static:%d", false },
		{ "bind=balancing:%d", MPOL_BIND | MPOL_F_NUMA_BALANCING,
		  "bind=balancing:%d", false },
		{ "interleave:%s", MPOL_INTERLEAVE, "interleave:%s", true },
		{ "interleave=relative:0", MPOL_INTERLEAVE | MPOL_F_RELATIVE_NODES,
		  "interleave=relative:%d", false },
		{ "preferred_many:%s", MPOL_PREFERRED_MANY, "prefer (many):%s", true },
		{ "weighted_interleave:%s", MPOL_WEIGHTED_INTERLEAVE,
		  "weighted interleave:%s", true },
	};
	for (size_t i = 0; i < ARRAY_SIZE(ok); i++) {
		char in[32];

		if (ok[i].list) {
			snprintf(in, sizeof(in), ok[i].in, mem_list);
			snprintf(want, sizeof(want), ok[i].fmt, mem_list);
		} else {
			snprintf(in, sizeof(in), ok[i].in, first);
			snprintf(want, sizeof(want), ok[i].fmt, first);
		}
		KUNIT_EXPECT_EQ_MSG(test, mpol_parse(in, &mode, &nodes, &why), 0, "%s", in);
		KUNIT_EXPECT_EQ_MSG(test, mode, ok[i].mode, "%s", in);
		KUNIT_EXPECT_EQ_MSG(test, set_mempolicy(mode, &nodes), 0, "%s", in);
		mpol_to_str(buf, sizeof(buf), current->mempolicy);
		KUNIT_EXPECT_STREQ(test, buf, want);
	}
	KUNIT_EXPECT_EQ(test, mpol_parse("default", &mode, &nodes, &why), 0);
	KUNIT_EXPECT_EQ(test, mode, MPOL_DEFAULT);
	KUNIT_EXPECT_TRUE(test, nodes_empty(nodes));
	for (size_t i = 0; i < ARRAY_SIZE(bad); i++)
		KUNIT_EXPECT_EQ_MSG(test, mpol_parse(bad[i], &mode, &nodes, &why),
				    -EINVAL, "'%s'", bad[i]);
}

/*
 * policy_zone, worked out from memblock's RAM rather than from the zones:
 * riscv64 cuts ZONE_DMA32 at 4 GiB and ZONE_MOVABLE stays empty, so the
 * highest populated zone below Movable on any node is ZONE_NORMAL exactly
 * when some RAM lies at or above 4 GiB (QEMU's RAM starts at 2 GiB: more
 * than 2 GiB of it), and ZONE_DMA32 otherwise.
 */
static void policy_zone_is_normal_exactly_when_ram_passes_4g(struct kunit *test)
{
	const phys_addr_t dma32_limit = 1ULL << 32;
	struct memblock_region *r;
	bool above = false;

	for_each_mem_region(r)
		above |= r->base + r->size > dma32_limit;
	KUNIT_EXPECT_EQ(test, (int)policy_zone,
			above ? (int)ZONE_NORMAL : (int)ZONE_DMA32);
}

/* ---- counters ---- */

/*
 * The NUMA events @per_node's pages make by Linux's definitions
 * (zone_statistics(), and alloc_pages_mpol()'s interleave_hit): a page on
 * the node the allocation aimed at, @aimed, is a hit there, one elsewhere a
 * miss there and foreign on @aimed; local or other against this CPU's node;
 * interleave_hit for MPOL_INTERLEAVE's pages on @aimed.  Every node's
 * every event must have moved by exactly that since @before.
 */
static void expect_numastat_of(struct kunit *test, int mode, int aimed,
			       const unsigned long *per_node,
			       const struct numa_snap *before)
{
	unsigned long want[MAX_NUMNODES][NR_VM_NUMA_EVENT_ITEMS] = { { 0 } };
	int nid;

	for_each_online_node(nid) {
		unsigned long p = per_node[nid];

		want[nid][nid == aimed ? NUMA_HIT : NUMA_MISS] += p;
		if (nid != aimed)
			want[aimed][NUMA_FOREIGN] += p;
		want[nid][nid == numa_node_id() ? NUMA_LOCAL : NUMA_OTHER] += p;
		if (mode == MPOL_INTERLEAVE && nid == aimed)
			want[nid][NUMA_INTERLEAVE_HIT] += p;
	}
	for_each_online_node(nid)
		for (int i = 0; i < NR_VM_NUMA_EVENT_ITEMS; i++)
			KUNIT_EXPECT_EQ_MSG(test, delta(before, nid, i),
					    want[nid][i],
					    "mode %d, node %d, event %d", mode,
					    nid, i);
}

/*
 * 1000 pages under each mode, aimed at the last node of this CPU's
 * fallback order (MPOL_LOCAL: at its first, this CPU's memory node; bind
 * and preferred_many aim at the first node of the mask in that order, the
 * mask's one node): numastat moves as Linux's definitions say for where
 * the pages landed (expect_numastat_of()).
 */
static void interleave_hit_and_numastat_follow_linux(struct kunit *test)
{
	static const int modes[] = {
		MPOL_LOCAL, MPOL_PREFERRED, MPOL_BIND, MPOL_INTERLEAVE,
		MPOL_PREFERRED_MANY, MPOL_WEIGHTED_INTERLEAVE,
	};
	unsigned long per_node[MAX_NUMNODES];
	int target = fallback_node(nr_memory_nodes() - 1);
	nodemask_t last = nodemask_of_node(target);
	struct held *list = NULL;
	struct numa_snap before;

	for (size_t i = 0; i < ARRAY_SIZE(modes); i++) {
		KUNIT_ASSERT_EQ(test, set_mempolicy(modes[i], modes[i] == MPOL_LOCAL ?
						    NULL : &last), 0);
		snap(&before);
		KUNIT_EXPECT_EQ(test, place_pages(1000, &list, per_node), 1000UL);
		expect_numastat_of(test, modes[i],
				   modes[i] == MPOL_LOCAL ? numa_mem_id() : target,
				   per_node, &before);
		release(&list);
	}
}

static void numa_pages_count_the_tasks_pages_per_node(struct kunit *test)
{
	int target = fallback_node(nr_memory_nodes() - 1);
	nodemask_t mask = nodemask_of_node(target);
	unsigned long before[MAX_NUMNODES];
	struct held *list = NULL;
	int nid;

	KUNIT_ASSERT_EQ(test, set_mempolicy(MPOL_BIND, &mask), 0);
	memcpy(before, current->numa_pages, sizeof(before));
	for (unsigned int order = 0; order <= 3; order++) {
		struct page *page = alloc_pages(GFP_KERNEL, order);

		KUNIT_ASSERT_NOT_NULL(test, page);
		hold(&list, page, order);
	}
	hold(&list, alloc_page_in_irq(), 0);	/* an interrupt's: not counted */
	KUNIT_ASSERT_NOT_NULL(test, list);
	for_each_online_node(nid)
		KUNIT_EXPECT_EQ_MSG(test, current->numa_pages[nid] - before[nid],
				    nid == target ? 15UL : 0UL, "node %d", nid);
	release(&list);
}

/* ---- SLUB under a policy ---- */

#define NR_TEST_SLABS	12

/* The first page of the slab holding @obj. */
static struct page *slab_head(const void *obj)
{
	struct page *page = virt_to_page(obj);

	while (PageTail(page))
		page--;
	return page;
}

/*
 * Allocate objects from the fresh cache @s until NR_TEST_SLABS slabs have
 * been made, recording each slab's node and the task's il_prev after the
 * allocation that made it.  The objects are chained in @objs.
 */
static int make_slabs(struct kmem_cache *s, void **objs, int *nodes, int *cursor)
{
	struct page *cur = NULL;
	int nr = 0;

	for (int i = 0; i < 100000 && nr < NR_TEST_SLABS; i++) {
		void **obj = kmem_cache_alloc(s, GFP_KERNEL);

		if (!obj)
			break;
		*obj = *objs;
		*objs = obj;
		if (slab_head(obj) == cur)
			continue;
		cur = slab_head(obj);
		nodes[nr] = page_to_nid(cur);
		cursor[nr++] = current->il_prev;
	}
	return nr;
}

static void free_objects(struct kmem_cache *s, void *objs)
{
	while (objs) {
		void *next = *(void **)objs;

		kmem_cache_free(s, objs);
		objs = next;
	}
}

static void bind_policy_puts_new_slabs_on_the_bound_node(struct kunit *test)
{
	int remote = remote_memory_node(), nodes[NR_TEST_SLABS], cursor[NR_TEST_SLABS];
	struct kmem_cache *s;
	int made;
	void *objs = NULL;
	nodemask_t mask;

	check_free_pages = false;	/* the cache's own structures stay */
	if (remote == NUMA_NO_NODE)
		kunit_skip(test, "one node with memory");
	s = kmem_cache_create("mpol-bind", 512, 0, 0, NULL);
	KUNIT_ASSERT_NOT_NULL(test, s);
	mask = nodemask_of_node(remote);
	KUNIT_ASSERT_EQ(test, set_mempolicy(MPOL_BIND, &mask), 0);
	made = make_slabs(s, &objs, nodes, cursor);
	KUNIT_EXPECT_EQ(test, made, NR_TEST_SLABS);
	KUNIT_EXPECT_EQ(test, set_mempolicy(MPOL_DEFAULT, NULL), 0);
	for (int i = 0; i < made; i++)
		KUNIT_EXPECT_EQ_MSG(test, nodes[i], remote, "slab %d", i);
	free_objects(s, objs);
	KUNIT_EXPECT_EQ(test, validate_slab_cache(s), 0);
	kmem_cache_destroy(s);
}

/*
 * Linux 6.12 moves the interleave cursor twice per new slab: once in
 * get_any_partial() (mempolicy_slab_node()) and once in alloc_pages() for
 * the slab's page.  So slab i lands on the (2i + 1)-th node of the
 * round-robin, and the cursor ends there: over 3 nodes the slabs spread
 * evenly; over 2 they all land on the second node; over 4 on two of them.
 */
static void interleave_policy_places_slabs_by_the_cursor(struct kunit *test)
{
	int nodes[NR_TEST_SLABS], cursor[NR_TEST_SLABS], per_node[MAX_NUMNODES] = { 0 };
	nodemask_t mask = node_states[N_MEMORY];
	struct kmem_cache *s;
	void *objs = NULL;
	int k, nid, made;

	check_free_pages = false;
	if (nr_memory_nodes() < 2)
		kunit_skip(test, "one node with memory");
	if (strstr(saved_command_line, "slab_debug") ||
	    strstr(saved_command_line, "slub_debug"))
		kunit_skip(test, "debug caches do not search other nodes' partial lists");
	if (nr_memory_nodes() > 3)	/* three nodes spread evenly */
		node_clear(nth_node(&mask, 3), mask);
	k = (int)nodes_weight(mask);
	s = kmem_cache_create("mpol-interleave", 512, 0, 0, NULL);
	KUNIT_ASSERT_NOT_NULL(test, s);
	KUNIT_ASSERT_EQ(test, set_mempolicy(MPOL_INTERLEAVE, &mask), 0);
	made = make_slabs(s, &objs, nodes, cursor);
	KUNIT_EXPECT_EQ(test, made, NR_TEST_SLABS);
	KUNIT_EXPECT_EQ(test, set_mempolicy(MPOL_DEFAULT, NULL), 0);
	for (int i = 0; i < made; i++) {
		KUNIT_EXPECT_EQ_MSG(test, nodes[i], cursor[i], "slab %d: on the cursor's node", i);
		KUNIT_EXPECT_EQ_MSG(test, nodes[i], nth_node(&mask, (2 * i + 1) % k),
				    "slab %d", i);
		per_node[nodes[i]]++;
	}
	if (k == 3)
		for_each_node_mask(nid, mask)
			KUNIT_EXPECT_EQ_MSG(test, per_node[nid], NR_TEST_SLABS / 3,
					    "node %d", nid);
	free_objects(s, objs);
	KUNIT_EXPECT_EQ(test, validate_slab_cache(s), 0);
	kmem_cache_destroy(s);
}

static struct kunit_case mempolicy_cases[] = {
	KUNIT_CASE(default_policy_allocates_on_this_harts_memory_node),
	KUNIT_CASE(local_policy_allocates_on_each_harts_memory_node),
	KUNIT_CASE(interrupts_and_thisnode_ignore_the_task_policy),
	KUNIT_CASE(bind_policy_never_leaves_nodemask),
	KUNIT_CASE(interleave_spreads_within_one_page_of_even),
	KUNIT_CASE(weighted_interleave_follows_the_weights_each_round),
	KUNIT_CASE(weights_take_1_to_255_and_0_restores_the_default),
	KUNIT_CASE(preferred_falls_back_in_its_nodes_fallback_order),
	KUNIT_CASE(preferred_many_uses_its_nodes_then_every_node),
	KUNIT_CASE(invalid_settings_return_einval_and_keep_the_old_policy),
	KUNIT_CASE(static_and_relative_flags_map_nodes_as_linux),
	KUNIT_CASE(get_mempolicy_reports_mode_nodes_and_next_node),
	KUNIT_CASE(mpol_to_str_and_mpol_parse_use_linux_words),
	KUNIT_CASE(policy_zone_is_normal_exactly_when_ram_passes_4g),
	KUNIT_CASE(interleave_hit_and_numastat_follow_linux),
	KUNIT_CASE(numa_pages_count_the_tasks_pages_per_node),
	KUNIT_CASE(bind_policy_puts_new_slabs_on_the_bound_node),
	KUNIT_CASE(interleave_policy_places_slabs_by_the_cursor),
	{}
};

static struct kunit_suite mempolicy_suite = {
	.name = "mempolicy",
	.init = mempolicy_test_init,
	.exit = mempolicy_test_exit,
	.test_cases = mempolicy_cases,
};
kunit_test_suite(mempolicy_suite);
