/* SPDX-License-Identifier: MIT */
/*
 * mm/slub/slub.c — SLUB: object caches on slabs, per-CPU slabs, per-node
 * partial lists.
 *
 * Overview     A kmem_cache hands out objects of one size.  Objects live in
 *              slabs (blocks of 2^order pages from the page allocator);
 *              the free objects of a slab are chained through a free
 *              pointer stored inside each of them.  Each CPU owns one "CPU
 *              slab" whose free objects it pops and pushes with interrupts
 *              off and no lock (the fast paths), plus a short chain of
 *              partially free slabs; each memory node keeps a list of the
 *              partially free slabs of its own memory.  A free into a slab
 *              the CPU does not own goes into that slab under a per-slab
 *              lock, so no free ever waits for the owning CPU; a run of
 *              such frees into one slab takes the lock once.  This file
 *              holds those paths; cache.c creates, sizes and destroys
 *              caches and bootstraps SLUB; kmalloc.c serves kmalloc from a
 *              set of caches; debug.c holds red zones, poisoning, owner
 *              tracking, the reports of bad frees and the validator;
 *              report.c the slabinfo, slabstat and validate commands.
 *
 * Structures   kmem_cache ──cpu_slab──▶ kmem_cache_cpu (one per CPU, on its
 *              node): freelist, slab, partial chain, deferred chain, stat[]
 *              kmem_cache ──node[nid]─▶ kmem_cache_node: list_lock, partial
 *              list (and full list for debug caches), counts.
 *              struct slab is the slab view of the head struct page (the
 *              slab union of struct page; the overlay is asserted below):
 *              slab_cache, freelist, counters = inuse|objects|frozen, and
 *              slab_list (node lists) overlaid by next+slabs (CPU chain).
 *
 *                slab (2^order pages), slot = s->size bytes:
 *                +--------+--------+--------+-----
 *                | obj 0  | obj 1  | obj 2  | ...   free pointer of a free
 *                +--------+--------+--------+-----   object at s->offset
 *                [left red zone][object][right red zone][fp][tracks]
 *                [requested size][pad]
 *                (red zones, fp after the object, tracks and the requested
 *                size of a kmalloc cache with Z: debug only)
 *
 *              A slab is in exactly one state (SLUB-3): CPU slab (frozen,
 *              its free objects split between c->freelist, private to the
 *              CPU, and slab->freelist, where remote frees land); on a CPU
 *              partial chain (unfrozen, on no node list); on its node's
 *              partial list; on the full list (debug caches); or full and
 *              on no list.
 *
 * Locking      Order, outermost first:
 *              1. slab_caches_lock (cache.c) — the list of caches (create,
 *                 destroy, snapshots for reports).  Never held across an
 *                 allocation.
 *              2. kmem_cache_node->list_lock — that node's lists, nr_partial,
 *                 slab_state bits; for debug caches also every slab field.
 *                 Taken with interrupts off.
 *              3. slab_lock(slab) — a slab's freelist and counters.  Linux
 *                 on riscv takes a bit spinlock in page->flags (PG_locked);
 *                 Nodal's page flags are changed non-atomically
 *                 (__SetPageFlag) and have no PG_locked, so a slab lock is
 *                 one of SLAB_LOCK_HASH ticket spinlocks chosen by hashing
 *                 the slab's address (internal.h): no bit on the page, no
 *                 global lock, and lock_stat counts it (class
 *                 "&slab_locks[i]").  Two slabs may share a lock; no path
 *                 holds two slab locks.  Taken with interrupts off,
 *                 innermost, for a few stores: once per run of frees into
 *                 one slab, not once per object (flush_deferred()).
 *              SLUB calls the page allocator with interrupts off but never
 *              with 2 or 3 held (empty slabs are freed after the unlock), so
 *              zone->lock and the pcp lists never nest inside SLUB's locks.
 *
 * Per-CPU      kmem_cache_cpu (CPU slab, freelist, partial chain, deferred
 *              chain, counters) is touched only by its CPU, with interrupts
 *              off for the whole operation (local_irq_save; no atomics: the
 *              riscv Linux fast path degenerates to exactly this, see
 *              docs/linux-facts.md §4.2).  Other CPUs reach it only by a
 *              cross-call (slub_flush_all(), on_each_cpu()) or read its
 *              [stat] counters.
 *
 * Invariants   SLUB-1 every free pointer (CPU or slab freelist) points at
 *                     an object start inside its own slab.
 *              SLUB-2 no object is twice on a slab's freelists; the free
 *                     objects of an unfrozen slab number objects − inuse.
 *              SLUB-3 a slab is in one state (above); a slab on a node
 *                     partial list has SLAB_ON_PARTIAL and is counted in
 *                     nr_partial; one on the full list has SLAB_ON_FULL.
 *              SLUB-4 a slab on node n's lists is made of node n's memory.
 *              SLUB-5 debug caches have no CPU slab and no CPU partials.
 *              SLUB-6 a slab has PG_slab and slab_cache = its cache.
 *              SLUB-7 an allocated object of a kmalloc cache with Z holds
 *                     SLUB_RED_ACTIVE in [requested size, object_size)
 *                     (Linux's kmalloc red zone; a plain kmem_cache_alloc
 *                     of it requests object_size).  kmalloc and krealloc
 *                     set the size and the bytes under the list_lock.
 *              validate_slab_cache() (debug.c) checks SLUB-1..4 and 6 on
 *              every slab of the node lists, and SLUB-1 on each CPU's
 *              freelist first (slub_check_cpu_freelist()); SLUB-5 is a
 *              VM_BUG_ON in the debug paths; SLUB-7 is checked by the
 *              validator and at each free of a debug cache.  A full slab
 *              of a cache without debugging is on no list: the validator
 *              does not see it.
 *
 * Paths        alloc: while failslab is on, should_failslab() first
 *              (failslab.c: an injected failure returns NULL).  Fast: irqs
 *              off; c->freelist non-empty and the CPU slab on the demanded
 *              node → pop.  Slow (___slab_alloc): the
 *              CPU slab's own freelist (remote frees) → CPU partial chain →
 *              the node's partial list (requested node, else numa_mem_id())
 *              → other nodes' lists by distance from the memory policy's
 *              node, mempolicy_slab_node() (no strict node) → a new
 *              slab.  free fast: object in this CPU's slab → push; object
 *              in the slab of this CPU's deferred chain → chain it.  Slow:
 *              another slab → hand the chain over, start a new one with
 *              this object.  Hand-over (__slab_free, a whole chain at
 *              once): onto slab->freelist under slab_lock; a full slab
 *              gaining objects joins this CPU's partial chain; an empty
 *              slab on a node list beyond min_partial is freed.  Debug
 *              caches: one object at a time under list_lock.  Every free
 *              first checks the pointer (virt_to_slab(): pfn_valid(),
 *              PG_slab; then an object boundary); a bad pointer is reported
 *              and ignored.
 *
 * Linux        mm/slub.c (slab_alloc_node, ___slab_alloc, get_partial_node,
 *              get_any_partial, deactivate_slab, put_cpu_partial,
 *              __slab_free here; calculate_sizes, calculate_order,
 *              set_cpu_partial, bootstrap in cache.c), mm/slab.h,
 *              mm/slab_common.c (kmem_cache_create/destroy in cache.c,
 *              kmalloc in kmalloc.c).  Differences: interrupts off instead
 *              of this_cpu_cmpxchg and local_lock (so no transaction id,
 *              tid: nothing can slip in between reading and writing
 *              c->freelist); hashed slab locks; deferred frees (Linux
 *              builds such a chain only within kmem_cache_free_bulk()); the
 *              free pointer's address is mixed by swapping its halves, not
 *              its bytes (internal.h); get_any_partial is always tried (no
 *              remote_node_defrag_ratio); no cache merging, no RCU, no
 *              memcg, no sysfs; the kmem_cache_node cache's own node
 *              structures are static; destroy finds leaked objects of full
 *              slabs too, by walking the pfn range of the node's slabs
 *              (Linux only lists those of partial slabs).
 *
 * Statistics   Linux's SLUB_STATS items plus free_remote_hart and
 *              free_remote_node (enum stat_item, <linux/slab.h>), counted
 *              per cache per CPU with interrupts off, always, and folded on
 *              read: slub_stat_total() for a cache, slub_stat_sum_all()
 *              over every cache, slub_stat_name() for the sysfs name from
 *              the one table below.  `slabstat CACHE` prints them in
 *              show_stat's format, `slabinfo` summarises the caches
 *              (report.c), the stress reports print their sums; debug
 *              reports count in kmem_cache_nr_errors().  What the design
 *              was measured with, and the figures: docs/slub-measurements.md.
 */
#include <linux/bug.h>
#include <linux/cpumask.h>
#include <linux/fault-inject.h>
#include <linux/gfp.h>
#include <linux/irqflags.h>
#include <linux/mempolicy.h>
#include <linux/mmdebug.h>
#include <linux/prandom.h>
#include <linux/printk.h>
#include <linux/smp.h>
#include <linux/string.h>
#include <linux/timekeeping.h>
#include <linux/topology.h>

#include "internal.h"

/* struct slab must overlay struct page's slab union exactly (Linux SLAB_MATCH). */
#define SLAB_MATCH(pg, sl) _Static_assert(offsetof(struct page, pg) == \
					  offsetof(struct slab, sl), #sl)
SLAB_MATCH(slab_cache, slab_cache);
SLAB_MATCH(freelist, freelist);
SLAB_MATCH(counters, counters);
SLAB_MATCH(slab_next, next);
SLAB_MATCH(slabs, slabs);
SLAB_MATCH(page_type, slab_state);
_Static_assert(sizeof(struct slab) == sizeof(struct page), "slab size");

spinlock_t slab_locks[SLAB_LOCK_HASH];	    /* lock 3, see above */
DEFINE_PER_CPU(struct rnd_state, slab_rnd); /* [cpu] slot order shuffles */

/* Linux's sysfs file name of each counter (Nodal's two last). */
static const char *const slub_stat_names[NR_SLUB_STAT_ITEMS] = {
	[ALLOC_FASTPATH] = "alloc_fastpath",
	[ALLOC_SLOWPATH] = "alloc_slowpath",
	[FREE_FASTPATH] = "free_fastpath",
	[FREE_SLOWPATH] = "free_slowpath",
	[FREE_FROZEN] = "free_frozen",
	[FREE_ADD_PARTIAL] = "free_add_partial",
	[FREE_REMOVE_PARTIAL] = "free_remove_partial",
	[ALLOC_FROM_PARTIAL] = "alloc_from_partial",
	[ALLOC_SLAB] = "alloc_slab",
	[ALLOC_REFILL] = "alloc_refill",
	[ALLOC_NODE_MISMATCH] = "alloc_node_mismatch",
	[FREE_SLAB] = "free_slab",
	[CPUSLAB_FLUSH] = "cpuslab_flush",
	[DEACTIVATE_FULL] = "deactivate_full",
	[DEACTIVATE_EMPTY] = "deactivate_empty",
	[DEACTIVATE_TO_HEAD] = "deactivate_to_head",
	[DEACTIVATE_TO_TAIL] = "deactivate_to_tail",
	[DEACTIVATE_REMOTE_FREES] = "deactivate_remote_frees",
	[DEACTIVATE_BYPASS] = "deactivate_bypass",
	[ORDER_FALLBACK] = "order_fallback",
	[CMPXCHG_DOUBLE_CPU_FAIL] = "cmpxchg_double_cpu_fail",
	[CMPXCHG_DOUBLE_FAIL] = "cmpxchg_double_fail",
	[CPU_PARTIAL_ALLOC] = "cpu_partial_alloc",
	[CPU_PARTIAL_FREE] = "cpu_partial_free",
	[CPU_PARTIAL_NODE] = "cpu_partial_node",
	[CPU_PARTIAL_DRAIN] = "cpu_partial_drain",
	[FREE_REMOTE_HART] = "free_remote_hart",
	[FREE_REMOTE_NODE] = "free_remote_node",
};

/* Count @si on this CPU.  Context: interrupts off. */
static inline void stat(struct kmem_cache *s, enum stat_item si)
{
	this_cpu_ptr(s->cpu_slab)->stat[si]++;
}

static inline void stat_add(struct kmem_cache *s, enum stat_item si,
			    unsigned int n)
{
	this_cpu_ptr(s->cpu_slab)->stat[si] += n;
}

const char *slub_stat_name(enum stat_item si)
{
	if (WARN_ON_ONCE((unsigned int)si >= NR_SLUB_STAT_ITEMS))
		return "?";
	return slub_stat_names[si];
}

unsigned long slub_stat_total(struct kmem_cache *s, enum stat_item si)
{
	unsigned long sum = 0;
	int cpu;

	for_each_online_cpu(cpu)
		sum += slub_stat_cpu(s, si, cpu);
	return sum;
}

void slub_stat_sum_all(unsigned long sum[NR_SLUB_STAT_ITEMS])
{
	struct kmem_cache *s;
	unsigned long flags;
	int si;

	for (si = 0; si < NR_SLUB_STAT_ITEMS; si++)
		sum[si] = 0;
	spin_lock_irqsave(&slab_caches_lock, flags);
	list_for_each_entry(s, &slab_caches, list)
		for (si = 0; si < NR_SLUB_STAT_ITEMS; si++)
			sum[si] += slub_stat_total(s, (enum stat_item)si);
	spin_unlock_irqrestore(&slab_caches_lock, flags);
}

/* ---- lists ---- */

static bool has_cpu_partial(const struct kmem_cache *s)
{
	return s->cpu_partial != 0;
}

/* Caller holds n->list_lock. */
static void add_partial(struct kmem_cache_node *n, struct slab *slab,
			bool tail)
{
	lockdep_assert_held(&n->list_lock);
	n->nr_partial++;
	if (tail)
		list_add_tail(&slab->slab_list, &n->partial);
	else
		list_add(&slab->slab_list, &n->partial);
	slab->slab_state = SLAB_ON_PARTIAL;
}

/* Caller holds n->list_lock. */
static void remove_partial(struct kmem_cache_node *n, struct slab *slab)
{
	lockdep_assert_held(&n->list_lock);
	VM_BUG_ON(!(slab->slab_state & SLAB_ON_PARTIAL));	/* SLUB-3 */
	list_del(&slab->slab_list);
	n->nr_partial--;
	slab->slab_state = 0;
}

/* Debug caches only.  Caller holds n->list_lock. */
static void add_full(struct kmem_cache_node *n, struct slab *slab)
{
	list_add(&slab->slab_list, &n->full);
	slab->slab_state = SLAB_ON_FULL;
}

static void remove_full(struct slab *slab)
{
	list_del(&slab->slab_list);
	slab->slab_state = 0;
}

/* ---- slabs from and to the page allocator ---- */

/*
 * Lowest and highest pfn of any slab ever made on each node: the range
 * kmem_cache_destroy() walks for leaked objects of full slabs.
 */
static unsigned long slab_pfn_lo[MAX_NUMNODES] = {
	[0 ... MAX_NUMNODES - 1] = ~0UL };	/* [atomic] only decreases */
static unsigned long slab_pfn_hi[MAX_NUMNODES];	/* [atomic] only grows */

static void note_slab_pfns(struct page *page, unsigned int order)
{
	unsigned long lo = page_to_pfn(page), hi = lo + (1UL << order) - 1;
	int nid = page_to_nid(page);

	unsigned long old = __atomic_load_n(&slab_pfn_lo[nid], __ATOMIC_RELAXED);

	while (lo < old && !__atomic_compare_exchange_n(&slab_pfn_lo[nid], &old,
			lo, false, __ATOMIC_RELAXED, __ATOMIC_RELAXED))
		;
	old = __atomic_load_n(&slab_pfn_hi[nid], __ATOMIC_RELAXED);
	while (hi > old && !__atomic_compare_exchange_n(&slab_pfn_hi[nid], &old,
			hi, false, __ATOMIC_RELAXED, __ATOMIC_RELAXED))
		;
}

void slub_slab_pfn_range(int nid, unsigned long *lo, unsigned long *hi)
{
	*lo = __atomic_load_n(&slab_pfn_lo[nid], __ATOMIC_RELAXED);
	*hi = __atomic_load_n(&slab_pfn_hi[nid], __ATOMIC_RELAXED);
}

/* The head of the block @page is a tail page of; NULL past a memory edge. */
static noinline struct slab *slab_of_tail_page(struct page *page)
{
	unsigned int steps = 0;

	while (PageTail(page) && steps++ < MAX_ORDER_NR_PAGES) {
		if (!pfn_valid(page_to_pfn(page) - 1))
			return NULL;
		page--;
	}
	if (!PageSlab(page) || !page->slab_cache)
		return NULL;
	return page_slab(page);
}

/* The slab @x lies in, or NULL: no struct page, or not a slab's memory. */
static __always_inline struct slab *virt_to_slab(const void *x)
{
	unsigned long pfn = PHYS_PFN(__pa(x));
	struct page *page;

	if (unlikely(!pfn_valid(pfn)))
		return NULL;
	page = pfn_to_page(pfn);
	if (unlikely(PageTail(page)))
		return slab_of_tail_page(page);
	if (unlikely(!PageSlab(page) || !page->slab_cache))
		return NULL;
	return page_slab(page);
}

struct slab *slub_virt_to_slab(const void *x)
{
	return virt_to_slab(x);
}

/* Is @p the start of an object slot of @slab?  (SLUB-1) */
static __always_inline bool obj_in_slab(const struct kmem_cache *s,
					const struct slab *slab, const void *p)
{
	unsigned long base = (unsigned long)slab_address(slab) +
			     s->red_left_pad;
	unsigned long addr = (unsigned long)p;

	if (addr < base)
		return false;
	addr -= base;
	return addr < (unsigned long)slab->objects * s->size &&
	       addr % s->size == 0;
}

bool slub_obj_in_slab(struct kmem_cache *s, struct slab *slab, void *p)
{
	return obj_in_slab(s, slab, p);
}

static unsigned int slab_order(struct kmem_cache *s, struct slab *slab)
{
	return slab->objects == oo_objects(s->oo) ? oo_order(s->oo) :
						     oo_order(s->min);
}

/*
 * link_shuffled() - chain the objects of a new slab in the order of the
 * cache's random sequence @seq, from position @pos round to it again.
 * The sequence has one index per object of a slab of the preferred order
 * (@seq_len); a slab made at the fallback order holds only @nr < @seq_len
 * and passes over the indices at or beyond @nr (Linux's
 * next_freelist_entry() rule), which only @may_skip tests, so a slab of
 * the preferred order pays nothing for it.  Return: the first object.
 */
static __always_inline void *link_shuffled(
	struct kmem_cache *s, char *base, const unsigned int *seq,
	unsigned int seq_len, unsigned int nr, unsigned int pos,
	const bool may_skip)
{
	unsigned long size = s->size;
	void *first = NULL, *prev = NULL, *obj;
	unsigned int i, idx;

	for (i = 0; i < seq_len; i++) {
		idx = seq[pos];
		if (++pos == seq_len)
			pos = 0;
		if (may_skip && idx >= nr)
			continue;
		obj = base + idx * size;
		if (prev)
			set_freepointer(s, prev, obj);
		else
			first = obj;
		prev = obj;
	}
	set_freepointer(s, prev, NULL);
	return first;
}

/*
 * Link the free objects of a new slab: address order, or shuffled by the
 * cache's random sequence from a random start (SLUB-1: only indices below
 * slab->objects, whatever the slab's order).
 */
static void *build_freelist(struct kmem_cache *s, struct slab *slab)
{
	unsigned int nr = slab->objects, seq_len = oo_objects(s->oo), i, pos;
	const unsigned int *seq = CONFIG_SLAB_FREELIST_RANDOM ? s->random_seq : NULL;
	char *base = slab_obj(s, slab, 0);
	unsigned long size = s->size;
	void *prev, *obj;

	if (seq) {
		pos = prandom_u32_below(this_cpu_ptr(&slab_rnd), seq_len);
		if (likely(nr == seq_len))
			return link_shuffled(s, base, seq, seq_len, nr, pos,
					     false);
		return link_shuffled(s, base, seq, seq_len, nr, pos, true);
	}
	prev = base;
	for (i = 1; i < nr; i++) {
		obj = base + i * size;
		set_freepointer(s, prev, obj);
		prev = obj;
	}
	set_freepointer(s, prev, NULL);
	return base;
}

static struct page *alloc_slab_page(gfp_t gfp, int node, unsigned int order)
{
	if (node == NUMA_NO_NODE)
		return alloc_pages(gfp, order);
	return alloc_pages_node(node, gfp, order);
}

/*
 * allocate_slab() - a new slab, all its objects free, on no list.
 * Context: interrupts off (the page allocator takes its own locks).
 */
static struct slab *allocate_slab(struct kmem_cache *s, gfp_t gfp, int node)
{
	struct kmem_cache_order_objects oo = s->oo;
	gfp_t flags = (gfp & ~__GFP_ZERO) | s->allocflags;
	struct kmem_cache_node *n;
	struct page *page;
	struct slab *slab;
	unsigned int i;

	page = alloc_slab_page(flags | __GFP_NOWARN | __GFP_NORETRY, node,
			       oo_order(oo));
	if (!page && oo.x != s->min.x) {
		oo = s->min;
		page = alloc_slab_page(flags, node, oo_order(oo));
		if (page)
			stat(s, ORDER_FALLBACK);
	}
	if (!page)
		return NULL;
	note_slab_pfns(page, oo_order(oo));
	__SetPageFlag(page, PG_slab);
	slab = page_slab(page);
	slab->slab_cache = s;
	slab->counters = 0;
	slab->objects = oo_objects(oo);
	slab->next = NULL;
	slab->slabs = 0;
	slab->slab_state = 0;
	if (kmem_cache_debug(s) || s->ctor) {
		for (i = 0; i < slab->objects; i++) {
			void *obj = slab_obj(s, slab, i);

			if (kmem_cache_debug(s))
				slub_debug_setup_object(s, obj);
			if (s->ctor)
				s->ctor(obj);
		}
	}
	slab->freelist = build_freelist(s, slab);
	n = get_node(s, slab_nid(slab));
	__atomic_fetch_add(&n->nr_slabs, 1, __ATOMIC_RELAXED);
	__atomic_fetch_add(&n->total_objects, slab->objects, __ATOMIC_RELAXED);
	return slab;
}

static struct slab *new_slab(struct kmem_cache *s, gfp_t gfp, int node)
{
	return allocate_slab(s, gfp, node);
}

/* Return an empty slab, on no list, to the page allocator. */
static void discard_slab(struct kmem_cache *s, struct slab *slab)
{
	struct kmem_cache_node *n = get_node(s, slab_nid(slab));
	struct page *page = slab_page(slab);
	unsigned int order = slab_order(s, slab);

	__atomic_fetch_sub(&n->nr_slabs, 1, __ATOMIC_RELAXED);
	__atomic_fetch_sub(&n->total_objects, slab->objects, __ATOMIC_RELAXED);
	__ClearPageFlag(page, PG_slab);
	page->slab_cache = NULL;
	page->freelist = NULL;
	page->slab_next = NULL;
	page->slabs = 0;
	page->page_type = 0;
	page->private = order;	/* overlays counters: the buddy's order */
	__free_pages(page, order);
}

/* ---- CPU slab and CPU partial chain ---- */

/*
 * get_freelist() / freeze: take all of @slab's own free objects; the slab
 * stays (or becomes) frozen only if there were some.
 */
static void *get_freelist(struct slab *slab)
{
	void *freelist;

	slab_lock(slab);
	freelist = slab->freelist;
	slab->freelist = NULL;
	slab->inuse = slab->objects;
	slab->frozen = freelist != NULL;
	slab_unlock(slab);
	return freelist;
}

#define freeze_slab(slab) get_freelist(slab)

/*
 * deactivate_slab() - give a CPU slab back: splice the CPU's remaining
 * free objects in front of the slab's own, unfreeze, and put it on its
 * node's partial list, on no list (full), or back to the page allocator.
 * Context: interrupts off; @slab no longer is anyone's CPU slab.
 */
static void deactivate_slab(struct kmem_cache *s, struct slab *slab,
			    void *freelist)
{
	struct kmem_cache_node *n = get_node(s, slab_nid(slab));
	void *tail = NULL, *p, *remote;
	unsigned int nr = 0, inuse;
	bool has_free;

	for (p = freelist; p; p = get_freepointer(s, p)) {
		tail = p;
		nr++;
	}
	spin_lock(&n->list_lock);
	slab_lock(slab);
	remote = slab->freelist;
	if (freelist) {
		set_freepointer(s, tail, remote);
		slab->freelist = freelist;
	}
	slab->inuse -= nr;
	slab->frozen = 0;
	inuse = slab->inuse;
	has_free = slab->freelist != NULL;
	slab_unlock(slab);

	if (remote)
		stat(s, DEACTIVATE_REMOTE_FREES);
	if (!inuse && n->nr_partial >= s->min_partial) {
		spin_unlock(&n->list_lock);
		stat(s, DEACTIVATE_EMPTY);
		discard_slab(s, slab);
		stat(s, FREE_SLAB);
		return;
	}
	if (has_free) {
		add_partial(n, slab, remote != NULL);
		stat(s, remote ? DEACTIVATE_TO_TAIL : DEACTIVATE_TO_HEAD);
	} else {
		stat(s, DEACTIVATE_FULL);
	}
	spin_unlock(&n->list_lock);
}

/*
 * __put_partials() - move a CPU partial chain to the node lists, freeing
 * empty slabs beyond min_partial.  Context: interrupts off, no list_lock.
 */
static void __put_partials(struct kmem_cache *s, struct slab *chain)
{
	struct kmem_cache_node *n = NULL, *n2;
	struct slab *slab, *discard = NULL;

	while ((slab = chain)) {
		chain = slab->next;
		n2 = get_node(s, slab_nid(slab));
		VM_BUG_ON(!n2);	/* SLUB-4: the slab's node has memory, so lists */
		if (n2 != n) {
			if (n)
				spin_unlock(&n->list_lock);
			n = n2;
			spin_lock(&n->list_lock);
		}
		if (!slab_inuse_racy(slab) && n->nr_partial >= s->min_partial) {
			slab->next = discard;
			discard = slab;
		} else {
			add_partial(n, slab, true);
			stat(s, FREE_ADD_PARTIAL);
		}
	}
	if (n)
		spin_unlock(&n->list_lock);
	while ((slab = discard)) {
		discard = slab->next;
		stat(s, DEACTIVATE_EMPTY);
		discard_slab(s, slab);
		stat(s, FREE_SLAB);
	}
}

/*
 * put_cpu_partial() - push @slab (unfrozen, on no list) on this CPU's
 * chain; with @drain, a chain already cpu_partial_slabs long moves to the
 * node lists first.  Context: interrupts off.
 */
static void put_cpu_partial(struct kmem_cache *s, struct slab *slab,
			    bool drain)
{
	struct kmem_cache_cpu *c = this_cpu_ptr(s->cpu_slab);
	struct slab *oldslab = c->partial, *to_put = NULL;
	int slabs = 0;

	if (oldslab) {
		if (drain && oldslab->slabs >= (int)s->cpu_partial_slabs) {
			to_put = oldslab;
			oldslab = NULL;
		} else {
			slabs = oldslab->slabs;
		}
	}
	slab->slabs = slabs + 1;
	slab->next = oldslab;
	c->partial = slab;
	if (to_put) {
		__put_partials(s, to_put);
		stat(s, CPU_PARTIAL_DRAIN);
	}
}

/* ---- partial lists ---- */

/*
 * get_partial_node() - take slabs from @n's partial list: the first to
 * become the CPU slab (returned, frozen, with its freelist in *@freelist),
 * more onto this CPU's chain.  Context: interrupts off.
 */
static struct slab *get_partial_node(struct kmem_cache *s,
				     struct kmem_cache_node *n,
				     void **freelist)
{
	struct slab *slab, *tmp, *first = NULL;
	unsigned int partial_slabs = 0;

	if (!n || !READ_ONCE(n->nr_partial))
		return NULL;
	spin_lock(&n->list_lock);
	list_for_each_entry_safe(slab, tmp, &n->partial, slab_list) {
		remove_partial(n, slab);
		if (!first) {
			first = slab;
			stat(s, ALLOC_FROM_PARTIAL);
			if (!has_cpu_partial(s))
				break;
		} else {
			put_cpu_partial(s, slab, false);
			stat(s, CPU_PARTIAL_NODE);
			if (++partial_slabs > s->cpu_partial_slabs / 2)
				break;
		}
	}
	spin_unlock(&n->list_lock);
	if (first)
		*freelist = freeze_slab(first);
	return first;
}

/* Nodes with memory, nearest to @node first; returns how many. */
static int nodes_by_distance(int node, int *order)
{
	int nr = 0, nid, i;

	for_each_node_state(nid, N_MEMORY) {
		for (i = nr; i > 0 && node_distance(node, order[i - 1]) >
				      node_distance(node, nid); i--)
			order[i] = order[i - 1];
		order[i] = nid;
		nr++;
	}
	return nr;
}

/*
 * get_any_partial() - other nodes' partial lists, nearest first from the
 * node the task's memory policy names (mempolicy_slab_node(), as Linux
 * 6.12: under interleave this moves the task's cursor), skipping @searched.
 */
static struct slab *get_any_partial(struct kmem_cache *s, int searched,
				    void **freelist)
{
	int order[MAX_NUMNODES], i;
	int nr = nodes_by_distance((int)mempolicy_slab_node(), order);
	struct slab *slab;

	for (i = 0; i < nr; i++) {
		struct kmem_cache_node *n = get_node(s, order[i]);

		if (order[i] == searched || !n ||
		    READ_ONCE(n->nr_partial) <= s->min_partial)
			continue;
		slab = get_partial_node(s, n, freelist);
		if (slab)
			return slab;
	}
	return NULL;
}

static struct slab *get_partial(struct kmem_cache *s, int node, bool strict,
				void **freelist)
{
	int searchnode = node == NUMA_NO_NODE ? numa_mem_id() : node;
	struct slab *slab;

	slab = get_partial_node(s, get_node(s, searchnode), freelist);
	if (slab || strict)
		return slab;
	return get_any_partial(s, searchnode, freelist);
}

/* ---- allocation ---- */

static bool node_match(struct slab *slab, int node)
{
	return node == NUMA_NO_NODE || slab_nid(slab) == node;
}

static void slab_out_of_memory(struct kmem_cache *s, gfp_t gfp, int node)
{
	static u64 last;

	if (!(gfp & __GFP_NOWARN) && printk_ratelimit_ok(&last, 1000000000ULL))
		pr_warn("slub: unable to allocate memory on node %d, gfp=%#x: cache %s, object size %u, order %u\n",
			node, gfp, s->name, s->size, oo_order(s->oo));
}

/* Pop the first object of @freelist into the CPU slab.  Irqs off. */
static void *load_freelist(struct kmem_cache *s, struct kmem_cache_cpu *c,
			   void *freelist)
{
	c->freelist = get_freepointer(s, freelist);
	return freelist;
}

/*
 * refill_from_cpu_partial() - make the first matching slab of this CPU's
 * chain the CPU slab; slabs of other nodes go back to their node lists.
 */
static void *refill_from_cpu_partial(struct kmem_cache *s,
				     struct kmem_cache_cpu *c, int node)
{
	struct slab *slab;
	void *freelist;

	while ((slab = c->partial)) {
		c->partial = slab->next;
		if (c->partial)
			c->partial->slabs = slab->slabs - 1;
		slab->next = NULL;
		if (!node_match(slab, node)) {
			__put_partials(s, slab);
			continue;
		}
		freelist = freeze_slab(slab);
		if (!freelist)
			continue;	/* cannot happen: chains hold free objects */
		c->slab = slab;
		stat(s, CPU_PARTIAL_ALLOC);
		return freelist;
	}
	return NULL;
}

/* refill_new_objects() - a node partial slab or a new slab as CPU slab. */
static void *refill_new_objects(struct kmem_cache *s, struct kmem_cache_cpu *c,
				gfp_t gfp, int node)
{
	bool try_thisnode = node != NUMA_NO_NODE && !(gfp & __GFP_THISNODE);
	gfp_t try_gfp = try_thisnode ? (GFP_NOWAIT | __GFP_THISNODE |
					__GFP_NOWARN) : gfp;
	void *freelist = NULL;
	struct slab *slab;

retry:
	slab = get_partial(s, node, try_gfp & __GFP_THISNODE, &freelist);
	if (slab)
		goto load;
	slab = new_slab(s, try_gfp, node);
	if (!slab && try_thisnode) {
		try_thisnode = false;
		try_gfp = gfp;
		goto retry;
	}
	if (!slab) {
		slab_out_of_memory(s, gfp, node);
		return NULL;
	}
	stat(s, ALLOC_SLAB);
	freelist = slab->freelist;
	slab->freelist = NULL;
	slab->inuse = slab->objects;
	slab->frozen = 1;
load:
	VM_BUG_ON(c->slab);	/* irqs stayed off: nobody refilled */
	c->slab = slab;
	return freelist;
}

static void *alloc_debug(struct kmem_cache *s, gfp_t gfp, int node,
			 unsigned long addr, unsigned int orig_size);

/*
 * ___slab_alloc() - the slow path: the fast path found no object (or a
 * CPU slab of the wrong node).  Context: interrupts off.
 */
static void *___slab_alloc(struct kmem_cache *s, gfp_t gfp, int node,
			   struct kmem_cache_cpu *c, unsigned long addr,
			   unsigned int orig_size)
{
	struct slab *slab = c->slab;
	void *freelist;

	if (unlikely(kmem_cache_debug(s)))
		return alloc_debug(s, gfp, node, addr, orig_size);
	stat(s, ALLOC_SLOWPATH);
	if (node != NUMA_NO_NODE && !node_state(node, N_MEMORY))
		node = NUMA_NO_NODE;
	if (!slab)
		goto new_slab;
	if (!node_match(slab, node)) {
		stat(s, ALLOC_NODE_MISMATCH);
		freelist = c->freelist;
		c->slab = NULL;
		c->freelist = NULL;
		deactivate_slab(s, slab, freelist);
		goto new_slab;
	}
	freelist = c->freelist;
	if (freelist)
		return load_freelist(s, c, freelist);
	freelist = get_freelist(slab);
	if (!freelist) {
		c->slab = NULL;
		stat(s, DEACTIVATE_BYPASS);
		goto new_slab;
	}
	stat(s, ALLOC_REFILL);
	return load_freelist(s, c, freelist);

new_slab:
	freelist = refill_from_cpu_partial(s, c, node);
	if (!freelist)
		freelist = refill_new_objects(s, c, gfp, node);
	if (!freelist)
		return NULL;
	return load_freelist(s, c, freelist);
}

/*
 * slab_alloc_slow() - ___slab_alloc() with its own interrupts-off section,
 * and __GFP_ZERO.  The fast path hands over with interrupts back on, so the
 * CPU slab may have changed in between (an interrupt's allocation or free):
 * ___slab_alloc() looks at it afresh.
 */
static noinline void *slab_alloc_slow(struct kmem_cache *s, gfp_t gfp, int node,
				      unsigned long addr, unsigned int orig_size)
{
	unsigned long flags;
	void *object;

	local_irq_save(flags);
	object = ___slab_alloc(s, gfp, node, this_cpu_ptr(s->cpu_slab), addr,
			       orig_size);
	local_irq_restore(flags);
	if (object && unlikely(gfp & __GFP_ZERO) && !kmem_cache_debug(s))
		memset(object, 0, s->object_size);
	return object;
}

static noinline void *slab_zero_object(struct kmem_cache *s, void *object)
{
	return memset(object, 0, s->object_size);
}

/*
 * __slab_alloc_node() - the fast path: pop this CPU's freelist.  Anything
 * else leaves by a tail call, so the path itself needs no stack frame
 * beyond the frame pointer's.  @orig_size: bytes requested by kmalloc
 * (0: object_size), kept by kmalloc caches with Z (SLUB-7); only the debug
 * path reads it, and zeroes debug objects itself (debug caches never have
 * a CPU freelist, SLUB-5, so never get here with an object).
 */
static __always_inline void *__slab_alloc_node(struct kmem_cache *s, gfp_t gfp,
					       int node, unsigned long addr,
					       unsigned int orig_size)
{
	struct kmem_cache_cpu *c;
	unsigned long flags;
	void *object;

	local_irq_save(flags);
	c = this_cpu_ptr(s->cpu_slab);
	object = c->freelist;
	if (unlikely(!object || !node_match(c->slab, node))) {
		local_irq_restore(flags);
		return slab_alloc_slow(s, gfp, node, addr, orig_size);
	}
	c->freelist = get_freepointer(s, object);
	c->stat[ALLOC_FASTPATH]++;
	local_irq_restore(flags);
	if (unlikely(gfp & __GFP_ZERO))
		return slab_zero_object(s, object);
	return object;
}

/* Linux's slab_pre_alloc_hook(): an injected failure, or the allocation. */
static noinline void *slab_alloc_failslab(struct kmem_cache *s, gfp_t gfp,
					  int node, unsigned long addr,
					  unsigned int orig_size)
{
	if (should_failslab(s, gfp))
		return NULL;
	return __slab_alloc_node(s, gfp, node, addr, orig_size);
}

/*
 * slab_alloc_node() - every allocation from a cache: while failslab is
 * on (probability > 0), by way of should_failslab(); else the fast path.
 */
static __always_inline void *slab_alloc_node(struct kmem_cache *s, gfp_t gfp,
					     int node, unsigned long addr,
					     unsigned int orig_size)
{
	if (unlikely(READ_ONCE(failslab.attr.probability)))
		return slab_alloc_failslab(s, gfp, node, addr, orig_size);
	return __slab_alloc_node(s, gfp, node, addr, orig_size);
}

void *kmem_cache_alloc(struct kmem_cache *s, gfp_t gfp)
{
	return slab_alloc_node(s, gfp, NUMA_NO_NODE,
			       (unsigned long)__builtin_return_address(0), 0);
}

void *kmem_cache_alloc_node(struct kmem_cache *s, gfp_t gfp, int node)
{
	return slub_alloc_node(s, gfp, node,
			       (unsigned long)__builtin_return_address(0), 0);
}

/* kmem_cache_alloc() for kmalloc: as slub_alloc_node(), any node. */
void *slub_alloc(struct kmem_cache *s, gfp_t gfp, unsigned long addr,
		 unsigned int orig_size)
{
	return slab_alloc_node(s, gfp, NUMA_NO_NODE, addr, orig_size);
}

/*
 * kmem_cache_alloc_node() for kmalloc: @addr (its caller) is tracked,
 * @orig_size (≤ object_size; 0: object_size) bytes were asked for.
 */
void *slub_alloc_node(struct kmem_cache *s, gfp_t gfp, int node,
		      unsigned long addr, unsigned int orig_size)
{
	if (node != NUMA_NO_NODE &&
	    (node < 0 || node >= MAX_NUMNODES || !node_online(node))) {
		WARN_ON_ONCE(1);
		return NULL;
	}
	return slab_alloc_node(s, gfp, node, addr, orig_size);
}

/* ---- debug caches: one object at a time under list_lock ---- */

/* Take one object from @slab (on @n's partial list).  Holds list_lock. */
static void *alloc_single_from_slab(struct kmem_cache *s,
				    struct kmem_cache_node *n,
				    struct slab *slab, unsigned long addr,
				    unsigned int orig_size)
{
	void *object = slab->freelist;

	slab->freelist = get_freepointer(s, object);
	slab->inuse++;
	if (slab->freelist && !slub_obj_in_slab(s, slab, slab->freelist)) {
		slab_err(s, slab, "Freepointer corrupt");
		slab->freelist = NULL;	/* isolate the rest of the chain */
		slab->inuse = slab->objects;
		s->nr_errors++;		/* the FIX counted by slab_err */
	}
	if (!slab->freelist) {
		remove_partial(n, slab);
		add_full(n, slab);
	}
	if (!slub_debug_alloc_check(s, slab, object, addr, orig_size)) {
		__atomic_fetch_add(&s->nr_isolated, 1, __ATOMIC_RELAXED);
		return NULL;	/* damaged: stays counted in use, never reused */
	}
	return object;
}

static void *alloc_debug(struct kmem_cache *s, gfp_t gfp, int node,
			 unsigned long addr, unsigned int orig_size)
{
	int searchnode = node == NUMA_NO_NODE || !node_state(node, N_MEMORY) ?
			 numa_mem_id() : node;
	struct kmem_cache_node *n = get_node(s, searchnode);
	struct slab *slab, *tmp;
	void *object = NULL;

	VM_BUG_ON(this_cpu_ptr(s->cpu_slab)->slab);	/* SLUB-5 */
	if (!orig_size || !slub_kmalloc_redzone(s))
		orig_size = s->object_size;
	stat(s, ALLOC_SLOWPATH);
	spin_lock(&n->list_lock);
	list_for_each_entry_safe(slab, tmp, &n->partial, slab_list) {
		while (slab->freelist && !object)
			object = alloc_single_from_slab(s, n, slab, addr,
							orig_size);
		if (object)
			break;
	}
	spin_unlock(&n->list_lock);
	while (!object) {
		slab = new_slab(s, gfp, node == NUMA_NO_NODE ? NUMA_NO_NODE :
					searchnode);
		if (!slab) {
			slab_out_of_memory(s, gfp, node);
			return NULL;
		}
		stat(s, ALLOC_SLAB);
		n = get_node(s, slab_nid(slab));
		spin_lock(&n->list_lock);
		add_partial(n, slab, false);
		while (slab->freelist && !object)
			object = alloc_single_from_slab(s, n, slab, addr,
							orig_size);
		spin_unlock(&n->list_lock);
	}
	if (gfp & __GFP_ZERO)		/* not the kmalloc red zone */
		memset(object, 0, orig_size);
	return object;
}

/*
 * free_empty_slab() - a free emptied @slab: take it off the partial list
 * (if @on_partial), drop n->list_lock, and give it back.
 */
static void free_empty_slab(struct kmem_cache *s, struct kmem_cache_node *n,
			    struct slab *slab, bool on_partial)
{
	if (on_partial) {
		remove_partial(n, slab);
		stat(s, FREE_REMOVE_PARTIAL);
	}
	spin_unlock(&n->list_lock);
	discard_slab(s, slab);
	stat(s, FREE_SLAB);
}

/* free_debug() - checked free of a debug cache's object.  Irqs off. */
static void free_debug(struct kmem_cache *s, struct slab *slab, void *object,
		       unsigned long addr)
{
	struct kmem_cache_node *n = get_node(s, slab_nid(slab));
	void *prior;

	spin_lock(&n->list_lock);
	if (!slub_debug_free_check(s, slab, object, addr))
		goto out_unlock;
	prior = slab->freelist;
	set_freepointer(s, object, prior);
	slab->freelist = object;
	slab->inuse--;
	if (!prior && (slab->slab_state & SLAB_ON_FULL)) {
		remove_full(slab);
		add_partial(n, slab, true);
		stat(s, FREE_ADD_PARTIAL);
	}
	if (!slab->inuse && n->nr_partial > s->min_partial) {
		free_empty_slab(s, n, slab, true);
		return;
	}
out_unlock:
	spin_unlock(&n->list_lock);
}

/* ---- free ---- */

/*
 * __slab_free() - free the chain @head..@tail of @cnt objects into @slab,
 * which is not this CPU's slab: onto the slab's own freelist under
 * slab_lock, then fix its list state.  Non-debug caches only.  Context: interrupts off.
 */
static void __slab_free(struct kmem_cache *s, struct slab *slab, void *head,
			void *tail, unsigned int cnt)
{
	struct kmem_cache_node *n = NULL;
	bool was_frozen, need_lock;
	unsigned int new_inuse;
	void *prior;

	for (;;) {
		slab_lock(slab);
		prior = slab->freelist;
		was_frozen = slab->frozen;
		new_inuse = slab->inuse - cnt;
		need_lock = !was_frozen && (!new_inuse || !prior) &&
			    !(has_cpu_partial(s) && !prior);
		if (need_lock && !n) {
			slab_unlock(slab);
			n = get_node(s, slab_nid(slab));
			spin_lock(&n->list_lock);
			continue;
		}
		set_freepointer(s, tail, prior);
		slab->freelist = head;
		slab->inuse = new_inuse;
		slab_unlock(slab);
		break;
	}
	if (n && !need_lock) {
		spin_unlock(&n->list_lock);
		n = NULL;
	}
	if (!n) {
		if (was_frozen) {
			stat_add(s, FREE_FROZEN, cnt);
		} else if (!prior) {	/* full slab, CPU partials on */
			put_cpu_partial(s, slab, true);
			stat(s, CPU_PARTIAL_FREE);
		}
		return;
	}
	if (prior && !(slab->slab_state & SLAB_ON_PARTIAL))
		goto out_unlock;	/* on some CPU's chain: leave it */
	if (!new_inuse && n->nr_partial >= s->min_partial) {
		free_empty_slab(s, n, slab, prior != NULL);
		return;
	}
	if (!prior) {
		add_partial(n, slab, true);
		stat(s, FREE_ADD_PARTIAL);
	}
out_unlock:
	spin_unlock(&n->list_lock);
}

/*
 * Deferred frees (Linux builds the same "detached freelist" for
 * kmem_cache_free_bulk): a free into a slab that is not this CPU's slab is
 * chained on the CPU, c->defer_*, as long as the frees that follow go to
 * the same slab; the first free into another slab (or a flush of the CPU's
 * slabs) hands the chain to __slab_free() at once.  A run of frees into
 * one slab — a batch freed in allocation order, a consumer draining a
 * producer's objects — thus takes the slab's lock once, not once per
 * object.  Until then the objects count as in use in their slab (inuse),
 * so every check and count of the slab stays consistent; at most one
 * slab's objects per cache and CPU wait, as the CPU slab holds its own.
 * Per-object counters (free_slowpath, free_remote_*) count at the free.
 */
static void flush_deferred(struct kmem_cache *s, struct kmem_cache_cpu *c)
{
	struct slab *slab = c->defer_slab;

	c->defer_slab = NULL;
	__slab_free(s, slab, c->defer_head, c->defer_tail, c->defer_nr);
}

/* The per-object counts of a free that is not into the CPU slab. */
static __always_inline void count_free_slowpath(struct kmem_cache_cpu *c,
						const struct slab *slab)
{
	c->stat[FREE_SLOWPATH]++;
	c->stat[FREE_REMOTE_HART]++;
	if (slab_nid(slab) != numa_node_id())
		c->stat[FREE_REMOTE_NODE]++;
}

/* Put @x, of the deferred chain's slab and not its head, on the chain. */
static __always_inline void defer_append(struct kmem_cache *s,
					 struct kmem_cache_cpu *c, void *x)
{
	count_free_slowpath(c, c->defer_slab);
	set_freepointer(s, x, c->defer_head);
	c->defer_head = x;
	c->defer_nr++;
}

/* Chain @x (of @slab); false if it is the chain's head already (a double free). */
static bool slab_free_defer(struct kmem_cache *s, struct kmem_cache_cpu *c,
			    struct slab *slab, void *x)
{
	if (slab == c->defer_slab) {
		if (CONFIG_SLAB_FREELIST_HARDENED && x == c->defer_head)
			return false;
		defer_append(s, c, x);
		return true;
	}
	count_free_slowpath(c, slab);
	if (c->defer_slab)
		flush_deferred(s, c);
	set_freepointer(s, x, NULL);
	c->defer_slab = slab;
	c->defer_head = x;
	c->defer_tail = x;
	c->defer_nr = 1;
	return true;
}

/*
 * slab_free_slow() - the free of a checked @x that the fast path did not
 * take: a debug cache (free_debug), a slab that is neither the CPU slab
 * nor the deferred chain's (the chain handed over, a new one started), or
 * the head of the CPU freelist or of the chain itself (a double free,
 * reported).  Interrupts were back on in between, so the CPU's state is
 * looked at afresh.
 */
static noinline void slab_free_slow(struct kmem_cache *s, struct slab *slab,
				    void *x, unsigned long addr)
{
	struct kmem_cache_cpu *c;
	unsigned long flags;

	local_irq_save(flags);
	c = this_cpu_ptr(s->cpu_slab);
	if (unlikely(kmem_cache_debug(s))) {
		c->stat[FREE_SLOWPATH]++;
		free_debug(s, slab, x, addr);
	} else if (slab != c->slab) {
		if (!slab_free_defer(s, c, slab, x))
			goto double_free;
	} else if (CONFIG_SLAB_FREELIST_HARDENED && x == c->freelist) {
		goto double_free;
	} else {
		set_freepointer(s, x, c->freelist);
		c->freelist = x;
		c->stat[FREE_FASTPATH]++;
	}
	local_irq_restore(flags);
	return;
double_free:
	local_irq_restore(flags);
	slub_report_bad_free(s, x, "double free", addr);
}

/*
 * slab_free() - check that @x is an object start of @slab (its slab or
 * NULL; of @s if given) and free it: the fast path pushes onto this CPU's
 * freelist when @x is in the CPU slab, or onto the deferred chain when @x
 * is in the chain's slab; anything else leaves by a tail call
 * (slab_free_refused, slab_free_slow), so the path needs no stack frame
 * beyond the frame pointer's.  The double-free check compares with the
 * list's head, as Linux's hardened set_freepointer() does.
 */
static __always_inline void slab_free(struct kmem_cache *s, struct slab *slab,
				      void *x, unsigned long addr)
{
	struct kmem_cache_cpu *c;
	unsigned long flags;

	if (unlikely(!slab || (s && slab->slab_cache != s) ||
		     !obj_in_slab(slab->slab_cache, slab, x))) {
		slub_free_refused(s, slab, x, addr);
		return;
	}
	s = slab->slab_cache;
	local_irq_save(flags);
	c = this_cpu_ptr(s->cpu_slab);
	if (likely(slab == c->slab)) {
		if (unlikely(CONFIG_SLAB_FREELIST_HARDENED && x == c->freelist))
			goto slow;
		set_freepointer(s, x, c->freelist);
		c->freelist = x;
		c->stat[FREE_FASTPATH]++;
	} else if (slab == c->defer_slab) {	/* the run goes on: chain it */
		if (unlikely(CONFIG_SLAB_FREELIST_HARDENED && x == c->defer_head))
			goto slow;
		defer_append(s, c, x);
	} else {
		goto slow;
	}
	local_irq_restore(flags);
	return;
slow:
	local_irq_restore(flags);
	slab_free_slow(s, slab, x, addr);
}

void kmem_cache_free(struct kmem_cache *s, void *x)
{
	if (unlikely(!x))
		return;
	slab_free(s, virt_to_slab(x), x,
		  (unsigned long)__builtin_return_address(0));
}

/*
 * kfree()'s work (kmalloc.c): a slab object is freed here, anything else
 * goes to free_large_kmalloc(), which frees a kmalloc_large block or reports.
 */
void slub_kfree(const void *x, unsigned long addr)
{
	struct slab *slab = virt_to_slab(x);

	if (likely(slab))
		slab_free(NULL, slab, (void *)x, addr);
	else
		free_large_kmalloc(x, addr);
}

/* ---- flushing, shrinking ---- */

/* Give back this CPU's slab and partial chain.  Cross-call target. */
void flush_cpu_slab(void *info)
{
	struct kmem_cache *s = info;
	struct kmem_cache_cpu *c;
	struct slab *slab, *chain;
	unsigned long flags;
	void *freelist;

	local_irq_save(flags);
	c = this_cpu_ptr(s->cpu_slab);
	if (c->defer_slab)
		flush_deferred(s, c);
	slab = c->slab;
	freelist = c->freelist;
	chain = c->partial;
	c->slab = NULL;
	c->freelist = NULL;
	c->partial = NULL;
	if (slab) {
		stat(s, CPUSLAB_FLUSH);
		deactivate_slab(s, slab, freelist);
	}
	if (chain)
		__put_partials(s, chain);
	local_irq_restore(flags);
}

/*
 * slub_check_cpu_freelist() - before a flush walks it, check this CPU's
 * freelist of cache @chk->s: each pointer an object start of the CPU slab
 * (SLUB-1), no more of them than the slab holds (a cycle).  A bad one is
 * reported and the chain ends at the object before it; the objects past
 * it stay in use for ever.  Cross-call target (validate_slab_cache()).
 */
void slub_check_cpu_freelist(void *info)
{
	struct slub_cpu_check *chk = info;
	struct kmem_cache *s = chk->s;
	struct kmem_cache_cpu *c;
	unsigned int nr = 0;
	unsigned long flags;
	void *p, *prev = NULL;

	local_irq_save(flags);
	c = this_cpu_ptr(s->cpu_slab);
	for (p = c->freelist; p; prev = p, p = get_freepointer(s, p)) {
		if (c->slab && obj_in_slab(s, c->slab, p) &&
		    ++nr <= c->slab->objects)
			continue;
		slab_err(s, c->slab,
			 "Freechain corrupt: %p after %p (CPU %d freelist)", p,
			 prev, smp_processor_id());
		if (prev)
			set_freepointer(s, prev, NULL);
		else
			c->freelist = NULL;
		slab_fix(s, "Isolate corrupted freechain");
		__atomic_fetch_add(&chk->errors, 1, __ATOMIC_RELAXED);
		break;
	}
	local_irq_restore(flags);
}

void slub_flush_all(struct kmem_cache *s)
{
	if (kmem_cache_debug(s))
		return;		/* SLUB-5: nothing per CPU */
	on_each_cpu(flush_cpu_slab, s, true);
}

int kmem_cache_shrink(struct kmem_cache *s)
{
	struct slab *slab, *tmp, *discard;
	unsigned long flags;
	int node;

	slub_flush_all(s);
	for_each_node_state(node, N_MEMORY) {
		struct kmem_cache_node *n = get_node(s, node);

		discard = NULL;
		spin_lock_irqsave(&n->list_lock, flags);
		list_for_each_entry_safe(slab, tmp, &n->partial, slab_list) {
			if (slab_inuse_racy(slab))
				continue;
			remove_partial(n, slab);
			slab->next = discard;
			discard = slab;
		}
		spin_unlock(&n->list_lock);
		while ((slab = discard)) {
			discard = slab->next;
			discard_slab(s, slab);
			stat(s, FREE_SLAB);
		}
		local_irq_restore(flags);
	}
	return 0;
}

void kmem_cache_shrink_all(void)
{
	static struct kmem_cache *caches[SLUB_MAX_SNAPSHOT];
	int nr = slub_snapshot_caches(caches, SLUB_MAX_SNAPSHOT);

	for (int i = 0; i < nr; i++)
		kmem_cache_shrink(caches[i]);
}
