/* SPDX-License-Identifier: MIT */
/*
 * mm/percpu/percpu.c — per-CPU areas on each CPU's node, and alloc_percpu.
 *
 * Overview     Static per-CPU variables (DEFINE_PER_CPU) are linked into
 *              the .percpu section, a template: at boot every possible CPU
 *              gets a unit holding a copy of it, allocated from memblock on
 *              the CPU's own node (for a memory-less node, the nearest node
 *              with memory), so a hart's per-CPU data is local to it.
 *              __per_cpu_offset[cpu] is the distance from the template to
 *              the unit, and the hart keeps it in tp (asm/percpu.h).
 *
 * Structures   Each unit = [static copy | dynamic area], the same layout in
 *              every unit.  alloc_percpu() carves the dynamic area: a bitmap
 *              of 16-byte granules (pcpu_used) with each allocation's
 *              length at its first granule (pcpu_len).  The pointer it
 *              returns is template-relative (__per_cpu_start + offset), so
 *              per_cpu_ptr(ptr, cpu) finds CPU cpu's copy by the same add.
 *
 *                unit(cpu) ──┬─ .percpu copy (static vars)
 *                            └─ dynamic area: alloc_percpu() objects
 *
 * Locking      1. pcpu_lock (irqsave): the dynamic area's bitmap.
 *              Units are set up by the boot hart before others start.
 *
 * Invariants   PCPU-1 every unit is on cpu_to_mem(cpu)'s node: checked
 *                     as each unit is placed (memblock takes another
 *                     node's memory when that one has no room: said so).
 *              PCPU-2 a granule is in at most one allocation: asserted
 *                     as an allocation takes its granules.
 *
 * Paths        alloc_percpu: first fit of aligned granules under the lock,
 *              then zero the object in every unit.  free_percpu: clear.
 *
 * Linux        mm/percpu.c (first chunk, pcpu_alloc), drivers/base/
 *              arch_numa.c (setup_per_cpu_areas).  Nodal differs: one
 *              fixed dynamic area (PERCPU_DYNAMIC_SIZE), no extra chunks;
 *              alloc_percpu() returns NULL with a warning when it is full.
 *
 * Statistics   Dynamic area use (percpu_dynamic_used()); report.c's
 *              `percpu` prints it with each CPU's unit and its node.
 */
#include <asm/page.h>
#include <asm/percpu.h>
#include <linux/bitops.h>
#include <linux/bug.h>
#include <linux/cpumask.h>
#include <linux/memblock.h>
#include <linux/mmdebug.h>
#include <linux/percpu.h>
#include <linux/printk.h>
#include <linux/spinlock.h>
#include <linux/string.h>
#include <linux/topology.h>

#include "internal.h"

#define PCPU_GRANULE		16
#define PCPU_NR_GRANULES	(PERCPU_DYNAMIC_SIZE / PCPU_GRANULE)

static unsigned long pcpu_unit_size;		/* [init] */
static unsigned long pcpu_dyn_offset;		/* [init] from unit start */

static DEFINE_SPINLOCK(pcpu_lock);
static DECLARE_BITMAP(pcpu_used, PCPU_NR_GRANULES);	/* [pcpu_lock] */
static u16 pcpu_len[PCPU_NR_GRANULES];		/* [pcpu_lock] granules */
static unsigned long pcpu_used_bytes;		/* [pcpu_lock] */

void setup_per_cpu_areas(void)
{
	unsigned int cpu, off_node = 0;

	pcpu_dyn_offset = ALIGN(percpu_area_size(), L1_CACHE_BYTES);
	pcpu_unit_size = PAGE_ALIGN(pcpu_dyn_offset + PERCPU_DYNAMIC_SIZE);
	for_each_possible_cpu(cpu) {
		int nid = cpu_to_mem(cpu);
		char *unit = memblock_alloc_node(pcpu_unit_size, PAGE_SIZE, nid);

		if (!unit)
			panic("percpu: cannot allocate cpu %u's unit of %lu bytes",
			      cpu, pcpu_unit_size);
		memcpy(unit, __per_cpu_start, percpu_area_size());
		__per_cpu_offset[cpu] = (unsigned long)unit -
					(unsigned long)__per_cpu_start;
		if (pcpu_unit_nid(cpu) != nid && ++off_node) /* PCPU-1 */
			pr_warn("percpu: PCPU-1: cpu %u's unit on node %d, not %d (no room there)\n",
				cpu, pcpu_unit_nid(cpu), nid);
		set_cpu_numa_node(cpu, cpu_to_node(cpu));	/* numa_node_id() */
	}
	/* The boot hart used the template until now; its copy has it all. */
	arch_set_percpu_offset(__per_cpu_offset[0]);
	pr_info("percpu: %u units of %lu KiB (%lu static, %d dynamic), %s\n",
		num_possible_cpus(), pcpu_unit_size >> 10,
		(unsigned long)percpu_area_size(), PERCPU_DYNAMIC_SIZE,
		off_node ? "not all on their CPU's node" :
			   "each on its CPU's node");
}

/* First run of @n free granules starting at a multiple of @step. */
static long find_free_run(unsigned long n, unsigned long step)
{
	for (unsigned long start = 0; start + n <= PCPU_NR_GRANULES; start += step) {
		unsigned long i;

		for (i = 0; i < n && !test_bit(start + i, pcpu_used); i++)
			;
		if (i == n)
			return (long)start;
		start = ALIGN_DOWN(start + i, step);	/* skip past the used one */
	}
	return -1;
}

void *__alloc_percpu(size_t size, size_t align)
{
	unsigned long n = DIV_ROUND_UP(max(size, (size_t)1), PCPU_GRANULE);
	unsigned long step = max(align, (size_t)PCPU_GRANULE) / PCPU_GRANULE;
	unsigned long flags, cpu;
	long start;
	void *ptr;

	if (WARN_ON_ONCE(!is_power_of_2(max(align, (size_t)1)) || n > 0xffff))
		return NULL;
	spin_lock_irqsave(&pcpu_lock, flags);
	start = find_free_run(n, step);
	if (start >= 0) {
		for (unsigned long i = 0; i < n; i++) {
			VM_BUG_ON(test_bit(start + i, pcpu_used)); /* PCPU-2 */
			__set_bit(start + i, pcpu_used);
		}
		pcpu_len[start] = (u16)n;
		pcpu_used_bytes += n * PCPU_GRANULE;
	}
	spin_unlock_irqrestore(&pcpu_lock, flags);
	if (start < 0) {
		pr_warn_ratelimited("percpu: no room for %zu bytes (dynamic area %d KiB full)\n",
				    size, PERCPU_DYNAMIC_SIZE >> 10);
		return NULL;
	}
	ptr = __per_cpu_start + pcpu_dyn_offset + start * PCPU_GRANULE;
	for_each_possible_cpu(cpu)
		memset(per_cpu_ptr((char *)ptr, cpu), 0, n * PCPU_GRANULE);
	return ptr;
}

void free_percpu(void *ptr)
{
	unsigned long off, start, flags;

	if (!ptr)
		return;
	off = (unsigned long)((char *)ptr - __per_cpu_start) - pcpu_dyn_offset;
	start = off / PCPU_GRANULE;
	spin_lock_irqsave(&pcpu_lock, flags);
	if (WARN_ON_ONCE(off % PCPU_GRANULE || start >= PCPU_NR_GRANULES ||
			 !pcpu_len[start])) {
		spin_unlock_irqrestore(&pcpu_lock, flags);
		return;		/* not from alloc_percpu(): report, change nothing */
	}
	for (unsigned long i = 0; i < pcpu_len[start]; i++)
		__clear_bit(start + i, pcpu_used);
	pcpu_used_bytes -= pcpu_len[start] * PCPU_GRANULE;
	pcpu_len[start] = 0;
	spin_unlock_irqrestore(&pcpu_lock, flags);
}

unsigned long pcpu_unit_bytes(void)
{
	return pcpu_unit_size;
}

int pcpu_unit_nid(unsigned int cpu)
{
	return memblock_addr_nid(__pa(__per_cpu_start + __per_cpu_offset[cpu]));
}

unsigned long percpu_dynamic_used(void)
{
	return READ_ONCE(pcpu_used_bytes);
}
