/* SPDX-License-Identifier: MIT */
/*
 * tests/stress/cpu_caches_irq.c — the per-CPU caches (the pcp page lists
 * and SLUB's CPU slabs) used from the timer interrupt while the task it
 * interrupted is inside them: their interrupts-off discipline under fire.
 *
 *   irqalloc    slabchurn (slub_churn.c), while every hart's tick also
 *               allocates and frees an object and a page.
 */
#include <linux/gfp.h>
#include <linux/mm.h>
#include <linux/printk.h>
#include <linux/slab.h>

#include "internal.h"

static unsigned long irq_ops, irq_fail, irq_bad; /* [atomic] */

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
	return stress_set_tick_hook(irqalloc_tick);
}

static void irqalloc_teardown(struct stress_run *r)
{
	stress_set_tick_hook(NULL);
	if (irq_bad || !irq_ops) /* the verdict reads it, after a run only */
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
	.opts = STRESS_OPT_SIZE, /* slabchurn's */
	.setup = irqalloc_setup,
	.work = slabchurn_work,
	.teardown = irqalloc_teardown,
	.report = irqalloc_report,
};
STRESS_TEST(irqalloc_test);
