/* SPDX-License-Identifier: MIT */
/*
 * tests/stress/slub_false_sharing.c — scenarios that look at one property each:
 * scratch (false sharing), exhaust (a node at its watermark), kalloctest
 * (the MIT 6.1810 lock lab's test).
 *
 *   scratch     each hart allocates small objects (size=, default 32),
 *               then writes the objects of the next hart in a loop.  The
 *               report counts cache lines that hold objects allocated by
 *               two harts: a per-CPU allocator should hand out none, so the
 *               writes never false-share.
 *   exhaust     the shell fills node mode= (default: the last node with
 *               memory) down to its min watermark with __GFP_THISNODE and
 *               holds it; workers allocate bursts of pages with the default
 *               policy (harts of that node fall back: numa_miss and
 *               numa_foreign), and every 4th a GFP_ATOMIC __GFP_THISNODE
 *               page from the full node (reserves, then clean NULLs).
 *   kalloctest  every hart allocates and frees single pages as fast as it
 *               can, like xv6's kalloctest, and prints the lab's lines:
 *               `lock: kmem: #test-and-set N #acquire() M` (the buddy
 *               allocator's &zone->lock), the top contended locks, `tot= N`
 *               and `test1 OK` when tot < 10 (the lab's bar), then test2's
 *               free-page count.
 */
#include <asm/barrier.h>
#include <asm/processor.h>
#include <linux/errno.h>
#include <linux/gfp.h>
#include <linux/mm.h>
#include <linux/mmzone.h>
#include <linux/printk.h>
#include <linux/slab.h>
#include <linux/sort.h>
#include <linux/spinlock.h>
#include <linux/string.h>
#include <linux/topology.h>

#include "stress.h"

/* ---- scratch ---- */

#define SCRATCH_OBJS	256

struct scratch {
	void **objs;			/* nr × SCRATCH_OBJS */
	unsigned int allocated;		/* [atomic] workers done allocating */
	unsigned long shared_lines, lines;
};

static int scratch_setup(struct stress_run *r)
{
	struct scratch *sc = kzalloc(sizeof(*sc), GFP_KERNEL);

	if (!sc)
		return -ENOMEM;
	r->priv = sc;
	sc->objs = kcalloc((size_t)r->nr * SCRATCH_OBJS, sizeof(void *), GFP_KERNEL);
	return sc->objs ? 0 : -ENOMEM;
}

static void scratch_work(struct stress_worker *w)
{
	struct stress_run *r = w->run;
	struct scratch *sc = r->priv;
	size_t size = stress_size(r, 32);
	void **mine = &sc->objs[w->idx * SCRATCH_OBJS];
	void **theirs = &sc->objs[((w->idx + 1) % r->nr) * SCRATCH_OBJS];

	for (unsigned int i = 0; i < SCRATCH_OBJS; i++) {
		mine[i] = kmalloc(size, GFP_KERNEL);
		if (!mine[i]) {
			w->alloc_fail++;
			continue;
		}
		/* The header is checked at the end; the rest gets scribbled. */
		stress_obj_fill(w, mine[i], STRESS_OBJ_MIN);
	}
	__atomic_fetch_add(&sc->allocated, 1, __ATOMIC_RELEASE);
	while (smp_load_acquire(&sc->allocated) < r->nr)
		cpu_relax();
	while (!stress_should_stop(w)) {
		for (unsigned int i = 0; i < SCRATCH_OBJS; i++) {
			u8 *p = theirs[i];

			if (p && size > STRESS_OBJ_MIN)
				p[STRESS_OBJ_MIN + w->ops % (size - STRESS_OBJ_MIN)]++;
		}
		w->ops++;
	}
}

struct line_owner {
	unsigned long line;
	unsigned int owner;
};

static int cmp_line(const void *a, const void *b)
{
	const struct line_owner *x = a, *y = b;

	return x->line < y->line ? -1 : x->line > y->line;
}

static void scratch_teardown(struct stress_run *r)
{
	struct scratch *sc = r->priv;
	unsigned int n = r->nr * SCRATCH_OBJS, k = 0;
	struct line_owner *lo;

	if (!sc)
		return;
	lo = kcalloc(n, sizeof(*lo), GFP_KERNEL);
	for (unsigned int i = 0; sc->objs && i < n; i++) {
		unsigned long a = (unsigned long)sc->objs[i];

		if (!a)
			continue;
		/* By its first line: objects of 64 bytes or less in a 64-byte
		 * aligned slab share a line only if they start in it. */
		if (lo)
			lo[k++] = (struct line_owner){ a / L1_CACHE_BYTES, i / SCRATCH_OBJS };
	}
	if (lo) {
		sort(lo, k, sizeof(*lo), cmp_line, NULL);
		for (unsigned int i = 0; i < k;) {
			unsigned int j = i + 1;
			bool shared = false;

			while (j < k && lo[j].line == lo[i].line) {
				if (lo[j].owner != lo[i].owner)
					shared = true;
				j++;
			}
			sc->lines++;
			sc->shared_lines += shared;
			i = j;
		}
		kfree(lo);
	}
	for (unsigned int i = 0; sc->objs && i < n; i++) {
		if (!sc->objs[i])
			continue;
		stress_obj_check(&r->w[i / SCRATCH_OBJS], sc->objs[i], STRESS_OBJ_MIN);
		kfree(sc->objs[i]);
	}
	kfree(sc->objs);
}

static void scratch_report(struct stress_run *r)
{
	struct scratch *sc = r->priv;

	if (!sc)
		return;
	console_printf("  false sharing: %lu of %lu cache lines hold objects allocated by two harts (%s)\n",
		       sc->shared_lines, sc->lines,
		       sc->shared_lines ? "the writes share lines across harts" :
		       "per-hart caches kept them apart");
	kfree(sc);
	r->priv = NULL;
}

static struct stress_test scratch_test = {
	.name = "scratch",
	.help = "objects allocated on one hart, written on the next: false-sharing check",
	.min_harts = 2,
	.setup = scratch_setup,
	.work = scratch_work,
	.teardown = scratch_teardown,
	.report = scratch_report,
};
STRESS_TEST(scratch_test);

/* ---- exhaust ---- */

#define HOLD_MAX	8192
#define EXHAUST_BURST	64

struct held {
	struct page *page;
	unsigned int order;
};

struct exhaust {
	int nid;
	struct held *held;
	unsigned int nr_held;
	unsigned long held_pages;
	unsigned long fallback, atomic_ok, atomic_null;	/* [atomic] */
};

static struct exhaust *ex;	/* [shell] one run at a time */

static int exhaust_setup(struct stress_run *r)
{
	int nid = -1, n;

	if (r->mode_arg > 0 && r->mode_arg < MAX_NUMNODES &&
	    node_state(r->mode_arg, N_MEMORY))
		nid = r->mode_arg;
	for_each_node_state(n, N_MEMORY)
		if (nid < 0 || (!r->mode_arg && n > nid))
			nid = n;
	ex = kzalloc(sizeof(*ex), GFP_KERNEL);
	if (!ex)
		return -ENOMEM;
	ex->held = kcalloc(HOLD_MAX, sizeof(*ex->held), GFP_KERNEL);
	if (!ex->held)
		return -ENOMEM;
	ex->nid = nid;
	drain_all_pages(NULL);
	for (int order = MAX_PAGE_ORDER; order >= 0; order--) {
		while (ex->nr_held < HOLD_MAX) {
			struct page *p = alloc_pages_node(nid, GFP_KERNEL |
					__GFP_THISNODE | __GFP_NOWARN, order);

			if (!p)
				break;
			ex->held[ex->nr_held++] = (struct held){ p, order };
			ex->held_pages += 1UL << order;
		}
	}
	console_printf("stress: exhaust: holding %lu pages of node %d (free now %lu)\n",
		       ex->held_pages, nid, nr_free_pages_node(nid));
	return 0;
}

static void exhaust_work(struct stress_worker *w)
{
	struct page *burst[EXHAUST_BURST];

	while (!stress_should_stop(w)) {
		unsigned int n = 0;

		for (; n < EXHAUST_BURST; n++) {
			bool atomic = n % 4 == 3;
			struct page *p = atomic ?
				alloc_pages_node(ex->nid, GFP_ATOMIC | __GFP_THISNODE |
						 __GFP_NOWARN, 0) :
				alloc_pages(GFP_KERNEL | __GFP_NOWARN, 0);

			if (!p) {
				w->alloc_fail++;
				if (atomic)
					__atomic_fetch_add(&ex->atomic_null, 1, __ATOMIC_RELAXED);
				burst[n] = NULL;
				continue;
			}
			if (atomic)
				__atomic_fetch_add(&ex->atomic_ok, 1, __ATOMIC_RELAXED);
			else if (page_to_nid(p) != numa_mem_id())
				__atomic_fetch_add(&ex->fallback, 1, __ATOMIC_RELAXED);
			stress_page_fill(w, page_address(p), 0);
			burst[n] = p;
			w->ops++;
		}
		while (n--) {
			if (!burst[n])
				continue;
			stress_page_check(w, page_address(burst[n]), 0);
			__free_pages(burst[n], 0);
			w->ops++;
		}
	}
}

static void exhaust_teardown(struct stress_run *r)
{
	(void)r;
	if (!ex)
		return;
	for (unsigned int i = 0; ex->held && i < ex->nr_held; i++)
		__free_pages(ex->held[i].page, ex->held[i].order);
	kfree(ex->held);
	ex->held = NULL;
}

static void exhaust_report(struct stress_run *r)
{
	(void)r;
	if (!ex)
		return;
	console_printf("  exhaust:      node %d held at its watermark (%lu pages); %lu fallback pages, %lu GFP_ATOMIC pages from reserves, %lu clean NULLs\n",
		       ex->nid, ex->held_pages, ex->fallback, ex->atomic_ok,
		       ex->atomic_null);
	kfree(ex);
	ex = NULL;
}

static struct stress_test exhaust_test = {
	.name = "exhaust",
	.help = "one node filled to its min watermark and held (mode=NODE); others allocate",
	.min_harts = 1,
	.setup = exhaust_setup,
	.work = exhaust_work,
	.teardown = exhaust_teardown,
	.report = exhaust_report,
};
STRESS_TEST(exhaust_test);

/* ---- kalloctest ---- */

static const char *const kalloc_classes[] = {
	"&zone->lock", "&n->list_lock", "&slab_locks[i]", "&rq->lock",
	"tasklist_lock", "stack_lock",
};
#define NR_KALLOC_CLASSES ARRAY_SIZE(kalloc_classes)
static struct lock_class_stats kalloc_before[NR_KALLOC_CLASSES];

static int kalloctest_setup(struct stress_run *r)
{
	(void)r;
	console_printf("start test1\n");
	for (unsigned int i = 0; i < NR_KALLOC_CLASSES; i++)
		if (lock_class_stats_read(kalloc_classes[i], &kalloc_before[i]))
			memset(&kalloc_before[i], 0, sizeof(kalloc_before[i]));
	return 0;
}

static void kalloctest_work(struct stress_worker *w)
{
	while (!stress_should_stop(w)) {
		struct page *p = alloc_pages(GFP_KERNEL | __GFP_NOWARN, 0);

		if (!p) {
			w->alloc_fail++;
			continue;
		}
		stress_obj_fill(w, page_address(p), 64);
		stress_obj_check(w, page_address(p), 64);
		__free_pages(p, 0);
		w->ops += 2;
	}
}

static void kalloctest_report(struct stress_run *r)
{
	struct lock_class_stats now[NR_KALLOC_CLASSES];
	u64 con[NR_KALLOC_CLASSES], acq[NR_KALLOC_CLASSES];
	unsigned int order[NR_KALLOC_CLASSES];
	unsigned long managed = 0;
	int nid;

	for (unsigned int i = 0; i < NR_KALLOC_CLASSES; i++) {
		if (lock_class_stats_read(kalloc_classes[i], &now[i]))
			memset(&now[i], 0, sizeof(now[i]));
		con[i] = now[i].contentions - kalloc_before[i].contentions;
		acq[i] = now[i].acquisitions - kalloc_before[i].acquisitions;
		order[i] = i;
	}
	console_printf("test1 results:\n--- lock kmem/bcache stats\n");
	console_printf("lock: kmem: #test-and-set %llu #acquire() %llu\n",
		       (unsigned long long)con[0], (unsigned long long)acq[0]);
	console_printf("--- top 5 contended locks:\n");
	for (unsigned int i = 0; i < NR_KALLOC_CLASSES; i++)	/* by contentions */
		for (unsigned int j = i + 1; j < NR_KALLOC_CLASSES; j++)
			if (con[order[j]] > con[order[i]]) {
				unsigned int t = order[i];

				order[i] = order[j];
				order[j] = t;
			}
	for (unsigned int i = 0; i < 5 && i < NR_KALLOC_CLASSES; i++)
		console_printf("lock: %s: #test-and-set %llu #acquire() %llu\n",
			       kalloc_classes[order[i]],
			       (unsigned long long)con[order[i]],
			       (unsigned long long)acq[order[i]]);
	console_printf("tot= %llu\n", (unsigned long long)con[0]);
	console_printf("test1 %s\n", con[0] < 10 ? "OK" : "FAIL (tot >= 10: the kmem lock is contended)");
	for_each_online_node(nid)
		for (int z = 0; z < MAX_NR_ZONES; z++)
			managed += NODE_DATA(nid)->node_zones[z].managed_pages;
	console_printf("start test2\ntotal free number of pages: %lu (out of %lu)\ntest2 %s\n",
		       nr_free_pages(), managed,
		       r->w[0].live == 0 ? "OK" : "FAIL");
}

static struct stress_test kalloctest_test = {
	.name = "kalloctest",
	.help = "MIT 6.1810 lock lab's kalloctest: page alloc/free on every hart, its report lines",
	.min_harts = 1,
	.setup = kalloctest_setup,
	.work = kalloctest_work,
	.report = kalloctest_report,
};
STRESS_TEST(kalloctest_test);
