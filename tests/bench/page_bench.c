/* SPDX-License-Identifier: MIT */
/*
 * tests/bench/page_bench.c — single-hart page allocator benchmarks:
 * instructions per alloc_pages() + __free_pages() (runner: tests/bench/runner.c,
 * method: include/nodal/bench.h).
 *
 *   page_fast    order-0 pairs: the per-CPU list hit on both sides
 *   page_batch   1024 order-0 pages allocated, then all freed: the list
 *                runs dry and is refilled in batches from the buddy, then
 *                overflows and is flushed in batches (per page, alloc and
 *                free together)
 *   page_order3  order-3 pairs
 *   page_node    order-0 pairs on the next node with memory
 *                (alloc_pages_node): the remote zone's list on this hart
 *
 * Linux: the same calls, as a module would make them; Linux 6.12 on the
 * same QEMU needs about 884 instructions per page_fast pair and 889 per
 * page_batch page (issue 8).
 */
#include <linux/errno.h>
#include <linux/gfp.h>
#include <linux/mm.h>
#include <linux/nodemask.h>
#include <nodal/bench.h>

#include "bench_loops.h"

#define PAGE_BATCH	1024

static int page_node_nid;	/* [setup] page_node's target node */

#define free_order0(p)	__free_pages(p, 0)
#define free_order3(p)	__free_pages(p, 3)

BENCH_PAIR_PASSES(page_fast, struct page *, alloc_pages(GFP_KERNEL, 0), free_order0)
BENCH_PAIR_PASSES(page_order3, struct page *, alloc_pages(GFP_KERNEL, 3), free_order3)
BENCH_PAIR_PASSES(page_node, struct page *,
		  alloc_pages_node(page_node_nid, GFP_KERNEL, 0), free_order0)
BENCH_BATCH_PASSES(page_batch, struct page *, PAGE_BATCH,
		   alloc_pages(GFP_KERNEL, 0), free_order0)

/* The array of page_batch: 1024 pointers, two pages. */
static int page_batch_setup(struct bench *b)
{
	b->priv = (void *)__get_free_pages(GFP_KERNEL, 1);
	return b->priv ? 0 : -ENOMEM;
}

static void page_batch_teardown(struct bench *b)
{
	free_pages((unsigned long)b->priv, 1);
}

static int page_node_setup(struct bench *b)
{
	(void)b;
	page_node_nid = bench_other_node();
	return page_node_nid == NUMA_NO_NODE ? -ENODEV : 0;
}

static const struct benchmark page_fast = {
	.name = "page_fast",
	.help = "order-0 alloc_pages + __free_pages pairs (per-CPU list hits)",
	.mode = BENCH_SINGLE, .unit = "pair", .ops_per_iter = 1,
	.iterations = 1000,
	.pass = page_fast_pass, .empty = page_fast_empty,
};
BENCH(page_fast);

static const struct benchmark page_batch = {
	.name = "page_batch",
	.help = "1024 order-0 pages allocated then freed: refills and bulk frees",
	.mode = BENCH_SINGLE, .unit = "page", .ops_per_iter = PAGE_BATCH,
	.iterations = 1,
	.setup = page_batch_setup, .teardown = page_batch_teardown,
	.pass = page_batch_pass, .empty = page_batch_empty,
};
BENCH(page_batch);

static const struct benchmark page_order3 = {
	.name = "page_order3",
	.help = "order-3 alloc_pages + __free_pages pairs",
	.mode = BENCH_SINGLE, .unit = "pair", .ops_per_iter = 1,
	.iterations = 1000,
	.pass = page_order3_pass, .empty = page_order3_empty,
};
BENCH(page_order3);

static const struct benchmark page_node = {
	.name = "page_node",
	.help = "order-0 alloc_pages_node(other node) + __free_pages pairs",
	.mode = BENCH_SINGLE, .unit = "pair", .ops_per_iter = 1,
	.iterations = 1000, .min_nodes = 2,
	.setup = page_node_setup,
	.pass = page_node_pass, .empty = page_node_empty,
};
BENCH(page_node);
