/* SPDX-License-Identifier: MIT */
/*
 * include/linux/topology.h — which node each CPU is on, and how far nodes are.
 *
 * Implemented by: mm/numa/topology.c (numa_init() applies the device tree
 * as mm/numa/dt_scan.c read it).  Mirrors: <linux/topology.h>,
 * <asm-generic/numa.h> and drivers/base/arch_numa.c, with Linux's names.
 *
 * Differences from Linux:
 *  - cpu_to_node() reads an [init] array filled by numa_init(), so it is
 *    valid before the per-CPU areas exist (Linux splits this into
 *    early_cpu_to_node() and the per-CPU numa_node); numa_node_id() reads
 *    the per-CPU variable numa_node, as Linux's USE_PERCPU_NUMA_NODE_ID.
 *  - numa_mem_id() and cpu_to_mem() give, for a CPU on a memory-less node,
 *    the node with memory at the smallest distance (lowest id on a tie):
 *    Linux riscv has no HAVE_MEMORYLESS_NODES and returns the CPU's own
 *    node, leaving the zonelist to find memory.
 *  - No hotplug: everything here is [init], written by the boot hart before
 *    other harts start, then read-only.
 */
#ifndef NODAL_TOPOLOGY_H
#define NODAL_TOPOLOGY_H

#include <linux/cpumask.h>
#include <linux/nodemask.h>
#include <linux/percpu-defs.h>
#include <linux/types.h>

#define LOCAL_DISTANCE		10	/* a node to itself */
#define REMOTE_DISTANCE		20	/* default between two nodes */
#define DISTANCE_BITS		8	/* distances are 10..255 */

struct dt_scan;

DECLARE_PER_CPU(int, numa_node);	/* [init] this CPU's node */

extern int __cpu_to_node_map[NR_CPUS];		/* [init] NUMA_NO_NODE if none */
extern int __node_to_mem_node[MAX_NUMNODES];	/* [init] nearest node with memory */
extern u8 __numa_distance[MAX_NUMNODES][MAX_NUMNODES];	/* [init] */
extern struct cpumask __node_to_cpumask_map[MAX_NUMNODES];	/* [init] */

/**
 * numa_init() - apply the NUMA topology the device tree gave
 * @dt: dt_scan()'s result (<nodal/dt_scan.h>), whose RAM memblock holds
 *
 * Sets the node states, tags memblock's memory with node ids, fills the
 * CPU-to-node map, the node CPU masks and the distance table, and prints
 * the outcome.  A tree the scan could not trust (it printed why), a tree
 * without numa-node-id, or numa=off gives one node 0 with all memory and
 * all CPUs, as Linux's dummy_numa_init(); mm/numa/topology.c lists every
 * fallback.
 *
 * Context: boot hart, once, after the CPU ids are numbered
 * (smp_setup_cpu_ids) and memblock holds @dt's RAM, before
 * setup_per_cpu_areas().  Return: 0 with the device tree's topology, 1
 * when it fell back to one node, -ENOSPC if memblock's table overflowed
 * while tagging.
 */
int numa_init(const struct dt_scan *dt);

/**
 * numa_validate_topology() - check TOPO-1..5 (mm/numa/topology.c)
 *
 * Context: any, after numa_init().  Prints each broken invariant.
 * Return: the number of broken invariants (0 when all hold).
 */
int numa_validate_topology(void);

/**
 * numa_node_id() - the node of the CPU this runs on
 *
 * Context: any; a task that may migrate gets a snapshot.  Valid on every
 * CPU once setup_per_cpu_areas() has called set_cpu_numa_node().
 */
static inline int numa_node_id(void)
{
	return this_cpu_read(numa_node);
}

/**
 * set_cpu_numa_node() - record @node as CPU @cpu's numa_node_id()
 *
 * Context: boot hart, once @cpu's per-CPU area exists and before @cpu
 * starts (Linux: arch_numa.c numa_store_cpu_info(), x86's
 * setup_per_cpu_areas()).
 */
void set_cpu_numa_node(int cpu, int node);

/**
 * cpu_to_node() - the node of CPU @cpu
 * @cpu: a possible CPU
 *
 * Context: any, from numa_init() on.  Return: its node (0 before
 * numa_init(), or for a CPU id that is not possible).
 */
static inline int cpu_to_node(int cpu)
{
	if (cpu < 0 || cpu >= NR_CPUS || __cpu_to_node_map[cpu] < 0)
		return 0;
	return __cpu_to_node_map[cpu];
}

/**
 * node_distance() - the device tree's distance from node @a to node @b
 *
 * Context: any.  Return: LOCAL_DISTANCE (10) for a == b, the distance-map
 * value, or REMOTE_DISTANCE (20) without a map; for ids outside
 * 0..MAX_NUMNODES-1, 10 if equal else 20, as Linux's __node_distance().
 */
static inline int node_distance(int a, int b)
{
	if (a < 0 || b < 0 || a >= MAX_NUMNODES || b >= MAX_NUMNODES)
		return a == b ? LOCAL_DISTANCE : REMOTE_DISTANCE;
	return __numa_distance[a][b];
}

/**
 * cpumask_of_node() - the possible CPUs of node @node
 *
 * Context: any.  Return: the node's mask; every possible CPU for
 * NUMA_NO_NODE; an empty mask (and a warning) for an invalid id.
 */
const struct cpumask *cpumask_of_node(int node);

/**
 * cpu_to_mem() - the node CPU @cpu should take memory from
 *
 * Its own node if that has memory, else the memory node at the smallest
 * distance (lowest id on a tie).  Context: any, from numa_init() on.
 */
static inline int cpu_to_mem(int cpu)
{
	return __node_to_mem_node[cpu_to_node(cpu)];
}

/** numa_mem_id() - cpu_to_mem() of the CPU this runs on */
static inline int numa_mem_id(void)
{
	int nid = numa_node_id();

	return nid >= 0 && nid < MAX_NUMNODES ? __node_to_mem_node[nid] : 0;
}

/**
 * numa_node_mem_bytes() - RAM on node @nid, from memblock's memory table
 *
 * The whole of it, reserved parts included (numactl's "size").
 * Context: any, from numa_init() on.  Return: bytes, 0 for a memory-less
 * or invalid node.
 */
phys_addr_t numa_node_mem_bytes(int nid);

/**
 * numa_node_free_pages() - free pages on node @nid, for `topo`'s "free"
 *
 * Asks the page allocator through the reader it registered
 * (numa_set_free_pages_reader()); before that, counts memblock memory
 * minus reserved on the node, which is right until the page allocator
 * takes the memory over.  Context: any.  Return: pages.
 */
unsigned long numa_node_free_pages(int nid);

/**
 * numa_set_free_pages_reader() - register the page allocator's free count
 * @fn: free pages on node @nid
 *
 * mm/numa sits below the page allocator, which registers this at
 * page_alloc_init().  Context: boot.
 */
void numa_set_free_pages_reader(unsigned long (*fn)(int nid));

#endif /* NODAL_TOPOLOGY_H */
