/* SPDX-License-Identifier: MIT */
/*
 * include/linux/panic.h — panic(): report, stop every hart, leave QEMU.
 *
 * Implemented by: kernel/panic.c.  Mirrors: <linux/panic.h>.  Differences
 * from Linux: a panic always ends the machine (no panic= reboot delay, no
 * kdump); QEMU exits with EXIT_STATUS_PANIC through the test device, so a
 * script sees the failure in QEMU's exit status.  kernel/panic.c sits below
 * kernel/smp, so stopping the other harts is a callback that smp_init()
 * registers (panic_set_stop_other_cpus()).
 */
#ifndef NODAL_PANIC_H
#define NODAL_PANIC_H

#include <linux/types.h>

/* QEMU exit status of a panic; 1 is a failed command (init/shell.c). */
#define EXIT_STATUS_PANIC 2

/* The CPU that panicked, or PANIC_CPU_NONE. */
#define PANIC_CPU_NONE (~0U)
extern unsigned int panic_cpu; /* [atomic] */

/**
 * panic() - print the message and a backtrace, stop every hart, exit QEMU
 *
 * Context: any.  Does not return; QEMU exits with EXIT_STATUS_PANIC.
 */
__noreturn __printf(1, 2) void panic(const char *fmt, ...);

/**
 * panic_set_stop_other_cpus() - how panic() stops the other harts
 * @fn: makes every other online CPU stop, interrupts off, in wfi
 *      (smp_send_stop()); it must not wait for them
 *
 * Before it is set only the boot hart runs, and panic() stops nothing.
 * Context: boot (smp_init()).
 */
void panic_set_stop_other_cpus(void (*fn)(void));

#endif /* NODAL_PANIC_H */
