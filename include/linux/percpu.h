/* SPDX-License-Identifier: MIT */
/*
 * include/linux/percpu.h — per-CPU variables: one copy per CPU, reached by offset.
 *
 * Implemented by: mm/percpu (areas), arch/riscv (the offset register).
 * Mirrors: <linux/percpu.h>, <linux/percpu-defs.h>.
 *
 * DEFINE_PER_CPU(type, name) places a template copy in .percpu;
 * setup_per_cpu_areas() gives every possible CPU its own copy and
 * __per_cpu_offset[cpu] is the distance from the template to it.
 *
 * Rules (docs/style.md §3.2): a hart touches its own copy with local interrupts
 * off, either one this_cpu_*() operation or a sequence between
 * local_irq_save() and local_irq_restore() through one this_cpu_ptr().
 * Other harts use per_cpu() only for [stat] counters or under a lock.
 *
 * Differences from Linux: this_cpu_*() disable interrupts around the
 * read-modify-write (riscv has no single-instruction per-CPU add), as
 * Linux's generic fallback does; the offset lives in tp (asm/percpu.h).
 */
#ifndef NODAL_PERCPU_H
#define NODAL_PERCPU_H

#include <asm/irqflags.h>
#include <asm/percpu.h>
#include <linux/types.h>

#define NR_CPUS		128	/* OpenSBI 1.1 starts at most 128 harts */

#define DEFINE_PER_CPU(type, name) \
	__section(".percpu") __typeof__(type) name
#define DEFINE_PER_CPU_ALIGNED(type, name) \
	__section(".percpu") __aligned(64) __typeof__(type) name
#define DECLARE_PER_CPU(type, name) extern __typeof__(type) name

extern unsigned long __per_cpu_offset[NR_CPUS];	/* [init] */
extern char __per_cpu_start[], __per_cpu_end[];

#define SHIFT_PERCPU_PTR(p, off) \
	((__typeof__(&*(p)))((unsigned long)(p) + (off)))

#define per_cpu_ptr(ptr, cpu)	SHIFT_PERCPU_PTR(ptr, __per_cpu_offset[cpu])
#define per_cpu(var, cpu)	(*per_cpu_ptr(&(var), cpu))
#define this_cpu_ptr(ptr)	SHIFT_PERCPU_PTR(ptr, arch_percpu_offset())
#define raw_cpu_ptr(ptr)	this_cpu_ptr(ptr)

/* A naturally aligned load or store is single-copy atomic on RISC-V. */
#define this_cpu_read(var)	READ_ONCE(*this_cpu_ptr(&(var)))
#define this_cpu_write(var, v)	WRITE_ONCE(*this_cpu_ptr(&(var)), (v))

#define this_cpu_add(var, v) do {					\
	unsigned long __flags;						\
	local_irq_save(__flags);					\
	*this_cpu_ptr(&(var)) += (v);					\
	local_irq_restore(__flags);					\
} while (0)
#define this_cpu_sub(var, v)	this_cpu_add(var, -(v))
#define this_cpu_inc(var)	this_cpu_add(var, 1)
#define this_cpu_dec(var)	this_cpu_add(var, -1)

/* Caller has interrupts off: plain read-modify-write. */
#define __this_cpu_add(var, v)	(*this_cpu_ptr(&(var)) += (v))
#define __this_cpu_inc(var)	__this_cpu_add(var, 1)

/**
 * setup_per_cpu_areas() - give every possible CPU its copy of the template
 *
 * Context: boot hart, before secondary harts start.
 */
void setup_per_cpu_areas(void);

/**
 * __alloc_percpu() - zeroed memory with one copy per CPU, each on its node
 * @size: bytes
 * @align: power of two
 *
 * Context: any.  Return: a pointer for per_cpu_ptr()/this_cpu_ptr(), or
 * NULL (warned) when the dynamic area is full.
 */
void *__alloc_percpu(size_t size, size_t align);
#define alloc_percpu(type) \
	((__typeof__(type) *)__alloc_percpu(sizeof(type), __alignof__(type)))

/** free_percpu() - give back an alloc_percpu() object (NULL: no-op) */
void free_percpu(void *ptr);

/** percpu_dynamic_used() - bytes of the dynamic area in use */
unsigned long percpu_dynamic_used(void);

/** pcpu_unit_nid() - the node whose memory holds CPU @cpu's unit */
int pcpu_unit_nid(unsigned int cpu);

/**
 * percpu_area_size() - bytes of one CPU's copy of the static section
 */
static inline unsigned long percpu_area_size(void)
{
	return (unsigned long)(__per_cpu_end - __per_cpu_start);
}

#endif /* NODAL_PERCPU_H */
