/* SPDX-License-Identifier: MIT */
/*
 * kernel/smp/spinlock.c — ticket spinlocks with lock_stat accounting.
 *
 * Overview     Every spinlock in Nodal is a fair ticket lock that counts,
 *              per lock class and per CPU, what Linux's CONFIG_LOCK_STAT
 *              counts, so a student can ask "which lock suffered, how often,
 *              for how long" of any workload.  `lockstat` (lock_stat.c,
 *              the report) prints the table in /proc/lock_stat's v0.4
 *              layout; `lockstat=off` turns the accounting off to measure
 *              what it costs.
 *
 * Structures   spinlock_t = ticket word (owner | next << 16) + class key +
 *              holder record.  A lock_class_key lives at the init site; the
 *              first use gives it an id, an index into lock_classes[] and
 *              into each CPU's lock_stats[] array:
 *
 *                spinlock_t ──key──▶ lock_class_key{name,id}
 *                                        │ id
 *                per CPU: lock_stats[id] ◀┘  (folded over CPUs on read)
 *
 * Locking      No lock guards the statistics: each CPU writes only its own
 *              lock_stats[], with interrupts off around the update (an
 *              interrupt taking another lock of the class would otherwise
 *              lose an increment).  Contention points (call sites) are
 *              per class, shared, updated with atomics.  Holder fields of
 *              a lock are written only by its holder.
 *
 * Per-CPU      lock_stats[] [stat], lock_waiting_on [cpu, read racily by
 *              the watchdog].
 *
 * Invariants   LOCK-1 owner ≤ next (mod 2^16), next − owner ≤ NR_CPUS.
 *              LOCK-2 owner_cpu ≠ 0 exactly while the lock is held.
 *              LOCK-3 a CPU never waits for a lock it holds (checked: BUG).
 *
 * Paths        Uncontended: one amoadd.w, one compare, two time reads and
 *              the per-CPU update, inline in spin_lock()/spin_unlock() with
 *              no stack frame (lock_acquired()).  Contended: steps of the
 *              bare lock's wait (arch_spin_wait_step(), arch/riscv): the
 *              next in line spins on `owner`; the others sleep in wfi for
 *              3 us per hart ahead of them, at most 50 us
 *              (cpu_wait_briefly), and so does the next in line once the
 *              holder seems descheduled.  Under QEMU every hart is a host
 *              thread, and with more harts than host cores a FIFO lock's
 *              next owner is often not running — spinning would keep it off
 *              the core (lock-waiter preemption, what Linux's paravirt
 *              spinlocks address).  Now and then the waiter looks whether
 *              the watchdog wants its backtrace.
 *
 * Linux        kernel/locking/lockdep.c (lock_acquired, lock_contended,
 *              bounces), lockdep_proc.c (lock_stat's layout),
 *              include/asm-generic/spinlock.h (the ticket lock
 *              riscv uses).  Nodal differs: no lockdep graph; time is the
 *              timebase (100 ns on QEMU virt), not sched_clock.
 *
 * Statistics   con-bounces, contentions, waittime min/max/total/avg,
 *              acq-bounces, acquisitions, holdtime min/max/total/avg, and
 *              up to 4 contention and 4 contending points per class, read
 *              through lock_class_snapshot() (internal.h) by `lockstat`
 *              and through lock_class_stats_read()/_next() by tests,
 *              stress and bench.
 */
#include <asm/barrier.h>
#include <asm/processor.h>
#include <asm/smp.h>
#include <linux/bug.h>
#include <linux/errno.h>
#include <linux/init.h>
#include <linux/percpu-defs.h>
#include <linux/preempt.h>
#include <linux/printk.h>
#include <linux/smp.h>
#include <linux/sort.h>
#include <linux/spinlock.h>
#include <linux/string.h>
#include <linux/timekeeping.h>

#include "internal.h"

struct lock_class {
	struct lock_class_key *key;		/* [atomic] set once */
	unsigned int irq_usage;			/* [atomic] LOCK_USED_* bits */
	struct lock_point contention[NR_POINTS];	/* where waiters waited */
	struct lock_point contending[NR_POINTS];	/* where holders took it */
};

#define LOCK_USED_IRQS_ON	1	/* taken with interrupts on */
#define LOCK_USED_IN_IRQ	2	/* taken in an interrupt handler */

bool lock_stat_enabled = true;
static struct lock_class lock_classes[MAX_LOCK_CLASSES];
static int nr_lock_classes;	/* [atomic] ids 1..nr used */

static DEFINE_PER_CPU(struct lock_class_stats, lock_stats[MAX_LOCK_CLASSES]);
static DEFINE_PER_CPU(const spinlock_t *, lock_waiting_on);

static void parse_lockstat(const char *val)
{
	if (val && !strcmp(val, "off"))
		lock_stat_enabled = false;
	else if (!val || strcmp(val, "on"))
		pr_warn("lockstat: lockstat=%s not understood (on or off): locks count\n",
			val ? val : "");
}
cmdline_param("lockstat", parse_lockstat,
	      "lockstat=off|on: off, locks count nothing (default on)");

/* ---- classes ---- */

static int class_id(struct lock_class_key *key)
{
	int id = READ_ONCE(key->id), fresh;

	if (likely(id))
		return id;
	fresh = atomic_add_return(1, &nr_lock_classes);
	if (fresh >= MAX_LOCK_CLASSES) {
		WARN_ON_ONCE(1);	/* raise MAX_LOCK_CLASSES */
		return 0;		/* class 0 collects the overflow */
	}
	id = cmpxchg(&key->id, 0, fresh);
	if (id)
		return id;		/* another CPU named it first */
	WRITE_ONCE(lock_classes[fresh].key, key);
	return fresh;
}

void __spin_lock_init(spinlock_t *lock, struct lock_class_key *key)
{
	*lock = (spinlock_t){ .raw = __ARCH_SPIN_LOCK_UNLOCKED, .key = key };
	class_id(key);
}

const char *lock_class_name(const spinlock_t *lock)
{
	return lock->key ? lock->key->name : "(unnamed)";
}

/* ---- accounting ---- */

static void note_point(struct lock_point *points, unsigned long ip)
{
	for (int i = 0; i < NR_POINTS; i++) {
		unsigned long seen = READ_ONCE(points[i].ip);

		if (!seen)
			seen = cmpxchg(&points[i].ip, 0, ip) ?: ip;
		if (seen == ip) {
			atomic_inc(&points[i].count);
			return;
		}
	}
}

static __always_inline void update_min_max(u64 *min_ns, u64 *max_ns,
					   u64 *total_ns, u64 ns)
{
	*total_ns += ns;
	if (ns > *max_ns)
		*max_ns = ns;
	if (ns && (!*min_ns || ns < *min_ns))
		*min_ns = ns;
}

static noinline void note_irq_usage(int id, const spinlock_t *lock,
				    unsigned int use)
{
	unsigned int old = atomic_fetch_or(use, &lock_classes[id].irq_usage);

	if ((old | use) == (LOCK_USED_IRQS_ON | LOCK_USED_IN_IRQ) && old != (old | use))
		pr_warn("lock: inconsistent lock state: class %s taken in interrupt handlers and with interrupts on\n",
			lock_class_name(lock));
}

/* Record how the class is taken: in interrupts, or with them on. */
static __always_inline void check_irq_usage(int id, const spinlock_t *lock)
{
	unsigned int use = in_interrupt() ? LOCK_USED_IN_IRQ :
		 irqs_disabled() ? 0 : LOCK_USED_IRQS_ON;

	if (unlikely(use && !(READ_ONCE(lock_classes[id].irq_usage) & use)))
		note_irq_usage(id, lock, use);
}

/* The waiting half of lock_acquired(): contention counts and where. */
static noinline void lock_contended(struct lock_class_stats *st, int id,
				    unsigned long bounce, unsigned long ip,
				    u64 wait_ns)
{
	st->contentions++;
	st->con_bounces += bounce;
	update_min_max(&st->wait_min_ns, &st->wait_max_ns, &st->wait_total_ns,
		       wait_ns);
	note_point(lock_classes[id].contention, ip);
}

/*
 * The holder's bookkeeping, run right after the lock is won by CPU @me - 1
 * (@wait_start_ns: when it started waiting, 0 if it did not).
 */
static __always_inline void __lock_acquired(spinlock_t *lock, int id,
					    unsigned long ip, u64 wait_start_ns,
					    unsigned int me)
{
	unsigned long bounce = lock->last_cpu && lock->last_cpu != me;
	u64 now_ns = ktime_get_ns();
	struct lock_class_stats *st;
	unsigned long flags;

	local_irq_save(flags);
	st = &this_cpu_ptr(lock_stats)[id];
	st->acquisitions++;
	st->acq_bounces += bounce;
	if (wait_start_ns)
		lock_contended(st, id, bounce, ip, now_ns - wait_start_ns);
	local_irq_restore(flags);
	lock->last_cpu = me;
	lock->acquired_ns = now_ns;
	check_irq_usage(id, lock);
}

/* lock_acquired() for a waiter, a lock without a key or a class's first use. */
static noinline void lock_acquired_slow(spinlock_t *lock, unsigned long ip,
					u64 wait_start_ns, unsigned int me)
{
	__lock_acquired(lock, lock->key ? class_id(lock->key) : 0, ip,
			wait_start_ns, me);
}

/*
 * lock_acquired() - lock_stat's accounting of an acquisition.  The usual
 * case (an uncontended lock of a named class) is inline in spin_lock()
 * and calls nothing but in tail position, so the lock needs no stack
 * frame: lock_stat stays on, counting every acquisition, hold time
 * included.  A class's first use, a wait and a change in how the class is
 * taken (check_irq_usage) go out of line.
 */
static __always_inline void lock_acquired(spinlock_t *lock, unsigned long ip,
					  u64 wait_start_ns, unsigned int me)
{
	int id = lock->key ? READ_ONCE(lock->key->id) : 0;

	if (unlikely(!id || wait_start_ns)) {
		lock_acquired_slow(lock, ip, wait_start_ns, me);
		return;
	}
	__lock_acquired(lock, id, ip, 0, me);
}

static __always_inline void lock_released(spinlock_t *lock)
{
	int id = lock->key ? READ_ONCE(lock->key->id) : 0;
	u64 now_ns = ktime_get_ns();
	struct lock_class_stats *st;
	unsigned long flags;

	local_irq_save(flags);
	st = &this_cpu_ptr(lock_stats)[id];
	update_min_max(&st->hold_min_ns, &st->hold_max_ns, &st->hold_total_ns,
		       now_ns - lock->acquired_ns);
	local_irq_restore(flags);
}

/* ---- the counted lock ---- */

bool spin_is_held_by_me(const spinlock_t *lock)
{
	return spin_is_locked(lock) &&
	       READ_ONCE(lock->owner_cpu) == raw_smp_processor_id() + 1;
}

static noinline void report_recursion(const spinlock_t *lock)
{
	char sym[96];

	sprint_symbol(sym, sizeof(sym), lock->owner_ip);
	pr_emerg("lock: recursive locking of %s on cpu %u, already taken at %s\n",
		 lock_class_name(lock), raw_smp_processor_id(), sym);
	BUG();
}

/* Wait for @ticket; returns when it is served.  LOCK-3 checked first. */
static noinline void spin_wait(spinlock_t *lock, u16 ticket, unsigned long ip)
{
	unsigned long spins = 0, checks = 0;

	if (READ_ONCE(lock->owner_cpu) == raw_smp_processor_id() + 1)
		report_recursion(lock);
	this_cpu_write(lock_waiting_on, lock);
	if (lock_stat_enabled && lock->key)
		note_point(lock_classes[class_id(lock->key)].contending,
			   READ_ONCE(lock->owner_ip));
	while (arch_spin_wait_step(&lock->raw, ticket, &spins))
		if (!(++checks & 0xff))
			watchdog_check_backtrace_request();
	this_cpu_write(lock_waiting_on, NULL);
	(void)ip;
}

/* A lock whose ticket was not served at once: wait, then count the wait. */
static noinline void spin_lock_contended(spinlock_t *lock, u16 ticket,
					 unsigned long ip, unsigned int me)
{
	u64 wait_start = lock_stat_enabled ? ktime_get_ns() : 0;

	spin_wait(lock, ticket, ip);
	lock->owner_cpu = me;
	lock->owner_ip = ip;
	if (lock_stat_enabled)
		lock_acquired_slow(lock, ip, wait_start, me);
}

static __always_inline void __spin_lock(spinlock_t *lock, unsigned long ip)
{
	u32 old = __atomic_fetch_add(&lock->raw.val, 1U << 16, __ATOMIC_ACQUIRE);
	unsigned int me = raw_smp_processor_id() + 1;
	u16 ticket = old >> 16;

	if (unlikely((u16)old != ticket)) {
		spin_lock_contended(lock, ticket, ip, me);
		return;
	}
	lock->owner_cpu = me;
	lock->owner_ip = ip;
	if (lock_stat_enabled)
		lock_acquired(lock, ip, 0, me);
}

void spin_lock(spinlock_t *lock)
{
	preempt_disable();
	__spin_lock(lock, (unsigned long)__builtin_return_address(0));
}

bool spin_trylock(spinlock_t *lock)
{
	preempt_disable();
	if (!arch_spin_trylock(&lock->raw)) {
		preempt_enable();
		return false;
	}
	lock->owner_cpu = raw_smp_processor_id() + 1;
	lock->owner_ip = (unsigned long)__builtin_return_address(0);
	if (lock_stat_enabled)
		lock_acquired(lock, lock->owner_ip, 0, lock->owner_cpu);
	return true;
}

static noinline void spin_unlock_not_held(const spinlock_t *lock)
{
	WARN_ON_ONCE(1);	/* unlocking another CPU's lock would corrupt it */
	pr_err("lock: %s unlocked by cpu %u, which does not hold it\n",
	       lock_class_name(lock), raw_smp_processor_id());
}

void spin_unlock(spinlock_t *lock)
{
	if (unlikely(!spin_is_locked(lock) ||
		     READ_ONCE(lock->owner_cpu) != raw_smp_processor_id() + 1)) {
		spin_unlock_not_held(lock);
		return;
	}
	if (lock_stat_enabled)
		lock_released(lock);
	lock->owner_cpu = 0;
	arch_spin_unlock(&lock->raw);
	preempt_enable();
}

const spinlock_t *lock_waited_on(unsigned int cpu)
{
	return READ_ONCE(per_cpu(lock_waiting_on, cpu));
}

/* ---- reading ---- */

static void fold_class(int id, struct lock_class_stats *out)
{
	unsigned int cpu;

	*out = (struct lock_class_stats){ 0 };
	for_each_possible_cpu(cpu) {
		const struct lock_class_stats *st = &per_cpu_ptr(lock_stats, cpu)[id];

		out->con_bounces += st->con_bounces;
		out->contentions += st->contentions;
		out->acq_bounces += st->acq_bounces;
		out->acquisitions += st->acquisitions;
		out->wait_total_ns += st->wait_total_ns;
		out->hold_total_ns += st->hold_total_ns;
		out->wait_max_ns = max(out->wait_max_ns, st->wait_max_ns);
		out->hold_max_ns = max(out->hold_max_ns, st->hold_max_ns);
		if (st->wait_min_ns && (!out->wait_min_ns || st->wait_min_ns < out->wait_min_ns))
			out->wait_min_ns = st->wait_min_ns;
		if (st->hold_min_ns && (!out->hold_min_ns || st->hold_min_ns < out->hold_min_ns))
			out->hold_min_ns = st->hold_min_ns;
	}
}

int lock_class_stats_read(const char *name, struct lock_class_stats *out)
{
	int nr = min(READ_ONCE(nr_lock_classes), MAX_LOCK_CLASSES - 1);

	for (int id = 1; id <= nr; id++) {
		struct lock_class_key *key = READ_ONCE(lock_classes[id].key);

		if (key && !strcmp(key->name, name)) {
			fold_class(id, out);
			return 0;
		}
	}
	return -ENOENT;
}

const char *lock_class_stats_next(unsigned int *pos, struct lock_class_stats *out)
{
	int nr = min(READ_ONCE(nr_lock_classes), MAX_LOCK_CLASSES - 1);

	while ((int)++*pos <= nr) {
		struct lock_class_key *key = READ_ONCE(lock_classes[*pos].key);

		if (key) {
			fold_class((int)*pos, out);
			return key->name;
		}
	}
	return NULL;
}

void lock_stat_reset(void)
{
	unsigned int cpu;

	for_each_possible_cpu(cpu) {
		unsigned long flags;

		local_irq_save(flags);
		memset(per_cpu_ptr(lock_stats, cpu), 0,
		       sizeof(struct lock_class_stats) * MAX_LOCK_CLASSES);
		local_irq_restore(flags);
	}
	for (int id = 0; id < MAX_LOCK_CLASSES; id++) {
		memset(lock_classes[id].contention, 0, sizeof(lock_classes[id].contention));
		memset(lock_classes[id].contending, 0, sizeof(lock_classes[id].contending));
	}
}

int lock_class_count(void)
{
	return min(READ_ONCE(nr_lock_classes), MAX_LOCK_CLASSES - 1) + 1;
}

int lock_class_snapshot(int id, struct lock_class_snapshot *out)
{
	int nr = min(READ_ONCE(nr_lock_classes), MAX_LOCK_CLASSES - 1);
	struct lock_class_key *key;

	if (id < 0 || id > nr)
		return -ENOENT;
	key = READ_ONCE(lock_classes[id].key);
	out->id = id;
	out->name = key ? key->name : "(overflow)";
	fold_class(id, &out->st);
	memcpy(out->contention, lock_classes[id].contention,
	       sizeof(out->contention));
	memcpy(out->contending, lock_classes[id].contending,
	       sizeof(out->contending));
	return 0;
}
