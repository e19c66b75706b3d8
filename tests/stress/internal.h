/* SPDX-License-Identifier: MIT */
/*
 * tests/stress/internal.h — private to tests/stress: what the files of the
 * `stress` command share (run.c runs the workers, snapshot.c counts what
 * they did and judges it, report.c prints it), and the workloads one
 * scenario borrows from another.
 */
#ifndef NODAL_TESTS_STRESS_INTERNAL_H
#define NODAL_TESTS_STRESS_INTERNAL_H

#include <linux/mmzone.h>
#include <linux/types.h>

#include "../lib/counters.h"
#include "stress.h"

#define STRESS_MAX_PROBLEMS 8

/*
 * What a run did, after teardown: written once by run.c (elapsed_ns) and
 * stress_tally() (the rest), then only read by stress_report().
 */
struct stress_outcome {
	u64 elapsed_ns;		       /* [init] release to all seen done */
	struct counter_snapshot delta; /* [init] after the join − before */
	unsigned long matrix[MAX_NUMNODES][MAX_NUMNODES];
	/* [init] by alloc node, free node */
	unsigned long ops;	   /* [init] Σ workers' ops */
	unsigned long checked;	   /* [init] Σ checksums verified */
	unsigned long bad;	   /* [init] Σ checksum mismatches */
	unsigned long double_free; /* [init] Σ second frees caught */
	unsigned long alloc_fail;  /* [init] Σ NULLs */
	long live;		   /* [init] Σ live: never freed */
	long free_delta;	   /* [init] free pages lost (STRESS-1) */
	int validate_errors;	   /* [init] validate_all_slab_caches() */
	unsigned int nr_problems;  /* [init] 0: PASS (STRESS-2) */
	const char *problem[STRESS_MAX_PROBLEMS]; /* [init] what failed */
};

/* snapshot.c: the counters around a run, and its verdict. */

/** stress_snapshot_before() - counters before @r's setup (STRESS-1) */
void stress_snapshot_before(const struct stress_run *r);

/** stress_snapshot_after() - counters once the workers are joined, before
 * teardown (which may destroy a scenario's cache with its statistics) */
void stress_snapshot_after(void);

/**
 * stress_pages_lost() - free pages missing since stress_snapshot_before()
 *
 * Settles the caches first (STRESS-1).  Context: the shell task, every
 * worker reaped, teardown done; may sleep.
 */
long stress_pages_lost(void);

/**
 * stress_tally() - what @r did, after teardown: sums over the workers,
 * the alloc × free node matrix, the free-page and slab checks, the
 * counter deltas and the problems that fail the run (STRESS-2)
 *
 * Context: the shell task, every worker reaped; may sleep (it settles
 * the caches to count free pages).
 */
void stress_tally(const struct stress_run *r, struct stress_outcome *o);

/* report.c */

/**
 * stress_report() - the run's text report, JSON line and verdict line
 *
 * Includes the scenario's own lines (stress_test.report).  Context: the
 * shell task; holds the console lock throughout.
 */
void stress_report(struct stress_run *r, const struct stress_outcome *o);

/* Workloads one scenario borrows from another (their stress_test.work). */

/** pagechurn_work() - bursts of pages of orders 0..3 (buddy_churn.c) */
void pagechurn_work(struct stress_worker *w);

/** slabchurn_work() - a table of kmalloc objects replaced at random
 * (slub_churn.c) */
void slabchurn_work(struct stress_worker *w);

#endif /* NODAL_TESTS_STRESS_INTERNAL_H */
