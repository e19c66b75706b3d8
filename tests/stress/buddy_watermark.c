/* SPDX-License-Identifier: MIT */
/*
 * tests/stress/buddy_watermark.c — a node held at its min watermark while
 * every hart allocates: the zonelist fallback to the other nodes
 * (numa_miss, numa_foreign), and GFP_ATOMIC dipping into the reserve below
 * the watermark until it, too, gives clean NULLs.
 *
 *   exhaust     the shell fills node mode= (default: the last node with
 *               memory) down to its min watermark with __GFP_THISNODE and
 *               holds it; workers allocate bursts of pages with the default
 *               policy (harts of that node fall back: numa_miss and
 *               numa_foreign), and every 4th a GFP_ATOMIC __GFP_THISNODE
 *               page from the full node (reserves, then clean NULLs).
 */
#include <linux/errno.h>
#include <linux/gfp.h>
#include <linux/mm.h>
#include <linux/mmzone.h>
#include <linux/printk.h>
#include <linux/slab.h>
#include <linux/string.h>
#include <linux/topology.h>

#include "stress.h"

#define HOLD_MAX      8192
#define EXHAUST_BURST 64

struct held {
	struct page *page;
	unsigned int order;
};

/* One run at a time (the shell runs one command). */
static struct exhaust {
	int nid;		   /* [shell] the node held at its watermark */
	struct held *held;	   /* [shell] HOLD_MAX, till teardown */
	unsigned int nr_held;	   /* [shell] */
	unsigned long held_pages;  /* [shell] */
	unsigned long fallback;	   /* [atomic] pages from another node */
	unsigned long atomic_ok;   /* [atomic] GFP_ATOMIC from the reserve */
	unsigned long atomic_null; /* [atomic] GFP_ATOMIC refused */
} exhaust;

/* mode=NODE if given, else the last node with memory; -1: refused. */
static int exhaust_node(const struct stress_run *r)
{
	int nid = -1, n;

	if (r->mode_arg < 0) {
		for_each_node_state(n, N_MEMORY)
			nid = n;
		return nid;
	}
	if (r->mode_arg < MAX_NUMNODES && node_state(r->mode_arg, N_MEMORY))
		return r->mode_arg;
	console_printf("stress: exhaust: mode=%d is not a node with memory\n",
		       r->mode_arg);
	return -1;
}

/* mode=: a node with memory, refused before anything runs. */
static int exhaust_check(const struct stress_run *r)
{
	return exhaust_node(r) < 0 ? -EINVAL : 0;
}

static int exhaust_setup(struct stress_run *r)
{
	struct exhaust *ex = &exhaust;
	int nid = exhaust_node(r);

	memset(ex, 0, sizeof(*ex));
	if (nid < 0)
		return -EINVAL;
	ex->nid = nid;
	ex->held = kcalloc(HOLD_MAX, sizeof(*ex->held), GFP_KERNEL);
	if (!ex->held)
		return -ENOMEM;
	drain_all_pages(NULL);
	for (int order = MAX_PAGE_ORDER; order >= 0; order--) {
		while (ex->nr_held < HOLD_MAX) {
			struct page *p = alloc_pages_node(nid,
							  GFP_KERNEL |
								  __GFP_THISNODE |
								  __GFP_NOWARN,
							  order);

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
	struct exhaust *ex = &exhaust;
	struct page *burst[EXHAUST_BURST];

	while (!stress_should_stop(w)) {
		unsigned int n = 0;

		for (; n < EXHAUST_BURST; n++) {
			bool atomic = n % 4 == 3;
			struct page *p =
				atomic ?
					alloc_pages_node(ex->nid,
							 GFP_ATOMIC |
								 __GFP_THISNODE |
								 __GFP_NOWARN,
							 0) :
					alloc_pages(GFP_KERNEL | __GFP_NOWARN, 0);

			if (!p) {
				w->alloc_fail++;
				if (atomic)
					__atomic_fetch_add(&ex->atomic_null, 1,
							   __ATOMIC_RELAXED);
				burst[n] = NULL;
				continue;
			}
			if (atomic)
				__atomic_fetch_add(&ex->atomic_ok, 1,
						   __ATOMIC_RELAXED);
			else if (page_to_nid(p) != numa_mem_id())
				__atomic_fetch_add(&ex->fallback, 1,
						   __ATOMIC_RELAXED);
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
	struct exhaust *ex = &exhaust;

	(void)r;
	for (unsigned int i = 0; i < ex->nr_held; i++)
		__free_pages(ex->held[i].page, ex->held[i].order);
	kfree(ex->held);
	ex->held = NULL;
	ex->nr_held = 0;
}

static void exhaust_report(struct stress_run *r)
{
	const struct exhaust *ex = &exhaust;

	(void)r;
	console_printf("  exhaust:      node %d held at its watermark (%lu pages); %lu fallback pages, %lu GFP_ATOMIC pages from reserves, %lu clean NULLs\n",
		       ex->nid, ex->held_pages, ex->fallback, ex->atomic_ok,
		       ex->atomic_null);
}

static struct stress_test exhaust_test = {
	.name = "exhaust",
	.help = "one node filled to its min watermark and held (mode=NODE); others allocate",
	.min_harts = 1,
	.min_nodes = 2, /* one to fill, one to fall back to */
	.opts = STRESS_OPT_MODE,
	.check = exhaust_check,
	.setup = exhaust_setup,
	.work = exhaust_work,
	.teardown = exhaust_teardown,
	.report = exhaust_report,
};
STRESS_TEST(exhaust_test);
