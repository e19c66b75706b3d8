/* SPDX-License-Identifier: MIT */
/*
 * tests/stress/buddy_zone_lock.c — single pages allocated and freed on
 * every hart as fast as it can: is the page allocator's lock contended, or
 * do the per-CPU lists keep every hart off it?  The MIT 6.1810 lock lab
 * asks this of xv6's kalloc(); the same test, with the lab's output.
 *
 *   kalloctest  every hart allocates and frees single pages, like xv6's
 *               kalloctest, and prints the lab's lines:
 *               `lock: kmem: #test-and-set N #acquire() M` (the buddy
 *               allocator's &zone->lock), the top contended locks, `tot= N`
 *               and `test1 OK` when tot < 10 (the lab's bar), then test2's
 *               free-page count.
 */
#include <linux/gfp.h>
#include <linux/mm.h>
#include <linux/mmzone.h>
#include <linux/printk.h>
#include <linux/spinlock.h>
#include <linux/string.h>

#include "stress.h"

static const char *const kalloc_classes[] = {
	"&zone->lock", "&n->list_lock", "&slab_locks[i]",
	"&rq->lock",   "tasklist_lock", "stack_lock",
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
	long live = 0;
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
	for (unsigned int i = 0; i < NR_KALLOC_CLASSES; i++) /* by contentions */
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
	console_printf("test1 %s\n",
		       con[0] < 10 ?
			       "OK" :
			       "FAIL (tot >= 10: the kmem lock is contended)");
	for_each_online_node(nid)
		for (int z = 0; z < MAX_NR_ZONES; z++)
			managed += NODE_DATA(nid)->node_zones[z].managed_pages;
	for (unsigned int i = 0; i < r->nr; i++) /* every worker's pages back */
		live += r->w[i].live;
	console_printf("start test2\ntotal free number of pages: %lu (out of %lu)\ntest2 %s\n",
		       nr_free_pages(), managed, live == 0 ? "OK" : "FAIL");
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
