/* SPDX-License-Identifier: MIT */
/*
 * include/linux/spinlock.h — fair ticket spinlocks that count their contention.
 *
 * Implemented by: kernel/smp/spinlock.c.  Mirrors: <linux/spinlock.h>,
 * with CONFIG_LOCK_STAT's accounting (Documentation/locking/lockstat.rst)
 * always built in.  Differences from Linux:
 *  - every lock counts, per lock class and per CPU, what lock_stat counts:
 *    acquisitions, contentions, wait and hold times, bounces; `lockstat`
 *    prints them, `lockstat=off` on the command line stops the counting;
 *  - a class is named at init from the expression (`&zone->lock`) as
 *    lockdep names it, one class per spin_lock_init() or DEFINE_SPINLOCK
 *    site; there is no lock-order validation (lockdep), only recursion and
 *    irq-safety checks;
 *  - a lock records its holder (CPU and call site) for the watchdog.
 */
#ifndef NODAL_SPINLOCK_H
#define NODAL_SPINLOCK_H

#include <asm/spinlock.h>
#include <linux/irqflags.h>
#include <linux/types.h>

struct lock_class_key {
	const char *name;	/* [init] lock_stat's class name */
	int id;			/* [atomic] index in the class table, 0 = none yet */
};

typedef struct spinlock {
	arch_spinlock_t raw;		/* the ticket lock itself */
	struct lock_class_key *key;	/* [init] its class */
	/* Fields below are written by the holder only. */
	u16 owner_cpu;			/* [lock] holder's CPU + 1, 0 if free */
	u16 last_cpu;			/* [lock] CPU + 1 of the last acquisition */
	u32 pad;
	unsigned long owner_ip;		/* [lock] where the holder took it */
	u64 acquired_ns;		/* [lock] when, for hold times */
} spinlock_t;

#define __SPIN_LOCK_UNLOCKED(lockname) {				\
	.raw = __ARCH_SPIN_LOCK_UNLOCKED,				\
	.key = &(struct lock_class_key){ .name = #lockname },		\
}

#define DEFINE_SPINLOCK(x) spinlock_t x = __SPIN_LOCK_UNLOCKED(x)

void __spin_lock_init(spinlock_t *lock, struct lock_class_key *key);

/**
 * spin_lock_init() - initialise a lock; its class is named after @lock
 *
 * Every lock initialised at one source line shares one class (as every
 * zone's `&zone->lock` does in Linux's lock_stat).
 */
#define spin_lock_init(lock) do {					\
	static struct lock_class_key __key = { .name = #lock };		\
	__spin_lock_init(lock, &__key);					\
} while (0)

/**
 * spin_lock() - take @lock, waiting in ticket order
 *
 * Context: any.  A lock also taken in interrupt handlers must be taken
 * with interrupts off (spin_lock_irqsave()); the first lock class seen
 * both ways gets a warning.  Taking a lock this CPU holds is a BUG.
 */
void spin_lock(spinlock_t *lock);
/** spin_unlock() - release @lock; only its holder may */
void spin_unlock(spinlock_t *lock);
/** spin_trylock() - take @lock if free; never waits.  Return: true if taken */
bool spin_trylock(spinlock_t *lock);

#define spin_lock_irqsave(lock, flags) do {				\
	local_irq_save(flags);						\
	spin_lock(lock);						\
} while (0)

#define spin_unlock_irqrestore(lock, flags) do {			\
	spin_unlock(lock);						\
	local_irq_restore(flags);					\
} while (0)

#define spin_lock_irq(lock)	do { local_irq_disable(); spin_lock(lock); } while (0)
#define spin_unlock_irq(lock)	do { spin_unlock(lock); local_irq_enable(); } while (0)

/** spin_is_locked() - racy snapshot: is @lock held by anyone? */
static inline bool spin_is_locked(const spinlock_t *lock)
{
	arch_spinlock_t v = { .val = READ_ONCE(lock->raw.val) };

	return v.owner != v.next;
}

/** spin_is_held_by_me() - does this CPU hold @lock? */
bool spin_is_held_by_me(const spinlock_t *lock);

#define lockdep_assert_held(l)		BUG_ON(!spin_is_held_by_me(l))
#define lockdep_assert_irqs_disabled()	BUG_ON(!irqs_disabled())

/* ---- lock statistics (lock_stat) ---- */

#define MAX_LOCK_CLASSES 256

/* One class's counters on one CPU; folded over CPUs on read. */
struct lock_class_stats {
	u64 con_bounces;	/* contentions whose last taker was another CPU */
	u64 contentions;	/* acquisitions that had to wait */
	u64 wait_min_ns;	/* smallest non-zero wait */
	u64 wait_max_ns;
	u64 wait_total_ns;
	u64 acq_bounces;	/* acquisitions whose last taker was another CPU */
	u64 acquisitions;	/* times taken (trylock successes included) */
	u64 hold_min_ns;	/* smallest non-zero hold */
	u64 hold_max_ns;
	u64 hold_total_ns;
};

/** lock_stat_enabled - false after `lockstat=off`: locks count nothing */
extern bool lock_stat_enabled;

/**
 * lock_class_stats_read() - one class's counters folded over every CPU
 * @name: class name as printed (`&zone->lock`)
 * @out: the sum
 *
 * Return: 0, or -ENOENT for a class never initialised.
 */
int lock_class_stats_read(const char *name, struct lock_class_stats *out);

/**
 * lock_class_stats_next() - walk every lock class, in registration order
 * @pos: cursor; start at 0, the call advances it
 * @out: the class's counters folded over every CPU
 *
 * For reports that take a before/after delta of all classes (`bench`): a
 * class first used between two walks shows up only in the second.
 * Context: any; the counters are read racily.  Return: the class name, or
 * NULL once past the last class.
 */
const char *lock_class_stats_next(unsigned int *pos, struct lock_class_stats *out);

/** lock_stat_reset() - zero every class's counters on every CPU */
void lock_stat_reset(void);

/**
 * lock_stat_print() - print lock_stat v0.4's table, then one JSON line
 * @filter: only classes whose name contains this (NULL: all)
 *
 * Implemented by kernel/smp/lock_stat.c.  Context: task.  Return: the
 * classes printed: those taken at least once that @filter keeps.
 */
int lock_stat_print(const char *filter);

/* For the watchdog: what this CPU waits on, if anything. */
const spinlock_t *lock_waited_on(unsigned int cpu);
const char *lock_class_name(const spinlock_t *lock);

#include <linux/bug.h>

#endif /* NODAL_SPINLOCK_H */
