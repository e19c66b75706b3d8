/* SPDX-License-Identifier: MIT */
/*
 * tests/bench/slab_bench.c — single-hart SLUB benchmarks: instructions per
 * object operation (runner: tests/bench/runner.c, method: include/nodal/bench.h).
 *
 *   slab_fast         kmem_cache_alloc + kmem_cache_free pairs on a 64-byte
 *                     cache of its own: the per-CPU slab's freelist both ways
 *   slab_batch        4096 kmalloc(64), then 4096 kfree (per object, both
 *                     together): slabs filled and frozen, partial lists
 *   slab_node         kmalloc_node(64, next node) + kfree pairs
 *   slab_remote_free  objects allocated on the measuring hart, freed by a
 *                     hart of another node, counted on that hart while the
 *                     measuring one waits in wfi: __slab_free into a slab
 *                     another CPU holds (the cost a remote free pays)
 *
 * Linux: the same calls; Linux 6.12 on the same QEMU needs about 148
 * instructions per slab_fast pair and 244 per slab_batch object (issue 8).
 */
#include <linux/errno.h>
#include <linux/gfp.h>
#include <linux/mm.h>
#include <linux/nodemask.h>
#include <linux/printk.h>
#include <linux/slab.h>
#include <linux/smp.h>
#include <linux/topology.h>
#include <nodal/bench.h>

#include "bench_loops.h"

#define SLAB_BATCH	4096
#define SLAB_BATCH_ORDER 3	/* 4096 pointers: 32 KiB */
#define REMOTE_MAX	(PAGE_SIZE / sizeof(void *))	/* a page of pointers */

static struct kmem_cache *bench_cache;	/* [setup] slab_fast, slab_remote_free */
static int slab_node_nid;		/* [setup] slab_node's target node */

#define free_bench_obj(p)	kmem_cache_free(bench_cache, p)

BENCH_PAIR_PASSES(slab_fast, void *, kmem_cache_alloc(bench_cache, GFP_KERNEL),
		  free_bench_obj)
BENCH_PAIR_PASSES(slab_node, void *, kmalloc_node(64, GFP_KERNEL, slab_node_nid),
		  kfree)
BENCH_BATCH_PASSES(slab_batch, void *, SLAB_BATCH, kmalloc(64, GFP_KERNEL), kfree)

static int bench_cache_setup(struct bench *b)
{
	(void)b;
	bench_cache = kmem_cache_create("bench-64", 64, 0, 0, NULL);
	return bench_cache ? 0 : -ENOMEM;
}

static void bench_cache_teardown(struct bench *b)
{
	(void)b;
	kmem_cache_destroy(bench_cache);
	bench_cache = NULL;
}

static int slab_batch_setup(struct bench *b)
{
	b->priv = (void *)__get_free_pages(GFP_KERNEL, SLAB_BATCH_ORDER);
	return b->priv ? 0 : -ENOMEM;
}

static void slab_batch_teardown(struct bench *b)
{
	free_pages((unsigned long)b->priv, SLAB_BATCH_ORDER);
}

static int slab_node_setup(struct bench *b)
{
	(void)b;
	slab_node_nid = bench_other_node();
	return slab_node_nid == NUMA_NO_NODE ? -ENODEV : 0;
}

/* ---- slab_remote_free ---- */

struct remote_free {
	void **objs;		/* [setup] the objects of one pass */
	unsigned int cpu;	/* [setup] the freeing hart */
	unsigned long n;	/* [measure] objects this pass */
	u64 pass, empty, ns;	/* [freeing hart] */
};

static struct remote_free remote;

static void remote_free_pass(struct bench *b, unsigned long n)
{
	struct remote_free *r = b->priv;

	for (unsigned long i = 0; i < n; i++)
		kmem_cache_free(bench_cache, r->objs[i]);
}

static void remote_free_empty(struct bench *b, unsigned long n)
{
	struct remote_free *r = b->priv;

	for (unsigned long i = 0; i < n; i++) {
		void *q = r->objs[i];

		bench_hide(q);
	}
}

/* On the freeing hart: the empty pass first (the objects are still live). */
static void remote_free_on_hart(void *arg, unsigned int idx)
{
	struct bench *b = arg;
	struct remote_free *r = b->priv;
	u64 t0;

	(void)idx;
	r->empty = bench_instret_pass(b, remote_free_empty, r->n);
	t0 = bench_clock_ns();
	r->pass = bench_instret_pass(b, remote_free_pass, r->n);
	r->ns = bench_clock_ns() - t0;
}

static int slab_remote_free_measure(struct bench *b, unsigned long n, u64 *pass,
				    u64 *empty, u64 *ns)
{
	struct remote_free *r = b->priv;
	struct cpumask one;
	int err;

	for (unsigned long i = 0; i < n; i++) {
		r->objs[i] = kmem_cache_alloc(bench_cache, GFP_KERNEL);
		if (!r->objs[i]) {
			b->failures++;
			while (i)
				kmem_cache_free(bench_cache, r->objs[--i]);
			return -ENOMEM;
		}
	}
	r->n = n;
	cpumask_clear(&one);
	cpumask_set_cpu(r->cpu, &one);
	err = bench_on_harts(&one, remote_free_on_hart, b, NULL);
	*pass = r->pass;
	*empty = r->empty;
	*ns = r->ns;
	return err;
}

static int slab_remote_free_setup(struct bench *b)
{
	unsigned int cpu;
	int err;

	if (2 * b->iterations > REMOTE_MAX) {	/* the runner asks for 2n too */
		console_printf("bench: slab_remote_free: iterations=%lu, at most %lu\n",
			       b->iterations, REMOTE_MAX / 2);
		return -E2BIG;
	}
	remote.cpu = NR_CPUS;
	for_each_online_cpu(cpu)
		if (cpu_to_node(cpu) != numa_node_id()) {
			remote.cpu = cpu;
			break;
		}
	if (remote.cpu == NR_CPUS)
		return -ENODEV;
	remote.objs = (void **)__get_free_pages(GFP_KERNEL, 0);
	if (!remote.objs)
		return -ENOMEM;
	err = bench_cache_setup(b);
	if (err) {
		free_pages((unsigned long)remote.objs, 0);
		return err;
	}
	b->priv = &remote;
	return 0;
}

static void slab_remote_free_teardown(struct bench *b)
{
	bench_cache_teardown(b);
	free_pages((unsigned long)remote.objs, 0);
}

static const struct benchmark slab_fast = {
	.name = "slab_fast",
	.help = "64-byte kmem_cache_alloc + kmem_cache_free pairs (per-CPU slab)",
	.mode = BENCH_SINGLE, .unit = "pair", .ops_per_iter = 1,
	.iterations = 1000,
	.setup = bench_cache_setup, .teardown = bench_cache_teardown,
	.pass = slab_fast_pass, .empty = slab_fast_empty,
};
BENCH(slab_fast);

static const struct benchmark slab_batch = {
	.name = "slab_batch",
	.help = "4096 kmalloc(64) then 4096 kfree: slab refills and partial lists",
	.mode = BENCH_SINGLE, .unit = "object", .ops_per_iter = SLAB_BATCH,
	.iterations = 1,
	.setup = slab_batch_setup, .teardown = slab_batch_teardown,
	.pass = slab_batch_pass, .empty = slab_batch_empty,
};
BENCH(slab_batch);

static const struct benchmark slab_node = {
	.name = "slab_node",
	.help = "kmalloc_node(64, other node) + kfree pairs",
	.mode = BENCH_SINGLE, .unit = "pair", .ops_per_iter = 1,
	.iterations = 1000, .min_nodes = 2,
	.setup = slab_node_setup,
	.pass = slab_node_pass, .empty = slab_node_empty,
};
BENCH(slab_node);

static const struct benchmark slab_remote_free = {
	.name = "slab_remote_free",
	.help = "kmem_cache_free on a hart of another node of objects of this one",
	.mode = BENCH_SINGLE, .unit = "object", .ops_per_iter = 1,
	.iterations = 256, .min_nodes = 2, .min_harts = 2,
	.setup = slab_remote_free_setup, .teardown = slab_remote_free_teardown,
	.measure = slab_remote_free_measure,
};
BENCH(slab_remote_free);
