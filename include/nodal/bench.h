/* SPDX-License-Identifier: MIT */
/*
 * include/nodal/bench.h — microbenchmarks: how one registers, what the runner
 * measures for it, and the helpers it may use.
 *
 * Implemented by: tests/bench/runner.c (the runner and the `bench` command);
 * the benchmarks themselves live in tests/bench/ (or any EXTRA_SRCS
 * file).  No Linux counterpart: Linux benchmarks its allocators from
 * modules and user space (mm/slub.c has no in-tree benchmark; the nearest
 * are lib/test_meminit.c and the out-of-tree slab_bulk_test modules).
 *
 * A benchmark is a struct benchmark registered with BENCH(), collected in
 * the `.benchmarks` section like KUnit suites, and is one of two kinds:
 *
 * BENCH_SINGLE — instructions per operation on one hart.  The runner runs
 *   the benchmark's task on one hart (harts= picks it, default the
 *   shell's) and, after one warm-up, for each of `runs` repetitions times
 *   pass(n), empty(n), pass(2n) and empty(2n), each between two reads of
 *   `instret` with local interrupts off.  With P(k) and E(k) the least
 *   count over the runs of pass(k) and of empty(k), the figure is
 *
 *       ((P(2n) - E(2n)) - (P(n) - E(n))) / (n * ops_per_iter)
 *
 *    - interrupts off: no tick handler on the measuring hart is counted;
 *      the allocator paths save and restore the interrupt state, so they
 *      nest;
 *    - empty(n) is the same loop with the API calls taken out (the stores
 *      and loads of an array, the NULL tests, the loop counter), so what
 *      is left is the calls themselves: argument set-up, the call, and all
 *      the code behind it;
 *    - the 2n - n difference drops what a pass costs once, whatever its
 *      length: the pass function's prologue, which its empty twin lacks;
 *    - the least counts: under ICOUNT=1 `instret` counts the instructions of every
 *      hart together (docs/design.md §1, Counters): the others sleep in wfi, but each wakes
 *      for its own tick every 10 ms of virtual time (10^7 instructions);
 *      a pass that a tick of another hart fell into counts some 750 more,
 *      and noise only ever adds, so the least count is the clean one.  same_every_run says whether every
 *      run counted the same (a fast path in a steady state does).
 *   Under ICOUNT=1 the figures are exact instruction counts and a whole
 *   boot repeats itself, so two boots agree to the instruction.  Under
 *   multi-threaded TCG `instret` follows the host clock: only ns_per_op
 *   (the median 2n pass's wall time per operation) means something there.
 *
 * BENCH_MULTI — operations per second on several harts at once.  One task
 *   per hart of harts= (default: every online hart) runs work() behind a
 *   start barrier; work() does its iterations or stops early once
 *   bench_time_up() (ms= after the release, default 1000), so that a slow
 *   configuration (caches off) still ends in bounded time.  A run lasts
 *   from the release to the last task's end and its rate is the sum of
 *   what work() returned over that time.  `runs`
 *   runs (at least 5 for `make bench`) give the median, minimum and
 *   maximum.  The lock_stat rows of every lock class taken during the runs
 *   (deltas: acquisitions, contentions, wait time, bounces) follow.  Meant
 *   for multi-threaded TCG, where harts really run in parallel.
 *
 * A benchmark that needs more harts or nodes than the machine has is
 * skipped with a line `bench NAME skip: needs 2 nodes with memory` (or `needs
 * N harts`), not failed; so is one whose setup() returns -ENODEV.
 *
 * Output, per benchmark: one line `bench NAME key=value ...` and one JSON
 * line between `JSON-BEGIN bench` and `JSON-END` (tools/bench parses it).
 */
#ifndef NODAL_BENCH_H
#define NODAL_BENCH_H

#include <linux/cpumask.h>
#include <linux/types.h>

#define BENCH_MAX_HARTS	64

enum bench_mode {
	BENCH_SINGLE,	/* one hart: instructions per op (exact under ICOUNT=1) */
	BENCH_MULTI,	/* several harts: ops/s, median of runs */
};

struct bench;

struct benchmark {
	const char *name;
	const char *help;		/* one line for `bench list` */
	enum bench_mode mode;
	const char *unit;		/* one operation: "pair", "page", "object" */
	unsigned int ops_per_iter;	/* operations one iteration makes */
	unsigned long iterations;	/* default n: per pass, or per hart and run */
	unsigned int min_harts;		/* fewer online: skipped */
	unsigned int min_nodes;		/* fewer online nodes: skipped */
	/* Optional, before the first run: single, on the measuring hart;
	 * multi, on the shell's.  -ENODEV: this machine does not suit (the
	 * benchmark is reported as skipped). */
	int (*setup)(struct bench *b);
	/*
	 * BENCH_SINGLE: @n iterations, interrupts off, timed; pass() is run
	 * once untimed first (warm-up).  empty() is pass() without the API
	 * calls (NULL: bench_empty_pass()).  Or measure() instead of the
	 * two: it counts @n iterations, their empty twin and the wall time
	 * itself, e.g. timed on another hart (bench_instret_pass()
	 * helps); called like the pair (warm-up, then n and 2n per run).
	 */
	void (*pass)(struct bench *b, unsigned long n);
	void (*empty)(struct bench *b, unsigned long n);
	int (*measure)(struct bench *b, unsigned long n, u64 *pass_instret,
		       u64 *empty_instret, u64 *ns);
	/* BENCH_MULTI: worker @idx (of b->nr_harts) runs one run's share;
	 * returns the operations it counts. */
	unsigned long (*work)(struct bench *b, unsigned int idx);
	void (*teardown)(struct bench *b);	/* optional, after the last run */
};

/* One invocation of a benchmark: its parameters and its scratch space. */
struct bench {
	const struct benchmark *bm;	/* [const] */
	unsigned long iterations;	/* [const] iterations= or the default */
	unsigned int runs;		/* [const] runs= (default 5) */
	u64 run_ns;			/* [const] multi: ms= as nanoseconds */
	unsigned int nr_harts;		/* [const] workers (single: 1) */
	unsigned int cpu[BENCH_MAX_HARTS]; /* [const] their CPUs, ascending */
	void *priv;			/* [benchmark] its own state */
	unsigned long failures;		/* [benchmark] allocations that failed */
	u64 deadline_ns[BENCH_MAX_HARTS]; /* [worker idx] multi: this run's end */
};

#define BENCH(bm)							\
	static const struct benchmark *const __bench_##bm		\
	__used __section(".benchmarks") __aligned(8) = &(bm)

/*
 * bench_hide() - make the compiler forget what @var holds (an empty asm
 * that "changes" it), so an empty pass keeps the loop, the store and the
 * NULL test of the real one without calling anything.
 */
#define bench_hide(var) __asm__ __volatile__("" : "+r"(var))

/**
 * bench_on_harts() - run @fn on every CPU of @mask at once and wait
 * @mask: online CPUs; worker idx 0.. in ascending CPU order
 * @fn: called as @fn(@arg, idx) in a task bound to that CPU
 * @arg: passed through
 * @elapsed_ns: if not NULL, from the release to the last return
 *
 * Each task, once started, waits at a barrier (spinning) until all are
 * there; then all are released by one store.  The caller sleeps until the
 * last returns, so under ICOUNT=1 its hart sits in wfi meanwhile.
 * Context: task, may sleep.  Return: 0, -EINVAL for an empty mask or one
 * with an offline CPU or more than BENCH_MAX_HARTS, -ENOMEM if a task
 * could not be made (none is run then), -EBUSY for a call inside two
 * running ones (the runner's own and one from a measure()).
 */
int bench_on_harts(const struct cpumask *mask,
		   void (*fn)(void *arg, unsigned int idx), void *arg,
		   u64 *elapsed_ns);

/**
 * bench_instret_pass() - instret delta of @pass(@b, @n), interrupts off
 *
 * Context: task on the measuring hart.  Return: instructions retired (on
 * every hart together under ICOUNT=1) between the two reads.
 */
u64 bench_instret_pass(struct bench *b, void (*pass)(struct bench *b, unsigned long n),
		       unsigned long n);

/** bench_time_up() - has multi-hart worker @idx's run time (ms=) passed? */
bool bench_time_up(const struct bench *b, unsigned int idx);

/** bench_empty_pass() - @n turns of an empty counted loop (the default empty()) */
void bench_empty_pass(struct bench *b, unsigned long n);

/** bench_clock_ns() - nanoseconds since boot (the `time` CSR) */
u64 bench_clock_ns(void);

/**
 * bench_other_node() - the next node with memory after this hart's, by id
 *
 * Return: a node other than numa_node_id() that has memory, or
 * NUMA_NO_NODE when there is none.
 */
int bench_other_node(void);

#endif /* NODAL_BENCH_H */
