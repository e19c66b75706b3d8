/* SPDX-License-Identifier: MIT */
/*
 * tests/lib/counters.h — the allocators' counters read at one moment, so
 * that a later reading minus an earlier one says what a test did: free
 * pages once the per-CPU caches have given back what they hold, numastat
 * per node, the pcp lists' events, SLUB's event totals and lock_stat rows;
 * and the knobs they were counted under.
 *
 * Implemented by: tests/lib/counters.c, through each subsystem's public
 * accessors.  Linux's tests read the same counters from /proc/vmstat,
 * /proc/lock_stat and /sys/kernel/slab/.
 */
#ifndef NODAL_TESTS_COUNTERS_H
#define NODAL_TESTS_COUNTERS_H

#include <linux/mmzone.h>
#include <linux/nodemask.h>
#include <linux/spinlock.h>
#include <linux/types.h>

#define COUNTERS_MAX_LOCKS 8  /* lock classes one snapshot follows */
#define COUNTERS_MAX_SLUB  32 /* SLUB events */

/*
 * A snapshot is written once, by counter_snapshot_take() or
 * counter_snapshot_delta(), and only read after: every field is [init].
 */

/* One lock class's lock_stat row at one moment. */
struct lock_row {
	const char *name;	    /* [init] the class, as lock_stat
					 * prints it */
	bool known;		    /* [init] the class exists */
	struct lock_class_stats st; /* [init] if known: over every CPU */
};

/* A counter and its name, for a set whose owner names its counters. */
struct named_count {
	const char *name;  /* [init] */
	unsigned long val; /* [init] */
};

struct counter_snapshot {
	unsigned long free_pages; /* [init] settled_free_pages() */
	unsigned long numa[MAX_NUMNODES][NR_VM_NUMA_EVENT_ITEMS];
	/* [init] numastat, online nodes */
	unsigned long pcp[NR_PCP_STAT_ITEMS]; /* [init] all lists, zones */
	unsigned int nr_slub;		      /* [init] */
	struct named_count slub[COUNTERS_MAX_SLUB]; /* [init] all caches */
	unsigned int nr_locks;			    /* [init] */
	struct lock_row locks[COUNTERS_MAX_LOCKS];  /* [init] those asked for */
};

/**
 * settled_free_pages() - free pages once the caches have given back theirs
 *
 * Drains every CPU's page lists and shrinks every slab cache (empty slabs
 * go back to the buddy allocator), so that two counts taken this way
 * compare exactly when everything allocated between them was freed.
 * Context: task, may sleep; cross-calls every CPU.
 */
unsigned long settled_free_pages(void);

/**
 * counter_snapshot_take() - read every counter of @s
 * @locks: the lock classes to follow (the first COUNTERS_MAX_LOCKS)
 * @nr_locks: how many
 *
 * Settles the caches first (settled_free_pages()).  Context: task, may
 * sleep.
 */
void counter_snapshot_take(struct counter_snapshot *s, const char *const *locks,
			   unsigned int nr_locks);

/**
 * counter_snapshot_delta() - @d = @later - @earlier, counter by counter
 *
 * Names, the free page count and which lock classes are known come from
 * @later.  @d may be @later.
 */
void counter_snapshot_delta(struct counter_snapshot *d,
			    const struct counter_snapshot *later,
			    const struct counter_snapshot *earlier);

/**
 * lock_stats_delta() - @d = @later - @earlier for one class
 *
 * Totals and counts are differences; the wait maximum is @later's own,
 * the longest wait since boot or `lockstat reset` — not this interval's
 * (a maximum does not subtract), and reported under a name that says so.
 */
void lock_stats_delta(struct lock_class_stats *d,
		      const struct lock_class_stats *later,
		      const struct lock_class_stats *earlier);

/**
 * lock_rows_walk() - a row for every lock class there is
 * @rows: row i holds class i of lock_class_stats_next()'s walk, so that two
 *	walks line up class by class; a row of no class has !known
 * @max: rows available
 *
 * Return: rows filled (one past the last class seen).
 */
unsigned int lock_rows_walk(struct lock_row *rows, unsigned int max);

struct report;

/* The values of a lock class's row in a stress or bench report. */
enum lock_delta_field {
	LOCK_DELTA_CLASS,
	LOCK_DELTA_ACQUISITIONS,
	LOCK_DELTA_CONTENTIONS,
	LOCK_DELTA_WAIT_TOTAL_NS,
	LOCK_DELTA_WAIT_TOTAL_US, /* text only */
	LOCK_DELTA_WAIT_MAX_NS,
	LOCK_DELTA_HOLD_TOTAL_NS,
	LOCK_DELTA_BOUNCES,
	NR_LOCK_DELTA_FIELDS
};

/**
 * lock_delta_emit() - one lock class's change in a report
 * @class: the class, as lock_stat names it
 * @d: its change (lock_stats_delta())
 * @fmt: the text format of each value (NULL: JSON only), by enum
 *	lock_delta_field: the caller's layout
 *
 * The JSON keys are counters.c's one table of them ("class",
 * "acquisitions", "contentions", "wait_total_ns", "wait_max_since_reset_ns"
 * (lock_stats_delta(): not a difference), "hold_total_ns", "bounces":
 * tools/study and tools/bench read them), so
 * every report's lock rows carry the same keys.  The caller opens and ends
 * the item.
 */
void lock_delta_emit(struct report *r, const char *class,
		     const struct lock_class_stats *d,
		     const char *const fmt[NR_LOCK_DELTA_FIELDS]);

/**
 * allocator_knobs_emit() - the allocator knobs in force, in a report
 *
 * JSON members only (the caller opens the object): "pcp",
 * "slub_cpu_partial", "slub_nocpu" and "lockstat", true or false: what
 * each per-CPU cache and lock_stat were set to while the counters counted.
 */
void allocator_knobs_emit(struct report *r);

#endif /* NODAL_TESTS_COUNTERS_H */
