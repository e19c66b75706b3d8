/* SPDX-License-Identifier: MIT */
/*
 * include/nodal/tick.h — the periodic tick, the work it runs, short waits.
 *
 * Implemented by: kernel/time.c.  No single Linux counterpart: Linux's
 * tick (kernel/time/tick-*.c) calls the scheduler, timers and the
 * watchdogs by name; here kernel/time.c sits below the layers that use
 * the tick, so each registers its work (register_tick_work()) — the
 * scheduler's time slices, the watchdog's check, the per-CPU page lists'
 * decay; tests and stress runs add works for a while and remove them with
 * unregister_tick_work().  HZ is Linux's name for the tick rate.
 */
#ifndef NODAL_TICK_H
#define NODAL_TICK_H

#include <linux/percpu-defs.h>
#include <linux/types.h>

#define HZ 100

DECLARE_PER_CPU(u64, timer_ticks); /* [stat] timer interrupts taken */

/**
 * time_init() - set up the clock and the tick handler
 * @timebase_hz: from /cpus/timebase-frequency (0: keep the default)
 * @sstc: every hart has Sstc: program stimecmp directly, not through SBI
 *
 * Context: the boot hart, early in start_kernel().
 */
void time_init(u64 timebase_hz, bool sstc);

/** timer_init_this_cpu() - start this hart's periodic tick (HZ) */
void timer_init_this_cpu(void);

#define MAX_TICK_WORK 8 /* tick works registered at once, at most */

/**
 * register_tick_work() - call @fn every @period ticks on every CPU
 * @fn: runs in the timer interrupt, interrupts off, on each CPU for its
 *      own data, when that CPU's timer_ticks is a multiple of @period
 * @period: in ticks (HZ a second), at least 1
 *
 * The works run in the order they were registered, a freed slot reused
 * first.  Registering @fn twice runs it twice.  A failure is printed with
 * @fn's name and the reason, and changes nothing.
 * Context: task, one registration or unregistration at a time (start_kernel,
 * or the shell task's commands and tests); other harts run @fn from their
 * next tick on.  Return: 0, -EINVAL for a NULL @fn or a zero @period, or
 * -ENOSPC when MAX_TICK_WORK works are registered.
 */
int register_tick_work(void (*fn)(void), unsigned int period);

/**
 * unregister_tick_work() - stop calling @fn (one registration of it)
 *
 * A tick on another hart may still be running @fn when this returns; it
 * has finished once every hart has ticked again (msleep(2 * 1000 / HZ)).
 * Context: as register_tick_work().  Return: 0, or -ENOENT if @fn is not
 * registered.
 */
int unregister_tick_work(void (*fn)(void));

/**
 * cpu_wait_briefly() - give the host core away for about @ns (wfi + timer)
 *
 * For wait loops: a bare spin under QEMU starves the hart being waited
 * for (docs/design.md).  Context: any; interrupts stay as they were.
 */
void cpu_wait_briefly(u64 ns);

#endif /* NODAL_TICK_H */
