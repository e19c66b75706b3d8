/* SPDX-License-Identifier: MIT */
/*
 * tests/stress/slub_larson.c — Larson & Krishnan's server model on the
 * kmalloc caches: objects of random sizes and lifetimes, most freed by the
 * hart that allocated them, one in eight by another.
 *
 *   larson   every hart keeps a table of live objects, replacing a random
 *            one each step; one replaced object in eight goes through a
 *            ring (handoff.h) to a random other hart, which frees it.
 */
#include <asm/barrier.h>
#include <asm/processor.h>
#include <linux/gfp.h>
#include <linux/slab.h>

#include "handoff.h"

#define LARSON_SLOTS 256
#define LARSON_MAX   512

static int larson_setup(struct stress_run *r)
{
	int err = handoff_setup(r);
	struct handoff *h = r->priv;

	if (!err)
		h->producers_left = r->nr;
	return err;
}

static void larson_work(struct stress_worker *w)
{
	struct stress_run *r = w->run;
	struct handoff *h = r->priv;
	size_t max = stress_size(r, LARSON_MAX);
	void **slot = kcalloc(LARSON_SLOTS, sizeof(void *), GFP_KERNEL);

	if (!slot) {
		w->alloc_fail++;
		__atomic_fetch_sub(&h->producers_left, 1, __ATOMIC_RELEASE);
		return;
	}
	while (!stress_should_stop(w)) {
		unsigned int i = prandom_u32_state(&w->rnd) % LARSON_SLOTS;
		size_t size = STRESS_OBJ_MIN + prandom_u32_state(&w->rnd) %
						       (max - STRESS_OBJ_MIN + 1);

		if (slot[i]) {
			unsigned int to = prandom_u32_state(&w->rnd) % r->nr;

			/* One in eight goes to another hart to free. */
			if (r->nr > 1 && to != w->idx && !(w->ops % 8) &&
			    spsc_ring_push(handoff_ring(h, w->idx, to), slot[i]))
				slot[i] = NULL;
			else
				handoff_consume(w, h, slot[i],
						kmalloc_size_of(slot[i]));
		}
		slot[i] = kmalloc_obj(w, size);
		if (slot[i])
			w->ops++;
		if (!(w->ops % 16))
			handoff_drain(w, h, kmalloc_size_of);
	}
	for (unsigned int i = 0; i < LARSON_SLOTS; i++)
		if (slot[i])
			handoff_consume(w, h, slot[i], kmalloc_size_of(slot[i]));
	kfree(slot);
	/* Keep freeing what others send until every hart is done. */
	__atomic_fetch_sub(&h->producers_left, 1, __ATOMIC_RELEASE);
	while (READ_ONCE(h->producers_left))
		if (!handoff_drain(w, h, kmalloc_size_of))
			cpu_relax();
	handoff_drain(w, h, kmalloc_size_of);
}

static struct stress_test larson_test = {
	.name = "larson",
	.help = "server model: random sizes and lifetimes, 1 in 8 objects freed by another hart",
	.min_harts = 1,
	.opts = STRESS_OPT_SIZE,
	.setup = larson_setup,
	.work = larson_work,
	.teardown = handoff_kmalloc_teardown,
};
STRESS_TEST(larson_test);
