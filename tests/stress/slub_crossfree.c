/* SPDX-License-Identifier: MIT */
/*
 * tests/stress/slub_crossfree.c — objects freed by another hart than the
 * one that allocated them, every time: SLUB's remote free (__slab_free()
 * into a slab another CPU holds), across nodes or within one.
 *
 *   xfree    pairs of harts: one allocates (objects of a cache of its
 *            own, and every 8th operation a page), the other checks and
 *            frees.  mode=0 pairs each producer with a hart on another
 *            node where there is one (cross-node frees), mode=1 with one
 *            on its own node.
 *   xmalloc  the first half of the harts produce, the second half
 *            consume; each producer deals its kmalloc() objects of random
 *            sizes round-robin to every consumer (mimalloc-bench's
 *            xmalloc-test): every free is remote.
 *
 * The objects travel through the rings of handoff.h.
 */
#include <asm/barrier.h>
#include <asm/processor.h>
#include <linux/errno.h>
#include <linux/gfp.h>
#include <linux/mm.h>
#include <linux/printk.h>
#include <linux/slab.h>

#include "handoff.h"

#define XFREE_OBJ 64

/* ---- xfree ---- */

static size_t xfree_size; /* [const during a run] its objects' size */

static size_t xfree_size_of(void *p)
{
	return (unsigned long)p & HANDOFF_PAGE ? 64 : xfree_size;
}

/* mode=: 0 or 1, refused before anything runs. */
static int xfree_check(const struct stress_run *r)
{
	if (r->mode_arg > 1) {
		console_printf("stress: xfree: mode=%d: 0 pairs across nodes, 1 within one\n",
			       r->mode_arg);
		return -EINVAL;
	}
	return 0;
}

static int xfree_setup(struct stress_run *r)
{
	struct handoff *h;
	bool same = r->mode_arg == 1;
	int err;

	err = handoff_setup(r);
	if (err)
		return err;
	h = r->priv;
	xfree_size = stress_size(r, XFREE_OBJ);
	h->cache = kmem_cache_create("stress_xfree", (unsigned int)xfree_size,
				     0, 0, NULL);
	if (!h->cache)
		return -ENOMEM;
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

/* Every 8th operation a page (tagged), else an object; NULL: none left. */
static void *xfree_alloc(struct stress_worker *w, struct handoff *h, size_t size)
{
	void *p;

	if (w->ops % 8 == 7) {
		unsigned long addr = __get_free_pages(GFP_KERNEL, 0);

		if (!addr)
			return NULL;
		stress_page_fill(w, (void *)addr, 0);
		return (void *)(addr | HANDOFF_PAGE);
	}
	p = kmem_cache_alloc(h->cache, GFP_KERNEL);
	if (p)
		stress_obj_fill(w, p, size);
	return p;
}

static void xfree_work(struct stress_worker *w)
{
	struct stress_run *r = w->run;
	struct handoff *h = r->priv;
	size_t size = xfree_size;
	unsigned int peer = h->peer[w->idx];
	struct spsc_ring *out = handoff_ring(h, w->idx, peer);

	if (!h->producer[w->idx]) { /* consumer */
		while (!READ_ONCE(r->w[peer].end_ns)) {
			if (!handoff_drain(w, h, xfree_size_of))
				cpu_relax();
		}
		handoff_drain(w, h, xfree_size_of);
		return;
	}
	while (!stress_should_stop(w)) {
		void *p = xfree_alloc(w, h, size);

		if (!p) {
			w->alloc_fail++;
			continue;
		}
		w->ops++;
		if (peer == w->idx) { /* no partner */
			handoff_consume(w, h, p, xfree_size_of(p));
			continue;
		}
		while (!spsc_ring_push(out, p)) {
			if (READ_ONCE(r->stop)) {
				handoff_consume(w, h, p, xfree_size_of(p));
				break;
			}
			cpu_relax();
		}
	}
}

static void xfree_teardown(struct stress_run *r)
{
	handoff_teardown(r, xfree_size_of);
}

static const char *const xfree_locks[] = { NULL };

static struct stress_test xfree_test = {
	.name = "xfree",
	.help = "producer/consumer hart pairs; consumers free (mode=0 cross-node, 1 same node)",
	.min_harts = 2,
	.opts = STRESS_OPT_SIZE | STRESS_OPT_MODE,
	.locks = xfree_locks,
	.check = xfree_check,
	.setup = xfree_setup,
	.work = xfree_work,
	.teardown = xfree_teardown,
};
STRESS_TEST(xfree_test);

/* ---- xmalloc ---- */

static int xmalloc_setup(struct stress_run *r)
{
	int err = handoff_setup(r);
	struct handoff *h = r->priv;

	if (err)
		return err;
	for (unsigned int i = 0; i < r->nr; i++)
		h->producer[i] = i < r->nr / 2;
	h->producers_left = r->nr / 2;
	return 0;
}

static void xmalloc_work(struct stress_worker *w)
{
	struct stress_run *r = w->run;
	struct handoff *h = r->priv;
	unsigned int consumers = r->nr - r->nr / 2, next = 0;
	size_t max = stress_size(r, 256);

	if (!h->producer[w->idx]) {
		while (READ_ONCE(h->producers_left))
			if (!handoff_drain(w, h, kmalloc_size_of))
				cpu_relax();
		handoff_drain(w, h, kmalloc_size_of);
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
		while (!spsc_ring_push(handoff_ring(h, w->idx, to), p))
			cpu_relax(); /* consumers run until we are done */
	}
	__atomic_fetch_sub(&h->producers_left, 1, __ATOMIC_RELEASE);
}

static struct stress_test xmalloc_test = {
	.name = "xmalloc",
	.help = "half the harts kmalloc, the other half kfree: every free remote",
	.min_harts = 2,
	.opts = STRESS_OPT_SIZE,
	.setup = xmalloc_setup,
	.work = xmalloc_work,
	.teardown = handoff_kmalloc_teardown,
};
STRESS_TEST(xmalloc_test);
