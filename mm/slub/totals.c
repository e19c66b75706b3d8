/* SPDX-License-Identifier: MIT */
/*
 * mm/slub/totals.c — whole-allocator SLUB totals and bulk maintenance for
 * the stress tests: counters summed over every cache and CPU, every cache
 * shrunk, every cache validated.
 *
 * Readers only, apart from shrinking (which each cache's own
 * kmem_cache_shrink() does); they walk slab_caches under slab_caches_lock
 * where they can, and from a snapshot where the work cross-calls.
 */
#include <linux/slab.h>
#include <linux/spinlock.h>

#include "internal.h"

#define MAX_BULK_CACHES	128

void slub_events_sum(struct slub_events *out)
{
	static const enum stat_item items[NR_SLUB_EVENTS] = {
		[SLUB_EV_ALLOC_FASTPATH] = ALLOC_FASTPATH,
		[SLUB_EV_ALLOC_SLOWPATH] = ALLOC_SLOWPATH,
		[SLUB_EV_FREE_FASTPATH] = FREE_FASTPATH,
		[SLUB_EV_FREE_SLOWPATH] = FREE_SLOWPATH,
		[SLUB_EV_FREE_REMOTE_HART] = FREE_REMOTE_HART,
		[SLUB_EV_FREE_REMOTE_NODE] = FREE_REMOTE_NODE,
		[SLUB_EV_ALLOC_SLAB] = ALLOC_SLAB,
		[SLUB_EV_FREE_SLAB] = FREE_SLAB,
		[SLUB_EV_ALLOC_FROM_PARTIAL] = ALLOC_FROM_PARTIAL,
		[SLUB_EV_CPU_PARTIAL_ALLOC] = CPU_PARTIAL_ALLOC,
		[SLUB_EV_CPU_PARTIAL_FREE] = CPU_PARTIAL_FREE,
		[SLUB_EV_CPU_PARTIAL_DRAIN] = CPU_PARTIAL_DRAIN,
	};
	struct kmem_cache *s;
	unsigned long flags;

	for (int i = 0; i < NR_SLUB_EVENTS; i++)
		out->ev[i] = 0;
	spin_lock_irqsave(&slab_caches_lock, flags);
	list_for_each_entry(s, &slab_caches, list)
		for (int i = 0; i < NR_SLUB_EVENTS; i++)
			out->ev[i] += slub_stat_total(s, items[i]);
	spin_unlock_irqrestore(&slab_caches_lock, flags);
}

const char *const slub_event_names[NR_SLUB_EVENTS] = {
	"alloc_fastpath", "alloc_slowpath", "free_fastpath", "free_slowpath",
	"free_remote_hart", "free_remote_node", "alloc_slab", "free_slab",
	"alloc_from_partial", "cpu_partial_alloc", "cpu_partial_free",
	"cpu_partial_drain",
};

static int snapshot(struct kmem_cache **caches)
{
	struct kmem_cache *s;
	unsigned long flags;
	int nr = 0;

	spin_lock_irqsave(&slab_caches_lock, flags);
	list_for_each_entry(s, &slab_caches, list)
		if (nr < MAX_BULK_CACHES)
			caches[nr++] = s;
	spin_unlock_irqrestore(&slab_caches_lock, flags);
	return nr;
}

void kmem_cache_shrink_all(void)
{
	static struct kmem_cache *caches[MAX_BULK_CACHES];
	int nr = snapshot(caches);

	for (int i = 0; i < nr; i++)
		kmem_cache_shrink(caches[i]);
}

int validate_all_slab_caches(void)
{
	static struct kmem_cache *caches[MAX_BULK_CACHES];
	int nr = snapshot(caches), errors = 0;

	for (int i = 0; i < nr; i++)
		errors += validate_slab_cache(caches[i]);
	return errors;
}
