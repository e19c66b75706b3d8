/* SPDX-License-Identifier: MIT */
/*
 * kernel/smp/watchdog.c — find harts that stopped ticking, and say why.
 *
 * Each CPU's tick checks one other CPU, the next online one (the "buddy"
 * scheme of Linux's kernel/watchdog_buddy.c): if that CPU's tick count has
 * not moved for WATCHDOG_THRESH_S seconds, it has had interrupts off that
 * long.  The report names the hart, the lock it waits for (if any) with
 * that lock's holder and the call site where the holder took it, and asks
 * the stuck hart for its backtrace: a hart spinning on a lock looks at the
 * request in its wait loop (it cannot take an IPI), so a lock-bound stall
 * prints the waiter's own stack.  A hart stuck elsewhere cannot be asked;
 * the report says so.  Each stall is reported once.
 */
#include <asm/processor.h>
#include <linux/init.h>
#include <linux/printk.h>
#include <linux/smp.h>
#include <linux/spinlock.h>
#include <linux/timekeeping.h>
#include <nodal/tick.h>

#define WATCHDOG_THRESH_S	10

struct watchdog_cpu {
	u64 last_seen_ticks;	/* [cpu] buddy's tick count at last change */
	u64 last_change_ns;	/* [cpu] when it last moved */
	bool reported;		/* [cpu] this stall already reported */
};

static DEFINE_PER_CPU(struct watchdog_cpu, watchdog_cpu);
static DEFINE_PER_CPU(bool, backtrace_requested);	/* [atomic] */
static bool watchdog_enabled = true;

static void parse_nowatchdog(const char *val)
{
	(void)val;
	watchdog_enabled = false;
}
cmdline_param("nowatchdog", parse_nowatchdog, "turn the stall watchdog off");

void watchdog_check_backtrace_request(void)
{
	const spinlock_t *lock;

	if (!READ_ONCE(*this_cpu_ptr(&backtrace_requested)))
		return;
	WRITE_ONCE(*this_cpu_ptr(&backtrace_requested), false);
	lock = lock_waited_on(smp_processor_id());
	pr_emerg("watchdog: cpu %u (hart %lu) backtrace, waiting for %s\n",
		 smp_processor_id(), arch_hartid(),
		 lock ? lock_class_name(lock) : "nothing");
	dump_stack();
}

static void report_stall(unsigned int cpu, u64 stalled_ns)
{
	const spinlock_t *lock = lock_waited_on(cpu);

	pr_emerg("watchdog: hart %lu (cpu %u) stuck for %llu s: no timer tick\n",
		 cpuid_to_hartid_map(cpu), cpu,
		 (unsigned long long)(stalled_ns / 1000000000ULL));
	if (lock && !READ_ONCE(lock->owner_cpu)) {
		pr_emerg("watchdog: it waits for lock %s, just released (being handed over)\n",
			 lock_class_name(lock));
	} else if (lock) {
		unsigned int holder = READ_ONCE(lock->owner_cpu);
		char sym[96];

		sprint_symbol(sym, sizeof(sym), READ_ONCE(lock->owner_ip));
		pr_emerg("watchdog: it waits for lock %s held by cpu %d (hart %ld), taken at %s\n",
			 lock_class_name(lock), (int)holder - 1,
			 holder ? (long)cpuid_to_hartid_map(holder - 1) : -1L, sym);
	} else {
		pr_emerg("watchdog: it waits for no lock (interrupts off elsewhere); no backtrace possible\n");
	}
	WRITE_ONCE(per_cpu(backtrace_requested, cpu), true);
}

/* A tick work: has the next online CPU's tick moved lately? */
static void watchdog_tick(void)
{
	unsigned int me = smp_processor_id(), buddy;
	struct watchdog_cpu *wd = this_cpu_ptr(&watchdog_cpu);
	u64 ticks, now;

	if (!watchdog_enabled || num_online_cpus() < 2)
		return;
	buddy = cpumask_next(me, cpu_online_mask);
	if (buddy >= NR_CPUS)
		buddy = cpumask_next(-1, cpu_online_mask);
	ticks = READ_ONCE(per_cpu(timer_ticks, buddy));
	now = ktime_get_ns();
	if (ticks != wd->last_seen_ticks || !wd->last_change_ns) {
		wd->last_seen_ticks = ticks;
		wd->last_change_ns = now;
		wd->reported = false;
		return;
	}
	if (!wd->reported &&
	    now - wd->last_change_ns > WATCHDOG_THRESH_S * 1000000000ULL &&
	    READ_ONCE(per_cpu(cpu_state, buddy)) == CPU_ONLINE) {
		wd->reported = true;
		report_stall(buddy, now - wd->last_change_ns);
	}
}

void lockup_detector_init(void)
{
	if (register_tick_work(watchdog_tick, 1))
		pr_warn("watchdog: no room for its tick work: stalls go unreported\n");
}
