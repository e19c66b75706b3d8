/* SPDX-License-Identifier: MIT */
/*
 * include/asm/percpu.h — where each CPU's per-CPU area is.
 *
 * Implemented by: arch/riscv (inline; __per_cpu_offset[] in setup.c, filled
 * by setup_per_cpu_areas()).  Mirrors: <asm-generic/percpu.h>, the offset
 * table.  Each hart keeps in `tp` the offset from the per-CPU template
 * (the .data..percpu section) to its own copy, so this_cpu_ptr() is one
 * add.  Linux riscv keeps `current` in tp and looks the offset up in
 * __per_cpu_offset[]; Nodal trades that for a shorter fast path.  Before
 * setup_per_cpu_areas() the boot hart has tp = 0 and uses the template
 * itself.
 */
#ifndef NODAL_ASM_PERCPU_H
#define NODAL_ASM_PERCPU_H

#include <linux/threads.h>

/* CPU n's copy is at the template's address + __per_cpu_offset[n]. */
extern unsigned long __per_cpu_offset[NR_CPUS]; /* [init] */

static inline __attribute__((always_inline)) unsigned long arch_percpu_offset(void)
{
	unsigned long off;

	__asm__ ("mv %0, tp" : "=r"(off));
	return off;
}

static inline __attribute__((always_inline)) void arch_set_percpu_offset(unsigned long off)
{
	__asm__ __volatile__("mv tp, %0" :: "r"(off) : "memory");
}

#endif /* NODAL_ASM_PERCPU_H */
