/* SPDX-License-Identifier: MIT */
/*
 * tests/stress/run.c — the `stress` command: run a scenario's workers as
 * tasks on chosen harts, watch them, and report what the allocators and
 * their locks went through.
 *
 * Overview     `stress NAME [secs=S | ops=N] [seed=N] [harts=LIST]
 *              [policy=MODE:NODES] [size=N] [mode=N] [numa_delay=NS]`.
 *              One worker task per hart of LIST (default: every online
 *              hart), bound to it, released together from a barrier; the
 *              shell task prints `stress: NAME T s: N ops, R ops/s` about
 *              once a second, stops the workers when the time is up (or
 *              each stops at its share of ops=), joins them and reports:
 *              throughput per hart, the lock_stat rows of the locks
 *              involved, numastat per node, pcp and SLUB counter deltas,
 *              the alloc-node × free-node matrix and the integrity
 *              verdict, then one JSON line and PASS or FAIL.
 *
 * Structures   struct stress_run (one per command, stress.h) holds the
 *              options and the workers; each worker counts its own
 *              operations and findings, so nothing is shared on the hot
 *              path but what the scenario shares.  The worker tasks are a
 *              struct hart_tasks (tests/lib/hart_tasks.h); what the run
 *              did is a struct stress_outcome (internal.h).  The files:
 *
 *                run.c       options, workers, the command (this file)
 *                objects.c   checksummed objects and pages, numa_delay=
 *                snapshot.c  counters before and after, the verdict
 *                report.c    the text table and the JSON line
 *                <mm>_<what it presses>.c   the scenarios (STRESS_TEST)
 *
 * Locking      None of its own: every counter has one writer (its worker)
 *              and is read racily for progress, exactly after the join.
 *
 * Invariants   STRESS-1 free pages are counted after draining the pcp lists
 *              and shrinking every slab cache: before setup, and after
 *              teardown once every worker task is reaped (or setup
 *              failed, or none started), so they compare exactly.  Counters are read before teardown, which may
 *              destroy the scenario's cache with its statistics.
 *              STRESS-2 a run's verdict is PASS only if no checksum failed,
 *              no double free was caught, Σ live = 0, free pages came back,
 *              every slab cache validates and the scenario found nothing.
 *
 * Paths        parse → snapshot → setup → start → progress/stop → join →
 *              snapshot → teardown → free pages and caches checked →
 *              report.  A failed setup, or workers that cannot start:
 *              teardown, free pages checked, the command fails with the
 *              errno.  Every refused option prints why and runs nothing:
 *              a scenario's own check() (mode=) is asked at parse time,
 *              before the snapshot drains and shrinks anything.
 *
 * Linux        None: Linux has no in-kernel allocator stress suite; the
 *              workloads re-express mimalloc-bench's xmalloc-test, larson,
 *              and the MIT 6.1810 lock lab's kalloctest
 *              (docs/linux-facts.md §9).
 *
 * Statistics   the report above; `JSON-BEGIN stress` … `JSON-END`.
 */
#include <asm/barrier.h>
#include <limits.h>
#include <linux/cpumask.h>
#include <linux/delay.h>
#include <linux/errno.h>
#include <linux/fault-inject.h>
#include <linux/init.h>
#include <linux/mempolicy.h>
#include <linux/printk.h>
#include <linux/sched.h>
#include <linux/slab.h>
#include <linux/smp.h>
#include <linux/string.h>
#include <linux/timekeeping.h>
#include <linux/topology.h>
#include <nodal/shell.h>
#include <nodal/tick.h>

#include "../lib/hart_tasks.h"
#include "../lib/options.h"
#include "internal.h"

#define NS_PER_SEC  1000000000ULL
#define PROGRESS_NS NS_PER_SEC

extern const struct stress_test *const __stress_tests_start[];
extern const struct stress_test *const __stress_tests_end[];

#define for_each_stress_test(t)                                         \
	for (const struct stress_test *const *t = __stress_tests_start; \
	     t < __stress_tests_end; t++)

#define STRESS_MAX_SECS	 86400	 /* secs=: a day */
#define STRESS_MAX_DELAY 1000000 /* numa_delay=: 1 ms per distance unit */

static u64 numa_delay_default; /* [init] numa_delay= boot option */

static void parse_numa_delay(const char *val)
{
	u64 ns;

	if (!val || kstrtoull(val, 0, &ns) || ns > STRESS_MAX_DELAY)
		pr_warn("stress: numa_delay=%s ignored: nanoseconds per distance unit, 0..%u\n",
			val ? val : "", STRESS_MAX_DELAY);
	else
		numa_delay_default = ns;
}
cmdline_param(
	"numa_delay", parse_numa_delay,
	"numa_delay=NS: stress tests busy-wait NS per distance unit above 10 on each remote access");

/* ------------------------------------------------------------------ */
/* The tick hook                                                       */

static void (*tick_hook)(void); /* [atomic] */
static bool tick_registered;	/* [shell] */

static void stress_tick(void)
{
	void (*fn)(void) = smp_load_acquire(&tick_hook);

	if (fn)
		fn();
}

int stress_set_tick_hook(void (*fn)(void))
{
	if (!tick_registered && fn) {
		int err = register_tick_work(stress_tick, 1);

		if (err) {
			console_printf("stress: no tick work slot left (%d)\n",
				       err);
			return err;
		}
		tick_registered = true;
	}
	smp_store_release(&tick_hook, fn);
	if (!fn)
		msleep(30); /* every hart's tick has seen it */
	return 0;
}

/* ------------------------------------------------------------------ */
/* Arguments                                                           */

static const struct stress_test *find_test(const char *name)
{
	for_each_stress_test(t)
		if (!strcmp((*t)->name, name))
			return *t;
	return NULL;
}

static int parse_policy(struct stress_run *r, const char *val)
{
	const char *why = "";
	int err;

	strscpy(r->policy_str, val, sizeof(r->policy_str));
	err = mpol_parse(val, &r->policy_mode, &r->policy_nodes, &why);
	if (err)
		console_printf("stress: policy=%s: %s\n", val, why);
	r->have_policy = !err;
	return err;
}

/*
 * size= and mode=: checked for every scenario, kept for one that reads
 * them; another says it ignores them (a study sweep passes the same
 * options to every scenario).
 */
static int parse_scenario_option(struct stress_run *r, const char *key,
				 const char *val)
{
	bool size = !strcmp(key, "size");
	u64 v;
	int err;

	if (size)
		err = option_u64("stress", key, val, STRESS_OBJ_MIN,
				 KMALLOC_MAX_CACHE_SIZE, &v);
	else
		err = option_u64("stress", key, val, 0, INT_MAX, &v);
	if (err)
		return err;
	if (!(r->test->opts & (size ? STRESS_OPT_SIZE : STRESS_OPT_MODE)))
		console_printf("stress: %s reads no %s=: ignored\n",
			       r->test->name, key);
	else if (size)
		r->size = v;
	else
		r->mode_arg = (int)v;
	return 0;
}

/* One KEY=VALUE into @r.  Return: 0, or an errno (the message printed). */
static int parse_option(struct stress_run *r, const char *key, const char *val)
{
	u64 v;
	int err;

	if (!strcmp(key, "secs"))
		return option_u64("stress", key, val, 1, STRESS_MAX_SECS,
				  &r->secs);
	if (!strcmp(key, "seed"))
		return option_u64("stress", key, val, 0, ULONG_MAX, &r->seed);
	if (!strcmp(key, "numa_delay"))
		return option_u64("stress", key, val, 0, STRESS_MAX_DELAY,
				  &r->numa_delay_ns);
	if (!strcmp(key, "ops")) {
		err = option_u64("stress", key, val, 1, ULONG_MAX, &v);
		if (!err)
			r->ops_limit = v;
		return err;
	}
	if (!strcmp(key, "size") || !strcmp(key, "mode"))
		return parse_scenario_option(r, key, val);
	if (!strcmp(key, "fail_page") || !strcmp(key, "fail_slab")) {
		err = option_u64("stress", key, val, 0, 100, &v);
		if (!err)
			*(key[5] == 'p' ? &r->fail_page : &r->fail_slab) = (int)v;
		return err;
	}
	if (!strcmp(key, "harts")) { /* 0,0: two workers sharing hart 0 */
		int n = option_harts("stress", key, val, r->cpu, HART_TASKS_MAX);

		if (n < 0)
			return n;
		r->nr = (unsigned int)n;
		return 0;
	}
	if (!strcmp(key, "policy"))
		return parse_policy(r, val);
	console_printf("stress: unknown option '%s' (see help stress)\n", key);
	return -EINVAL;
}

/* What the options say together, and whether the scenario can run so. */
static int check_args(struct stress_run *r)
{
	if (r->ops_limit && r->secs) {
		console_printf("stress: secs= or ops=, not both\n");
		return -EINVAL;
	}
	if (!r->ops_limit && !r->secs)
		r->secs = 5;
	if (r->nr < r->test->min_harts) {
		console_printf("stress: %s needs at least %u harts\n",
			       r->test->name, r->test->min_harts);
		return -EINVAL;
	}
	if (num_node_state(N_MEMORY) < r->test->min_nodes) {
		console_printf("stress: %s needs at least %u nodes with memory\n",
			       r->test->name, r->test->min_nodes);
		return -ENODEV;
	}
	return r->test->check ? r->test->check(r) : 0;
}

static int parse_args(struct stress_run *r, int argc, char **argv)
{
	unsigned int cpu;

	r->seed = 1;
	r->mode_arg = -1;
	r->numa_delay_ns = numa_delay_default;
	r->fail_page = -1;
	r->fail_slab = -1;
	r->nr = 0;
	for_each_online_cpu(cpu)
		if (r->nr < HART_TASKS_MAX)
			r->cpu[r->nr++] = cpu;
	for (int i = 2; i < argc; i++) {
		char *val = strchr(argv[i], '=');
		int err;

		if (!val) {
			console_printf("stress: '%s' is not KEY=VALUE\n", argv[i]);
			return -EINVAL;
		}
		*val++ = 0;
		for (int j = 2; j < i; j++) /* earlier words: keys now */
			if (!strcmp(argv[j], argv[i])) {
				console_printf("stress: %s= given twice\n",
					       argv[i]);
				return -EINVAL;
			}
		err = parse_option(r, argv[i], val);
		if (err)
			return err;
	}
	return check_args(r);
}

/* ------------------------------------------------------------------ */
/* Workers                                                             */

static void init_workers(struct stress_run *r)
{
	for (unsigned int i = 0; i < r->nr; i++) {
		struct stress_worker *w = &r->w[i];

		w->run = r;
		w->idx = i;
		w->cpu = r->cpu[i];
		w->nid = cpu_to_node(w->cpu);
		prandom_seed_state(&w->rnd, r->seed * 1000003ULL + i);
		if (r->ops_limit)
			w->quota = r->ops_limit / r->nr +
				   (i < r->ops_limit % r->nr);
	}
}

/* On the worker's hart, before the barrier: the run's memory policy. */
static void worker_prepare(void *arg, unsigned int idx)
{
	struct stress_run *r = arg;
	int err;

	if (!r->have_policy)
		return;
	err = set_mempolicy(r->policy_mode, &r->policy_nodes);
	if (err)
		pr_err("stress: worker %u: set_mempolicy: %d\n", idx, err);
}

static void worker_run(void *arg, unsigned int idx)
{
	struct stress_run *r = arg;
	struct stress_worker *w = &r->w[idx];

	w->start_ns = ktime_get_ns();
	r->test->work(w);
	w->end_ns = ktime_get_ns();
}

static const struct hart_work stress_work = {
	.name = "stress/%u",
	.prepare = worker_prepare,
	.fn = worker_run,
	.sleep = true, /* harts=0,0: workers share a hart */
};

static void print_progress(const struct stress_run *r, u64 ns)
{
	unsigned long ops = 0;

	for (unsigned int i = 0; i < r->nr; i++)
		ops += READ_ONCE(r->w[i].ops);
	console_printf("stress: %s %llu.%llu s: %lu ops, %llu ops/s\n",
		       r->test->name, (unsigned long long)(ns / NS_PER_SEC),
		       (unsigned long long)(ns / 100000000ULL % 10), ops,
		       (unsigned long long)(ops * NS_PER_SEC / ns));
}

/*
 * fail_page= / fail_slab=: while the workers run, @pct % of the page or
 * slab allocations fail, order 0 and allocations that may wait included,
 * quietly; every other setting as it was.  The shell keeps its own
 * settings around the run (fault_save/fault_restore).
 */
static void stress_inject(const char *group, int pct)
{
	const struct fault_group *g = fault_find_group(group);
	char spec[16];

	if (pct < 0 || !g)
		return;
	scnprintf(spec, sizeof(spec), "1,%d,0,-1", pct);
	fault_group_set(g, "verbose", "0", "stress");
	fault_group_set(g, "task-filter", "N", "stress");
	fault_group_set(g, "ignore-gfp-wait", "N", "stress");
	if (!strcmp(group, "page"))
		fault_group_set(g, "min-order", "0", "stress");
	else
		fault_group_set(g, "cache-filter", "N", "stress");
	setup_fault_attr(g->attr, spec);
}

static void stress_injected(unsigned long *page, unsigned long *slab)
{
	const struct fault_group *pg = fault_find_group("page");
	const struct fault_group *sg = fault_find_group("slab");

	*page = pg ? fault_injected(pg) : 0;
	*slab = sg ? fault_injected(sg) : 0;
}

/*
 * Release the workers, print progress about once a second, stop them
 * when secs= is up (with ops= each stops at its own share) and reap
 * them.  Return: 0, or the errno of a worker that could not be made
 * (none ran then).
 */
static int run_workers(struct stress_run *r, u64 *elapsed_ns)
{
	static struct hart_tasks tasks;
	static struct fault_settings saved;
	unsigned long page0, slab0, page1, slab1;
	u64 start, next_progress, now;
	bool all_done = false;
	int err;

	err = hart_tasks_start(&tasks, &stress_work, r, r->cpu, r->nr);
	if (err) {
		console_printf("stress: %s: cannot start the workers (%d)\n",
			       r->test->name, err);
		return err;
	}
	fault_save(&saved);
	stress_injected(&page0, &slab0);
	stress_inject("page", r->fail_page);
	stress_inject("slab", r->fail_slab);
	start = hart_tasks_release(&tasks);
	next_progress = start + PROGRESS_NS;
	while (!all_done) {
		msleep(20);
		now = ktime_get_ns();
		all_done = hart_tasks_done(&tasks);
		if (r->secs && now - start >= r->secs * NS_PER_SEC)
			WRITE_ONCE(r->stop, true);
		if (now >= next_progress && !all_done) {
			print_progress(r, now - start);
			next_progress += PROGRESS_NS;
		}
	}
	*elapsed_ns = ktime_get_ns() - start;
	fault_restore(&saved);
	hart_tasks_join(&tasks);
	stress_injected(&page1, &slab1);
	if (r->fail_page >= 0 || r->fail_slab >= 0)
		console_printf("stress: %s: faults injected: page %lu, slab %lu (fail_page=%d%% fail_slab=%d%%)\n",
			       r->test->name, page1 - page0, slab1 - slab0,
			       max(r->fail_page, 0), max(r->fail_slab, 0));
	return 0;
}

/* ------------------------------------------------------------------ */
/* The command                                                         */

/*
 * After a failed setup or workers that could not start: teardown() has
 * freed what setup made; say so, or how many pages are missing (STRESS-1
 * holds on these paths too).
 */
static void check_given_back(const struct stress_run *r)
{
	long lost = stress_pages_lost();

	if (lost)
		console_printf("stress: %s: %ld pages were not given back\n",
			       r->test->name, lost);
	else
		console_printf("stress: %s: teardown gave every page back\n",
			       r->test->name);
}

static int run_stress(struct stress_run *r)
{
	static struct stress_outcome out;
	int err;

	r->w = kcalloc(r->nr, sizeof(*r->w), GFP_KERNEL);
	if (!r->w)
		return -ENOMEM;
	/* STRESS-1: the worker array is counted in both snapshots */
	stress_snapshot_before(r);
	init_workers(r);
	err = r->test->setup ? r->test->setup(r) : 0;
	if (err)
		console_printf("stress: %s: setup failed (%d)\n", r->test->name,
			       err);
	else
		err = run_workers(r, &out.elapsed_ns);
	if (!err) /* before teardown destroys the scenario's cache */
		stress_snapshot_after();
	if (r->test->teardown)
		r->test->teardown(r);
	if (err) {
		check_given_back(r);
	} else {
		stress_tally(r, &out);
		stress_report(r, &out);
		err = out.nr_problems ? -EIO : 0;
	}
	kfree(r->w);
	return err;
}

static void list_tests(void)
{
	console_printf("stress scenarios:\n");
	for_each_stress_test(t)
		console_printf("  %-11s %s\n", (*t)->name, (*t)->help);
	console_printf(
		"usage: stress NAME [secs=S | ops=N] [seed=N] [harts=LIST] [policy=MODE:NODES] [size=N] [mode=N] [numa_delay=NS] [fail_page=P] [fail_slab=P]\n");
}

static int cmd_stress(int argc, char **argv)
{
	static struct stress_run run;
	struct stress_run *r = &run;
	int err;

	if (argc > 2 && !strcmp(argv[1], "list")) {
		console_printf("stress: list takes nothing more ('%s')\n",
			       argv[2]);
		return -EINVAL;
	}
	if (argc < 2 || !strcmp(argv[1], "list")) {
		list_tests();
		return argc < 2 ? -EINVAL : 0;
	}
	memset(r, 0, sizeof(*r));
	r->test = find_test(argv[1]);
	if (!r->test) {
		console_printf("stress: no scenario '%s' (stress list)\n",
			       argv[1]);
		return -ENOENT;
	}
	err = parse_args(r, argc, argv);
	if (err)
		return err;
	return run_stress(r);
}
static const char stress_details[] =
	"stress NAME|list [secs=S | ops=N] [seed=N] [harts=LIST]\n"
	"      [policy=MODE:NODES] [size=N] [mode=N] [numa_delay=NS]\n"
	"      [fail_page=P] [fail_slab=P]\n"
	"Runs scenario NAME ('stress list' names them) on one worker task per hart\n"
	"and reports throughput per hart, the lock_stat rows of the allocator's\n"
	"locks (the run's differences; the JSON's wait_max_since_reset_ns is the\n"
	"longest wait since boot or lockstat reset), numastat, pcp and SLUB\n"
	"deltas, the alloc-node x free-node matrix\n"
	"and an integrity verdict (checksums, double frees, lost objects, free\n"
	"pages back, caches validate), then a JSON line and PASS or FAIL.\n"
	"  secs=S        run S seconds, 1..86400 (default 5)\n"
	"  ops=N         or about N operations in all, shared by the workers,\n"
	"                1..18446744073709551615 (not with secs=)\n"
	"  seed=N        the workers' random streams, 0..18446744073709551615\n"
	"                (default 1)\n"
	"  harts=LIST    e.g. 0-3 or 0,0,1,1 (a hart may repeat); default all\n"
	"  policy=MODE:NODES  each worker's memory policy, e.g. interleave:0-1,\n"
	"                bind:1, preferred:0, weighted_interleave:0-1, local\n"
	"  size=N        object size in bytes, 16..8192, where the scenario has\n"
	"                one (xfree, xmalloc, larson, slabchurn, scratch, irqalloc,\n"
	"                drainstorm)\n"
	"  mode=N        xfree: 0 pairs across nodes (default), 1 within a node;\n"
	"                exhaust: the node to fill (default the last with memory)\n"
	"  numa_delay=NS busy-wait NS x (distance - 10) per remote object or\n"
	"                page access, NS 0..1000000 (also a boot option)\n"
	"  fail_page=P   while the workers run, P % (0..100) of page allocations\n"
	"  fail_slab=P   or slab allocations fail (fault injection: min-order 0,\n"
	"                sleeping ones too, quiet; settings restored after)\n"
	"Study knobs (boot options, what each per-CPU cache buys):\n"
	"  pcp=off              no per-CPU page lists: &zone->lock every page\n"
	"  slub_cpu_partial=0   no per-CPU partial slabs\n"
	"  slub_nocpu           no kmem_cache_cpu: &n->list_lock every object\n"
	"  lockstat=off         locks count nothing (what counting costs)\n";
SHELL_COMMAND_DETAILED(
	"stress", cmd_stress, "NAME|list [KEY=VALUE...]",
	"allocator stress scenario on tasks, with lock, NUMA and integrity report",
	stress_details);
