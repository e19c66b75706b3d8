/* SPDX-License-Identifier: MIT */
/*
 * include/linux/fault-inject.h — fault injection: make chosen allocations
 * fail, as Linux's CONFIG_FAULT_INJECTION does.
 *
 * Implemented by: kernel/fault-inject.c (struct fault_attr, should_fail(),
 * setup_fault_attr(), the `faults` command), mm/buddy/fail_page_alloc.c
 * (should_fail_alloc_page(), the fail_page_alloc attribute) and
 * mm/slub/failslab.c (should_failslab(), the failslab attribute).
 * Mirrors: <linux/fault-inject.h>; the rules are those of
 * Documentation/fault-injection/fault-injection.rst (docs/linux-facts.md §12).
 * Differences from Linux: always built in (an attribute whose probability
 * is 0 costs the hooked path one load and one branch); the debugfs files
 * are boot options `NAME.KNOB=` and the `faults` command (a knob keeps its
 * debugfs name: `fail_page_alloc.min-order=0`); no fail_nth and no stack
 * trace filter; each attribute counts the failures it injected (Linux
 * counts none); should_failslab() returns a bool.
 */
#ifndef NODAL_FAULT_INJECT_H
#define NODAL_FAULT_INJECT_H

#include <linux/types.h>

struct kmem_cache;

/*
 * struct fault_attr - one kind of failure and when to inject it.  The
 * first group are Linux's debugfs files; a caller's should_fail() applies
 * them in Linux's order (linux-facts.md §12): probability 0 → never;
 * task-filter set and current not marked make_it_fail (or in an
 * interrupt) → no; times 0 → no; space > size → space -= size, no; with
 * interval > 1 only every interval-th call that got this far may fail;
 * then it fails with probability percent.  Each failure takes one from
 * times (unless -1) and is counted in @injected.
 */
struct fault_attr {
	unsigned long probability; /* [atomic] percent, 0..100; 0: off */
	unsigned long interval;	   /* [atomic] 1..: every Nth eligible call */
	int times;		   /* [atomic] failures left; -1: no limit */
	int space;		   /* [atomic] size to let pass first */
	unsigned long verbose;	   /* [atomic] 0 quiet, 1 message, 2 + stack */
	bool task_filter;	   /* [atomic] only make_it_fail tasks */
	unsigned int ratelimit_interval_ms; /* [atomic] 0: no rate limit */
	unsigned int ratelimit_burst;	    /* [atomic] messages per interval */

	unsigned long count;	 /* [atomic] calls seen by interval */
	unsigned long injected;	 /* [atomic] failures injected */
	u64 rl_begin_ns;	 /* [rl] rate-limit window start */
	unsigned int rl_printed; /* [rl] messages in this window */
	unsigned int rl_missed;	 /* [rl] messages held back in it */
	const char *dname;	 /* [const] Linux's debugfs name */
};

/* Linux's FAULT_ATTR_INITIALIZER: off, interval 1, times 1, verbose 2. */
#define FAULT_ATTR_INITIALIZER(name)                     \
	{                                                \
		.interval = 1, .times = 1, .verbose = 2, \
		.ratelimit_burst = 10, .dname = name,    \
	}

enum fault_flags {
	FAULT_NOWARN = 1 << 0, /* never print, whatever verbose says */
};

/**
 * should_fail_ex() - should the call of @size fail now?  (rules above)
 * @attr: the attribute
 * @size: what the call asks for, in the attribute's unit (fail_page_alloc:
 *	pages, 2^order; failslab: bytes, the cache's object size)
 * @flags: FAULT_NOWARN to stay quiet
 * Context: any; lock-free (times, space and count change atomically).
 */
bool should_fail_ex(struct fault_attr *attr, long size, int flags);
bool should_fail(struct fault_attr *attr, long size);

/**
 * setup_fault_attr() - "<interval>,<probability>,<space>,<times>" into @attr
 *
 * interval ≥ 1, probability 0..100, space ≥ 0, times ≥ -1 (-1: no limit),
 * all four present and nothing after them.  On anything else prints one
 * line naming the value and leaves @attr off (probability 0).
 * Return: 0, or -EINVAL.
 */
int setup_fault_attr(struct fault_attr *attr, const char *str);

/*
 * A knob: one of an attribute's settings, by its debugfs name.  The
 * attribute's own (interval, probability, ...) are common to all; an
 * attribute adds its own (min-order, ignore-gfp-wait, ...) in a table.
 */
enum fault_knob_type { FAULT_KNOB_BOOL, FAULT_KNOB_U32 };

struct fault_knob {
	const char *name; /* debugfs name, e.g. "min-order" */
	enum fault_knob_type type;
	void *value; /* bool * or u32 * */
	u32 max;     /* FAULT_KNOB_U32: the largest allowed */
};

/*
 * struct fault_group - an attribute as the `faults` command and the boot
 * options see it, registered with FAULT_GROUP() where the attribute lives.
 */
struct fault_group {
	const char *name; /* the `faults` word: "page", "slab" */
	struct fault_attr *attr;
	const struct fault_knob *knobs; /* its own knobs */
	unsigned int nr_knobs;
};

#define FAULT_GROUP(gname, gattr, gknobs)                                        \
	static const struct fault_group __fault_group_##gknobs __used __section( \
		".fault_groups") __aligned(8) = {                                \
		.name = gname,                                                   \
		.attr = gattr,                                                   \
		.knobs = gknobs,                                                 \
		.nr_knobs = sizeof(gknobs) / sizeof(gknobs[0]),                  \
	}

extern const struct fault_group __fault_groups_start[];
extern const struct fault_group __fault_groups_end[];

/**
 * fault_group_set() - set knob @knob of @g to @val, as typed
 * @who: the message's first word ("faults", "cmdline")
 *
 * Knobs: interval, probability, space, times, verbose, task-filter,
 * verbose_ratelimit_interval_ms, verbose_ratelimit_burst, then @g's own;
 * '_' and '-' are the same in a name.  Booleans take Y/N/1/0; numbers
 * their range.  On a bad name or value prints one line and changes
 * nothing.  Return: 0 or -EINVAL.
 */
int fault_group_set(const struct fault_group *g, const char *knob,
		    const char *val, const char *who);

/**
 * fault_boot_option() - a `NAME.KNOB=VAL` boot option for group @g
 *
 * As fault_group_set(), but a refused value leaves the attribute off
 * for the rest of the boot command line (a later option does not turn it
 * on again: injection must not run on settings half understood).
 */
void fault_boot_option(const struct fault_group *g, const char *knob,
		       const char *val);
/** fault_boot_attr() - the `NAME=<interval>,<probability>,<space>,<times>` option */
void fault_boot_attr(const struct fault_group *g, const char *val);

/*
 * struct fault_settings - what fault_save() keeps of every attribute, so a
 * run that injects (a stress knob, a test) can restore what it found.
 */
#define FAULT_MAX_GROUPS 4
#define FAULT_MAX_KNOBS	 8
struct fault_settings {
	struct fault_attr attr[FAULT_MAX_GROUPS];
	u32 knob[FAULT_MAX_GROUPS][FAULT_MAX_KNOBS];
};
void fault_save(struct fault_settings *saved);
void fault_restore(const struct fault_settings *saved);
/** fault_find_group() - the group named @name ("page", "slab"), or NULL */
const struct fault_group *fault_find_group(const char *name);
/** fault_injected() - failures @g's attribute injected since boot */
unsigned long fault_injected(const struct fault_group *g);

/* ---- the attributes (mm/buddy/fail_page_alloc.c, mm/slub/failslab.c) ---- */

/* Linux's fail_page_alloc: the attribute and its own knobs. */
struct fail_page_alloc_attr {
	struct fault_attr attr;
	bool ignore_gfp_highmem; /* [atomic] ignore-gfp-highmem, Y */
	bool ignore_gfp_reclaim; /* [atomic] ignore-gfp-wait, Y */
	u32 min_order;		 /* [atomic] min-order, 1 */
};
extern struct fail_page_alloc_attr fail_page_alloc;

/**
 * should_fail_alloc_page() - fail this page allocation?  Linux's rules:
 * never below min-order, never __GFP_NOFAIL, not __GFP_HIGHMEM with
 * ignore-gfp-highmem, not __GFP_DIRECT_RECLAIM with ignore-gfp-wait; else
 * should_fail_ex() with size 2^@order pages (quiet under __GFP_NOWARN).
 * The page allocator asks before it looks at any free list.
 */
bool should_fail_alloc_page(gfp_t gfp_mask, unsigned int order);

/* Linux's failslab. */
struct failslab_attr {
	struct fault_attr attr;
	bool ignore_gfp_reclaim; /* [atomic] ignore-gfp-wait, Y */
	bool cache_filter;	 /* [atomic] cache-filter, N */
};
extern struct failslab_attr failslab;

/**
 * should_failslab() - fail this slab allocation?  Linux's rules: never
 * the cache of kmem_cache structures, never __GFP_NOFAIL, not
 * __GFP_DIRECT_RECLAIM with ignore-gfp-wait, with cache-filter only a
 * cache with SLAB_FAILSLAB; else should_fail_ex() with size the cache's
 * object size in bytes (quiet under __GFP_NOWARN).  Asked by every
 * kmem_cache_alloc()/kmalloc() before the fast path.
 */
bool should_failslab(struct kmem_cache *s, gfp_t gfpflags);

#endif /* NODAL_FAULT_INJECT_H */
