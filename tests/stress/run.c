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
 * Structures   struct stress_run (one per command) holds the workers; each
 *              worker counts its own operations and findings, so nothing
 *              is shared on the hot path but what the scenario shares.
 *
 * Locking      None of its own: every counter has one writer (its worker)
 *              and is read racily for progress, exactly after the join.
 *
 * Invariants   STRESS-1 free pages are counted after draining the pcp lists
 *              and shrinking every slab cache: before setup, and after
 *              teardown once every worker task is reaped, so they compare
 *              exactly.  Counters are read before teardown, which may
 *              destroy the scenario's cache with its statistics.
 *              STRESS-2 a run's verdict is PASS only if no checksum failed,
 *              no double free was caught, Σ live = 0, free pages came back,
 *              every slab cache validates and the scenario found nothing.
 *
 * Paths        parse → snapshot → setup → start → progress/stop → join →
 *              teardown → snapshot → report.
 *
 * Linux        None: Linux has no in-kernel allocator stress suite; the
 *              workloads re-express mimalloc-bench's xmalloc-test, larson,
 *              and the MIT 6.1810 lock lab's kalloctest (docs/linux-facts.md §9).
 *
 * Statistics   the report above; `JSON-BEGIN stress` … `JSON-END`.
 */
#include <asm/barrier.h>
#include <asm/processor.h>
#include <kunit/test.h>
#include <linux/cpumask.h>
#include <linux/errno.h>
#include <linux/gfp.h>
#include <linux/init.h>
#include <linux/mempolicy.h>
#include <linux/mm.h>
#include <linux/mmzone.h>
#include <linux/printk.h>
#include <linux/sched.h>
#include <linux/slab.h>
#include <linux/smp.h>
#include <linux/spinlock.h>
#include <linux/string.h>
#include <linux/topology.h>
#include <nodal/shell.h>

#include "../lib/counters.h"
#include "../lib/hart_tasks.h"
#include "stress.h"

#define OBJ_MAGIC	0x5752u		/* "SW": a live stress object */
#define OBJ_FREED	0xdeadu		/* retired by stress_obj_check() */
#define PROGRESS_NS	1000000000ULL
#define MAX_LOCKS	COUNTERS_MAX_LOCKS

extern const struct stress_test *const __stress_tests_start[];
extern const struct stress_test *const __stress_tests_end[];

/* Counted by every run, on top of the scenario's own list. */
static const char *const common_locks[] = {
	"&zone->lock", "&n->list_lock", "&slab_locks[i]", "&rq->lock", NULL
};

struct obj_header {
	u16 magic;
	u16 nid;			/* node of the memory */
	u32 size;
	u32 seq;			/* payload seed */
	u32 sum;			/* over the payload words */
};
_Static_assert(sizeof(struct obj_header) == STRESS_OBJ_MIN, "header");

static u64 numa_delay_default;	/* [init] numa_delay= boot option */

static void parse_numa_delay(const char *val)
{
	if (!val || kstrtoul(val, 0, &numa_delay_default))
		pr_warn("stress: numa_delay=%s ignored: nanoseconds per distance unit\n",
			val ? val : "");
}
cmdline_param("numa_delay", parse_numa_delay,
	      "numa_delay=NS: stress tests busy-wait NS per distance unit above 10 on each remote access");

/* ------------------------------------------------------------------ */
/* Objects                                                             */

void stress_numa_access(struct stress_worker *w, int nid)
{
	u64 ns = w->run->numa_delay_ns, end;

	if (!ns || nid == w->nid || nid < 0)
		return;
	end = ktime_get_ns() + ns * (u64)(node_distance(w->nid, nid) - 10);
	while (ktime_get_ns() < end)
		cpu_relax();
}

static u32 payload_sum(const u64 *p, size_t words, u32 seq)
{
	u64 x = seq, sum = 0;

	for (size_t i = 0; i < words; i++) {
		x = x * 6364136223846793005ULL + 1442695040888963407ULL;
		if (p)
			sum += p[i] ^ x;
	}
	return (u32)(sum ^ (sum >> 32));
}

static void payload_write(u64 *p, size_t words, u32 seq)
{
	u64 x = seq;

	for (size_t i = 0; i < words; i++) {
		x = x * 6364136223846793005ULL + 1442695040888963407ULL;
		p[i] = x;
	}
}

void stress_obj_fill(struct stress_worker *w, void *obj, size_t size)
{
	struct obj_header *h = obj;
	size_t words = (size - sizeof(*h)) / sizeof(u64);

	h->magic = OBJ_MAGIC;
	h->nid = (u16)page_to_nid(virt_to_page(obj));
	h->size = (u32)size;
	h->seq = prandom_u32_state(&w->rnd);
	payload_write((u64 *)(h + 1), words, h->seq);
	h->sum = payload_sum((u64 *)(h + 1), words, h->seq);
	stress_numa_access(w, h->nid);
	w->live++;
}

bool stress_obj_check(struct stress_worker *w, void *obj, size_t size)
{
	struct obj_header *h = obj;
	size_t words = (size - sizeof(*h)) / sizeof(u64);
	int nid = page_to_nid(virt_to_page(obj));

	stress_numa_access(w, nid);
	w->live--;
	w->checked++;
	if (h->magic == OBJ_FREED) {
		w->double_free++;
		return false;
	}
	if (h->magic != OBJ_MAGIC || h->size != size || h->nid != nid ||
	    payload_sum((u64 *)(h + 1), words, h->seq) != h->sum) {
		if (w->bad++ < 3)
			pr_err("stress: %s: object %p (%zu bytes, node %d) damaged: magic %#x size %u\n",
			       w->run->test->name, obj, size, nid, h->magic, h->size);
		return false;
	}
	h->magic = OBJ_FREED;
	w->freed_from[nid]++;
	return true;
}

/* Pages: the whole first and last 64 bytes of each page carry the payload. */
void stress_page_fill(struct stress_worker *w, void *addr, unsigned int order)
{
	stress_obj_fill(w, addr, 64);
	for (unsigned int i = 1; i < (1u << order); i++)
		memset((char *)addr + i * PAGE_SIZE, (u8)i, 64);
}

bool stress_page_check(struct stress_worker *w, void *addr, unsigned int order)
{
	bool ok = true;

	for (unsigned int i = 1; i < (1u << order); i++) {
		const u8 *p = (const u8 *)addr + i * PAGE_SIZE;

		for (int b = 0; b < 64; b++)
			if (p[b] != (u8)i)
				ok = false;
	}
	if (!ok)
		w->bad++;
	return stress_obj_check(w, addr, 64) && ok;
}

struct stress_worker *stress_partner(struct stress_worker *w, bool other_node)
{
	struct stress_run *r = w->run;

	for (unsigned int k = 1; k < r->nr; k++) {
		struct stress_worker *o = &r->w[(w->idx + k) % r->nr];

		if ((o->nid != w->nid) == other_node)
			return o;
	}
	return r->nr > 1 ? &r->w[(w->idx + 1) % r->nr] : w;
}

/* ------------------------------------------------------------------ */
/* The tick hook                                                       */

static void (*tick_hook)(void);		/* [atomic] */
static bool tick_registered;		/* [shell] */

static void stress_tick(void)
{
	void (*fn)(void) = smp_load_acquire(&tick_hook);

	if (fn)
		fn();
}

void stress_set_tick_hook(void (*fn)(void))
{
	if (!tick_registered && fn) {
		if (register_tick_work(stress_tick, 1)) {
			pr_err("stress: no tick work slot left\n");
			return;
		}
		tick_registered = true;
	}
	smp_store_release(&tick_hook, fn);
	if (!fn)
		msleep(30);	/* every hart's tick has seen it */
}

/* ------------------------------------------------------------------ */
/* Snapshots                                                           */

static const char *lock_names[MAX_LOCKS];
static unsigned int nr_lock_names;

static void collect_lock_names(const struct stress_test *t)
{
	nr_lock_names = 0;
	for (int i = 0; common_locks[i]; i++)
		lock_names[nr_lock_names++] = common_locks[i];
	for (int i = 0; t->locks && t->locks[i] && nr_lock_names < MAX_LOCKS; i++)
		lock_names[nr_lock_names++] = t->locks[i];
}

/* ------------------------------------------------------------------ */
/* Workers                                                             */

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
	.sleep = true,		/* harts=0,0: workers share a hart */
};

static unsigned long total_ops(const struct stress_run *r)
{
	unsigned long ops = 0;

	for (unsigned int i = 0; i < r->nr; i++)
		ops += READ_ONCE(r->w[i].ops);
	return ops;
}

/* ------------------------------------------------------------------ */
/* Arguments                                                           */

static const struct stress_test *find_test(const char *name)
{
	for (const struct stress_test *const *t = __stress_tests_start;
	     t < __stress_tests_end; t++)
		if (!strcmp((*t)->name, name))
			return *t;
	return NULL;
}

/*
 * harts=0-3,6 → one worker per listed hart, in order; a hart may repeat
 * (harts=0,0: two workers sharing hart 0, switched by the tick).
 * Return: the number of workers, -EINVAL on a bad list, -ERANGE for an id
 * past NR_CPUS, -ENXIO for an offline hart, -E2BIG past HART_TASKS_MAX.
 */
static int parse_harts(const char *list, unsigned int *cpus)
{
	unsigned int a, b;
	int n = 0, ret;

	while ((ret = cpulist_next_range(&list, &a, &b)) > 0) {
		for (unsigned int c = a; c <= b; c++) {
			if (!cpu_online(c))
				return -ENXIO;
			if (n == HART_TASKS_MAX)
				return -E2BIG;
			cpus[n++] = c;
		}
	}
	return ret < 0 ? ret : n ? n : -EINVAL;
}

static int parse_args(struct stress_run *r, int argc, char **argv)
{
	r->seed = 1;
	r->secs = 5;
	r->numa_delay_ns = numa_delay_default;
	{
		unsigned int cpu;

		r->nr = 0;
		for_each_online_cpu(cpu)
			if (r->nr < HART_TASKS_MAX)
				r->cpu[r->nr++] = cpu;
	}
	for (int i = 2; i < argc; i++) {
		char *val = strchr(argv[i], '=');
		const char *why = "";
		int err = 0;

		if (!val) {
			console_printf("stress: '%s' is not KEY=VALUE\n", argv[i]);
			return -EINVAL;
		}
		*val++ = 0;
		if (!strcmp(argv[i], "secs"))
			err = kstrtoul(val, 0, &r->secs);
		else if (!strcmp(argv[i], "ops"))
			err = kstrtoul(val, 0, &r->ops_limit);
		else if (!strcmp(argv[i], "seed"))
			err = kstrtoul(val, 0, &r->seed);
		else if (!strcmp(argv[i], "size"))
			err = kstrtoul(val, 0, (unsigned long *)&r->size);
		else if (!strcmp(argv[i], "mode"))
			err = kstrtoint(val, 0, &r->mode_arg);
		else if (!strcmp(argv[i], "numa_delay"))
			err = kstrtoul(val, 0, &r->numa_delay_ns);
		else if (!strcmp(argv[i], "harts")) {
			int n = parse_harts(val, r->cpu);

			err = n < 0 ? n : 0;
			if (n > 0)
				r->nr = (unsigned int)n;
		}
		else if (!strcmp(argv[i], "policy")) {
			strscpy(r->policy_str, val, sizeof(r->policy_str));
			err = mpol_parse(val, &r->policy_mode, &r->policy_nodes, &why);
			if (err)
				console_printf("stress: policy=%s: %s\n", val, why);
			r->have_policy = !err;
		} else {
			console_printf("stress: unknown option '%s' (see help stress)\n",
				       argv[i]);
			return -EINVAL;
		}
		if (err) {
			console_printf("stress: bad value for %s: '%s' (%d)\n",
				       argv[i], val, err);
			return err;
		}
	}
	if (r->ops_limit)
		r->secs = 0;
	if (!r->ops_limit && !r->secs) {
		console_printf("stress: secs= or ops= must be positive\n");
		return -EINVAL;
	}
	if (r->size && (r->size < STRESS_OBJ_MIN || r->size > KMALLOC_MAX_CACHE_SIZE)) {
		console_printf("stress: size=%zu outside %d..%lu\n", r->size,
			       STRESS_OBJ_MIN, KMALLOC_MAX_CACHE_SIZE);
		return -EINVAL;
	}
	return 0;
}

/* ------------------------------------------------------------------ */
/* The report                                                          */

static void print_report(struct stress_run *r, const struct counter_snapshot *d,
			 u64 elapsed_ns,
			 const char *const *problems, unsigned int nr_problems,
			 const unsigned long matrix[MAX_NUMNODES][MAX_NUMNODES],
			 int validate_errors, long free_delta)
{
	unsigned long ops = total_ops(r), checked = 0, bad = 0, dfree = 0, fails = 0;
	unsigned long loc = 0, oth = 0, permille;
	long live = 0;
	int nid, f;
	bool pass = !nr_problems;

	for (unsigned int i = 0; i < r->nr; i++) {
		checked += r->w[i].checked;
		bad += r->w[i].bad;
		dfree += r->w[i].double_free;
		live += r->w[i].live;
		fails += r->w[i].alloc_fail;
	}
	for_each_online_node(nid) {
		loc += d->numa[nid][NUMA_LOCAL];
		oth += d->numa[nid][NUMA_OTHER];
	}
	permille = loc + oth ? loc * 1000 / (loc + oth) : 1000;
	console_lock();
	console_printf("stress: %s: %lu ops in %llu.%03llu s, %llu ops/s, %u harts, seed %llu%s%s%s\n",
		       r->test->name, ops,
		       (unsigned long long)(elapsed_ns / 1000000000ULL),
		       (unsigned long long)(elapsed_ns / 1000000ULL % 1000),
		       (unsigned long long)(elapsed_ns ? ops * 1000000000ULL / elapsed_ns : 0),
		       r->nr, (unsigned long long)r->seed,
		       r->have_policy ? ", policy " : "",
		       r->have_policy ? r->policy_str : "",
		       r->numa_delay_ns ? " (numa_delay on)" : "");
	if (r->numa_delay_ns)
		console_printf("  numa_delay: %llu ns per distance unit on remote accesses\n",
			       (unsigned long long)r->numa_delay_ns);
	console_printf("  per hart:     cpu node        ops      ops/s\n");
	for (unsigned int i = 0; i < r->nr; i++) {
		struct stress_worker *w = &r->w[i];
		u64 ns = w->end_ns - w->start_ns;

		console_printf("               %3u %4d %10lu %10llu\n", w->cpu, w->nid,
			       w->ops, (unsigned long long)(ns ? w->ops * 1000000000ULL / ns : 0));
	}
	console_printf("  locks:        %-18s %10s %10s %12s %10s\n", "class",
		       "acquired", "contended", "wait-total-us", "bounces");
	for (unsigned int i = 0; i < d->nr_locks; i++) {
		const struct lock_row *row = &d->locks[i];

		if (!row->known)
			continue;
		console_printf("                %-18s %10llu %10llu %12llu %10llu\n",
			       row->name,
			       (unsigned long long)row->st.acquisitions,
			       (unsigned long long)row->st.contentions,
			       (unsigned long long)(row->st.wait_total_ns / 1000),
			       (unsigned long long)row->st.acq_bounces);
	}
	if (!lock_stat_enabled)
		console_printf("                (lockstat=off: locks counted nothing)\n");
	console_printf("  numastat:     node");
	for (int i = 0; i < NR_VM_NUMA_EVENT_ITEMS; i++)
		console_printf(" %14s", numa_event_name(i));
	console_printf("\n");
	for_each_online_node(nid) {
		console_printf("               %5d", nid);
		for (int i = 0; i < NR_VM_NUMA_EVENT_ITEMS; i++)
			console_printf(" %14lu", d->numa[nid][i]);
		console_printf("\n");
	}
	console_printf("  local ratio:  %lu.%03lu (local_node / (local_node + other_node))\n",
		       permille / 1000, permille % 1000);
	console_printf("  pcp:          alloc hits %lu, refills %lu, frees %lu, flushes %lu, drains %lu\n",
		       d->pcp[PCP_ALLOC_HIT],
		       d->pcp[PCP_REFILL],
		       d->pcp[PCP_FREE],
		       d->pcp[PCP_FLUSH],
		       d->pcp[PCP_DRAIN]);
	console_printf("  slub:        ");
	for (unsigned int i = 0; i < d->nr_slub; i++)
		console_printf(" %s %lu", d->slub[i].name, d->slub[i].val);
	console_printf("\n  alloc node x free node (objects and pages checked at free):\n          ");
	for_each_online_node(f)
		console_printf(" %10s%d", "free@N", f);
	console_printf("\n");
	for_each_online_node(nid) {
		console_printf("   alloc@N%d", nid);
		for_each_online_node(f)
			console_printf(" %11lu", matrix[nid][f]);
		console_printf("\n");
	}
	if (r->test->report)
		r->test->report(r);
	console_printf("  integrity:    %lu checked, %lu bad checksums, %lu double frees, %ld lost, %ld free pages off, %d validate errors, %lu allocation failures\n",
		       checked, bad, dfree, live, free_delta, validate_errors, fails);
	for (unsigned int i = 0; i < nr_problems; i++)
		console_printf("  problem:      %s\n", problems[i]);

	/* The JSON line (tools/study parses it). */
	console_printf("JSON-BEGIN stress\n{\"report\":\"stress\",\"name\":\"%s\",\"seed\":%llu,\"secs\":%llu,\"ops_limit\":%lu,\"harts\":[",
		       r->test->name, (unsigned long long)r->seed,
		       (unsigned long long)r->secs, r->ops_limit);
	for (unsigned int i = 0; i < r->nr; i++)
		console_printf("%s%u", i ? "," : "", r->w[i].cpu);
	console_printf("],\"nr_cpus\":%u,\"nr_nodes\":%u,\"policy\":\"%s\",\"knobs\":{",
		       num_online_cpus(), num_online_nodes(),
		       r->have_policy ? r->policy_str : "default");
	print_knobs_json();
	console_printf(",\"numa_delay_ns\":%llu},",
		       (unsigned long long)r->numa_delay_ns);
	console_printf("\"elapsed_ns\":%llu,\"ops\":%lu,\"ops_per_sec\":%llu,\"per_hart\":[",
		       (unsigned long long)elapsed_ns, ops,
		       (unsigned long long)(elapsed_ns ? ops * 1000000000ULL / elapsed_ns : 0));
	for (unsigned int i = 0; i < r->nr; i++) {
		struct stress_worker *w = &r->w[i];
		u64 ns = w->end_ns - w->start_ns;

		console_printf("%s{\"cpu\":%u,\"node\":%d,\"ops\":%lu,\"ops_per_sec\":%llu}",
			       i ? "," : "", w->cpu, w->nid, w->ops,
			       (unsigned long long)(ns ? w->ops * 1000000000ULL / ns : 0));
	}
	console_printf("],\"locks\":[");
	for (unsigned int i = 0, n = 0; i < d->nr_locks; i++) {
		const struct lock_row *row = &d->locks[i];

		if (!row->known)
			continue;
		console_printf("%s{\"class\":\"%s\",\"acquisitions\":%llu,\"contentions\":%llu,\"wait_total_ns\":%llu,\"wait_max_ns\":%llu,\"hold_total_ns\":%llu,\"bounces\":%llu}",
			       n++ ? "," : "", row->name,
			       (unsigned long long)row->st.acquisitions,
			       (unsigned long long)row->st.contentions,
			       (unsigned long long)row->st.wait_total_ns,
			       (unsigned long long)row->st.wait_max_ns,
			       (unsigned long long)row->st.hold_total_ns,
			       (unsigned long long)row->st.acq_bounces);
	}
	console_printf("],\"numastat\":[");
	for_each_online_node(nid) {
		console_printf("%s{\"node\":%d", nid ? "," : "", nid);
		for (int i = 0; i < NR_VM_NUMA_EVENT_ITEMS; i++)
			console_printf(",\"%s\":%lu", numa_event_name(i),
				       d->numa[nid][i]);
		console_printf("}");
	}
	console_printf("],\"local_ratio\":%lu.%03lu,\"matrix\":[",
		       permille / 1000, permille % 1000);
	for_each_online_node(nid) {
		console_printf("%s[", nid ? "," : "");
		for_each_online_node(f)
			console_printf("%s%lu", f ? "," : "", matrix[nid][f]);
		console_printf("]");
	}
	console_printf("],\"pcp\":{\"alloc_hits\":%lu,\"refills\":%lu,\"frees\":%lu,\"flushes\":%lu,\"drains\":%lu},\"slub\":{",
		       d->pcp[PCP_ALLOC_HIT],
		       d->pcp[PCP_REFILL],
		       d->pcp[PCP_FREE],
		       d->pcp[PCP_FLUSH],
		       d->pcp[PCP_DRAIN]);
	for (unsigned int i = 0; i < d->nr_slub; i++)
		console_printf("%s\"%s\":%lu", i ? "," : "", d->slub[i].name,
			       d->slub[i].val);
	console_printf("},\"integrity\":{\"checked\":%lu,\"bad_checksum\":%lu,\"lost\":%ld,\"double_free\":%lu,\"free_pages_delta\":%ld,\"validate_errors\":%d,\"alloc_failures\":%lu},\"verdict\":\"%s\"}\nJSON-END\n",
		       checked, bad, live, dfree, free_delta, validate_errors,
		       fails, pass ? "PASS" : "FAIL");
	console_printf("stress: %s %s\n", r->test->name, pass ? "PASS" : "FAIL");
	console_unlock();
}

/* ------------------------------------------------------------------ */
/* The command                                                         */

static int run_stress(struct stress_run *r)
{
	static struct hart_tasks tasks;
	static struct counter_snapshot before, after;
	static unsigned long matrix[MAX_NUMNODES][MAX_NUMNODES];
	const char *problems[8];
	unsigned int nr_problems = 0, i = 0;
	u64 start, next_progress, elapsed = 0;
	long free_delta;
	int validate_errors, err = 0;
	bool all_done = false;

	collect_lock_names(r->test);
	r->w = kcalloc(r->nr, sizeof(*r->w), GFP_KERNEL);
	if (!r->w)
		return -ENOMEM;
	/* STRESS-1: the worker array is in both */
	counter_snapshot_take(&before, lock_names, nr_lock_names);
	for (i = 0; i < r->nr; i++) {
		struct stress_worker *w = &r->w[i];
		unsigned int cpu = r->cpu[i];

		w->run = r;
		w->idx = i;
		w->cpu = cpu;
		w->nid = cpu_to_node(cpu);
		prandom_seed_state(&w->rnd, r->seed * 1000003ULL + i);
		if (r->ops_limit)
			w->quota = r->ops_limit / r->nr + (i < r->ops_limit % r->nr);
	}
	if (r->test->setup) {
		err = r->test->setup(r);
		if (err) {
			console_printf("stress: %s: setup failed (%d)\n", r->test->name, err);
			goto out_free;
		}
	}
	err = hart_tasks_start(&tasks, &stress_work, r, r->cpu, r->nr);
	if (!err) {
		start = hart_tasks_release(&tasks);
		next_progress = start + PROGRESS_NS;
		while (!all_done) {
			u64 now;

			msleep(20);
			now = ktime_get_ns();
			all_done = hart_tasks_done(&tasks);
			if (r->secs && now - start >= r->secs * 1000000000ULL)
				WRITE_ONCE(r->stop, true);
			if (now >= next_progress && !all_done) {
				unsigned long ops = total_ops(r);

				console_printf("stress: %s %llu.%llu s: %lu ops, %llu ops/s\n",
					       r->test->name,
					       (unsigned long long)((now - start) / 1000000000ULL),
					       (unsigned long long)((now - start) / 100000000ULL % 10),
					       ops,
					       (unsigned long long)(ops * 1000000000ULL / (now - start)));
				next_progress += PROGRESS_NS;
			}
		}
		elapsed = ktime_get_ns() - start;
		hart_tasks_join(&tasks);
	} else {
		console_printf("stress: %s: cannot start the workers (%d)\n",
			       r->test->name, err);
	}
	/* Counters before teardown: a scenario's own cache dies there. */
	if (!err)
		counter_snapshot_take(&after, lock_names, nr_lock_names);
	if (r->test->teardown)
		r->test->teardown(r);
	if (err)
		goto out_free;

	memset(matrix, 0, sizeof(matrix));
	for (i = 0; i < r->nr; i++)
		for (int a = 0; a < MAX_NUMNODES; a++)
			matrix[a][r->w[i].nid] += r->w[i].freed_from[a];
	free_delta = (long)before.free_pages - (long)settled_free_pages();
	validate_errors = validate_all_slab_caches();
	for (i = 0; i < r->nr; i++) {
		if (r->w[i].bad && nr_problems < 8)
			problems[nr_problems++] = "payload checksums failed";
		if (r->w[i].double_free && nr_problems < 8)
			problems[nr_problems++] = "an object was freed twice";
		if (r->w[i].bad || r->w[i].double_free)
			break;
	}
	{
		long live = 0;

		for (i = 0; i < r->nr; i++)
			live += r->w[i].live;
		if (live)
			problems[nr_problems++] = "objects lost (allocated, never freed)";
	}
	if (free_delta)
		problems[nr_problems++] = "free pages did not come back";
	if (validate_errors)
		problems[nr_problems++] = "slab caches do not validate";
	if (r->problems)
		problems[nr_problems++] = "the scenario's own checks failed";
	counter_snapshot_delta(&after, &after, &before);
	print_report(r, &after, elapsed, problems, nr_problems, matrix,
		     validate_errors, free_delta);
	err = nr_problems ? -EIO : 0;
out_free:
	kfree(r->w);
	return err;
}

static int cmd_stress(int argc, char **argv)
{
	static struct stress_run run;
	struct stress_run *r = &run;
	int err;

	if (argc < 2 || !strcmp(argv[1], "list")) {
		console_printf("stress scenarios:\n");
		for (const struct stress_test *const *t = __stress_tests_start;
		     t < __stress_tests_end; t++)
			console_printf("  %-11s %s\n", (*t)->name, (*t)->help);
		console_printf("usage: stress NAME [secs=S | ops=N] [seed=N] [harts=LIST] [policy=MODE:NODES] [size=BYTES] [mode=N] [numa_delay=NS]\n");
		return argc < 2 ? -EINVAL : 0;
	}
	memset(r, 0, sizeof(*r));
	r->test = find_test(argv[1]);
	if (!r->test) {
		console_printf("stress: no scenario '%s' (stress list)\n", argv[1]);
		return -ENOENT;
	}
	err = parse_args(r, argc, argv);
	if (err)
		return err;
	if (r->nr < r->test->min_harts) {
		console_printf("stress: %s needs at least %u harts\n", r->test->name,
			       r->test->min_harts);
		return -EINVAL;
	}
	return run_stress(r);
}
static const char stress_details[] =
	"Runs scenario NAME ('stress list' names them) on one worker task per hart\n"
	"and reports throughput per hart, the lock_stat rows of the allocator's\n"
	"locks, numastat, pcp and SLUB deltas, the alloc-node x free-node matrix\n"
	"and an integrity verdict (checksums, double frees, lost objects, free\n"
	"pages back, caches validate), then a JSON line and PASS or FAIL.\n"
	"  secs=S        run S seconds (default 5)\n"
	"  ops=N         or about N operations in all, shared by the workers\n"
	"  seed=N        the workers' random streams (default 1)\n"
	"  harts=LIST    e.g. 0-3 or 0,0,1,1 (a hart may repeat); default all\n"
	"  policy=MODE:NODES  each worker's memory policy, e.g. interleave:0-1,\n"
	"                bind:1, preferred:0, weighted_interleave:0-1, local\n"
	"  size=N        object size in bytes where the scenario has one\n"
	"  mode=N        xfree: 0 pairs across nodes, 1 within a node;\n"
	"                exhaust: the node to fill (default the last)\n"
	"  numa_delay=NS busy-wait NS x (distance - 10) per remote object or\n"
	"                page access (also a boot option; always reported)\n"
	"Study knobs (boot options, what each per-CPU cache buys):\n"
	"  pcp=off              no per-CPU page lists: &zone->lock every page\n"
	"  slub_cpu_partial=0   no per-CPU partial slabs\n"
	"  slub_nocpu           no kmem_cache_cpu: &n->list_lock every object\n"
	"  lockstat=off         locks count nothing (what counting costs)\n";
SHELL_COMMAND_DETAILED("stress", cmd_stress,
		       "NAME|list [secs=S|ops=N] [seed=N] [harts=LIST] [policy=MODE:NODES] [size=N] [mode=N] [numa_delay=NS]",
		       "allocator stress scenario on tasks, with lock, NUMA and integrity report",
		       stress_details);
