/* SPDX-License-Identifier: MIT */
/*
 * tests/stress/stress.h — what a stress scenario sees of the framework
 * (tests/stress/run.c and the files it names): the run, its workers,
 * object checksums, the tick hook; the rings come from
 * tests/lib/spsc_ring.h.
 *
 * A scenario is a struct stress_test registered with STRESS_TEST().  The
 * `stress` command parses the arguments, takes the "before" snapshot, runs
 * setup() on the shell task, starts one worker task per chosen hart
 * (work(), all released together), prints progress once a second, stops
 * the workers (time or operation budget), joins them, takes the "after"
 * snapshot, runs teardown(), checks free pages and caches and prints the
 * report (with the scenario's report()) and verdict.  A setup() that
 * fails may stop anywhere: teardown() runs then too and frees what was
 * made, and the free pages must still come back; so after workers that
 * could not be started.
 *
 * Integrity is the framework's job as far as it can be: every object a
 * scenario hands out goes through stress_obj_fill() and comes back through
 * stress_obj_check() before it is freed, which verifies its checksum,
 * catches a second free of the same object, records the alloc-node ×
 * free-node matrix and charges the emulated remote-access delay.  The
 * workers' `live` counts must sum to zero after teardown (nothing lost),
 * free pages must be back to their starting count and every slab cache
 * must validate.
 */
#ifndef NODAL_STRESS_H
#define NODAL_STRESS_H

#include <linux/nodemask.h>
#include <linux/prandom.h>
#include <linux/sched.h>
#include <linux/smp.h>
#include <linux/types.h>

#include "../lib/hart_tasks.h"
#include "../lib/spsc_ring.h"

struct stress_run;

struct stress_worker {
	struct stress_run *run;		/* [const] */
	unsigned int idx;		/* [const] 0..nr-1 */
	unsigned int cpu;		/* [const] its hart */
	int nid;			/* [const] its hart's node */
	struct rnd_state rnd;		/* [worker] seeded from seed and idx */
	unsigned long ops;		/* [worker] operations done */
	unsigned long quota;		/* [const] ops= budget share, 0: none */
	long live;			/* [worker] objects held: +alloc −free */
	unsigned long freed_from[MAX_NUMNODES]; /* [worker] by alloc node */
	unsigned long checked;		/* [worker] checksums verified */
	unsigned long bad;		/* [worker] checksum mismatches */
	unsigned long double_free;	/* [worker] second frees caught */
	unsigned long alloc_fail;	/* [worker] NULLs (expected ones too) */
	void *priv;			/* [scenario] */
	u64 start_ns, end_ns;		/* [worker] */
};

/* The scenario-specific options a scenario reads (stress_test.opts); the
 * command says it ignores the others. */
#define STRESS_OPT_SIZE 0x1 /* size= */
#define STRESS_OPT_MODE 0x2 /* mode= */

struct stress_test {
	const char *name;
	const char *help;		/* one line for `help stress` */
	unsigned int min_harts;		/* fewer harts: the command refuses */
	unsigned int min_nodes;		/* fewer nodes with memory: refused */
	unsigned int opts; /* STRESS_OPT_*: size=, mode= it reads */
	const char *const *locks;	/* lock classes to report, NULL-ended */
	/* Optional: are the options right for this scenario (mode=)?  Asked
	 * with the others, before anything runs.  Return: 0, or an errno
	 * (the message printed). */
	int (*check)(const struct stress_run *r);
	/* Optional.  Return: 0, or an errno. */
	int (*setup)(struct stress_run *r);
	void (*work)(struct stress_worker *w);
	/* Optional: frees what setup() made, r->priv included, after the
	 * workers or after a failed setup() (which may have stopped
	 * anywhere); what report() prints must outlive it. */
	void (*teardown)(struct stress_run *r);
	void (*report)(struct stress_run *r);		/* optional extra lines */
};

#define STRESS_TEST(t)							\
	static const struct stress_test *const __stress_##t		\
	__used __section(".stress_tests") __aligned(8) = &(t)

struct stress_run {
	const struct stress_test *test;	/* [const] */
	u64 seed;			/* [const] seed= */
	u64 secs;			/* [const] secs= (0 with ops=) */
	unsigned long ops_limit;	/* [const] ops=, 0: by time */
	size_t size;			/* [const] size=, 0: the scenario's */
	int mode_arg;			/* [const] mode=, -1: not given */
	u64 numa_delay_ns;		/* [const] per distance unit */
	int fail_page;			/* [const] fail_page=%, -1: not given */
	int fail_slab;			/* [const] fail_slab=%, -1: not given */
	bool have_policy;		/* [const] policy= given */
	int policy_mode;		/* [const] MPOL_* with flags */
	nodemask_t policy_nodes;	/* [const] */
	char policy_str[48];		/* [const] as given */
	unsigned int nr;		/* [const] workers */
	unsigned int cpu[HART_TASKS_MAX]; /* [const] worker i's hart (harts=) */
	struct stress_worker *w;	/* [const] nr of them */
	bool stop;			/* [atomic] set by the shell task */
	void *priv;			/* [scenario] */
	unsigned long problems;		/* [shell] teardown's findings */
};

/** stress_should_stop() - true once time or this worker's budget is up */
static inline bool stress_should_stop(struct stress_worker *w)
{
	if (w->quota && w->ops >= w->quota)
		return true;
	return READ_ONCE(w->run->stop);
}

/** stress_size() - size= if given, else @def */
static inline size_t stress_size(const struct stress_run *r, size_t def)
{
	return r->size ? r->size : def;
}

/* Objects (objects.c): a 16-byte header, then a payload derived from a
 * sequence number. */
#define STRESS_OBJ_MIN	16
void stress_obj_fill(struct stress_worker *w, void *obj, size_t size);
/* Verify and retire @obj before it is freed; false on damage or reuse. */
bool stress_obj_check(struct stress_worker *w, void *obj, size_t size);
/* Pages: the same for a block of 2^order pages (header in the first). */
void stress_page_fill(struct stress_worker *w, void *addr, unsigned int order);
bool stress_page_check(struct stress_worker *w, void *addr, unsigned int order);

/* Emulated NUMA latency: busy-wait for an access to node @nid's memory. */
void stress_numa_access(struct stress_worker *w, int nid);

/*
 * Interrupt-context hook: called on every hart's tick while set; NULL
 * clears it.  Return: 0, or register_tick_work()'s -ENOSPC when the tick
 * has no slot left for the hook (the first time only).
 */
int stress_set_tick_hook(void (*fn)(void));

#endif /* NODAL_STRESS_H */
