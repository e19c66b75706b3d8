/* SPDX-License-Identifier: MIT */
/*
 * tests/stress/handoff.c — the rings between the workers of the handoff
 * scenarios: made, drained at the end, freed (the design: handoff.h).
 */
#include <linux/errno.h>
#include <linux/mm.h>

#include "handoff.h"

#define RING_SIZE	256

int handoff_setup(struct stress_run *r)
{
	struct handoff *h = kzalloc(sizeof(*h), GFP_KERNEL);

	if (!h)
		return -ENOMEM;
	r->priv = h;
	h->nr = r->nr;
	h->rings = kcalloc((size_t)r->nr * r->nr, sizeof(*h->rings), GFP_KERNEL);
	h->producer = kcalloc(r->nr, sizeof(bool), GFP_KERNEL);
	h->peer = kcalloc(r->nr, sizeof(unsigned int), GFP_KERNEL);
	if (!h->rings || !h->producer || !h->peer)
		return -ENOMEM;
	for (unsigned int i = 0; i < r->nr * r->nr; i++)
		if (spsc_ring_init(&h->rings[i], RING_SIZE))
			return -ENOMEM;
	return 0;
}

void handoff_consume(struct stress_worker *w, struct handoff *h, void *p,
		     size_t size)
{
	unsigned long v = (unsigned long)p;

	if (v & HANDOFF_PAGE) {
		void *addr = (void *)(v & ~HANDOFF_PAGE);

		stress_page_check(w, addr, 0);
		free_pages((unsigned long)addr, 0);
	} else if (h->cache) {
		stress_obj_check(w, p, size);
		kmem_cache_free(h->cache, p);
	} else {
		stress_obj_check(w, p, ksize(p) < size ? ksize(p) : size);
		kfree(p);
	}
	w->ops++;
}

/* Ring @i's objects left in flight when time ran out: the receiver's. */
static void drain_ring(struct stress_run *r, unsigned int i,
		       handoff_size_fn size_of)
{
	struct handoff *h = r->priv;
	struct stress_worker *w = &r->w[i % r->nr];
	void *p;

	while ((p = spsc_ring_pop(&h->rings[i])))
		handoff_consume(w, h, p, size_of(p));
}

void handoff_teardown(struct stress_run *r, handoff_size_fn size_of)
{
	struct handoff *h = r->priv;

	if (!h)
		return;
	for (unsigned int i = 0; h->rings && i < r->nr * r->nr; i++) {
		if (!h->rings[i].slot)
			continue;
		drain_ring(r, i, size_of);
		spsc_ring_destroy(&h->rings[i]);
	}
	if (h->cache)
		kmem_cache_destroy(h->cache);
	kfree(h->rings);
	kfree(h->producer);
	kfree(h->peer);
	kfree(h);
	r->priv = NULL;
}

void handoff_kmalloc_teardown(struct stress_run *r)
{
	handoff_teardown(r, kmalloc_size_of);
}
