/* SPDX-License-Identifier: MIT */
/*
 * include/asm/processor.h — hart-level primitives: relax, wait, counters.
 *
 * Implemented by: arch/riscv (inline).  Mirrors: arch/riscv/include/asm/
 * processor.h, timex.h.  The counters are two S-mode may read: `time`
 * (timebase, 10 MHz on QEMU virt) and `instret` (under -icount shift=0 an
 * exact instruction count, see docs/design.md).
 */
#ifndef NODAL_ASM_PROCESSOR_H
#define NODAL_ASM_PROCESSOR_H

#include <linux/types.h>

static __always_inline void cpu_relax(void)
{
	/* pause (Zihintpause) is a hint: harmless where unimplemented. */
	__asm__ __volatile__(".4byte 0x0100000f" ::: "memory");
}

static __always_inline void wait_for_interrupt(void)
{
	__asm__ __volatile__("wfi" ::: "memory");
}

static __always_inline u64 get_cycles(void)
{
	u64 v;

	__asm__ __volatile__("rdtime %0" : "=r"(v));
	return v;
}

static __always_inline u64 read_instret(void)
{
	u64 v;

	__asm__ __volatile__("rdinstret %0" : "=r"(v));
	return v;
}

static __always_inline unsigned long current_stack_pointer(void)
{
	unsigned long sp;

	__asm__ __volatile__("mv %0, sp" : "=r"(sp));
	return sp;
}

static __always_inline unsigned long current_frame_address(void)
{
	return (unsigned long)__builtin_frame_address(0);
}

#endif /* NODAL_ASM_PROCESSOR_H */
