/* SPDX-License-Identifier: MIT */
/*
 * tests/stress/handoff.c — workloads where memory is freed by another hart
 * than the one that allocated it: xfree, xmalloc, larson.
 *
 * All three pass objects through single-producer single-consumer rings,
 * one ring per (sender, receiver) pair, so the only shared state on the
 * hot path is the allocator's own: what shows in lock_stat is SLUB's and
 * the buddy allocator's, not the test's.
 *
 *   xfree    pairs of harts: one allocates (slab objects, and every 8th
 *            operation a page), the other checks and frees.  mode=0 pairs
 *            each producer with a hart on another node where there is one
 *            (cross-node frees), mode=1 with one on its own node.
 *   xmalloc  the first half of the harts produce, the second half consume;
 *            each producer deals its objects round-robin to every consumer
 *            (mimalloc-bench's xmalloc-test): every free is remote.
 *   larson   every hart keeps a table of live objects of random sizes and
 *            lifetimes (replacing a random one each step, Larson & Krishnan's
 *            server model) and passes one in eight to a random other hart,
 *            which frees it.
 */
#include <asm/barrier.h>
#include <asm/processor.h>
#include <linux/errno.h>
#include <linux/gfp.h>
#include <linux/mm.h>
#include <linux/printk.h>
#include <linux/slab.h>
#include <linux/string.h>

#include "stress.h"

#define RING_SIZE	256
#define XFREE_OBJ	64
#define LARSON_SLOTS	256
#define LARSON_MAX	512

struct handoff {
	struct kmem_cache *cache;	/* xfree's objects */
	struct spsc_ring *rings;	/* nr × nr: rings[from * nr + to] */
	unsigned int nr;
	bool *producer;			/* per worker */
	unsigned int *peer;		/* xfree: the partner's index */
	unsigned int producers_left;	/* [atomic] */
};

/* Objects travel tagged: bit 0 set = a page (order 0), else a slab object. */
#define PAGE_TAG	1UL

static struct spsc_ring *ring(struct handoff *h, unsigned int from,
			      unsigned int to)
{
	return &h->rings[from * h->nr + to];
}

static int handoff_setup(struct stress_run *r, bool need_cache)
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
	if (need_cache) {
		h->cache = kmem_cache_create("stress_xfree",
					     (unsigned int)stress_size(r, XFREE_OBJ),
					     0, 0, NULL);
		if (!h->cache)
			return -ENOMEM;
	}
	return 0;
}

static size_t obj_size(struct stress_run *r, struct handoff *h)
{
	(void)h;
	return stress_size(r, XFREE_OBJ);
}

/* Check and free one object that came through a ring. */
static void consume(struct stress_worker *w, struct handoff *h, void *p,
		    size_t size)
{
	unsigned long v = (unsigned long)p;

	if (v & PAGE_TAG) {
		void *addr = (void *)(v & ~PAGE_TAG);

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

/* Drain every ring addressed to @w; returns how many objects it took. */
static unsigned int drain_inbox(struct stress_worker *w, struct handoff *h,
				size_t (*size_of)(void *p))
{
	unsigned int n = 0;

	for (unsigned int from = 0; from < h->nr; from++) {
		void *p;

		while ((p = spsc_ring_pop(ring(h, from, w->idx)))) {
			consume(w, h, p, size_of(p));
			n++;
		}
	}
	return n;
}

static void handoff_teardown(struct stress_run *r)
{
	struct handoff *h = r->priv;

	if (!h)
		return;
	if (h->rings) {
		for (unsigned int i = 0; i < r->nr * r->nr; i++) {
			void *p;

			/* Left in flight when time ran out: the receiver's. */
			while (h->rings[i].slot && (p = spsc_ring_pop(&h->rings[i]))) {
				struct stress_worker *w = &r->w[i % r->nr];

				consume(w, h, p, ((unsigned long)p & PAGE_TAG) ? 64 :
					h->cache ? obj_size(r, h) : *(u32 *)((char *)p + 4));
			}
			spsc_ring_destroy(&h->rings[i]);
		}
	}
	if (h->cache)
		kmem_cache_destroy(h->cache);
	kfree(h->rings);
	kfree(h->producer);
	kfree(h->peer);
	kfree(h);
	r->priv = NULL;
}

/* ---- xfree ---- */

static size_t xfree_size_of_cur;	/* [const during a run] */

static size_t xfree_size_of(void *p)
{
	return (unsigned long)p & PAGE_TAG ? 64 : xfree_size_of_cur;
}

static int xfree_setup(struct stress_run *r)
{
	struct handoff *h;
	int err = handoff_setup(r, true);
	bool same = r->mode_arg == 1;

	if (err)
		return err;
	h = r->priv;
	xfree_size_of_cur = obj_size(r, h);
	/* Pairs across nodes (mode 0) or within one (mode 1), else any; the
	 * odd one out frees its own. */
	pair_by_node(r->cpu, r->nr, same, true, h->peer);
	for (unsigned int i = 0; i < r->nr; i++) {
		if (h->peer[i] == PAIR_NONE)
			h->peer[i] = i;
		h->producer[i] = h->peer[i] >= i;
	}
	return 0;
}

static void xfree_work(struct stress_worker *w)
{
	struct stress_run *r = w->run;
	struct handoff *h = r->priv;
	size_t size = xfree_size_of_cur;
	unsigned int peer = h->peer[w->idx];
	struct spsc_ring *out = ring(h, w->idx, peer);

	if (!h->producer[w->idx]) {		/* consumer */
		while (!READ_ONCE(r->w[peer].end_ns)) {
			if (!drain_inbox(w, h, xfree_size_of))
				cpu_relax();
		}
		drain_inbox(w, h, xfree_size_of);
		return;
	}
	while (!stress_should_stop(w)) {
		void *p;

		if (w->ops % 8 == 7) {
			unsigned long addr = __get_free_pages(GFP_KERNEL, 0);

			if (!addr) {
				w->alloc_fail++;
				continue;
			}
			stress_page_fill(w, (void *)addr, 0);
			p = (void *)(addr | PAGE_TAG);
		} else {
			p = kmem_cache_alloc(h->cache, GFP_KERNEL);
			if (!p) {
				w->alloc_fail++;
				continue;
			}
			stress_obj_fill(w, p, size);
		}
		w->ops++;
		if (peer == w->idx) {		/* no partner */
			consume(w, h, p, xfree_size_of(p));
			continue;
		}
		while (!spsc_ring_push(out, p)) {
			if (READ_ONCE(r->stop)) {
				consume(w, h, p, xfree_size_of(p));
				break;
			}
			cpu_relax();
		}
	}
}

static const char *const xfree_locks[] = { NULL };

static struct stress_test xfree_test = {
	.name = "xfree",
	.help = "producer/consumer hart pairs; consumers free (mode=0 cross-node, 1 same node)",
	.min_harts = 2,
	.locks = xfree_locks,
	.setup = xfree_setup,
	.work = xfree_work,
	.teardown = handoff_teardown,
};
STRESS_TEST(xfree_test);

/* ---- xmalloc ---- */

static size_t kmalloc_size_of(void *p)
{
	return (unsigned long)p & PAGE_TAG ? 64 : ((u32 *)p)[1];
}

static int xmalloc_setup(struct stress_run *r)
{
	int err = handoff_setup(r, false);
	struct handoff *h = r->priv;

	if (err)
		return err;
	for (unsigned int i = 0; i < r->nr; i++)
		h->producer[i] = i < r->nr / 2;
	h->producers_left = r->nr / 2;
	return 0;
}

static void *kmalloc_obj(struct stress_worker *w, size_t size)
{
	void *p = kmalloc(size, GFP_KERNEL);

	if (!p) {
		w->alloc_fail++;
		return NULL;
	}
	stress_obj_fill(w, p, size);
	return p;
}

static void xmalloc_work(struct stress_worker *w)
{
	struct stress_run *r = w->run;
	struct handoff *h = r->priv;
	unsigned int consumers = r->nr - r->nr / 2, next = 0;
	size_t max = stress_size(r, 256);

	if (!h->producer[w->idx]) {
		while (READ_ONCE(h->producers_left))
			if (!drain_inbox(w, h, kmalloc_size_of))
				cpu_relax();
		drain_inbox(w, h, kmalloc_size_of);
		return;
	}
	while (!stress_should_stop(w)) {
		size_t size = STRESS_OBJ_MIN + prandom_u32_state(&w->rnd) %
			      (max - STRESS_OBJ_MIN + 1);
		unsigned int to = r->nr / 2 + next++ % consumers;
		void *p = kmalloc_obj(w, size);

		if (!p)
			continue;
		w->ops++;
		while (!spsc_ring_push(ring(h, w->idx, to), p))
			cpu_relax();	/* consumers run until we are done */
	}
	__atomic_fetch_sub(&h->producers_left, 1, __ATOMIC_RELEASE);
}

static struct stress_test xmalloc_test = {
	.name = "xmalloc",
	.help = "half the harts kmalloc, the other half kfree: every free remote",
	.min_harts = 2,
	.setup = xmalloc_setup,
	.work = xmalloc_work,
	.teardown = handoff_teardown,
};
STRESS_TEST(xmalloc_test);

/* ---- larson ---- */

static int larson_setup(struct stress_run *r)
{
	int err = handoff_setup(r, false);
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
			    spsc_ring_push(ring(h, w->idx, to), slot[i]))
				slot[i] = NULL;
			else
				consume(w, h, slot[i], kmalloc_size_of(slot[i]));
		}
		slot[i] = kmalloc_obj(w, size);
		if (slot[i])
			w->ops++;
		if (!(w->ops % 16))
			drain_inbox(w, h, kmalloc_size_of);
	}
	for (unsigned int i = 0; i < LARSON_SLOTS; i++)
		if (slot[i])
			consume(w, h, slot[i], kmalloc_size_of(slot[i]));
	kfree(slot);
	/* Keep freeing what others send until every hart is done. */
	__atomic_fetch_sub(&h->producers_left, 1, __ATOMIC_RELEASE);
	while (READ_ONCE(h->producers_left))
		if (!drain_inbox(w, h, kmalloc_size_of))
			cpu_relax();
	drain_inbox(w, h, kmalloc_size_of);
}

static struct stress_test larson_test = {
	.name = "larson",
	.help = "server model: random sizes and lifetimes, 1 in 8 objects freed by another hart",
	.min_harts = 1,
	.setup = larson_setup,
	.work = larson_work,
	.teardown = handoff_teardown,
};
STRESS_TEST(larson_test);
