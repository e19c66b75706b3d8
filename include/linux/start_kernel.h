/* SPDX-License-Identifier: MIT */
/*
 * include/linux/start_kernel.h — where the harts enter the kernel.
 *
 * Implemented by: init/main.c; called by arch/riscv/head.S.  Mirrors:
 * <linux/start_kernel.h> (and riscv's smp_callin() for the secondaries).
 */
#ifndef NODAL_START_KERNEL_H
#define NODAL_START_KERNEL_H

#include <asm/smp.h>

/**
 * start_kernel() - the boot hart's boot order
 * @hartid: the hart OpenSBI chose (it becomes CPU 0)
 * @dtb: the flattened device tree OpenSBI passed
 *
 * Context: the first C code, on the boot stack, interrupts off.
 */
__noreturn void start_kernel(unsigned long hartid, const void *dtb);

/**
 * secondary_start_kernel() - a secondary hart's boot order
 * @hartid: its hart id
 * @boot: what smp_init() prepared for it (stack, per-CPU offset, CPU id)
 *
 * Context: the hart's first C code, interrupts off.
 */
__noreturn void secondary_start_kernel(unsigned long hartid,
				       struct secondary_boot *boot);

#endif /* NODAL_START_KERNEL_H */
