/* SPDX-License-Identifier: MIT */
/*
 * tests/stress/buddy_churn.c — pages allocated and freed in bursts larger
 * than a per-CPU list holds: the lists' refills and bulk frees, each under
 * &zone->lock.
 *
 *   pagechurn   bursts of BURST pages of orders 0..3 per hart (more than a
 *               pcp list's high mark), written, checked and freed.
 *
 * pagechurn_work() also serves drainstorm (cpu_caches_drain.c).
 */
#include <linux/gfp.h>
#include <linux/mm.h>
#include <linux/slab.h>

#include "internal.h"

#define BURST 600 /* > pcp high (220 at 4/2) */

void pagechurn_work(struct stress_worker *w)
{
	struct page **burst = kcalloc(BURST, sizeof(*burst), GFP_KERNEL);
	u8 *order = kcalloc(BURST, 1, GFP_KERNEL);

	if (!burst || !order) {
		w->alloc_fail++;
		goto out;
	}
	while (!stress_should_stop(w)) {
		unsigned int n = 0;

		for (; n < BURST && !stress_should_stop(w); n++) {
			order[n] = prandom_u32_state(&w->rnd) % 4;
			burst[n] = alloc_pages(GFP_KERNEL | __GFP_NOWARN,
					       order[n]);
			if (!burst[n]) {
				w->alloc_fail++;
				break;
			}
			stress_page_fill(w, page_address(burst[n]), order[n]);
			w->ops++;
		}
		while (n--) {
			stress_page_check(w, page_address(burst[n]), order[n]);
			__free_pages(burst[n], order[n]);
			w->ops++;
		}
	}
out:
	kfree(burst);
	kfree(order);
}

static struct stress_test pagechurn_test = {
	.name = "pagechurn",
	.help = "bursts of 600 pages of orders 0..3 per hart, beyond pcp high",
	.min_harts = 1,
	.work = pagechurn_work,
};
STRESS_TEST(pagechurn_test);
