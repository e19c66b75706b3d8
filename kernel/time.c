/* SPDX-License-Identifier: MIT */
/*
 * kernel/time.c — the clock and the periodic tick.
 *
 * Time is the RISC-V `time` CSR scaled by the timebase frequency from the
 * device tree (10 MHz on QEMU virt: 100 ns resolution).  Each hart
 * programs its own tick, HZ times a second, through SBI TIME; the tick
 * counts itself (per-CPU timer_ticks, shown by `harts`) and feeds the
 * watchdog.  Under -icount shift=0 time advances one nanosecond per
 * instruction executed, so the tick is deterministic too.
 */
#include <asm/csr.h>
#include <asm/processor.h>
#include <asm/smp.h>
#include <printk.h>
#include <smp.h>

static u64 ns_per_tick_mult;	/* [init] ns per timebase tick, if whole */
static u64 tick_interval;	/* [init] timebase ticks per HZ */

u64 ktime_get_ns(void)
{
	u64 t = get_cycles();

	if (likely(ns_per_tick_mult))
		return t * ns_per_tick_mult;
	return (t / arch_timebase_freq) * 1000000000ULL +
	       (t % arch_timebase_freq) * 1000000000ULL / arch_timebase_freq;
}

static void timer_interrupt(struct pt_regs *regs)
{
	(void)regs;
	irq_enter();
	arch_timer_program(get_cycles() + tick_interval);
	__this_cpu_inc(timer_ticks);
	watchdog_tick();
	irq_exit();
}

/**
 * time_init() - set up the clock from the timebase frequency
 * @timebase_hz: from /cpus/timebase-frequency (0: keep the default)
 */
void time_init(u64 timebase_hz)
{
	if (timebase_hz)
		arch_timebase_freq = timebase_hz;
	ns_per_tick_mult = 1000000000ULL % arch_timebase_freq ? 0 :
			   1000000000ULL / arch_timebase_freq;
	tick_interval = arch_timebase_freq / HZ;
	arch_set_irq_handler(IRQ_S_TIMER, timer_interrupt);
}

void timer_init_this_cpu(void)
{
	arch_timer_program(get_cycles() + tick_interval);
}
