/* SPDX-License-Identifier: MIT */
/*
 * tests/kunit/numa_kunit.c — KUnit suites for the NUMA topology.
 *
 * "numa": the topology numa_init() built from the device tree, checked
 * from outside through the public API: it matches the machine QEMU was
 * given (topo_expect=, which tools/nodal-qemu --expect-topology appends,
 * and tools/run-tests passes on every boot of its matrix), distances are
 * symmetric with 10 on the diagonal, numa_node_id() on every CPU agrees
 * with cpu_to_node(), a CPU on a memory-less node takes memory from a node
 * that has some, every CPU's node is online, and the node CPU masks
 * partition the online CPUs.
 * "numa_nodemask": the nodemask_t operations on known masks, and node
 * lists as text ("0-1,3") both ways.
 *
 * topo_expect=nN:hA-B@I,...:mS,...:dD.D... (format: tools/nodal-qemu):
 * node count, the node of each hart range, each node's MiB, the N x N
 * distances row by row.  Without it the comparison is skipped.  A node's
 * memory is compared rounded up to whole MiB, so that firmware memory
 * taken out of memblock (less than 1 MiB) does not count as a mismatch.
 */
#include <kunit/test.h>
#include <linux/cpumask.h>
#include <linux/errno.h>
#include <linux/gfp.h>
#include <linux/init.h>
#include <linux/nodemask.h>
#include <linux/smp.h>
#include <linux/string.h>
#include <linux/topology.h>
#include <linux/vmstat.h>

#include "zonelist_model.h"

#define MiB	(1024ULL * 1024)

static const char *topo_expect;	/* [init] the command line's value */

static void parse_topo_expect(const char *val)
{
	topo_expect = val;
}
cmdline_param("topo_expect", parse_topo_expect,
	      "topo_expect=nN:hA-B@I,...:mMiB,...:dD.D...: what the numa KUnit suite expects");

/* ---- reading topo_expect ---- */

/* A decimal number at *p; advances *p past it.  False if there is none. */
static bool read_number(const char **p, unsigned long *val)
{
	const char *s = *p;

	if (*s < '0' || *s > '9')
		return false;
	for (*val = 0; *s >= '0' && *s <= '9'; s++)
		*val = *val * 10 + (unsigned long)(*s - '0');
	*p = s;
	return true;
}

/* Expect @c at *p and step over it. */
static bool read_char(const char **p, char c)
{
	if (**p != c)
		return false;
	(*p)++;
	return true;
}

/* "hA-B@I,...:" — every started hart of each range on node I. */
static bool check_harts(struct kunit *test, const char **p)
{
	unsigned long first, last, node, checked = 0;

	if (!read_char(p, 'h'))
		return false;
	do {
		if (!read_number(p, &first))
			return false;
		last = first;
		if (read_char(p, '-') && !read_number(p, &last))
			return false;
		if (!read_char(p, '@') || !read_number(p, &node) || last < first)
			return false;
		for (unsigned long hart = first; hart <= last; hart++) {
			int cpu = hartid_to_cpu(hart);

			if (cpu < 0 || !cpu_online(cpu))
				continue;	/* not started (OpenSBI stops at 128) */
			KUNIT_EXPECT_EQ_MSG(test, cpu_to_node(cpu), (int)node,
					    "hart %lu (cpu %d)", hart, cpu);
			checked++;
		}
	} while (read_char(p, ','));
	KUNIT_EXPECT_EQ_MSG(test, checked, (unsigned long)num_online_cpus(),
			    "every online CPU's hart is in topo_expect");
	return read_char(p, ':');
}

/* "mS,...:" — node i's memory in MiB, 0 = memory-less. */
static bool check_memory(struct kunit *test, const char **p, unsigned long nodes)
{
	unsigned long mib;

	if (!read_char(p, 'm'))
		return false;
	for (unsigned long nid = 0; nid < nodes; nid++) {
		u64 got = (numa_node_mem_bytes((int)nid) + MiB - 1) / MiB;

		if ((nid && !read_char(p, ',')) || !read_number(p, &mib))
			return false;
		KUNIT_EXPECT_EQ_MSG(test, got, (u64)mib, "node %lu MiB", nid);
		KUNIT_EXPECT_EQ_MSG(test, node_state((int)nid, N_MEMORY), mib != 0,
				    "node %lu in N_MEMORY", nid);
	}
	return read_char(p, ':');
}

/* "dD.D..." — the distances, row by row. */
static bool check_distances(struct kunit *test, const char **p,
			    unsigned long nodes)
{
	unsigned long d;

	if (!read_char(p, 'd'))
		return false;
	for (unsigned long a = 0; a < nodes; a++)
		for (unsigned long b = 0; b < nodes; b++) {
			if (((a || b) && !read_char(p, '.')) || !read_number(p, &d))
				return false;
			KUNIT_EXPECT_EQ_MSG(test, node_distance((int)a, (int)b), (int)d,
					    "distance %lu -> %lu", a, b);
		}
	return **p == '\0';
}

static void topology_matches_qemu_machine(struct kunit *test)
{
	const char *p = topo_expect;
	unsigned long nodes;

	if (!p)
		kunit_skip(test, "no topo_expect= (tools/nodal-qemu --expect-topology)");
	kunit_info(test, "expecting %s", p);
	if (!read_char(&p, 'n') || !read_number(&p, &nodes) || !read_char(&p, ':') ||
	    nodes < 1 || nodes > MAX_NUMNODES)
		goto malformed;
	KUNIT_EXPECT_EQ(test, num_online_nodes(), (unsigned int)nodes);
	for (unsigned long nid = 0; nid < nodes; nid++)
		KUNIT_EXPECT_TRUE_MSG(test, node_online((int)nid), "node %lu", nid);
	if (!check_harts(test, &p) || !check_memory(test, &p, nodes) ||
	    !check_distances(test, &p, nodes))
		goto malformed;
	return;
malformed:
	KUNIT_FAIL(test, "topo_expect=%s: cannot read it at \"%s\"", topo_expect, p);
}

/* ---- the topology's own rules ---- */

static void distances_symmetric_local_10(struct kunit *test)
{
	int a, b;

	for_each_online_node(a) {
		KUNIT_EXPECT_EQ_MSG(test, node_distance(a, a), LOCAL_DISTANCE,
				    "node %d", a);
		for_each_online_node(b) {
			if (a == b)
				continue;
			KUNIT_EXPECT_EQ_MSG(test, node_distance(a, b), node_distance(b, a),
					    "nodes %d and %d", a, b);
			KUNIT_EXPECT_GT_MSG(test, node_distance(a, b), LOCAL_DISTANCE,
					    "nodes %d and %d", a, b);
		}
	}
	/* Linux's __node_distance() for ids without a table entry. */
	KUNIT_EXPECT_EQ(test, node_distance(MAX_NUMNODES, MAX_NUMNODES), LOCAL_DISTANCE);
	KUNIT_EXPECT_EQ(test, node_distance(0, MAX_NUMNODES), REMOTE_DISTANCE);
}

/* What each CPU saw of itself, filled by a cross-call on every CPU. */
static int seen_node[NR_CPUS], seen_mem[NR_CPUS];	/* [the owning CPU] */

static void record_node(void *unused)
{
	unsigned int cpu = smp_processor_id();

	(void)unused;
	WRITE_ONCE(seen_node[cpu], numa_node_id());
	WRITE_ONCE(seen_mem[cpu], numa_mem_id());
}

static void numa_node_id_is_cpu_to_node_on_each_cpu(struct kunit *test)
{
	unsigned int cpu;

	for (cpu = 0; cpu < NR_CPUS; cpu++)
		seen_node[cpu] = seen_mem[cpu] = -2;
	on_each_cpu(record_node, NULL, true);
	for_each_online_cpu(cpu) {
		KUNIT_EXPECT_EQ_MSG(test, READ_ONCE(seen_node[cpu]), cpu_to_node(cpu),
				    "cpu %u", cpu);
		KUNIT_EXPECT_EQ_MSG(test, READ_ONCE(seen_mem[cpu]), cpu_to_mem(cpu),
				    "cpu %u", cpu);
	}
}

static void memoryless_cpu_takes_memory_from_memory_node(struct kunit *test)
{
	unsigned int cpu, memoryless = 0;

	KUNIT_ASSERT_GT(test, num_node_state(N_MEMORY), 0U);
	for_each_online_cpu(cpu) {
		int nid = cpu_to_node(cpu), mem = cpu_to_mem(cpu);

		KUNIT_EXPECT_TRUE_MSG(test, node_state(mem, N_MEMORY),
				      "cpu %u (node %d) takes memory from node %d",
				      cpu, nid, mem);
		if (node_state(nid, N_MEMORY)) {
			KUNIT_EXPECT_EQ_MSG(test, mem, nid, "cpu %u", cpu);
			continue;
		}
		memoryless++;
		/* The nearest memory node: none is closer. */
		for (int n = 0; n < MAX_NUMNODES; n++)
			if (node_state(n, N_MEMORY))
				KUNIT_EXPECT_LE_MSG(test, node_distance(nid, mem),
						    node_distance(nid, n),
						    "cpu %u: node %d vs %d", cpu, mem, n);
	}
	kunit_info(test, "%u CPU(s) on memory-less nodes", memoryless);
}

static void every_cpu_node_online(struct kunit *test)
{
	unsigned int cpu;

	for_each_possible_cpu(cpu) {
		KUNIT_EXPECT_TRUE_MSG(test, node_online(cpu_to_node(cpu)),
				      "cpu %u on node %d", cpu, cpu_to_node(cpu));
		KUNIT_EXPECT_TRUE_MSG(test, node_state(cpu_to_node(cpu), N_CPU),
				      "cpu %u: node %d in N_CPU", cpu, cpu_to_node(cpu));
	}
}

static void cpumask_of_node_partitions_online_cpus(struct kunit *test)
{
	unsigned int cpu;
	int nid;

	for_each_online_cpu(cpu) {
		unsigned int owners = 0;

		for_each_online_node(nid)
			if (cpumask_test_cpu(cpu, cpumask_of_node(nid))) {
				owners++;
				KUNIT_EXPECT_EQ_MSG(test, cpu_to_node(cpu), nid,
						    "cpu %u", cpu);
			}
		KUNIT_EXPECT_EQ_MSG(test, owners, 1U, "cpu %u is in %u node masks",
				    cpu, owners);
	}
	for_each_online_node(nid)
		for_each_cpu(cpu, cpumask_of_node(nid))
			KUNIT_EXPECT_TRUE_MSG(test, cpu_possible(cpu),
					      "node %d lists cpu %u", nid, cpu);
}

static void node_states_are_consistent(struct kunit *test)
{
	int nid, last = -1;

	KUNIT_EXPECT_GT(test, num_online_nodes(), 0U);
	for_each_node_state(nid, N_MEMORY)
		KUNIT_EXPECT_TRUE_MSG(test, node_online(nid), "N_MEMORY node %d", nid);
	for_each_node_state(nid, N_CPU)
		KUNIT_EXPECT_TRUE_MSG(test, node_online(nid), "N_CPU node %d", nid);
	for_each_online_node(nid)
		last = nid;
	KUNIT_EXPECT_EQ(test, nr_node_ids, (unsigned int)(last + 1));
	KUNIT_EXPECT_EQ(test, numa_validate_topology(), 0);
}

/*
 * `topo`'s free pages come from the page allocator once it registered its
 * reader (page_alloc_init()): an order-4 block (past the per-CPU lists)
 * taken on a node takes 16 pages off that node's figure, and its free
 * gives them back.  memblock's count, the fallback, would not move.
 */
static void numa_free_pages_follow_the_page_allocator(struct kunit *test)
{
	int nid;

	for_each_node_state(nid, N_MEMORY) {
		unsigned long before = numa_node_free_pages(nid);
		struct page *page =
			alloc_pages_node(nid, GFP_KERNEL | __GFP_THISNODE, 4);

		KUNIT_ASSERT_NOT_NULL(test, page);
		KUNIT_EXPECT_EQ_MSG(test, before - numa_node_free_pages(nid),
				    16UL, "node %d", nid);
		__free_pages(page, 4);
		KUNIT_EXPECT_EQ_MSG(test, numa_node_free_pages(nid), before,
				    "node %d", nid);
	}
}

/* The pages page_alloc_init() handed the buddy lists on @nid. */
static unsigned long node_managed_pages(int nid)
{
	unsigned long pages = 0;
	struct zone *zone;

	for_each_zone_in_node(zone, NODE_DATA(nid))
		pages += zone->managed_pages;
	return pages;
}

/*
 * Before page_alloc_init() registers its reader, `topo` counts memblock's
 * memory less its reserved ranges on the node: the very pages
 * page_alloc_init() then hands over (zone->managed_pages, counted by
 * mm_init.c as it frees them).  The case takes the reader away to see
 * the fallback and puts the page allocator's back; no other hart runs a
 * report meanwhile (KUnit runs alone).
 */
static void numa_free_pages_before_the_page_allocator_count_memblock(
	struct kunit *test)
{
	int nid;

	numa_set_free_pages_reader(NULL);
	for_each_online_node(nid)
		KUNIT_EXPECT_EQ_MSG(test, numa_node_free_pages(nid),
				    node_managed_pages(nid), "node %d", nid);
	numa_set_free_pages_reader(nr_free_pages_node);
}

/*
 * Every node's fallback list is the order Linux's rule gives from the
 * distance table (tests/kunit/zonelist_model.h, computed here, not read
 * from the lists), and its FALLBACK zonelist is those nodes' populated
 * zones, each node's from high to low; NOFALLBACK is its own zones.  On
 * 8x4 with distances 20/30/40 the four lists differ in every position.
 */
static void zonelists_follow_linux_order_from_distances(struct kunit *test)
{
	int nid;

	for_each_online_node(nid) {
		pg_data_t *pgdat = NODE_DATA(nid);
		struct zoneref *z = pgdat->node_zonelists[ZONELIST_FALLBACK]._zonerefs;
		struct zoneref *own =
			pgdat->node_zonelists[ZONELIST_NOFALLBACK]._zonerefs;
		int order[MAX_NUMNODES], nr = linux_fallback_order(nid, order);

		KUNIT_EXPECT_EQ_MSG(test, pgdat->nr_node_fallback, nr,
				    "node %d", nid);
		for (int i = 0; i < nr; i++) {
			pg_data_t *n = NODE_DATA(order[i]);

			KUNIT_EXPECT_EQ_MSG(test,
					    i < pgdat->nr_node_fallback ?
						    pgdat->node_fallback[i] :
						    NUMA_NO_NODE,
					    order[i], "node %d, fallback %d",
					    nid, i);
			for (int zi = MAX_NR_ZONES - 1; zi >= 0; zi--) {
				if (!populated_zone(&n->node_zones[zi]))
					continue;
				KUNIT_EXPECT_PTR_EQ_MSG(test, z->zone,
							&n->node_zones[zi],
							"node %d: node %d zone %d",
							nid, order[i], zi);
				if (z->zone)
					z++;
			}
		}
		KUNIT_EXPECT_NULL_MSG(test, z->zone,
				      "node %d: zones past the last node", nid);
		for (int zi = MAX_NR_ZONES - 1; zi >= 0; zi--) {
			if (!populated_zone(&pgdat->node_zones[zi]))
				continue;
			KUNIT_EXPECT_PTR_EQ(test, own->zone,
					    &pgdat->node_zones[zi]);
			if (own->zone)
				own++;
		}
		KUNIT_EXPECT_NULL(test, own->zone);
	}
}

static struct kunit_case numa_cases[] = {
	KUNIT_CASE(topology_matches_qemu_machine),
	KUNIT_CASE(distances_symmetric_local_10),
	KUNIT_CASE(numa_node_id_is_cpu_to_node_on_each_cpu),
	KUNIT_CASE(memoryless_cpu_takes_memory_from_memory_node),
	KUNIT_CASE(every_cpu_node_online),
	KUNIT_CASE(cpumask_of_node_partitions_online_cpus),
	KUNIT_CASE(node_states_are_consistent),
	KUNIT_CASE(zonelists_follow_linux_order_from_distances),
	KUNIT_CASE(numa_free_pages_follow_the_page_allocator),
	KUNIT_CASE(numa_free_pages_before_the_page_allocator_count_memblock),
	{}
};

static struct kunit_suite numa_suite = {
	.name = "numa",
	.test_cases = numa_cases,
};
kunit_test_suite(numa_suite);

/* ---- suite "numa_nodemask" ---- */

static void node_set_clear_isset(struct kunit *test)
{
	nodemask_t m = NODE_MASK_NONE;

	KUNIT_EXPECT_TRUE(test, nodes_empty(m));
	node_set(0, m);
	node_set(2, m);
	KUNIT_EXPECT_TRUE(test, node_isset(2, m));
	KUNIT_EXPECT_FALSE(test, node_isset(1, m));
	KUNIT_EXPECT_FALSE(test, node_isset(-1, m));
	KUNIT_EXPECT_FALSE(test, node_isset(MAX_NUMNODES, m));
	KUNIT_EXPECT_EQ(test, nodes_weight(m), 2U);
	node_clear(0, m);
	KUNIT_EXPECT_EQ(test, nodes_weight(m), 1U);
	nodes_clear(m);
	KUNIT_EXPECT_TRUE(test, nodes_empty(m));
}

static void walk_sparse_mask_in_order(struct kunit *test)
{
	nodemask_t m = NODE_MASK_NONE;
	int nid, seen[MAX_NUMNODES + 1], n = 0;

	node_set(1, m);
	node_set(3, m);
	for_each_node_mask(nid, m)
		seen[n++] = nid;
	KUNIT_ASSERT_EQ(test, n, 2);
	KUNIT_EXPECT_EQ(test, seen[0], 1);
	KUNIT_EXPECT_EQ(test, seen[1], 3);
	KUNIT_EXPECT_EQ(test, first_node(m), 1);
	KUNIT_EXPECT_EQ(test, next_node(1, m), 3);
	KUNIT_EXPECT_EQ(test, next_node(3, m), MAX_NUMNODES);
	KUNIT_EXPECT_EQ(test, next_node_in(3, m), 1);	/* wraps */
	KUNIT_EXPECT_EQ(test, next_node_in(1, m), 3);
	nodes_clear(m);
	KUNIT_EXPECT_EQ(test, first_node(m), MAX_NUMNODES);
	KUNIT_EXPECT_EQ(test, next_node_in(0, m), MAX_NUMNODES);
}

static void set_operations(struct kunit *test)
{
	nodemask_t a = NODE_MASK_NONE, b = NODE_MASK_NONE, r;

	node_set(0, a);
	node_set(1, a);
	node_set(1, b);
	node_set(2, b);
	nodes_and(r, a, b);
	KUNIT_EXPECT_TRUE(test, nodes_equal(r, nodemask_of_node(1)));
	nodes_or(r, a, b);
	KUNIT_EXPECT_EQ(test, nodes_weight(r), 3U);
	nodes_andnot(r, a, b);
	KUNIT_EXPECT_TRUE(test, nodes_equal(r, nodemask_of_node(0)));
	KUNIT_EXPECT_TRUE(test, nodes_intersects(a, b));
	KUNIT_EXPECT_FALSE(test, nodes_subset(a, b));
	KUNIT_EXPECT_TRUE(test, nodes_subset(r, a));
	KUNIT_EXPECT_EQ(test, nodes_weight(NODE_MASK_ALL), (unsigned int)MAX_NUMNODES);
}

/* As Linux prints "%*pbl" and bitmap_parselist() reads it. */
static void nodelists_print_and_parse_as_linux(struct kunit *test)
{
	static const struct {
		unsigned long nodes;
		const char *str;
	} lists[] = {
		{ 0x0, "" },	  { 0x1, "0" },	    { 0x3, "0-1" },
		{ 0x5, "0,2" },	  { 0xf, "0-3" },   { 0xa, "1,3" },
		{ 0xb, "0-1,3" }, { 0xd, "0,2-3" },
	};
	char buf[16];
	nodemask_t nodes;

	for (size_t i = 0; i < ARRAY_SIZE(lists); i++) {
		nodes.bits[0] = lists[i].nodes;
		nodelist_scnprintf(buf, sizeof(buf), nodes);
		KUNIT_EXPECT_STREQ(test, buf, lists[i].str);
		KUNIT_EXPECT_EQ(test, nodelist_parse(lists[i].str, nodes), 0);
		KUNIT_EXPECT_EQ(test, nodes.bits[0], lists[i].nodes);
	}
	KUNIT_EXPECT_EQ(test, nodelist_parse("4", nodes), -ERANGE);
	KUNIT_EXPECT_EQ(test, nodelist_parse("x", nodes), -EINVAL);
}

static void online_nodes_match_node_states(struct kunit *test)
{
	int nid;
	unsigned int n = 0;

	for_each_online_node(nid) {
		KUNIT_EXPECT_TRUE(test, node_state(nid, N_ONLINE));
		KUNIT_EXPECT_TRUE(test, node_possible(nid));
		n++;
	}
	KUNIT_EXPECT_EQ(test, n, num_online_nodes());
	KUNIT_EXPECT_EQ(test, first_online_node, first_node(node_states[N_ONLINE]));
}

static struct kunit_case nodemask_cases[] = {
	KUNIT_CASE(node_set_clear_isset),
	KUNIT_CASE(walk_sparse_mask_in_order),
	KUNIT_CASE(set_operations),
	KUNIT_CASE(nodelists_print_and_parse_as_linux),
	KUNIT_CASE(online_nodes_match_node_states),
	{}
};

static struct kunit_suite nodemask_suite = {
	.name = "numa_nodemask",
	.test_cases = nodemask_cases,
};
kunit_test_suite(nodemask_suite);
