/* SPDX-License-Identifier: MIT */
/*
 * tests/stress/handoff.h — private to tests/stress: objects handed from
 * the worker that allocates them to the worker that frees them, for the
 * scenarios of slub_crossfree.c and slub_larson.c.
 *
 * One single-producer single-consumer ring per (sender, receiver) pair
 * (tests/lib/spsc_ring.h), so the only shared state on the hot path is the
 * allocator's own: what shows in lock_stat is SLUB's and the buddy
 * allocator's, not the test's.  The receiver checks each object
 * (stress_obj_check()) and frees it; an order-0 page travels with bit 0
 * of its address set.  handoff_teardown() frees what is still in flight
 * when time runs out, as its receiver would have.
 *
 * The drain and the ring lookup are inline so that each scenario's size
 * function is compiled into its consumer loop.
 */
#ifndef NODAL_TESTS_STRESS_HANDOFF_H
#define NODAL_TESTS_STRESS_HANDOFF_H

#include <linux/gfp.h>
#include <linux/slab.h>
#include <linux/types.h>

#include "stress.h"

#define HANDOFF_PAGE 1UL /* tag: bit 0 set, an order-0 page */

struct handoff {
	struct kmem_cache *cache;    /* [const] xfree's objects; NULL:
					 * kmalloc()ed ones */
	struct spsc_ring *rings;     /* [const] nr × nr: [from * nr + to] */
	unsigned int nr;	     /* [const] workers */
	bool *producer;		     /* [const] per worker */
	unsigned int *peer;	     /* [const] xfree: the partner's index */
	unsigned int producers_left; /* [atomic] still sending */
};

/* The checked size of an object, from its pointer as it travels. */
typedef size_t (*handoff_size_fn)(void *p);

/*
 * handoff_setup() - @r->priv becomes a struct handoff with its rings
 * Return: 0, or -ENOMEM (what was made is freed by handoff_teardown()).
 */
int handoff_setup(struct stress_run *r);

/* handoff_teardown() - free what is in flight, the rings, the cache, priv */
void handoff_teardown(struct stress_run *r, handoff_size_fn size_of);

/* handoff_kmalloc_teardown() - handoff_teardown() of kmalloc()ed objects */
void handoff_kmalloc_teardown(struct stress_run *r);

/* handoff_consume() - check and free @p (tagged), counted as one of @w's ops */
void handoff_consume(struct stress_worker *w, struct handoff *h, void *p,
		     size_t size);

static inline struct spsc_ring *handoff_ring(struct handoff *h,
					     unsigned int from, unsigned int to)
{
	return &h->rings[from * h->nr + to];
}

/* Consume every object waiting for @w; returns how many it took. */
static inline unsigned int handoff_drain(
	struct stress_worker *w, struct handoff *h, handoff_size_fn size_of)
{
	unsigned int n = 0;

	for (unsigned int from = 0; from < h->nr; from++) {
		void *p;

		while ((p = spsc_ring_pop(handoff_ring(h, from, w->idx)))) {
			handoff_consume(w, h, p, size_of(p));
			n++;
		}
	}
	return n;
}

/* A kmalloc()ed object's size: its stress header holds it. */
static inline size_t kmalloc_size_of(void *p)
{
	return (unsigned long)p & HANDOFF_PAGE ? 64 : ((u32 *)p)[1];
}

/* kmalloc(@size) filled for the checks; NULL counted as a failure. */
static inline void *kmalloc_obj(struct stress_worker *w, size_t size)
{
	void *p = kmalloc(size, GFP_KERNEL);

	if (!p) {
		w->alloc_fail++;
		return NULL;
	}
	stress_obj_fill(w, p, size);
	return p;
}

#endif /* NODAL_TESTS_STRESS_HANDOFF_H */
