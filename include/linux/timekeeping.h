/* SPDX-License-Identifier: MIT */
/*
 * include/linux/timekeeping.h — the clock: nanoseconds since boot.
 *
 * Implemented by: kernel/time.c (and this header, inline).  Mirrors:
 * <linux/timekeeping.h>, ktime_get_ns() only.  Differences from Linux: the
 * clock is the RISC-V `time` CSR scaled by the device tree's timebase
 * frequency (10 MHz on QEMU virt: 100 ns resolution); there is no
 * clocksource switching and no NTP adjustment.  Under -icount shift=0 it
 * advances one nanosecond per instruction executed.
 */
#ifndef NODAL_TIMEKEEPING_H
#define NODAL_TIMEKEEPING_H

#include <asm/processor.h>
#include <linux/types.h>

extern u64 ns_per_tick_mult; /* [init] ns per timebase tick, 0 if not whole */

/** __ktime_get_ns() - ktime_get_ns() by division, for any timebase */
u64 __ktime_get_ns(void);

/**
 * ktime_get_ns() - nanoseconds since boot (timebase resolution)
 *
 * Inline: lock_stat reads it twice per lock hold.  A multiply when the
 * timebase divides a second (QEMU's 10 MHz does), a division otherwise.
 * Context: any.
 */
static inline u64 ktime_get_ns(void)
{
	if (!ns_per_tick_mult)
		return __ktime_get_ns();
	return get_cycles() * ns_per_tick_mult;
}

#endif /* NODAL_TIMEKEEPING_H */
