/* SPDX-License-Identifier: MIT */
/*
 * mm/percpu/percpu.c — per-CPU areas: one copy of .percpu per CPU.
 *
 * Overview     Static per-CPU variables (DEFINE_PER_CPU) are linked into
 *              the .percpu section, which serves as a template: at boot
 *              every possible CPU gets a copy, and __per_cpu_offset[cpu]
 *              is the distance from the template to it, kept in the hart's
 *              tp register for this_cpu_*() (asm/percpu.h).
 *
 * Structures   One block from memblock holds all units, each rounded up to
 *              a cache line multiple so that no two CPUs share a line:
 *                [unit cpu0][unit cpu1]...   offset[cpu] = unit - template
 *
 * Locking      None: set up by the boot hart before the others start.
 *
 * Linux        mm/percpu.c (pcpu_embed_first_chunk), drivers/base/
 *              arch_numa.c (setup_per_cpu_areas).  Nodal differs: no
 *              dynamic chunks yet (alloc_percpu comes with the page
 *              allocator), and units are not yet placed on their CPU's node.
 */
#include <asm/page.h>
#include <asm/percpu.h>
#include <bug.h>
#include <cpumask.h>
#include <memblock.h>
#include <percpu.h>
#include <printk.h>
#include <string.h>

unsigned long __per_cpu_offset[NR_CPUS];

void setup_per_cpu_areas(void)
{
	unsigned long unit = ALIGN(percpu_area_size(), L1_CACHE_BYTES);
	unsigned int cpu, nr = nr_cpu_ids;
	char *base = memblock_alloc(unit * nr, PAGE_SIZE);

	if (!base)
		panic("percpu: cannot allocate %u units of %lu bytes", nr, unit);
	for_each_possible_cpu(cpu) {
		char *area = base + cpu * unit;

		memcpy(area, __per_cpu_start, percpu_area_size());
		__per_cpu_offset[cpu] = (unsigned long)area -
					(unsigned long)__per_cpu_start;
	}
	/* The boot hart used the template until now; its copy has it all. */
	arch_set_percpu_offset(__per_cpu_offset[0]);
	pr_info("percpu: %u units of %lu bytes at [mem %#018lx-%#018lx]\n",
		nr, unit, (unsigned long)base,
		(unsigned long)base + unit * nr - 1);
}
