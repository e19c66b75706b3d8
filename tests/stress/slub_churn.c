/* SPDX-License-Identifier: MIT */
/*
 * tests/stress/slub_churn.c — every hart allocating and freeing its own memory,
 * alone or against interrupts and drains: pagechurn, slabchurn, irqalloc,
 * drainstorm.
 *
 *   pagechurn   bursts of BURST pages of orders 0..3 (more than a pcp
 *               list's high mark), written, checked and freed: refills and
 *               bulk frees hit &zone->lock.
 *   slabchurn   a table of kmalloc objects of random sizes (16..size=,
 *               default 1024) with random lifetimes, seeded.
 *   irqalloc    slabchurn, while every hart's timer interrupt also
 *               allocates and frees an object and a page (the per-CPU
 *               caches' interrupts-off discipline under fire).
 *   drainstorm  the first hart drains every pcp list and shrinks every
 *               slab cache in a loop while the others churn pages and
 *               objects.
 */
#include <asm/barrier.h>
#include <asm/processor.h>
#include <linux/errno.h>
#include <linux/gfp.h>
#include <linux/mm.h>
#include <linux/mmzone.h>
#include <linux/printk.h>
#include <linux/slab.h>

#include "stress.h"

#define BURST		600	/* > pcp high (220 at 4/2) */
#define SLAB_SLOTS	512

static void pagechurn_work(struct stress_worker *w)
{
	struct page **burst = kcalloc(BURST, sizeof(*burst), GFP_KERNEL);
	u8 *order = kcalloc(BURST, 1, GFP_KERNEL);

	if (!burst || !order) {
		w->alloc_fail++;
		goto out;
	}
	while (!stress_should_stop(w)) {
		unsigned int n = 0;

		for (; n < BURST && !stress_should_stop(w); n++) {
			order[n] = prandom_u32_state(&w->rnd) % 4;
			burst[n] = alloc_pages(GFP_KERNEL | __GFP_NOWARN, order[n]);
			if (!burst[n]) {
				w->alloc_fail++;
				break;
			}
			stress_page_fill(w, page_address(burst[n]), order[n]);
			w->ops++;
		}
		while (n--) {
			stress_page_check(w, page_address(burst[n]), order[n]);
			__free_pages(burst[n], order[n]);
			w->ops++;
		}
	}
out:
	kfree(burst);
	kfree(order);
}

static struct stress_test pagechurn_test = {
	.name = "pagechurn",
	.help = "bursts of 600 pages of orders 0..3 per hart, beyond pcp high",
	.min_harts = 1,
	.work = pagechurn_work,
};
STRESS_TEST(pagechurn_test);

/* A table of kmalloc objects, each replaced at random. */
static void slab_table_churn(struct stress_worker *w, void **slot,
			     size_t *size, size_t max)
{
	unsigned int i = prandom_u32_state(&w->rnd) % SLAB_SLOTS;

	if (slot[i]) {
		stress_obj_check(w, slot[i], size[i]);
		kfree(slot[i]);
		slot[i] = NULL;
		w->ops++;
		return;
	}
	size[i] = STRESS_OBJ_MIN + prandom_u32_state(&w->rnd) %
		  (max - STRESS_OBJ_MIN + 1);
	slot[i] = kmalloc(size[i], GFP_KERNEL);
	if (!slot[i]) {
		w->alloc_fail++;
		return;
	}
	stress_obj_fill(w, slot[i], size[i]);
	w->ops++;
}

static void slabchurn_work(struct stress_worker *w)
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
	.work = slabchurn_work,
};
STRESS_TEST(slabchurn_test);

/* ---- irqalloc ---- */

static unsigned long irq_ops, irq_fail, irq_bad;	/* [atomic] */

static void irqalloc_tick(void)
{
	u64 *obj = kmalloc(64, GFP_ATOMIC | __GFP_NOWARN);
	struct page *page = alloc_pages(GFP_ATOMIC | __GFP_NOWARN, 0);

	if (obj) {
		for (int i = 0; i < 8; i++)
			obj[i] = (u64)obj ^ i;
		for (int i = 0; i < 8; i++)
			if (obj[i] != ((u64)obj ^ i))
				__atomic_fetch_add(&irq_bad, 1, __ATOMIC_RELAXED);
		kfree(obj);
	}
	if (page) {
		*(u64 *)page_address(page) = page_to_pfn(page);
		if (*(u64 *)page_address(page) != page_to_pfn(page))
			__atomic_fetch_add(&irq_bad, 1, __ATOMIC_RELAXED);
		__free_pages(page, 0);
	}
	__atomic_fetch_add(obj && page ? &irq_ops : &irq_fail, 1,
			   __ATOMIC_RELAXED);
}

static int irqalloc_setup(struct stress_run *r)
{
	(void)r;
	irq_ops = irq_fail = irq_bad = 0;
	stress_set_tick_hook(irqalloc_tick);
	return 0;
}

static void irqalloc_teardown(struct stress_run *r)
{
	stress_set_tick_hook(NULL);
	if (irq_bad || !irq_ops)
		r->problems++;
}

static void irqalloc_report(struct stress_run *r)
{
	(void)r;
	console_printf("  interrupts:   %lu tick allocations (object + page), %lu failed, %lu damaged\n",
		       irq_ops, irq_fail, irq_bad);
}

static struct stress_test irqalloc_test = {
	.name = "irqalloc",
	.help = "slabchurn while every hart's tick allocates and frees too",
	.min_harts = 1,
	.setup = irqalloc_setup,
	.work = slabchurn_work,
	.teardown = irqalloc_teardown,
	.report = irqalloc_report,
};
STRESS_TEST(irqalloc_test);

/* ---- drainstorm ---- */

static unsigned long drains;	/* [worker 0] */

static void drainstorm_work(struct stress_worker *w)
{
	if (w->idx == 0 && w->run->nr > 1) {
		while (!stress_should_stop(w)) {
			drain_all_pages(NULL);
			kmem_cache_shrink_all();
			drains++;
			w->ops++;
		}
		return;
	}
	if (w->idx % 2)
		slabchurn_work(w);
	else
		pagechurn_work(w);
}

static int drainstorm_setup(struct stress_run *r)
{
	(void)r;
	drains = 0;
	return 0;
}

static void drainstorm_report(struct stress_run *r)
{
	(void)r;
	console_printf("  drains:       %lu rounds of drain_all_pages + shrink of every cache\n",
		       drains);
}

static struct stress_test drainstorm_test = {
	.name = "drainstorm",
	.help = "hart 1 of the run drains pcp lists and shrinks caches in a loop; others churn",
	.min_harts = 2,
	.setup = drainstorm_setup,
	.work = drainstorm_work,
	.report = drainstorm_report,
};
STRESS_TEST(drainstorm_test);
