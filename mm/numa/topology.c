/* SPDX-License-Identifier: MIT */
/*
 * mm/numa/topology.c — NUMA nodes, harts and distances from the device tree.
 *
 * Overview     numa_init() applies what the device tree says, once, at
 *              boot: which NUMA node every RAM range and every hart belongs
 *              to and how far apart the nodes are.  Everything above it asks
 *              these questions through Linux's API (cpu_to_node(),
 *              numa_node_id(), node_distance(), cpumask_of_node(), the node
 *              states): memblock tags, per-CPU unit placement, pg_data_t
 *              and zonelists.  A tree it cannot trust never stops the boot:
 *              it says what is wrong, names the node and the property, and
 *              falls back to one node, as Linux's dummy_numa_init() does.
 *              `topo` prints the result as `numactl --hardware` does.
 *
 * Structures   dt_scan.c (pure, host-testable) reads the blob once into a
 *              struct dt_scan: ranges with a node, harts with a node, a
 *              distance table, and what the rest of boot needs (reserved
 *              ranges, timebase, ISA extensions).  start_kernel feeds
 *              memblock and the CPU numbering from the same struct, then
 *              hands it to numa_init(), which applies it:
 *
 *                device tree ─dt_scan()─▶ struct dt_scan (start_kernel's)
 *                  ├─ node_states[N_POSSIBLE, N_ONLINE, N_MEMORY, N_CPU]
 *                  ├─ memblock.memory[].nid      (memblock_set_node)
 *                  ├─ __cpu_to_node_map[cpu] ─▶ __node_to_cpumask_map[nid]
 *                  ├─ __node_to_mem_node[nid]    (numa_mem_id, cpu_to_mem)
 *                  ├─ __numa_distance[a][b]      (node_distance)
 *                  └─ per-CPU numa_node          (numa_node_id)
 *
 * Locking      None.  Everything is [init]: written by the boot hart in
 *              numa_init() before other harts start, read-only afterwards.
 *
 * Per-CPU      numa_node [init]: numa_init() writes CPU 0's into the
 *              .percpu template (the boot hart runs on it then);
 *              set_cpu_numa_node() writes each CPU's own copy once
 *              setup_per_cpu_areas() made it; its owner only reads it.
 *
 * Invariants   TOPO-1 every possible CPU's node is online.
 *              TOPO-2 the node CPU masks partition the possible CPUs.
 *              TOPO-3 node_distance(a, a) == 10; a != b gives 11..255.
 *              TOPO-4 __node_to_mem_node[n] is in N_MEMORY when any node is.
 *              TOPO-5 every memblock memory region carries an online node.
 *              Checked by numa_validate_topology() (numa_init() runs it;
 *              tests/kunit/numa_kunit.c checks the same from outside).
 *
 * Paths        The rules (Linux's, drivers/of/of_numa.c and
 *              drivers/base/arch_numa.c, unless marked "Nodal"):
 *              - Memory: every `device_type = "memory"` child of the root;
 *                each reg range goes to its numa-node-id.  A size-0 reg
 *                marks a memory-less node (QEMU writes one for
 *                --mem-nodes 512M,0); the node keeps its harts.
 *              - Harts: every `device_type = "cpu"` child of /cpus whose
 *                status is not "fail"; reg is the hart id; status other
 *                than okay/ok = disabled (kept, e.g. OpenSBI's past 128).
 *                A reg that is not a hart id (/cpus's #address-cells, or
 *                one or two cells without it) or repeats an earlier hart:
 *                message, that cpu skipped.  No /cpus: message, no harts.
 *                /cpus's #address-cells other than 1 or 2, or more than
 *                512 cpu nodes: message, one node (Nodal).
 *              - No numa-node-id anywhere: one node 0 with everything, an
 *                info line ("NUMA: No NUMA configuration found"), no warning.
 *              - A node id >= MAX_NUMNODES (4), or a numa-node-id that is
 *                not one cell, on a memory node or a cpu: message, one node
 *                (Nodal: Linux maps only that cpu to node 0).
 *              - A hart without numa-node-id while others have one:
 *                message, that hart goes to node 0 (early_map_cpu_to_node);
 *                node 0 becomes a node if it was none.
 *              - RAM not on any node (a memory node without numa-node-id
 *                while others have one): "NUMA: no nodes coverage for %luMB
 *                of %luMB RAM", one node.  memblock holds exactly the
 *                scan's ranges (start_kernel adds them), so the check on
 *                the scan is the check on memblock.
 *              - RAM at or above 2^38 (PHYS_ADDR_LIMIT: the kernel maps
 *                RAM at its own address, and Sv39's lower half ends there):
 *                message, the range cut there or ignored (Nodal; Linux
 *                caps memblock at what it can map).
 *              - Overlapping ranges in a tree without numa-node-id:
 *                message, kept; memblock_add() merges them, as Linux's.
 *              - Overlapping ranges (Nodal: even on the same node), a reg
 *                not a multiple of the root's #address-cells +
 *                #size-cells (each 1..2), a range that wraps past 2^64, a
 *                node id with no reg, more than 32 ranges: message, one node.
 *                Such a reg, a wrapping range and the ranges past 32 are
 *                not RAM either; a malformed reg on a memory node without
 *                numa-node-id: message, that node is not RAM, nothing else
 *                changes.  RAM and harts are the same whatever node they
 *                end on.
 *              - The kernel image (_kernel_start.._end) not entirely inside
 *                node memory: message naming the range, one node.  A
 *                /reserved-memory entry over the kernel is reported only:
 *                the boot code ignores it (it cannot move the kernel).
 *              - The distance map (compatible "numa-distance-map-v1",
 *                distance-matrix = (from, to, distance) u32 triplets):
 *                A -> B also sets B -> A when B > A; missing pairs stay
 *                10/20.  A node with neither memory nor harts, a local
 *                distance other than 10, a remote one <= 10 or > 255, a
 *                length not a multiple of 12 bytes, or no distance-matrix:
 *                message, the whole map is ignored and 10/20 used, the
 *                nodes kept (Nodal: Linux falls back to one node).  No
 *                map at all (QEMU without -numa dist): 10/20, silently.
 *              - Nodes with memory but no harts, and sparse node ids (0
 *                and 2 only) are accepted as they are.
 *              - numa=off on the command line: one node, as in Linux.
 *
 * Linux        drivers/of/of_numa.c (the device-tree rules),
 *              drivers/base/arch_numa.c (numa_init, dummy_numa_init,
 *              early_map_cpu_to_node, cpumask_of_node), mm/numa_memblks.c
 *              (distances, overlaps), mm/memblock.c
 *              (memblock_validate_numa_coverage).  Nodal differs: one pass
 *              over a flattened tree, no ACPI, no numa=fake, and the
 *              fallbacks marked "Nodal" above.  As in Linux, the scan
 *              prints the problems as it finds them and numa_init() the
 *              outcome ("No NUMA configuration found", "Faking a node").
 *
 * Statistics   None counted.  The boot log shows each node's ranges, each
 *              hart's node and the distances; report.c's `topo` prints
 *              numactl --hardware's layout and a JSON line, `harts` each
 *              hart's node.
 */
#include <asm/page.h>
#include <asm/smp.h>
#include <linux/bug.h>
#include <linux/cpumask.h>
#include <linux/init.h>
#include <linux/memblock.h>
#include <linux/nodemask.h>
#include <linux/printk.h>
#include <linux/smp.h>
#include <linux/sprintf.h>
#include <linux/string.h>
#include <linux/topology.h>
#include <nodal/dt_scan.h>

#include "internal.h"

_Static_assert(DT_MAX_NODES == MAX_NUMNODES, "scan and kernel agree");
_Static_assert(DT_LOCAL_DISTANCE == LOCAL_DISTANCE &&
		       DT_REMOTE_DISTANCE == REMOTE_DISTANCE,
	       "scan and kernel agree");

/* Before numa_init() (and with numa=off): node 0 only, 10/20. */
nodemask_t node_states[NR_NODE_STATES] = {
	[N_POSSIBLE] = { { 1 } }, [N_ONLINE] = { { 1 } },
	[N_MEMORY] = { { 1 } }, [N_CPU] = { { 1 } },
};
unsigned int nr_node_ids = 1;
int __cpu_to_node_map[NR_CPUS];
int __node_to_mem_node[MAX_NUMNODES];
u8 __numa_distance[MAX_NUMNODES][MAX_NUMNODES] = {
	{ 10, 20, 20, 20 }, { 20, 10, 20, 20 },
	{ 20, 20, 10, 20 }, { 20, 20, 20, 10 },
};
struct cpumask __node_to_cpumask_map[MAX_NUMNODES];
DEFINE_PER_CPU(int, numa_node);

static bool numa_from_dt;	/* [init] the tree has numa-node-id */
static bool numa_dist_map;	/* [init] its distance map was accepted */
static bool numa_off;		/* [init] numa=off */
static bool numa_single;	/* [init] one node 0 was applied */
static const struct cpumask no_cpus;	/* cpumask_of_node() of a bad id */

static void parse_numa(const char *val)
{
	if (val && !strcmp(val, "off"))
		numa_off = true;
	else
		pr_warn("numa: numa=%s not understood (numa=off is)\n",
			val ? val : "");
}
cmdline_param("numa", parse_numa, "numa=off: one node 0 with all memory and CPUs");

/* ---- applying the scan ---- */

/* Linux's dummy_numa_init() line: one node 0 with all of memblock's RAM. */
static void print_fake_node(void)
{
	struct memblock_region *r;
	phys_addr_t lo = ~(phys_addr_t)0, hi = 0;

	for_each_mem_region(r) {
		lo = min(lo, r->base);
		hi = max(hi, r->base + r->size);
	}
	if (hi > lo)
		pr_info("NUMA: Faking a node at [mem %#018llx-%#018llx]\n",
			(unsigned long long)lo, (unsigned long long)(hi - 1));
}

/*
 * Validate-then-commit: true if @dt may be applied as it is; otherwise
 * says why (the scan has already named what was wrong with the tree).
 */
static bool use_device_tree_nodes(const struct dt_scan *dt)
{
	if (dt->fallback) {
		print_fake_node();
		return false;
	}
	if (!dt->numa) {
		pr_info("NUMA: No NUMA configuration found\n");
		print_fake_node();
		return false;
	}
	if (numa_off) {
		pr_info("NUMA: NUMA disabled\n");
		print_fake_node();
		return false;
	}
	return true;
}

/* Node states from the parse (or node 0 alone); N_CPU comes with the CPUs. */
static void set_node_states(const struct dt_scan *dt)
{
	unsigned int nodes = numa_single ? 1 : dt->nodes;
	unsigned int mem = numa_single ? (memblock_phys_mem_size() ? 1 : 0) :
			   dt->nodes_with_mem;

	for (int s = 0; s < NR_NODE_STATES; s++)
		nodes_clear(node_states[s]);
	for (int nid = 0; nid < MAX_NUMNODES; nid++) {
		if (!(nodes & (1u << nid)))
			continue;
		node_set_state(nid, N_POSSIBLE);
		node_set_state(nid, N_ONLINE);
		if (mem & (1u << nid))
			node_set_state(nid, N_MEMORY);
	}
	nr_node_ids = (unsigned int)fls(nodes);
}

/* memblock_set_node() for every range; all of RAM to node 0 if single. */
static int tag_memblock(const struct dt_scan *dt)
{
	struct memblock_region *r;
	phys_addr_t lo = ~(phys_addr_t)0, hi = 0;
	int err = 0;

	if (!numa_single) {
		for (int i = 0; i < dt->nr_mem && !err; i++)
			err = memblock_set_node(dt->mem[i].base, dt->mem[i].size,
						dt->mem[i].nid);
		return err;
	}
	for_each_mem_region(r) {
		lo = min(lo, r->base);
		hi = max(hi, r->base + r->size);
	}
	return hi > lo ? memblock_set_node(lo, hi - lo, 0) : 0;
}

/* The parse's hart entry for @hartid, or NULL. */
static const struct dt_hart *find_hart(const struct dt_scan *dt,
				       unsigned long hartid)
{
	for (int i = 0; i < dt->nr_harts; i++)
		if (dt->harts[i].hartid == hartid)
			return &dt->harts[i];
	return NULL;
}

/* CPU -> node, node -> CPUs, N_CPU; CPU 0's numa_node_id() (template). */
static void map_cpus(const struct dt_scan *dt)
{
	unsigned int cpu;

	for (int nid = 0; nid < MAX_NUMNODES; nid++)
		cpumask_clear(&__node_to_cpumask_map[nid]);
	for_each_possible_cpu(cpu) {
		unsigned long hart = cpuid_to_hartid_map(cpu);
		const struct dt_hart *h = find_hart(dt, hart);
		int nid = numa_single || !h ? 0 : h->nid;

		if (!h && !numa_single)
			pr_warn("numa: hart %lu (cpu %u) is not in /cpus: node 0\n",
				hart, cpu);
		__cpu_to_node_map[cpu] = nid;
		cpumask_set_cpu(cpu, &__node_to_cpumask_map[nid]);
		node_set_state(nid, N_CPU);
		node_set_state(nid, N_POSSIBLE);	/* a CPU not in /cpus: node 0 */
		node_set_state(nid, N_ONLINE);
	}
	nr_node_ids = (unsigned int)fls((unsigned int)node_states[N_POSSIBLE].bits[0]);
	/* Linux's early_map_cpu_to_node(0, ...): the boot CPU's at once. */
	this_cpu_write(numa_node, __cpu_to_node_map[0]);
}

/* The memory node nearest to @nid, lowest id on a tie; @nid if it has memory. */
static int nearest_memory_node(int nid)
{
	int best = NUMA_NO_NODE, n;

	if (node_state(nid, N_MEMORY))
		return nid;
	for_each_node_state(n, N_MEMORY)
		if (best == NUMA_NO_NODE ||
		    node_distance(nid, n) < node_distance(nid, best))
			best = n;
	return best == NUMA_NO_NODE ? 0 : best;
}

static void set_distances(const struct dt_scan *dt)
{
	for (int a = 0; a < MAX_NUMNODES; a++)
		for (int b = 0; b < MAX_NUMNODES; b++)
			__numa_distance[a][b] = numa_single ?
				(a == b ? LOCAL_DISTANCE : REMOTE_DISTANCE) :
				dt->distance[a][b];
	for (int nid = 0; nid < MAX_NUMNODES; nid++)
		__node_to_mem_node[nid] = nearest_memory_node(nid);
}

/* ---- the boot log ---- */

static void print_node_memory(int nid)
{
	struct memblock_region *r;
	bool any = false;

	for_each_mem_region(r) {
		if (r->nid != nid)
			continue;
		pr_info("numa: node %d: [mem %#018llx-%#018llx]\n", nid,
			(unsigned long long)r->base,
			(unsigned long long)(r->base + r->size - 1));
		any = true;
	}
	if (!any)
		pr_info("numa: node %d: no memory (memory-less node, memory from node %d)\n",
			nid, __node_to_mem_node[nid]);
}

/* "numa: node 0 distances: 10 20 30": the distance map as applied. */
static void print_distance_log(void)
{
	char line[24 + 4 * MAX_NUMNODES];	/* "node N distances:" + " DDD" each */
	int a, b, len;

	for_each_online_node(a) {
		len = scnprintf(line, sizeof(line), "node %d distances:", a);
		for_each_online_node(b)
			len += scnprintf(line + len, sizeof(line) - len, " %d",
					 node_distance(a, b));
		pr_info("numa: %s\n", line);
	}
}

static void print_topology_log(const struct dt_scan *dt)
{
	int nid;

	for_each_online_node(nid)
		print_node_memory(nid);
	for (int i = 0; i < dt->nr_harts; i++) {
		int cpu = hartid_to_cpu(dt->harts[i].hartid);

		if (cpu >= 0)
			pr_info("numa: hart %llu (cpu %d) -> node %d\n",
				(unsigned long long)dt->harts[i].hartid, cpu,
				cpu_to_node(cpu));
		else
			pr_info("numa: hart %llu (%s) -> node %d\n",
				(unsigned long long)dt->harts[i].hartid,
				dt->harts[i].enabled ? "no CPU id" : "disabled",
				numa_single ? 0 : dt->harts[i].nid);
	}
	if (!numa_single && !dt->has_distance_map && num_online_nodes() > 1)
		pr_info("numa: no distance-map: %d local, %d remote\n",
			LOCAL_DISTANCE, REMOTE_DISTANCE);
	if (!numa_single && dt->has_distance_map)
		print_distance_log();
	pr_info("numa: %u node%s online, %u with memory, %u with CPUs, "
		"nr_node_ids %u\n", num_online_nodes(),
		num_online_nodes() > 1 ? "s" : "", num_node_state(N_MEMORY),
		num_node_state(N_CPU), nr_node_ids);
}

/* ---- numa_init ---- */

int numa_init(const struct dt_scan *dt)
{
	int err;

	numa_single = !use_device_tree_nodes(dt);
	numa_from_dt = dt->numa;
	numa_dist_map = !numa_single && dt->has_distance_map;
	set_node_states(dt);
	err = tag_memblock(dt);
	if (err)
		pr_err("numa: memblock's table is full: node ids incomplete (%d)\n", err);
	map_cpus(dt);
	set_distances(dt);
	print_topology_log(dt);
	if (numa_validate_topology())
		pr_err("numa: topology invariants broken (see above)\n");
	return err ? err : numa_single && dt->numa ? 1 : 0;
}

/* ---- the API ---- */

struct numa_origin numa_origin(void)
{
	return (struct numa_origin){
		.numa = numa_from_dt,
		.fallback = numa_single && numa_from_dt,
		.distance_map = numa_dist_map,
	};
}

void set_cpu_numa_node(int cpu, int node)
{
	if (WARN_ON_ONCE(cpu < 0 || cpu >= NR_CPUS))
		return;
	per_cpu(numa_node, cpu) = node;
}

const struct cpumask *cpumask_of_node(int node)
{
	if (node == NUMA_NO_NODE)
		return cpu_possible_mask;
	if (WARN_ON_ONCE(node < 0 || node >= MAX_NUMNODES))
		return &no_cpus;
	return &__node_to_cpumask_map[node];
}

phys_addr_t numa_node_mem_bytes(int nid)
{
	struct memblock_region *r;
	phys_addr_t bytes = 0;

	for_each_mem_region(r)
		if (r->nid == nid)
			bytes += r->size;
	return bytes;
}

/* Bytes of [base, base + size) that memblock has reserved. */
static phys_addr_t reserved_in(phys_addr_t base, phys_addr_t size)
{
	const struct memblock_type *rsv = &memblock.reserved;
	phys_addr_t bytes = 0;

	for (unsigned long i = 0; i < rsv->cnt; i++) {
		phys_addr_t lo = max(base, rsv->regions[i].base);
		phys_addr_t hi = min(base + size,
				     rsv->regions[i].base + rsv->regions[i].size);

		if (lo < hi)
			bytes += hi - lo;
	}
	return bytes;
}

static unsigned long (*free_pages_reader)(int nid); /* [init] buddy's */

void numa_set_free_pages_reader(unsigned long (*fn)(int nid))
{
	WRITE_ONCE(free_pages_reader, fn);
}

unsigned long numa_node_free_pages(int nid)
{
	unsigned long (*fn)(int nid) = READ_ONCE(free_pages_reader);
	struct memblock_region *r;
	phys_addr_t bytes = 0;

	if (fn)
		return fn(nid);
	for_each_mem_region(r)
		if (r->nid == nid)
			bytes += r->size - reserved_in(r->base, r->size);
	return (unsigned long)(bytes >> PAGE_SHIFT);
}

/* TOPO-1..5; prints each broken one.  Return: how many are broken. */
int numa_validate_topology(void)
{
	struct memblock_region *r;
	unsigned int cpu, seen = 0;
	int broken = 0, a, b;

	for_each_possible_cpu(cpu) {
		int nid = cpu_to_node(cpu);

		if (!node_online(nid) && ++broken)	/* TOPO-1 */
			pr_err("numa: TOPO-1: cpu %u on offline node %d\n", cpu, nid);
		for (a = 0; a < MAX_NUMNODES; a++)
			seen += cpumask_test_cpu(cpu, &__node_to_cpumask_map[a]);
	}
	if (seen != num_possible_cpus() && ++broken)	/* TOPO-2 */
		pr_err("numa: TOPO-2: %u CPU entries in node masks for %u CPUs\n",
		       seen, num_possible_cpus());
	for (a = 0; a < MAX_NUMNODES; a++)
		for (b = 0; b < MAX_NUMNODES; b++)
			if ((a == b ? node_distance(a, b) != LOCAL_DISTANCE :
			     node_distance(a, b) <= LOCAL_DISTANCE) && ++broken)
				pr_err("numa: TOPO-3: distance %d -> %d = %d\n", a, b,
				       node_distance(a, b));	/* TOPO-3 */
	for (a = 0; a < MAX_NUMNODES; a++)
		if (num_node_state(N_MEMORY) && !node_state(__node_to_mem_node[a], N_MEMORY) &&
		    ++broken)
			pr_err("numa: TOPO-4: node %d takes memory from node %d, which has none\n",
			       a, __node_to_mem_node[a]);	/* TOPO-4 */
	for_each_mem_region(r)
		if (!node_online(r->nid) && ++broken)	/* TOPO-5 */
			pr_err("numa: TOPO-5: [mem %#018llx-%#018llx] on node %d\n",
			       (unsigned long long)r->base,
			       (unsigned long long)(r->base + r->size - 1), r->nid);
	return broken;
}
