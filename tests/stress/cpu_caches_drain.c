/* SPDX-License-Identifier: MIT */
/*
 * tests/stress/cpu_caches_drain.c — the per-CPU caches (the pcp page lists
 * and SLUB's CPU slabs) emptied from another hart while their owners use
 * them: drain_all_pages()'s cross-calls and kmem_cache_shrink() racing
 * with the fast paths.
 *
 *   drainstorm  the first worker drains every pcp list and shrinks every
 *               slab cache in a loop while the others churn pages
 *               (pagechurn, buddy_churn.c) and objects (slabchurn,
 *               slub_churn.c), one or the other by turns.
 */
#include <linux/mmzone.h>
#include <linux/printk.h>
#include <linux/slab.h>

#include "internal.h"

static unsigned long drains; /* [worker 0] */

static void drainstorm_work(struct stress_worker *w)
{
	if (w->idx == 0 && w->run->nr > 1) {
		while (!stress_should_stop(w)) {
			drain_all_pages(NULL);
			kmem_cache_shrink_all();
			drains++;
			w->ops++;
		}
		return;
	}
	if (w->idx % 2)
		slabchurn_work(w);
	else
		pagechurn_work(w);
}

static int drainstorm_setup(struct stress_run *r)
{
	(void)r;
	drains = 0;
	return 0;
}

static void drainstorm_report(struct stress_run *r)
{
	(void)r;
	console_printf("  drains:       %lu rounds of drain_all_pages + shrink of every cache\n",
		       drains);
}

static struct stress_test drainstorm_test = {
	.name = "drainstorm",
	.help = "the first worker drains pcp lists and shrinks caches in a loop; others churn",
	.min_harts = 2,
	.opts = STRESS_OPT_SIZE, /* slabchurn's */
	.setup = drainstorm_setup,
	.work = drainstorm_work,
	.report = drainstorm_report,
};
STRESS_TEST(drainstorm_test);
