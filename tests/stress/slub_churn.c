/* SPDX-License-Identifier: MIT */
/*
 * tests/stress/slub_churn.c — every hart allocating and freeing its own
 * kmalloc() objects: SLUB's per-CPU slabs, their refills from the partial
 * lists and the slabs they give back.
 *
 *   slabchurn   a table of kmalloc objects of random sizes (16..size=,
 *               default 1024) with random lifetimes, seeded.
 *
 * slabchurn_work() also serves irqalloc (cpu_caches_irq.c) and drainstorm
 * (cpu_caches_drain.c).
 */
#include <linux/gfp.h>
#include <linux/slab.h>

#include "internal.h"

#define SLAB_SLOTS 512

/* A table of kmalloc objects, each replaced at random. */
static void slab_table_churn(struct stress_worker *w, void **slot, size_t *size,
			     size_t max)
{
	unsigned int i = prandom_u32_state(&w->rnd) % SLAB_SLOTS;

	if (slot[i]) {
		stress_obj_check(w, slot[i], size[i]);
		kfree(slot[i]);
		slot[i] = NULL;
		w->ops++;
		return;
	}
	size[i] = STRESS_OBJ_MIN +
		  prandom_u32_state(&w->rnd) % (max - STRESS_OBJ_MIN + 1);
	slot[i] = kmalloc(size[i], GFP_KERNEL);
	if (!slot[i]) {
		w->alloc_fail++;
		return;
	}
	stress_obj_fill(w, slot[i], size[i]);
	w->ops++;
}

void slabchurn_work(struct stress_worker *w)
{
	void **slot = kcalloc(SLAB_SLOTS, sizeof(void *), GFP_KERNEL);
	size_t *size = kcalloc(SLAB_SLOTS, sizeof(size_t), GFP_KERNEL);
	size_t max = stress_size(w->run, 1024);

	if (!slot || !size) {
		w->alloc_fail++;
		goto out;
	}
	while (!stress_should_stop(w))
		slab_table_churn(w, slot, size, max);
	for (unsigned int i = 0; i < SLAB_SLOTS; i++) {
		if (slot[i]) {
			stress_obj_check(w, slot[i], size[i]);
			kfree(slot[i]);
		}
	}
out:
	kfree(slot);
	kfree(size);
}

static struct stress_test slabchurn_test = {
	.name = "slabchurn",
	.help = "kmalloc/kfree of random sizes (16..size=1024) and lifetimes, seeded",
	.min_harts = 1,
	.opts = STRESS_OPT_SIZE,
	.work = slabchurn_work,
};
STRESS_TEST(slabchurn_test);
