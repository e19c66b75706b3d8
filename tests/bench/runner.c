/* SPDX-License-Identifier: MIT */
/*
 * tests/bench/runner.c — the benchmark runner: the `bench` command, its
 * measurement of single-hart and multi-hart benchmarks, and the helpers
 * of include/nodal/bench.h.
 *
 * Overview     `bench [GLOB|all|list] [iterations=N] [runs=N] [mode=KIND]
 *              [ms=N] [harts=LIST]`
 *              runs every registered benchmark whose name GLOB matches
 *              (all of them without one), one after the other, and prints
 *              per benchmark a result line `bench NAME key=value ...` and a
 *              JSON line.  Single-hart benchmarks report instructions per
 *              operation, exact under ICOUNT=1; multi-hart ones report
 *              operations per second (median, minimum and maximum of the
 *              runs) with the lock_stat deltas of the classes they took.
 *              include/nodal/bench.h says how each figure is made; tools/bench
 *              (`make bench`) boots QEMU in the right mode for each kind.
 *
 * Structures   __benchmarks_start[] .. __benchmarks_end[]: pointers to
 *              struct benchmark (BENCH()).  One struct bench per run of a
 *              benchmark holds its parameters and scratch state; a struct
 *              hart_tasks (tests/lib/hart_tasks.h) holds one
 *              bench_on_harts() call's tasks and barrier:
 *
 *                cmd_bench ─▶ run_one ─▶ run_single ─▶ bench_on_harts(1 hart)
 *                                    │                   └▶ single_body: setup,
 *                                    │                      warm-up, runs × (pass,
 *                                    │                      empty), teardown
 *                                    └─▶ run_multi  ─▶ runs × bench_on_harts(all)
 *                                                        └▶ multi_worker: work()
 *
 * Locking      None of its own: one `bench` command at a time (the shell
 *              runs one command), results are written by one task each
 *              and read after kthread_wait(), which orders them.
 *
 * Per-CPU      None.  The timed passes run with local interrupts off on the
 *              measuring hart, so nothing per-CPU changes under them but
 *              what the benchmark itself does.
 *
 * Paths        Single: a task on the chosen hart runs setup(), a warm-up,
 *              then per run timed passes and empty passes of n and 2n
 *              iterations; the figure comes from the least net counts.  Multi: setup() on the
 *              shell task, a lock_stat walk, per run one task per hart
 *              released together, a second walk, the report.
 *
 * Linux        None in-tree for allocators (lib/test_meminit.c checks, it
 *              does not time).  xcpu_free follows mimalloc-bench's
 *              xmalloc-test; the single-hart method is the usual
 *              microbenchmark one (subtract an empty loop), made exact by
 *              QEMU's -icount.
 *
 * Statistics   the result lines and `JSON-BEGIN bench` … `JSON-END`.
 */
#include <asm/barrier.h>
#include <asm/processor.h>
#include <linux/delay.h>
#include <linux/errno.h>
#include <linux/irqflags.h>
#include <linux/kthread.h>
#include <linux/mmzone.h>
#include <linux/nodemask.h>
#include <linux/printk.h>
#include <linux/sched.h>
#include <linux/slab.h>
#include <linux/smp.h>
#include <linux/sort.h>
#include <linux/spinlock.h>
#include <linux/sprintf.h>
#include <linux/string.h>
#include <linux/timekeeping.h>
#include <linux/topology.h>
#include <nodal/bench.h>
#include <nodal/report.h>
#include <nodal/shell.h>

#include "../lib/counters.h"
#include "../lib/hart_tasks.h"
#include "../lib/options.h"

_Static_assert(BENCH_MAX_HARTS <= HART_TASKS_MAX, "a task per hart");

#define BENCH_DEFAULT_RUNS	5
#define BENCH_DEFAULT_MS	1000
#define BENCH_MAX_RUNS		101
#define BENCH_MAX_MS		3600000	   /* ms=: an hour per run */
#define BENCH_MAX_ITERATIONS	1000000000 /* 2n stays far from 2^64 */
/*
 * Single: the 2n pass runs with interrupts off, so its length is bounded
 * by operations (iterations × ops_per_iter): 10^6 a pass, the 2n pass
 * about 2.4 s at page_node's 1.2 µs an operation under TCG, far from the
 * watchdog's 10 s (10^6 iterations of page_batch, 1024 pages each, fired it).
 */
#define BENCH_SINGLE_MAX_OPS 1000000

extern const struct benchmark *const __benchmarks_start[];
extern const struct benchmark *const __benchmarks_end[];

#define for_each_benchmark(p) \
	for (const struct benchmark *const *p = __benchmarks_start; \
	     p < __benchmarks_end; p++)

/* ------------------------------------------------------------------ */
/* Helpers                                                             */

u64 bench_clock_ns(void)
{
	return ktime_get_ns();
}

bool bench_time_up(const struct bench *b, unsigned int idx)
{
	return ktime_get_ns() >= b->deadline_ns[idx];
}

noinline void bench_empty_pass(struct bench *b, unsigned long n)
{
	(void)b;
	for (unsigned long i = 0; i < n; i++)
		barrier();
}

u64 bench_instret_pass(struct bench *b, void (*pass)(struct bench *b, unsigned long n),
		       unsigned long n)
{
	unsigned long flags;
	u64 t0, t1;

	local_irq_save(flags);
	t0 = read_instret();
	pass(b, n);
	t1 = read_instret();
	local_irq_restore(flags);
	return t1 - t0;
}

int bench_other_node(void)
{
	int me = numa_node_id();

	for (int k = 1; k < MAX_NUMNODES; k++) {
		int nid = (me + k) % MAX_NUMNODES;

		if (node_state(nid, N_MEMORY))
			return nid;
	}
	return NUMA_NO_NODE;
}

/* ------------------------------------------------------------------ */
/* bench_on_harts(): tasks released together (tests/lib/hart_tasks.h)   */

int bench_on_harts(const struct cpumask *mask,
		   void (*fn)(void *arg, unsigned int idx), void *arg,
		   u64 *elapsed_ns)
{
	static struct hart_tasks pool[2]; /* measure() nests once */
	static unsigned int depth;
	const struct hart_work work = { .name = "bench/%u", .fn = fn };
	unsigned int cpus[BENCH_MAX_HARTS], nr = 0, cpu;
	struct hart_tasks *ht;
	u64 elapsed;
	int err;

	for_each_cpu(cpu, mask) {
		if (!cpu_online(cpu) || nr == BENCH_MAX_HARTS)
			return -EINVAL;
		cpus[nr++] = cpu;
	}
	if (depth >= ARRAY_SIZE(pool))
		return -EBUSY;
	ht = &pool[depth++];
	err = hart_tasks_start(ht, &work, arg, cpus, nr);
	if (!err) {
		hart_tasks_release(ht);
		elapsed = hart_tasks_join(ht);
		if (elapsed_ns)
			*elapsed_ns = elapsed;
	}
	depth--;
	return err;
}

/* ------------------------------------------------------------------ */
/* Lock classes: a walk before and after the runs                      */

struct lock_walk {
	unsigned int nr;		       /* rows filled */
	struct lock_row row[MAX_LOCK_CLASSES]; /* by class position */
};

/* A lock class's change over the runs: a text line, a JSON record. */
static const char *const lock_fmt[NR_LOCK_DELTA_FIELDS] = {
	[LOCK_DELTA_CLASS] = "lock=%s",
	[LOCK_DELTA_ACQUISITIONS] = " acquisitions=%llu",
	[LOCK_DELTA_CONTENTIONS] = " contentions=%llu",
	[LOCK_DELTA_WAIT_TOTAL_US] = " wait_total_us=%llu",
	[LOCK_DELTA_BOUNCES] = " bounces=%llu",
};

/* "locks": the classes taken between @a and @b (b later). */
static void emit_lock_rows(struct report *r, const char *bench_name,
			   const struct lock_walk *a, const struct lock_walk *b)
{
	report_list(r, "locks");
	for (unsigned int i = 0; i < b->nr; i++) {
		struct lock_class_stats y = { 0 }, d;

		if (!b->row[i].known)
			continue;
		if (i < a->nr && a->row[i].known)
			y = a->row[i].st;
		if (b->row[i].st.acquisitions == y.acquisitions)
			continue;
		lock_stats_delta(&d, &b->row[i].st, &y);
		report_item(r);
		report_text(r, "bench %s ", bench_name);
		lock_delta_emit(r, b->row[i].name, &d, lock_fmt);
		report_item_end(r);
	}
	report_list_end(r);
}

/* ------------------------------------------------------------------ */
/* Reporting                                                           */

static int cmp_u64(const void *a, const void *b)
{
	u64 x = *(const u64 *)a, y = *(const u64 *)b;

	return x < y ? -1 : x > y;
}

/* Median of @v[0..n) (sorted in place), the two middle ones averaged. */
static u64 median_u64(u64 *v, unsigned int n)
{
	sort(v, n, sizeof(*v), cmp_u64, NULL);
	return (v[(n - 1) / 2] + v[n / 2]) / 2;
}

/*
 * A result: `bench NAME key=value ...` for people, the JSON record for
 * tools/bench.  The keys are the ones tools/bench reads.
 */
enum {
	B_NAME,
	B_MODE,
	B_UNIT,
	B_CPU,
	B_NODE,
	B_ITERATIONS,
	B_OPS_PER_ITER,
	B_MS,
	B_OPS,
	B_RUNS,
	B_INSTR_PER_OP,
	B_SAME_EVERY_RUN,
	B_NS_PER_OP,
	B_OPS_FIRST_RUN,
	B_MEDIAN,
	B_MIN,
	B_MAX,
	B_RUN_OPS,
	B_RUN_NS,
	B_RUN_RATE,
	B_FAILURES,
	B_SKIP,
	B_NR_CPUS,
	B_NR_NODES,
	NR_B_FIELDS
};

static const struct report_field bench_fields[NR_B_FIELDS] = {
	[B_NAME] = { "name", "bench %s" },
	[B_MODE] = { "mode", " mode=%s" },
	[B_UNIT] = { "unit", " unit=%s" },
	[B_CPU] = { "cpu", " cpu=%llu" },
	[B_NODE] = { "node", " node=%lld" },
	[B_ITERATIONS] = { "iterations", NULL },
	[B_OPS_PER_ITER] = { "ops_per_iter", NULL },
	[B_MS] = { "ms", NULL },
	[B_OPS] = { "ops", " ops=%llu" },
	[B_RUNS] = { "runs", " runs=%llu" },
	[B_INSTR_PER_OP] = { "instr_per_op", " instr_per_op=%s" },
	[B_SAME_EVERY_RUN] = { "same_every_run", " same_every_run=%s" },
	[B_NS_PER_OP] = { "ns_per_op", " ns_per_op=%s" },
	[B_OPS_FIRST_RUN] = { NULL, " ops_first_run=%llu" },
	[B_MEDIAN] = { "median", " ops_per_sec_median=%llu" },
	[B_MIN] = { "min", " ops_per_sec_min=%llu" },
	[B_MAX] = { "max", " ops_per_sec_max=%llu" },
	[B_RUN_OPS] = { "ops", NULL },
	[B_RUN_NS] = { "elapsed_ns", NULL },
	[B_RUN_RATE] = { "ops_per_sec", NULL },
	[B_FAILURES] = { "failures", " failures=%llu" },
	[B_SKIP] = { "skip", " skip: %s" },
	[B_NR_CPUS] = { "nr_cpus", NULL },
	[B_NR_NODES] = { "nr_nodes", NULL },
};

/* JSON only: the machine and the knobs the figures were taken under. */
static void emit_machine(struct report *r)
{
	report_u64(r, &bench_fields[B_NR_CPUS], num_online_cpus());
	report_u64(r, &bench_fields[B_NR_NODES], num_online_nodes());
	report_object(r, "knobs");
	allocator_knobs_emit(r);
	report_object_end(r);
}

/* Hundredths of @num / @den, rounded: 12345 for 123.45. */
static u64 hundredths(u64 num, u64 den)
{
	return den ? (num * 100 + den / 2) / den : 0;
}

/* ------------------------------------------------------------------ */
/* Single-hart benchmarks                                              */

struct single_result {
	int err;				/* setup's or measure()'s */
	u64 pass[2][BENCH_MAX_RUNS];		/* n and 2n iterations, per run */
	u64 empty[2][BENCH_MAX_RUNS];		/* their empty twins */
	u64 ns[BENCH_MAX_RUNS];			/* wall time of the 2n pass */
};

static struct single_result single_res;

/* Instructions of @n iterations and of their empty twin; the pass's time. */
static int single_sample(struct bench *b, unsigned long n, u64 *pass, u64 *empty,
			 u64 *ns)
{
	const struct benchmark *bm = b->bm;
	u64 t0;

	if (bm->measure)
		return bm->measure(b, n, pass, empty, ns);
	t0 = ktime_get_ns();
	*pass = bench_instret_pass(b, bm->pass, n);
	*ns = ktime_get_ns() - t0;
	*empty = bench_instret_pass(b, bm->empty ?: bench_empty_pass, n);
	return 0;
}

/*
 * On the measuring hart: setup, a warm-up sample, then per run a sample
 * of n and one of 2n iterations, teardown.  The difference of the two
 * (run_single) drops what a pass costs once whatever its length: the
 * pass function's own prologue, which its empty twin does not share.
 */
static void single_body(void *arg, unsigned int idx)
{
	struct bench *b = arg;
	struct single_result *res = &single_res;
	unsigned long n = b->iterations;
	u64 warm_pass, warm_empty, ns_n;

	(void)idx;
	res->err = b->bm->setup ? b->bm->setup(b) : 0;
	if (res->err)
		return;
	res->err = single_sample(b, n, &warm_pass, &warm_empty, &ns_n);
	for (unsigned int r = 0; r < b->runs && !res->err; r++) {
		res->err = single_sample(b, n, &res->pass[0][r], &res->empty[0][r], &ns_n);
		if (!res->err)
			res->err = single_sample(b, 2 * n, &res->pass[1][r],
						 &res->empty[1][r], &res->ns[r]);
	}
	if (b->bm->teardown)
		b->bm->teardown(b);
}

static u64 min_of(const u64 *v, unsigned int n)
{
	u64 lo = v[0];

	for (unsigned int i = 1; i < n; i++)
		lo = min(lo, v[i]);
	return lo;
}

static bool all_equal(const u64 *v, unsigned int n)
{
	for (unsigned int i = 1; i < n; i++)
		if (v[i] != v[0])
			return false;
	return true;
}

/* A single-hart result; the figures are in hundredths. */
struct single_figures {
	u64 per_op;    /* instructions per operation */
	u64 ns_per_op; /* the median run's wall time */
	bool steady;   /* every run counted the same */
};

/* The instruction counts of every run, JSON only. */
static void emit_instret(struct report *r, const struct bench *b)
{
	static const char *const keys[4] = {
		"pass_instret_n",
		"empty_instret_n",
		"pass_instret_2n",
		"empty_instret_2n",
	};
	const struct single_result *res = &single_res;

	for (int k = 0; k < 4; k++) {
		const u64 *v = k & 1 ? res->empty[k / 2] : res->pass[k / 2];

		report_list(r, keys[k]);
		for (unsigned int i = 0; i < b->runs; i++)
			report_list_u64(r, NULL, v[i]);
		report_list_end(r);
	}
}

struct single_view {
	const struct bench *b;
	struct single_figures fig;
};

static void single_emit(struct report *r, void *arg)
{
	const struct single_view *v = arg;
	const struct bench *b = v->b;
	const struct benchmark *bm = b->bm;

	report_str(r, &bench_fields[B_NAME], bm->name);
	report_str(r, &bench_fields[B_MODE], "single");
	report_str(r, &bench_fields[B_UNIT], bm->unit);
	report_u64(r, &bench_fields[B_CPU], b->cpu[0]);
	report_s64(r, &bench_fields[B_NODE], cpu_to_node(b->cpu[0]));
	report_u64(r, &bench_fields[B_ITERATIONS], b->iterations);
	report_u64(r, &bench_fields[B_OPS_PER_ITER], bm->ops_per_iter);
	report_u64(r, &bench_fields[B_OPS], (u64)b->iterations * bm->ops_per_iter);
	report_u64(r, &bench_fields[B_RUNS], b->runs);
	report_fixed(r, &bench_fields[B_INSTR_PER_OP], v->fig.per_op, 2);
	report_bool(r, &bench_fields[B_SAME_EVERY_RUN], v->fig.steady);
	report_fixed(r, &bench_fields[B_NS_PER_OP], v->fig.ns_per_op, 2);
	report_u64(r, &bench_fields[B_FAILURES], b->failures);
	report_text(r, "\n");
	emit_instret(r, b);
	emit_machine(r);
}

static int run_single(struct bench *b)
{
	struct single_result *res = &single_res;
	u64 ops = (u64)b->iterations * b->bm->ops_per_iter, ns;
	struct single_view view = { .b = b };
	s64 net_n, net_2n;
	struct cpumask one;
	int err;

	memset(res, 0, sizeof(*res));
	cpumask_clear(&one);
	cpumask_set_cpu(b->cpu[0], &one);
	err = bench_on_harts(&one, single_body, b, NULL);
	if (!err)
		err = res->err;
	if (err)
		return err;
	/*
	 * Noise only adds instructions: the least count of each is the clean
	 * one.  Signed: with a handful of iterations (the smoke pass) the
	 * empty twin may cost more than the pass, and the figure is then 0.
	 */
	net_n = (s64)(min_of(res->pass[0], b->runs) - min_of(res->empty[0], b->runs));
	net_2n = (s64)(min_of(res->pass[1], b->runs) - min_of(res->empty[1], b->runs));
	ns = median_u64(res->ns, b->runs);
	view.fig.per_op = hundredths(net_2n > net_n ? (u64)(net_2n - net_n) : 0,
				     ops);
	view.fig.ns_per_op = hundredths(ns, 2 * ops);
	view.fig.steady = all_equal(res->pass[0], b->runs) &&
			  all_equal(res->pass[1], b->runs) &&
			  all_equal(res->empty[0], b->runs) &&
			  all_equal(res->empty[1], b->runs);
	report_print("bench", single_emit, &view);
	return b->failures ? -ENOMEM : 0;
}

/* ------------------------------------------------------------------ */
/* Multi-hart benchmarks                                               */

static unsigned long worker_ops[BENCH_MAX_HARTS];	/* [worker idx] */

static void multi_worker(void *arg, unsigned int idx)
{
	struct bench *b = arg;

	b->deadline_ns[idx] = ktime_get_ns() + b->run_ns;
	worker_ops[idx] = b->bm->work(b, idx);
}

struct multi_result {
	u64 rate[BENCH_MAX_RUNS];	/* ops/s per run */
	u64 ops[BENCH_MAX_RUNS];	/* ops per run */
	u64 ns[BENCH_MAX_RUNS];		/* release to last end, per run */
	u64 median, lo, hi;		/* of rate[] */
	struct lock_walk before, after;	/* lock classes around the runs */
};

static struct multi_result multi_res;

struct multi_view {
	const struct bench *b;
	const struct multi_result *m;
};

/* The runs, JSON only: what each did and took. */
static void emit_runs(struct report *r, const struct bench *b,
		      const struct multi_result *m)
{
	report_list(r, "per_run");
	for (unsigned int i = 0; i < b->runs; i++) {
		report_object(r, NULL);
		report_u64(r, &bench_fields[B_RUN_OPS], m->ops[i]);
		report_u64(r, &bench_fields[B_RUN_NS], m->ns[i]);
		report_u64(r, &bench_fields[B_RUN_RATE], m->rate[i]);
		report_object_end(r);
	}
	report_list_end(r);
}

static void multi_emit(struct report *r, void *arg)
{
	const struct multi_view *v = arg;
	const struct bench *b = v->b;
	const struct multi_result *m = v->m;

	report_str(r, &bench_fields[B_NAME], b->bm->name);
	report_str(r, &bench_fields[B_MODE], "multi");
	report_str(r, &bench_fields[B_UNIT], b->bm->unit);
	report_text(r, " harts=%u nodes=%u", b->nr_harts, num_online_nodes());
	report_list(r, "harts");
	for (unsigned int i = 0; i < b->nr_harts; i++)
		report_list_u64(r, NULL, b->cpu[i]);
	report_list_end(r);
	report_u64(r, &bench_fields[B_ITERATIONS], b->iterations);
	report_u64(r, &bench_fields[B_MS], b->run_ns / 1000000);
	report_u64(r, &bench_fields[B_RUNS], b->runs);
	report_u64(r, &bench_fields[B_OPS_FIRST_RUN], m->ops[0]);
	report_object(r, "ops_per_sec");
	report_u64(r, &bench_fields[B_MEDIAN], m->median);
	report_u64(r, &bench_fields[B_MIN], m->lo);
	report_u64(r, &bench_fields[B_MAX], m->hi);
	report_object_end(r);
	emit_runs(r, b, m);
	report_text(r, " pcp=%s slub_nocpu=%s", pcp_enabled ? "on" : "off",
		    slub_nocpu ? "on" : "off");
	report_u64(r, &bench_fields[B_FAILURES], b->failures);
	report_text(r, "\n");
	emit_lock_rows(r, b->bm->name, &m->before, &m->after);
	emit_machine(r);
}

static int run_multi(struct bench *b, const struct cpumask *mask)
{
	struct multi_result *m = &multi_res;
	u64 sorted[BENCH_MAX_RUNS];
	int err = b->bm->setup ? b->bm->setup(b) : 0;

	if (err)
		return err;
	m->lo = ~0ULL;
	m->hi = 0;
	m->before.nr = lock_rows_walk(m->before.row, MAX_LOCK_CLASSES);
	for (unsigned int r = 0; r < b->runs && !err; r++) {
		m->ops[r] = m->ns[r] = 0;
		err = bench_on_harts(mask, multi_worker, b, &m->ns[r]);
		for (unsigned int i = 0; i < b->nr_harts; i++)
			m->ops[r] += worker_ops[i];
		m->rate[r] = m->ns[r] ? m->ops[r] * 1000000000ULL / m->ns[r] : 0;
		m->lo = min(m->lo, m->rate[r]);
		m->hi = max(m->hi, m->rate[r]);
	}
	m->after.nr = lock_rows_walk(m->after.row, MAX_LOCK_CLASSES);
	if (b->bm->teardown)
		b->bm->teardown(b);
	if (err)
		return err;
	memcpy(sorted, m->rate, sizeof(u64) * b->runs);
	m->median = median_u64(sorted, b->runs);
	report_print("bench", multi_emit, &(struct multi_view){ b, m });
	return b->failures ? -ENOMEM : 0;
}

/* ------------------------------------------------------------------ */
/* The command                                                         */

struct bench_args {
	const char *glob;		/* NULL: all */
	u64 iterations;			/* 0: each benchmark's default */
	unsigned int runs;
	u64 ms;				/* multi: time limit of a run */
	int mode;			/* -1: both kinds, else enum bench_mode */
	bool have_harts;
	struct cpumask harts;
};

/* Why @bm cannot run here (a static string), or NULL. */
static const char *skip_reason(const struct benchmark *bm, unsigned int nr_harts)
{
	static char why[48];

	if (num_node_state(N_MEMORY) < bm->min_nodes) {
		snprintf(why, sizeof(why), "needs %u nodes with memory", bm->min_nodes);
		return why;
	}
	if (nr_harts < bm->min_harts) {
		snprintf(why, sizeof(why), "needs %u harts", bm->min_harts);
		return why;
	}
	return NULL;
}

struct skip_view {
	const struct benchmark *bm;
	const char *why;
};

/* "bench NAME skip: WHY"; the JSON record says the mode too. */
static void skip_emit(struct report *r, void *arg)
{
	const struct skip_view *v = arg;

	report_str(r, &bench_fields[B_NAME], v->bm->name);
	if (!report_is_text(r))
		report_str(r, &bench_fields[B_MODE],
			   v->bm->mode == BENCH_SINGLE ? "single" : "multi");
	report_str(r, &bench_fields[B_SKIP], v->why);
	report_text(r, "\n");
}

static void print_skip(const struct benchmark *bm, const char *why)
{
	report_print("bench", skip_emit, &(struct skip_view){ bm, why });
}

/* Run @bm; 0 also when skipped (*skipped set). */
static int run_one(const struct benchmark *bm, const struct bench_args *a,
		   bool *skipped)
{
	static struct bench b;
	struct cpumask mask;
	const char *why;
	unsigned int cpu;
	int err;

	memset(&b, 0, sizeof(b));
	b.bm = bm;
	b.iterations = a->iterations ?: bm->iterations;
	b.runs = a->runs;
	b.run_ns = a->ms * 1000000ULL;
	cpumask_copy(&mask, a->have_harts ? &a->harts : cpu_online_mask);
	if (bm->mode == BENCH_SINGLE && !a->have_harts) {
		cpumask_clear(&mask);
		cpumask_set_cpu(smp_processor_id(), &mask);
	}
	for_each_cpu(cpu, &mask) {
		if (bm->mode == BENCH_SINGLE && b.nr_harts == 1)
			break;		/* single: the first listed hart */
		b.cpu[b.nr_harts++] = cpu;
	}
	if (bm->mode == BENCH_SINGLE) {
		cpumask_clear(&mask);
		cpumask_set_cpu(b.cpu[0], &mask);
	}
	why = skip_reason(bm, bm->mode == BENCH_SINGLE ? num_online_cpus() : b.nr_harts);
	*skipped = why != NULL;
	if (why) {
		print_skip(bm, why);
		return 0;
	}
	err = bm->mode == BENCH_SINGLE ? run_single(&b) : run_multi(&b, &mask);
	if (err == -ENODEV) {	/* setup() found the machine unsuitable */
		*skipped = true;
		print_skip(bm, "setup found no suitable hart or node");
		return 0;
	}
	if (err)
		console_printf("bench: %s failed (%d, %lu allocation failures)\n",
			       bm->name, err, b.failures);
	return err;
}

/* harts=LIST: the set of CPUs it lists (a repeat counts once). */
static int parse_harts(struct bench_args *a, const char *val)
{
	unsigned int cpus[BENCH_MAX_HARTS];
	int n = option_harts("bench", "harts", val, cpus, BENCH_MAX_HARTS);

	if (n < 0)
		return n;
	cpumask_clear(&a->harts);
	for (int i = 0; i < n; i++)
		cpumask_set_cpu(cpus[i], &a->harts);
	a->have_harts = true;
	return 0;
}

/* One KEY=VALUE into @a.  Return: 0, or an errno (the message printed). */
static int parse_option(struct bench_args *a, const char *key, const char *val)
{
	u64 v;
	int err;

	if (!strcmp(key, "iterations"))
		return option_u64("bench", key, val, 1, BENCH_MAX_ITERATIONS,
				  &a->iterations);
	if (!strcmp(key, "ms"))
		return option_u64("bench", key, val, 1, BENCH_MAX_MS, &a->ms);
	if (!strcmp(key, "runs")) {
		err = option_u64("bench", key, val, 1, BENCH_MAX_RUNS, &v);
		if (!err)
			a->runs = (unsigned int)v;
		return err;
	}
	if (!strcmp(key, "mode")) {
		if (!strcmp(val, "single") || !strcmp(val, "multi")) {
			a->mode = strcmp(val, "single") ? BENCH_MULTI :
							  BENCH_SINGLE;
			return 0;
		}
		console_printf("bench: mode=%s: single or multi\n", val);
		return -EINVAL;
	}
	if (!strcmp(key, "harts"))
		return parse_harts(a, val);
	console_printf("bench: unknown option '%s' (see help bench)\n", key);
	return -EINVAL;
}

static int parse_args(int argc, char **argv, struct bench_args *a)
{
	memset(a, 0, sizeof(*a));
	a->runs = BENCH_DEFAULT_RUNS;
	a->mode = -1;
	a->ms = BENCH_DEFAULT_MS;
	for (int i = 1; i < argc; i++) {
		char *val = strchr(argv[i], '=');
		int err;

		if (!val) {
			if (a->glob) {
				console_printf("bench: one GLOB only ('%s')\n", argv[i]);
				return -EINVAL;
			}
			a->glob = strcmp(argv[i], "all") ? argv[i] : "*";
			continue;
		}
		*val++ = 0;
		for (int j = 1; j < i; j++) /* earlier KEY=VALUE words: keys now */
			if (!strcmp(argv[j], argv[i]) && argv[j] != a->glob) {
				console_printf("bench: %s= given twice\n",
					       argv[i]);
				return -EINVAL;
			}
		err = parse_option(a, argv[i], val);
		if (err)
			return err;
	}
	return 0;
}

static bool selected(const struct benchmark *bm, const struct bench_args *a)
{
	return (!a->glob || glob_match(a->glob, bm->name)) &&
	       (a->mode < 0 || (int)bm->mode == a->mode);
}

/*
 * iterations= must keep every selected single benchmark's pass within
 * BENCH_SINGLE_MAX_OPS (interrupts off); checked before any runs.
 */
static int check_single_ops(const struct bench_args *a)
{
	for_each_benchmark(p) {
		const struct benchmark *bm = *p;

		if (!a->iterations || bm->mode != BENCH_SINGLE ||
		    !selected(bm, a) ||
		    a->iterations <= BENCH_SINGLE_MAX_OPS / bm->ops_per_iter)
			continue;
		console_printf("bench: iterations=%llu: %s would make %llu operations a pass with interrupts off, at most %u (iterations=%u)\n",
			       a->iterations, bm->name,
			       (unsigned long long)a->iterations * bm->ops_per_iter,
			       BENCH_SINGLE_MAX_OPS,
			       BENCH_SINGLE_MAX_OPS / bm->ops_per_iter);
		return -ERANGE;
	}
	return 0;
}

static void list_benchmarks(void)
{
	console_printf("benchmarks:\n");
	for_each_benchmark(p)
		console_printf("  %-17s %-6s %s\n", (*p)->name,
			       (*p)->mode == BENCH_SINGLE ? "single" : "multi",
			       (*p)->help);
}

static int cmd_bench(int argc, char **argv)
{
	struct bench_args a;
	unsigned int nr_run = 0, nr_skipped = 0, nr_failed = 0;
	int err, first_err = 0;

	if (argc == 2 && !strcmp(argv[1], "list")) {
		list_benchmarks();
		return 0;
	}
	err = parse_args(argc, argv, &a);
	if (err)
		return err;
	err = check_single_ops(&a);
	if (err)
		return err;
	for_each_benchmark(p) {
		bool skipped = false;

		if (!selected(*p, &a))
			continue;
		err = run_one(*p, &a, &skipped);
		nr_run += !skipped && !err;
		nr_skipped += skipped;
		nr_failed += err != 0;
		if (err && !first_err)
			first_err = err;
	}
	if (!nr_run && !nr_skipped && !nr_failed) {
		console_printf("bench: no benchmark matches '%s'%s (bench list)\n",
			       a.glob ?: "*", a.mode >= 0 ? " of that mode" : "");
		return -ENOENT;
	}
	console_printf("bench: %u run, %u skipped, %u failed\n", nr_run, nr_skipped,
		       nr_failed);
	return first_err;
}

static const char bench_details[] =
	"bench [GLOB|all|list] [iterations=N] [runs=N] [mode=single|multi] [ms=N]\n"
	"      [harts=LIST]\n"
	"Runs the benchmarks GLOB matches ('bench list' names them; none or\n"
	"'all': every one), each printing 'bench NAME key=value ...' and a JSON\n"
	"line.  Two kinds (include/nodal/bench.h):\n"
	"  single  one hart, interrupts off: instructions per operation from\n"
	"          timed passes minus the same loops without the API calls\n"
	"          (n and 2n iterations, least over the runs); exact only\n"
	"          under ICOUNT=1, where the other harts sleep in wfi.\n"
	"          ns_per_op: the median run's wall time.\n"
	"  multi   a task on every hart of LIST, released together: operations\n"
	"          per second, median/min/max of the runs, then the lock_stat\n"
	"          rows of the classes taken.  Meaningful without ICOUNT.\n"
	"  iterations=N  per pass (single) or per hart and run (multi),\n"
	"                1..1000000000, and for a single benchmark at most\n"
	"                1000000 operations a pass (page_batch: iterations=976);\n"
	"                default the benchmark's own\n"
	"  runs=N        repetitions (default 5, at most 101)\n"
	"  mode=single|multi  only the benchmarks of that kind\n"
	"  ms=N          multi: a run stops after N ms even if its iterations\n"
	"                are not done (default 1000, at most 3600000)\n"
	"  harts=LIST    single: the first hart of LIST measures (default this\n"
	"                one); multi: the workers (default every online hart)\n"
	"A benchmark that needs more nodes or harts prints 'skip: ...'.\n"
	"make bench (tools/bench) runs the whole set in the right modes.\n";
SHELL_COMMAND_DETAILED("bench", cmd_bench,
		       "[GLOB|all|list] [KEY=VALUE...]",
		       "microbenchmarks: instructions per op (ICOUNT=1) or ops/s",
		       bench_details);
