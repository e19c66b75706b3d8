/* SPDX-License-Identifier: MIT */
/*
 * kernel/time.c — the clock and the periodic tick.
 *
 * Time is the RISC-V `time` CSR scaled by the timebase frequency from the
 * device tree (10 MHz on QEMU virt: 100 ns resolution).  Each hart
 * programs its own tick, HZ times a second — through stimecmp when every
 * hart has Sstc, else through SBI TIME — counts it (per-CPU timer_ticks,
 * shown by `harts`) and runs the registered tick works in the order they
 * were registered (register_tick_work: the scheduler's time slices, the
 * per-CPU page lists' once-a-second decay and expiry, the watchdog; then
 * any a test or a stress run adds, which may unregister it again).  The
 * layers that use the tick sit above this file, so they register rather
 * than being called by name.  cpu_wait_briefly() borrows the same timer
 * for short wfi sleeps in wait loops and rearms the tick after.  Under
 * -icount shift=0 time advances one nanosecond per instruction executed,
 * so the tick is deterministic too.
 */
#include <asm/barrier.h>
#include <asm/processor.h>
#include <asm/smp.h>
#include <linux/errno.h>
#include <linux/hardirq.h>
#include <linux/printk.h>
#include <linux/timekeeping.h>
#include <nodal/tick.h>

/*
 * The tick works: slots [0, nr_tick_works) were used at some time; a slot
 * whose fn is NULL was freed and is the first reused.  Registration is
 * done by one task at a time (tick.h), so the slots need no lock against
 * each other; the ticks of every hart read them locklessly, and see a
 * slot's period before its fn (release, then acquire).
 */
struct tick_work {
	void (*fn)(void);    /* [atomic] NULL: a free slot */
	unsigned int period; /* [atomic] ticks, stored before fn */
};

static struct tick_work tick_works[MAX_TICK_WORK];
static unsigned int nr_tick_works;	/* [atomic] slots used so far */
DEFINE_PER_CPU(u64, timer_ticks);	/* [stat] this CPU's ticks so far */
static DEFINE_PER_CPU(u64, next_tick);	/* [cpu] timebase of the next tick */
u64 ns_per_tick_mult;		/* [init] ns per timebase tick, if whole */
static u64 tick_interval;	/* [init] timebase ticks per HZ */

u64 __ktime_get_ns(void)
{
	u64 t = get_cycles();

	return (t / arch_timebase_freq) * 1000000000ULL +
	       (t % arch_timebase_freq) * 1000000000ULL / arch_timebase_freq;
}

/* A free slot: a freed one first, else the next unused; NULL if none. */
static struct tick_work *free_tick_work(void)
{
	for (unsigned int i = 0; i < nr_tick_works; i++)
		if (!READ_ONCE(tick_works[i].fn))
			return &tick_works[i];
	if (nr_tick_works == MAX_TICK_WORK)
		return NULL;
	return &tick_works[nr_tick_works];
}

static void tick_work_refused(void (*fn)(void), unsigned int period,
			      const char *why)
{
	char name[96];

	sprint_symbol(name, sizeof(name), (unsigned long)fn);
	pr_err("tick: cannot register %s every %u ticks: %s\n", name, period, why);
}

int register_tick_work(void (*fn)(void), unsigned int period)
{
	struct tick_work *w;

	if (!fn || !period) {
		tick_work_refused(fn, period,
				  fn ? "a period of 0" : "no function");
		return -EINVAL;
	}
	w = free_tick_work();
	if (!w) {
		tick_work_refused(fn, period,
				  "all " __stringify(MAX_TICK_WORK) " slots in use");
		return -ENOSPC;
	}
	w->period = period;
	smp_store_release(&w->fn, fn);
	if (w == &tick_works[nr_tick_works])
		WRITE_ONCE(nr_tick_works, nr_tick_works + 1);
	return 0;
}

int unregister_tick_work(void (*fn)(void))
{
	for (unsigned int i = 0; fn && i < nr_tick_works; i++) {
		if (READ_ONCE(tick_works[i].fn) == fn) {
			WRITE_ONCE(tick_works[i].fn, NULL);
			return 0;
		}
	}
	return -ENOENT;
}

static void run_tick_works(u64 ticks)
{
	unsigned int n = READ_ONCE(nr_tick_works);

	for (unsigned int i = 0; i < n; i++) {
		void (*fn)(void) = smp_load_acquire(&tick_works[i].fn);

		if (fn && !(ticks % tick_works[i].period))
			fn();
	}
}

static void timer_interrupt(struct pt_regs *regs)
{
	u64 now = get_cycles();

	(void)regs;
	if (now < this_cpu_read(next_tick)) {
		/* A cpu_wait_briefly() wake-up, not a tick: rearm the tick. */
		arch_timer_program(this_cpu_read(next_tick));
		return;
	}
	irq_enter();
	this_cpu_write(next_tick, now + tick_interval);
	arch_timer_program(now + tick_interval);
	__this_cpu_inc(timer_ticks);
	run_tick_works(this_cpu_read(timer_ticks));
	irq_exit();
}

void time_init(u64 timebase_hz, bool sstc)
{
	if (timebase_hz)
		arch_timebase_freq = timebase_hz;
	if (sstc)
		arch_timer_use_sstc();
	pr_info("time: timebase %llu Hz, tick %d Hz, timer through %s\n",
		(unsigned long long)arch_timebase_freq, HZ,
		sstc ? "stimecmp (Sstc)" : "SBI TIME");
	ns_per_tick_mult = 1000000000ULL % arch_timebase_freq ? 0 :
			   1000000000ULL / arch_timebase_freq;
	tick_interval = arch_timebase_freq / HZ;
	arch_set_irq_handler(ARCH_IRQ_TIMER, timer_interrupt);
}

void timer_init_this_cpu(void)
{
	this_cpu_write(next_tick, get_cycles() + tick_interval);
	arch_timer_program(this_cpu_read(next_tick));
}

/*
 * cpu_wait_briefly() - sleep in wfi for about @ns, then rearm the tick.
 *
 * Under QEMU each hart is a host thread (or, with -icount, a turn in one
 * thread): a hart that spins keeps the host core from the hart it waits
 * for.  wfi gives the core up until an interrupt; the short timer is that
 * interrupt.  If the tick fell due meanwhile it stays pending and is taken
 * once interrupts are on.  Works with interrupts on or off.
 */
void cpu_wait_briefly(u64 ns)
{
	u64 tick = this_cpu_read(next_tick);
	u64 wake = get_cycles() + max(ns * arch_timebase_freq / 1000000000ULL, 1ULL);
	unsigned long flags;

	if (!tick_interval) {		/* before time_init(): just spin */
		cpu_relax();
		return;
	}
	local_irq_save(flags);
	/* A tick already due stays pending until interrupts come back on. */
	arch_timer_program(tick > get_cycles() ? min(wake, tick) : wake);
	wait_for_interrupt();
	arch_timer_program(tick);
	local_irq_restore(flags);
}
