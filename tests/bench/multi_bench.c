/* SPDX-License-Identifier: MIT */
/*
 * tests/bench/multi_bench.c — multi-hart benchmarks: operations per second
 * with every hart at work (runner: tests/bench/runner.c, method:
 * include/nodal/bench.h).
 *
 *   xcpu_free   the harts are paired across nodes (each with the first
 *               free hart of another node: on 4 harts / 2 nodes 0→2 and
 *               1→3); in each pair the producer kmallocs 64-byte objects
 *               and hands them through a single-producer single-consumer
 *               ring (tests/lib/spsc_ring.h) to the consumer, which kfrees
 *               them: every free is remote, of another node.  Counts
 *               objects freed per second over all pairs.  The consumer
 *               frees until its producer is done (iterations= or ms=).
 *   all_churn   every hart allocates 32 order-0 pages, frees them, and
 *               again.  Counts pages (allocated and freed) per second.
 *
 * The runner prints the lock_stat rows of every class the runs took.  The
 * locks a cross-node free can meet are per zone (&zone->lock), per node
 * (&n->list_lock) or hashed by slab (&slab_locks[i]): none is shared by
 * every hart, and the rows show how often each was contended.
 *
 * Waiting: a producer facing a full ring and a consumer facing an empty
 * one spin briefly, then give the host core away (cpu_wait_briefly), as
 * docs/design.md asks of wait loops under QEMU.
 */
#include <asm/barrier.h>
#include <asm/processor.h>
#include <linux/errno.h>
#include <linux/gfp.h>
#include <linux/mm.h>
#include <linux/slab.h>
#include <linux/smp.h>
#include <linux/string.h>
#include <nodal/bench.h>
#include <nodal/tick.h>

#include "../lib/hart_tasks.h"
#include "../lib/spsc_ring.h"

#define XCPU_RING	1024
#define XCPU_SPINS	64		/* before giving the core away */
#define XCPU_WAIT_NS	2000
#define CHURN_PAGES	32

enum xcpu_role { XCPU_IDLE, XCPU_PRODUCER, XCPU_CONSUMER };

struct xcpu_pair {
	struct spsc_ring ring;		/* [const] producer → consumer */
	bool done;			/* [atomic] producer finished this run;
					 * the consumer clears it when it ends */
};

struct xcpu_state {
	unsigned int nr_pairs;				/* [setup] */
	struct xcpu_pair pair[BENCH_MAX_HARTS / 2];	/* [setup] */
	enum xcpu_role role[BENCH_MAX_HARTS];		/* [setup] by worker */
	unsigned int pair_of[BENCH_MAX_HARTS];		/* [setup] by worker */
};

static struct xcpu_state xcpu;

static void xcpu_wait(unsigned int *spins)
{
	if (++*spins < XCPU_SPINS) {
		cpu_relax();
		return;
	}
	*spins = 0;
	cpu_wait_briefly(XCPU_WAIT_NS);
}

static unsigned long xcpu_produce(struct bench *b, unsigned int idx,
				  struct xcpu_pair *pair)
{
	for (unsigned long i = 0; i < b->iterations && !bench_time_up(b, idx); i++) {
		void *p = kmalloc(64, GFP_KERNEL);
		unsigned int spins = 0;

		if (!p) {
			__atomic_fetch_add(&b->failures, 1, __ATOMIC_RELAXED);
			break;
		}
		while (!spsc_ring_push(&pair->ring, p))
			xcpu_wait(&spins);
	}
	smp_store_release(&pair->done, true);
	return 0;
}

static unsigned long xcpu_consume(struct xcpu_pair *pair)
{
	unsigned long freed = 0;
	unsigned int spins = 0;

	for (;;) {
		void *p = spsc_ring_pop(&pair->ring);

		if (p) {
			kfree(p);
			freed++;
			spins = 0;
			continue;
		}
		if (smp_load_acquire(&pair->done)) {
			p = spsc_ring_pop(&pair->ring); /* pushed before done */
			if (!p)
				break;
			kfree(p);
			freed++;
			continue;
		}
		xcpu_wait(&spins);
	}
	WRITE_ONCE(pair->done, false);	/* for the next run; the producer is done */
	return freed;
}

static unsigned long xcpu_free_work(struct bench *b, unsigned int idx)
{
	struct xcpu_state *x = b->priv;
	struct xcpu_pair *pair = &x->pair[x->pair_of[idx]];

	switch (x->role[idx]) {
	case XCPU_PRODUCER:
		return xcpu_produce(b, idx, pair);
	case XCPU_CONSUMER:
		return xcpu_consume(pair);
	default:
		return 0;
	}
}

static void xcpu_free_teardown(struct bench *b)
{
	struct xcpu_state *x = b->priv;

	for (unsigned int i = 0; i < x->nr_pairs; i++)
		spsc_ring_destroy(&x->pair[i].ring);
	x->nr_pairs = 0;
}

/* Pairs across nodes (pair_by_node()); a worker without one idles. */
static int xcpu_free_setup(struct bench *b)
{
	struct xcpu_state *x = &xcpu;
	unsigned int peer[BENCH_MAX_HARTS];

	memset(x, 0, sizeof(*x));
	b->priv = x;
	pair_by_node(b->cpu, b->nr_harts, false, false, peer);
	for (unsigned int i = 0; i < b->nr_harts; i++) {
		unsigned int j = peer[i];

		if (j == PAIR_NONE || j < i)
			continue;
		if (spsc_ring_init(&x->pair[x->nr_pairs].ring, XCPU_RING)) {
			xcpu_free_teardown(b);
			return -ENOMEM;
		}
		x->role[i] = XCPU_PRODUCER;
		x->role[j] = XCPU_CONSUMER;
		x->pair_of[i] = x->pair_of[j] = x->nr_pairs++;
	}
	return x->nr_pairs ? 0 : -ENODEV;
}

static unsigned long all_churn_work(struct bench *b, unsigned int idx)
{
	struct page *pages[CHURN_PAGES];
	unsigned long ops = 0;

	for (unsigned long i = 0; i < b->iterations && !bench_time_up(b, idx); i++) {
		unsigned int j;

		for (j = 0; j < CHURN_PAGES; j++) {
			pages[j] = alloc_pages(GFP_KERNEL, 0);
			if (!pages[j])
				break;
		}
		ops += j;
		while (j)
			__free_pages(pages[--j], 0);
		if (ops < (i + 1) * CHURN_PAGES) {	/* an allocation failed */
			__atomic_fetch_add(&b->failures, 1, __ATOMIC_RELAXED);
			break;
		}
	}
	return ops;
}

static const struct benchmark xcpu_free = {
	.name = "xcpu_free",
	.help = "pairs across nodes: producer kmallocs 64 B, consumer kfrees (ring)",
	.mode = BENCH_MULTI, .unit = "object", .ops_per_iter = 1,
	.iterations = 100000, .min_nodes = 2, .min_harts = 2,
	.setup = xcpu_free_setup, .teardown = xcpu_free_teardown,
	.work = xcpu_free_work,
};
BENCH(xcpu_free);

static const struct benchmark all_churn = {
	.name = "all_churn",
	.help = "every hart: 32 order-0 pages allocated then freed, repeated",
	.mode = BENCH_MULTI, .unit = "page", .ops_per_iter = CHURN_PAGES,
	.iterations = 2000, .min_harts = 1,
	.setup = NULL, .work = all_churn_work,
};
BENCH(all_churn);
