/* SPDX-License-Identifier: MIT */
/*
 * include/linux/percpu-defs.h — per-CPU variables: one copy per CPU,
 * reached by offset.
 *
 * Implemented by: this header (macros) on <asm/percpu.h>'s offsets.
 * Mirrors: <linux/percpu-defs.h>, and the this_cpu_*() fallbacks of
 * <asm-generic/percpu.h>.  Usable from every layer: the areas themselves
 * and alloc_percpu() are mm/percpu's, in <linux/percpu.h>.
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
#ifndef NODAL_PERCPU_DEFS_H
#define NODAL_PERCPU_DEFS_H

#include <asm/percpu.h>
#include <linux/irqflags.h>
#include <linux/threads.h>
#include <linux/types.h>

#define DEFINE_PER_CPU(type, name) __section(".percpu") __typeof__(type) name
#define DEFINE_PER_CPU_ALIGNED(type, name) \
	__section(".percpu") __aligned(64) __typeof__(type) name
#define DECLARE_PER_CPU(type, name) extern __typeof__(type) name

#define SHIFT_PERCPU_PTR(p, off) \
	((__typeof__(&*(p)))((unsigned long)(p) + (off)))

#define per_cpu_ptr(ptr, cpu) SHIFT_PERCPU_PTR(ptr, __per_cpu_offset[cpu])
#define per_cpu(var, cpu)     (*per_cpu_ptr(&(var), cpu))
#define this_cpu_ptr(ptr)     SHIFT_PERCPU_PTR(ptr, arch_percpu_offset())
#define raw_cpu_ptr(ptr)      this_cpu_ptr(ptr)

/* A naturally aligned load or store is single-copy atomic on RISC-V. */
#define this_cpu_read(var)     READ_ONCE(*this_cpu_ptr(&(var)))
#define this_cpu_write(var, v) WRITE_ONCE(*this_cpu_ptr(&(var)), (v))

#define this_cpu_add(var, v)                  \
	do {                                  \
		unsigned long __flags;        \
		local_irq_save(__flags);      \
		*this_cpu_ptr(&(var)) += (v); \
		local_irq_restore(__flags);   \
	} while (0)
#define this_cpu_sub(var, v) this_cpu_add(var, -(v))
#define this_cpu_inc(var)    this_cpu_add(var, 1)
#define this_cpu_dec(var)    this_cpu_add(var, -1)

/* Caller has interrupts off: plain read-modify-write. */
#define __this_cpu_add(var, v) (*this_cpu_ptr(&(var)) += (v))
#define __this_cpu_inc(var)    __this_cpu_add(var, 1)

#endif /* NODAL_PERCPU_DEFS_H */
