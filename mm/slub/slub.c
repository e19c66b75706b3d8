/* SPDX-License-Identifier: MIT */
/*
 * mm/slub/slub.c — SLUB: object caches on slabs, per-CPU slabs, per-node
 * partial lists.
 *
 * Overview     A kmem_cache hands out objects of one size.  Objects live in
 *              slabs (blocks of 2^order pages from the page allocator);
 *              free objects of a slab are chained through a free pointer
 *              stored inside each free object.  Each CPU owns one "CPU
 *              slab" whose free objects it pops and pushes with interrupts
 *              off and no lock (the fast paths), plus a short chain of
 *              partially free slabs; each memory node keeps a list of
 *              partially free slabs of its own memory.  Frees from another
 *              hart write straight into the slab under a per-slab lock, so
 *              no free ever waits for the owning CPU (built with
 *              CONFIG_SLUB_REMOTE_FREE_LIST=1, a free into another CPU's
 *              slab pushes on the slab's atomic remote-free list instead).  kmalloc (kmalloc.c)
 *              is a set of such caches; debug.c adds red zones, poisoning
 *              and owner tracking; report.c prints slabinfo and counters.
 *
 * Structures   kmem_cache ──cpu_slab──▶ kmem_cache_cpu (one per CPU, on its
 *              node): freelist, slab, partial chain, stat[]
 *              kmem_cache ──node[nid]─▶ kmem_cache_node: list_lock, partial
 *              list (and full list for debug caches), counts.
 *              struct slab is the slab view of the head struct page (the
 *              slab union of struct page; internal.h asserts the overlay):
 *              slab_cache, freelist, counters = inuse|objects|frozen, and
 *              slab_list (node lists) overlaid by next+slabs (CPU chain)
 *              and, while frozen, by remote_free (the atomic list, only
 *              with CONFIG_SLUB_REMOTE_FREE_LIST).
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
 *              1. slab_caches_lock — the list of caches (create, destroy,
 *                 slabinfo).  Never held across allocation.
 *              2. kmem_cache_node->list_lock — that node's lists, nr_partial,
 *                 slab_state bits; for debug caches also every slab field.
 *                 Taken with interrupts off.
 *              3. slab_lock(slab) — a slab's freelist and counters.  Linux on
 *                 riscv takes a bit spinlock in page->flags (PG_locked).
 *                 Nodal's struct page flags are changed non-atomically
 *                 (__SetPageFlag) and have no PG_locked bit, so a slab lock
 *                 is one of SLAB_LOCK_HASH ticket spinlocks chosen by hashing
 *                 the slab's address: no bit on the page, no global lock,
 *                 and lock_stat counts it (class "&slab_locks[i]").  Two
 *                 slabs may share a lock; no path holds two slab locks.
 *                 Taken with interrupts off, innermost, held for a few
 *                 stores; once per run of remote frees into the slab, not
 *                 once per object (deferred frees, at flush_deferred()).
 *                 Before that hand-over the measured cost was about 250
 *                 instructions of locking per remote free, lock_stat
 *                 included; now 6 per object in bench slab_batch.
 *              Remote-free list (CONFIG_SLUB_REMOTE_FREE_LIST, default 0):
 *              mimalloc's per-page thread-free list on the frozen slab, a
 *              compare-and-swap push with no lock; the owning CPU opens it
 *              when it freezes the slab and takes it whole (exchange) at
 *              refill and deactivation, splicing it into the freelist under
 *              slab_lock.  Frees into unfrozen slabs (node partial, CPU
 *              partial, full) keep slab_lock: they change inuse and the
 *              slab's list state, which a lock-free push cannot decide.
 *              Measured (4 harts, 2 nodes, ICOUNT=1, the old slubbench): remote
 *              free 456/459 instructions (same/other node) with the lock,
 *              452/454 with the list; fast paths unchanged (245, 314).  In
 *              the all-harts cross-free KUnit case (MTTCG) the list takes
 *              96 of 5128 slab-lock acquisitions away (5032 left), as most
 *              cross frees land in slabs no CPU holds; contentions were 0,
 *              137, 0 with the lock and 0, 116, 0 with the list over three
 *              runs each: noise.  So the default stays the lock: one
 *              mechanism for every remote free, no owner-only state in the
 *              slab union, and the list would win only for frees into
 *              another CPU's current slab, which are few.
 *              SLUB calls the page allocator with interrupts off but never
 *              with 2 or 3 held (empty slabs are freed after the unlock), so
 *              zone->lock and the pcp lists never nest inside SLUB's locks.
 *
 * Per-CPU      kmem_cache_cpu (CPU slab, freelist, partial chain, deferred
 *              chain, counters) is touched only by its CPU, with interrupts
 *              off for the whole operation (local_irq_save; no atomics: the
 *              riscv Linux fast path degenerates to exactly this, see
 *              docs/linux-facts.md §4.2).  Other CPUs reach it only by a cross-call
 *              (slub_flush_all, on_each_cpu) or read its [stat] counters.
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
 *              All are checked by validate_slab_cache() (SLUB-5 by
 *              VM_BUG_ON in the debug paths, SLUB-7 also at each free).
 *
 * Paths        alloc fast: irqs off; c->freelist non-empty and the CPU slab
 *              on the demanded node → pop.  Slow (___slab_alloc): the
 *              CPU slab's own freelist (remote frees) → CPU partial chain →
 *              the node's partial list (requested node, else numa_mem_id())
 *              → other nodes' lists by distance from the memory policy's
 *              node, mempolicy_slab_node() (no strict node) → a new
 *              slab.  free fast: object in this CPU's slab → push; object
 *              in the slab of this CPU's deferred chain → chain it.  Slow:
 *              another slab → hand the chain over, start a new one with
 *              this object.  Hand-over (__slab_free, a whole chain at once):
 *              onto an open remote-free list (switch on and the slab
 *              frozen), else onto slab->freelist under slab_lock; a
 *              full slab gaining an object joins this CPU's partial chain; an
 *              empty slab on a node list beyond min_partial is freed.
 *              Debug caches: one object at a time under list_lock.
 *              Every free first checks the pointer (slub_virt_to_slab:
 *              pfn_valid(); PG_slab; an object boundary); a bad pointer is
 *              reported and ignored.
 *
 * Linux        mm/slub.c (slab_alloc_node, ___slab_alloc, get_partial_node,
 *              get_any_partial, deactivate_slab, put_cpu_partial,
 *              __slab_free, calculate_sizes, calculate_order,
 *              set_cpu_partial, bootstrap), mm/slab.h, mm/slab_common.c.
 *              Differences: interrupts off instead of this_cpu_cmpxchg and
 *              local_lock (so no transaction id, tid: nothing can slip in
 *              between reading and writing c->freelist); hashed slab locks;
 *              the free pointer's address is mixed by swapping its halves,
 *              not its bytes (internal.h); get_any_partial is always
 *              tried (no remote_node_defrag_ratio); no cache merging, no
 *              RCU, no memcg, no sysfs; the kmem_cache_node cache's own node
 *              structures are static; destroy finds leaked objects of full
 *              slabs too, by walking the pfn range of the node's slabs
 *              (Linux only lists those of partial slabs).
 *
 * Statistics   Linux's SLUB_STATS items (internal.h) per cache per CPU,
 *              counted with interrupts off, folded on read; plus
 *              free_remote_hart and free_remote_node.  Printed by
 *              `slabstat CACHE` (show_stat format) and summarised by
 *              `slabinfo` (report.c); `validate CACHE|all` runs the
 *              validator; `bench slab_*` (tests/bench) prints instructions
 *              per fast-path pair and remote free (ICOUNT=1).  Debug reports
 *              count in kmem_cache_nr_errors().
 */
#include <asm/irqflags.h>
#include <asm/processor.h>
#include <linux/bitops.h>
#include <linux/bug.h>
#include <linux/cpumask.h>
#include <linux/errno.h>
#include <linux/gfp.h>
#include <linux/init.h>
#include <linux/mempolicy.h>
#include <linux/prandom.h>
#include <linux/printk.h>
#include <linux/smp.h>
#include <linux/string.h>
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
SLAB_MATCH(slab_next, remote_free);
SLAB_MATCH(page_type, slab_state);
_Static_assert(sizeof(struct slab) == sizeof(struct page), "slab size");

#define MAX_OBJS_PER_PAGE	32767
#define SLUB_MAX_ORDER		3	/* Linux's slub_max_order */
#define SLAB_LOCK_HASH		64

LIST_HEAD(slab_caches);
DEFINE_SPINLOCK(slab_caches_lock);
bool slub_initialized;

static struct kmem_cache *kmem_cache;		/* cache of kmem_cache */
static struct kmem_cache *kmem_cache_node;	/* cache of kmem_cache_node */
static struct kmem_cache boot_kmem_cache, boot_kmem_cache_node;
static struct kmem_cache_node boot_nodes[MAX_NUMNODES];	/* [init] */
static spinlock_t slab_locks[SLAB_LOCK_HASH];	/* lock 3, see above */
static DEFINE_PER_CPU(struct rnd_state, slab_rnd);	/* [cpu] shuffles */

const char *const slub_stat_names[NR_SLUB_STAT_ITEMS] = {
	"alloc_fastpath", "alloc_slowpath", "free_fastpath", "free_slowpath",
	"free_frozen", "free_add_partial", "free_remove_partial",
	"alloc_from_partial", "alloc_slab", "alloc_refill",
	"alloc_node_mismatch", "free_slab", "cpuslab_flush", "deactivate_full",
	"deactivate_empty", "deactivate_to_head", "deactivate_to_tail",
	"deactivate_remote_frees", "deactivate_bypass", "order_fallback",
	"cmpxchg_double_cpu_fail", "cmpxchg_double_fail", "cpu_partial_alloc",
	"cpu_partial_free", "cpu_partial_node", "cpu_partial_drain",
	"free_remote_hart", "free_remote_node",
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

unsigned long slub_stat_total(struct kmem_cache *s, enum stat_item si)
{
	unsigned long sum = 0;
	int cpu;

	for_each_online_cpu(cpu)
		sum += READ_ONCE(per_cpu_ptr(s->cpu_slab, cpu)->stat[si]);
	return sum;
}

/* ---- slab locks, lists ---- */

static spinlock_t *slab_lock_of(const struct slab *slab)
{
	unsigned long h = (unsigned long)slab / sizeof(struct page);

	return &slab_locks[(h ^ (h >> 6)) % SLAB_LOCK_HASH];
}

/* Context: interrupts off (checked). */
static void slab_lock(struct slab *slab)
{
	lockdep_assert_irqs_disabled();
	spin_lock(slab_lock_of(slab));
}

static void slab_unlock(struct slab *slab)
{
	spin_unlock(slab_lock_of(slab));
}

/*
 * The remote-free list (CONFIG_SLUB_REMOTE_FREE_LIST), mimalloc's
 * thread-free list on SLUB's frozen slab: while a slab is frozen its
 * remote_free word (over slab_list.next, unused then) is a stack of
 * objects | REMOTE_OPEN; a remote free pushes with compare-and-swap and
 * no lock.  Only the owning CPU opens it (on freezing) and takes it
 * (refill, deactivation), by exchange: push-only plus take-all has no
 * ABA.  A word without REMOTE_OPEN (closed, or a list pointer of an
 * unfrozen slab) sends the free to the slab_lock path.
 */
#define REMOTE_OPEN	1UL

#if CONFIG_SLUB_REMOTE_FREE_LIST
static void remote_open(struct slab *slab)
{
	__atomic_store_n(&slab->remote_free, REMOTE_OPEN, __ATOMIC_RELEASE);
}

/* Take the stack and close it.  Owner only; @slab is off every list. */
static void *remote_take(struct slab *slab)
{
	unsigned long w = __atomic_exchange_n(&slab->remote_free, 0,
					      __ATOMIC_ACQUIRE);

	return w & REMOTE_OPEN ? (void *)(w & ~REMOTE_OPEN) : NULL;
}

/*
 * Push the chain @head..@tail if @slab's stack is open.  Context:
 * interrupts off.
 */
static bool remote_push(struct kmem_cache *s, struct slab *slab, void *head,
			void *tail)
{
	unsigned long w = __atomic_load_n(&slab->remote_free, __ATOMIC_RELAXED);

	do {
		if (!(w & REMOTE_OPEN))
			return false;
		set_freepointer(s, tail, (void *)(w & ~REMOTE_OPEN));
	} while (!__atomic_compare_exchange_n(&slab->remote_free, &w,
			(unsigned long)head | REMOTE_OPEN, true,
			__ATOMIC_RELEASE, __ATOMIC_RELAXED));
	return true;
}
#else
static inline void remote_open(struct slab *slab) { (void)slab; }
static inline void *remote_take(struct slab *slab) { (void)slab; return NULL; }
static inline bool remote_push(struct kmem_cache *s, struct slab *slab,
			       void *head, void *tail)
{
	(void)s; (void)slab; (void)head; (void)tail;
	return false;
}
#endif

/* Put @list in front of @rest; *@nr += its length.  Return the head. */
static void *splice_remote(struct kmem_cache *s, void *list, void *rest,
			   unsigned int *nr)
{
	void *p = list;

	if (!list)
		return rest;
	for (;;) {
		void *next = get_freepointer(s, p);

		(*nr)++;
		if (!next)
			break;
		p = next;
	}
	set_freepointer(s, p, rest);
	return list;
}

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

/* Link the free objects of a new slab: address order or shuffled. */
static void *build_freelist(struct kmem_cache *s, struct slab *slab)
{
	unsigned int nr = slab->objects, i, pos = 0;
	const unsigned int *seq = CONFIG_SLAB_FREELIST_RANDOM ? s->random_seq : NULL;
	char *base = slab_obj(s, slab, 0);
	unsigned long size = s->size;
	void *first, *prev, *obj;

	if (seq)
		pos = prandom_u32_below(this_cpu_ptr(&slab_rnd), nr);
	first = prev = base + (seq ? seq[pos] : 0) * size;
	for (i = 1; i < nr; i++) {
		if (seq && ++pos == nr)
			pos = 0;	/* from a random start, round the sequence */
		obj = base + (seq ? seq[pos] : i) * size;
		set_freepointer(s, prev, obj);
		prev = obj;
	}
	set_freepointer(s, prev, NULL);
	return first;
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
				slub_debug_init_object(s, obj, SLUB_RED_INACTIVE);
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
	unsigned int nr = 0;
	void *freelist;

	slab_lock(slab);
	freelist = splice_remote(slab->slab_cache, remote_take(slab),
				 slab->freelist, &nr);
	slab->freelist = NULL;
	slab->inuse = slab->objects;
	slab->frozen = freelist != NULL;
	if (slab->frozen)
		remote_open(slab);
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
	void *tail = NULL, *p, *remote, *stack;
	unsigned int nr = 0, inuse;
	bool has_free;

	stack = remote_take(slab);	/* later remote frees: slab_lock */
	for (p = freelist; p; p = get_freepointer(s, p)) {
		tail = p;
		nr++;
	}
	freelist = splice_remote(s, stack, freelist, &nr);
	if (stack && !tail)
		for (tail = freelist; get_freepointer(s, tail);)
			tail = get_freepointer(s, tail);
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

	if (remote || stack)
		stat(s, DEACTIVATE_REMOTE_FREES);
	if (!inuse && n->nr_partial >= s->min_partial) {
		spin_unlock(&n->list_lock);
		stat(s, DEACTIVATE_EMPTY);
		discard_slab(s, slab);
		stat(s, FREE_SLAB);
		return;
	}
	if (has_free) {
		remote = remote ? remote : stack;	/* remote frees came */
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
	remote_open(slab);
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
 * slab_alloc_node() - the fast path: pop this CPU's freelist.  Anything
 * else leaves by a tail call, so the path itself needs no stack frame
 * beyond the frame pointer's.  @orig_size: bytes requested by kmalloc
 * (0: object_size), kept by kmalloc caches with Z (SLUB-7); only the debug
 * path reads it, and zeroes debug objects itself (debug caches never have
 * a CPU freelist, SLUB-5, so never get here with an object).
 */
static __always_inline void *slab_alloc_node(struct kmem_cache *s, gfp_t gfp,
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
 * which is not this CPU's slab: onto its open remote-free list (frozen by
 * another CPU), else onto its own freelist under slab_lock, then fix its
 * list state.  Non-debug caches only.  Context: interrupts off.
 */
static void __slab_free(struct kmem_cache *s, struct slab *slab, void *head,
			void *tail, unsigned int cnt)
{
	struct kmem_cache_node *n = NULL;
	bool was_frozen, need_lock;
	unsigned int new_inuse;
	void *prior;

	if (remote_push(s, slab, head, tail)) {	/* another CPU's slab */
		stat_add(s, FREE_FROZEN, cnt);
		return;
	}
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

static noinline void report_bad_free(struct kmem_cache *s, const void *x,
			    const char *why, unsigned long addr)
{
	char sym[64];

	sprint_symbol(sym, sizeof(sym), addr);
	pr_err("slub: %s: invalid free of %p from %s: %s; ignored\n",
	       s ? s->name : "kfree", x, sym, why);
	if (s)
		__atomic_fetch_add(&s->nr_errors, 1, __ATOMIC_RELAXED);
}

/* The checks of slab_free() failed: say which, count it, free nothing. */
static noinline void slab_free_refused(struct kmem_cache *s, struct slab *slab,
				       void *x, unsigned long addr)
{
	if (!slab) {
		report_bad_free(s, x, "not a slab object", addr);
	} else if (s && slab->slab_cache != s) {
		pr_err("slub: %s: Wrong slab cache. %s but object is from %s\n",
		       "slab_free", s->name, slab->slab_cache->name);
		__atomic_fetch_add(&s->nr_errors, 1, __ATOMIC_RELAXED);
	} else {
		report_bad_free(slab->slab_cache, x, "not the start of an object",
				addr);
	}
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
	report_bad_free(s, x, "double free", addr);
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
		slab_free_refused(s, slab, x, addr);
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
static void flush_cpu_slab(void *info)
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

/* ---- sizing ---- */

static unsigned int order_objects(unsigned int order, unsigned int size)
{
	return (unsigned int)(PAGE_SIZE << order) / size;
}

static unsigned int calc_slab_order(unsigned int size, unsigned int min_order,
				    unsigned int max_order,
				    unsigned int fract_leftover)
{
	unsigned int order;

	for (order = min_order; order <= max_order; order++) {
		unsigned int slab_size = (unsigned int)PAGE_SIZE << order;

		if (slab_size % size <= slab_size / fract_leftover)
			break;
	}
	return order;
}

static unsigned int get_order_bytes(unsigned long size)
{
	unsigned int order = 0;

	while ((PAGE_SIZE << order) < size)
		order++;
	return order;
}

/* calculate_order() - Linux's: least waste with enough objects. */
static int calculate_order(unsigned int size)
{
	unsigned int nr_cpus = nr_cpu_ids, min_objects, max_objects;
	unsigned int min_order, order, fraction;

	min_objects = 4 * (fls(nr_cpus) + 1);
	max_objects = order_objects(SLUB_MAX_ORDER, size);
	min_objects = min(min_objects, max_objects);
	if (!min_objects)
		min_objects = 1;
	min_order = get_order_bytes((unsigned long)min_objects * size);
	if (order_objects(min_order, size) > MAX_OBJS_PER_PAGE)
		return get_order_bytes((unsigned long)size *
				       MAX_OBJS_PER_PAGE) - 1;
	for (fraction = 16; fraction > 1; fraction /= 2) {
		order = calc_slab_order(size, min_order, SLUB_MAX_ORDER,
					fraction);
		if (order <= SLUB_MAX_ORDER)
			return order;
	}
	order = get_order_bytes(size);
	return order <= MAX_PAGE_ORDER ? (int)order : -ENOSYS;
}

static unsigned int calculate_alignment(unsigned long flags,
					unsigned int align, unsigned int size)
{
	if (flags & SLAB_HWCACHE_ALIGN) {
		unsigned int ralign = L1_CACHE_BYTES;

		while (size <= ralign / 2)
			ralign /= 2;
		align = max(align, ralign);
	}
	align = max(align, (unsigned int)sizeof(void *));
	return ALIGN(align, (unsigned int)sizeof(void *));
}

/* calculate_sizes() - slot layout and order (docs/linux-facts.md §4.6). */
static int calculate_sizes(struct kmem_cache *s)
{
	unsigned long flags = s->flags;
	unsigned int size = ALIGN(s->object_size, (unsigned int)sizeof(void *));
	int order;

	if ((flags & SLAB_RED_ZONE) && size == s->object_size)
		size += sizeof(void *);
	s->inuse = size;
	if ((flags & SLAB_POISON) || s->ctor ||
	    ((flags & SLAB_RED_ZONE) && (s->object_size < sizeof(void *) ||
					 slub_kmalloc_redzone(s)))) {
		s->offset = size;
		size += sizeof(void *);
	} else {
		s->offset = ALIGN_DOWN(s->object_size / 2,
				       (unsigned int)sizeof(void *));
	}
	if (flags & SLAB_STORE_USER)
		size += 2 * sizeof(struct track);
	if (slub_kmalloc_redzone(s))
		size += sizeof(unsigned long);	/* requested size */
	if (flags & SLAB_RED_ZONE) {
		size += sizeof(void *);
		s->red_left_pad = ALIGN((unsigned int)sizeof(void *), s->align);
		size += s->red_left_pad;
	}
	size = ALIGN(size, s->align);
	s->size = size;
	order = calculate_order(size);
	if (order < 0)
		return order;
	s->oo.x = (unsigned int)order << 16 | order_objects(order, size);
	order = get_order_bytes(size);
	s->min.x = (unsigned int)order << 16 | order_objects(order, size);
	return oo_objects(s->oo) ? 0 : -EINVAL;
}

/*
 * slub_cpu_partial=0 (a study knob): no CPU partial chains, as Linux
 * without CONFIG_SLUB_CPU_PARTIAL; partial slabs go to the node lists.
 */
static bool cpu_partial_off;		/* [init] */

static void parse_slub_cpu_partial(const char *val)
{
	unsigned int n;

	if (!val || kstrtouint(val, 0, &n) || n > 1)
		pr_warn("slub: slub_cpu_partial=%s ignored: 0 or 1\n", val ? val : "");
	else
		cpu_partial_off = !n;
}
cmdline_param("slub_cpu_partial", parse_slub_cpu_partial,
	      "slub_cpu_partial=0: no per-CPU partial slab chains");

bool slub_nocpu;			/* [init] */

static void parse_slub_nocpu(const char *val)
{
	(void)val;
	slub_nocpu = true;
}
cmdline_param("slub_nocpu", parse_slub_nocpu,
	      "slub_nocpu: caches bypass kmem_cache_cpu; every operation takes list_lock");

bool slub_cpu_partial_enabled(void)
{
	return !cpu_partial_off;
}

/* set_cpu_partial() - Linux's limits for the CPU partial chain. */
static void set_cpu_partial(struct kmem_cache *s)
{
	unsigned int nr_objects;

	if (kmem_cache_debug(s) || cpu_partial_off)
		nr_objects = 0;
	else if (s->size >= PAGE_SIZE)
		nr_objects = 6;
	else if (s->size >= 1024)
		nr_objects = 24;
	else if (s->size >= 256)
		nr_objects = 52;
	else
		nr_objects = 120;
	s->cpu_partial = nr_objects;
	s->cpu_partial_slabs = DIV_ROUND_UP(nr_objects * 2, oo_objects(s->oo));
}

/* ---- cache creation ---- */

static u64 slub_boot_seed;

static void init_node(struct kmem_cache_node *n)
{
	spin_lock_init(&n->list_lock);
	n->nr_partial = 0;
	INIT_LIST_HEAD(&n->partial);
	INIT_LIST_HEAD(&n->full);
	n->nr_slabs = 0;
	n->total_objects = 0;
}

static void free_kmem_cache_nodes(struct kmem_cache *s)
{
	int node;

	for (node = 0; node < MAX_NUMNODES; node++) {
		if (s->node[node] && s->node[node] != &boot_nodes[node])
			kmem_cache_free(kmem_cache_node, s->node[node]);
		s->node[node] = NULL;
	}
}

static int init_kmem_cache_nodes(struct kmem_cache *s)
{
	int node;

	for_each_node_state(node, N_MEMORY) {
		struct kmem_cache_node *n;

		if (!kmem_cache_node) {
			n = &boot_nodes[node];
		} else {
			n = kmem_cache_alloc_node(kmem_cache_node, GFP_KERNEL,
						  node);
			if (!n) {
				free_kmem_cache_nodes(s);
				return -ENOMEM;
			}
		}
		init_node(n);
		s->node[node] = n;
	}
	return 0;
}

/* init_cache_random_seq() - a random permutation of the slot indices. */
static int init_cache_random_seq(struct kmem_cache *s)
{
	unsigned int nr = oo_objects(s->oo), i;
	struct rnd_state st;

	if (!CONFIG_SLAB_FREELIST_RANDOM || !slub_initialized || nr < 2 ||
	    s->random_seq)
		return 0;
	s->random_seq = kmalloc(nr * sizeof(unsigned int), GFP_KERNEL);
	if (!s->random_seq)
		return -ENOMEM;
	prandom_seed_state(&st, slub_boot_seed ^ (unsigned long)s);
	for (i = 0; i < nr; i++)
		s->random_seq[i] = i;
	for (i = nr - 1; i > 0; i--) {		/* Fisher-Yates */
		unsigned int j = prandom_u32_below(&st, i + 1), t;

		t = s->random_seq[i];
		s->random_seq[i] = s->random_seq[j];
		s->random_seq[j] = t;
	}
	return 0;
}

/*
 * do_kmem_cache_create() - fill in @s (zeroed, name/size/flags set),
 * allocate its per-CPU and per-node parts.
 */
static int do_kmem_cache_create(struct kmem_cache *s, unsigned int align)
{
	int err;

	s->flags = slub_debug_flags_for(s->name, s->flags);
	if (slub_nocpu)
		s->flags |= SLAB_NO_CPU_CACHE;
	s->align = calculate_alignment(s->flags, align, s->object_size);
	err = calculate_sizes(s);
	if (err)
		return err;
	s->min_partial = clamp((unsigned long)ilog2(s->size) / 2, 5UL, 10UL);
	set_cpu_partial(s);
	s->random = (unsigned long)prandom_u64_state(this_cpu_ptr(&slab_rnd));
	s->refcount = 1;
	err = init_kmem_cache_nodes(s);
	if (err)
		return err;
	s->cpu_slab = alloc_percpu(struct kmem_cache_cpu);
	if (!s->cpu_slab)
		goto err_free_nodes;
	if (init_cache_random_seq(s))
		goto err_free_percpu;
	return 0;

err_free_percpu:
	free_percpu(s->cpu_slab);
err_free_nodes:
	free_kmem_cache_nodes(s);
	return -ENOMEM;
}

static void add_to_slab_caches(struct kmem_cache *s)
{
	unsigned long flags;

	spin_lock_irqsave(&slab_caches_lock, flags);
	list_add(&s->list, &slab_caches);
	spin_unlock_irqrestore(&slab_caches_lock, flags);
}

/* slub_create_cache() - create without argument checks (kmalloc, ...). */
struct kmem_cache *slub_create_cache(const char *name, unsigned int size,
				     unsigned int align, unsigned long flags,
				     void (*ctor)(void *))
{
	struct kmem_cache *s = kmem_cache_alloc(kmem_cache,
						GFP_KERNEL | __GFP_ZERO);

	if (!s)
		return NULL;
	s->name = name;
	s->object_size = size;
	s->flags = flags;
	s->ctor = ctor;
	if (do_kmem_cache_create(s, align)) {
		kmem_cache_free(kmem_cache, s);
		return NULL;
	}
	add_to_slab_caches(s);
	return s;
}

struct kmem_cache *kmem_cache_create(const char *name, unsigned int size,
				     unsigned int align, unsigned long flags,
				     void (*ctor)(void *))
{
	struct kmem_cache *s = NULL;
	const char *why = NULL;

	slub_ensure_init();
	if (!name)
		why = "no name";
	else if (!size)
		why = "size 0";
	else if (size > KMALLOC_MAX_SIZE)
		why = "size above KMALLOC_MAX_SIZE";
	else if (align && !is_power_of_2(align))
		why = "alignment not a power of two";
	if (!why) {
		s = slub_create_cache(name, size, align, flags, ctor);
		if (!s)
			why = "out of memory";
	}
	if (why) {
		pr_err("slub: kmem_cache_create(%s) failed: %s (size %u, align %u)\n",
		       name ? name : "(null)", why, size, align);
		if (flags & SLAB_PANIC)
			panic("slub: cannot create cache %s\n",
			      name ? name : "(null)");
	}
	return s;
}

unsigned long slub_nr_slabs(struct kmem_cache *s)
{
	unsigned long nr = 0;
	int node;

	for_each_node_state(node, N_MEMORY)
		nr += __atomic_load_n(&get_node(s, node)->nr_slabs,
				      __ATOMIC_RELAXED);
	return nr;
}

/*
 * Report every live object of @s.  Full slabs of a non-debug cache are on
 * no list (as in Linux), so walk the pfn range where each node has ever
 * made slabs and pick this cache's slab heads: slow, but destroy is rare
 * and a leak report that misses objects would be worse.  The caller has
 * flushed the CPU slabs; nobody else uses a cache being destroyed.
 */
static void list_slab_objects(struct kmem_cache *s)
{
	int node;

	for_each_node_state(node, N_MEMORY) {
		unsigned long lo = READ_ONCE(slab_pfn_lo[node]);
		unsigned long hi = READ_ONCE(slab_pfn_hi[node]);

		for (unsigned long pfn = lo; lo <= hi && pfn <= hi; pfn++) {
			struct page *page = pfn_to_page(pfn);

			if (PageSlab(page) && page->slab_cache == s)
				slub_debug_report_leak(s, page_slab(page), NULL);
		}
	}
}

void kmem_cache_destroy(struct kmem_cache *s)
{
	unsigned long flags;

	if (!s)
		return;
	kmem_cache_shrink(s);
	if (slub_nr_slabs(s)) {
		list_slab_objects(s);
		pr_err("slub: kmem_cache_destroy %s: Slab cache still has objects (%lu slabs); cache kept\n",
		       s->name, slub_nr_slabs(s));
		__atomic_fetch_add(&s->nr_errors, 1, __ATOMIC_RELAXED);
		return;
	}
	spin_lock_irqsave(&slab_caches_lock, flags);
	list_del(&s->list);
	s->refcount = 0;
	spin_unlock_irqrestore(&slab_caches_lock, flags);
	free_percpu(s->cpu_slab);
	kfree(s->random_seq);
	free_kmem_cache_nodes(s);
	kmem_cache_free(kmem_cache, s);
}

unsigned long kmem_cache_nr_errors(struct kmem_cache *s)
{
	return __atomic_load_n(&s->nr_errors, __ATOMIC_RELAXED);
}

struct kmem_cache *kmem_cache_find(const char *name)
{
	struct kmem_cache *s, *found = NULL;
	unsigned long flags;

	spin_lock_irqsave(&slab_caches_lock, flags);
	list_for_each_entry(s, &slab_caches, list) {
		if (!strcmp(s->name, name)) {
			found = s;
			break;
		}
	}
	spin_unlock_irqrestore(&slab_caches_lock, flags);
	return found;
}

/* ---- validation (SLUB-1..6) ---- */

/*
 * isolate_freechain() - a free pointer after @prev is bad (@p): end the
 * chain at @prev; the objects beyond stay "in use" for ever.  Holds
 * slab_lock.
 */
static void isolate_freechain(struct kmem_cache *s, struct slab *slab,
			      void *prev, void *p, unsigned int nr_free)
{
	slab_err(s, slab, "Freechain corrupt: %p after %p", p, prev);
	if (prev)
		set_freepointer(s, prev, NULL);
	else
		slab->freelist = NULL;
	slab->inuse = slab->objects - nr_free;
	slab_fix(s, "Isolate corrupted freechain");
}

/* Check one slab (caller holds its node's list_lock); return errors. */
static int validate_slab(struct kmem_cache *s, struct slab *slab, u8 *map,
			 int node)
{
	unsigned int nr_free = 0, idx = 0;
	void *p, *prev = NULL;
	unsigned long flags;
	int errors = 0;

	if (!PageSlab(slab_page(slab)) || slab->slab_cache != s ||
	    slab_nid(slab) != node || slab->frozen) {	/* SLUB-3,4,6 */
		slab_err(s, slab, "Not a valid slab page (node %d)", node);
		return 1;
	}
	memset(map, 0, DIV_ROUND_UP(slab->objects, 8));
	local_irq_save(flags);
	slab_lock(slab);
	for (p = slab->freelist; p; prev = p, p = get_freepointer(s, p)) {
		bool bad = !slub_obj_in_slab(s, slab, p);		/* SLUB-1 */

		if (!bad) {
			idx = (unsigned int)(((char *)p -
					      (char *)slab_obj(s, slab, 0)) / s->size);
			bad = map[idx / 8] & (1u << (idx % 8));	/* SLUB-2 */
		}
		if (bad) {
			isolate_freechain(s, slab, prev, p, nr_free);
			errors++;
			break;
		}
		map[idx / 8] |= 1u << (idx % 8);
		nr_free++;
	}
	if (!errors && nr_free != (unsigned int)slab->objects - slab->inuse) {
		slab_err(s, slab, "Wrong object count. Counter is %d but counted were %d",
			 slab->inuse, slab->objects - nr_free);
		errors++;
	}
	slab_unlock(slab);
	local_irq_restore(flags);
	if (!errors && kmem_cache_debug(s))
		errors += slub_debug_validate_slab(s, slab, map);
	return errors;
}

static int validate_node(struct kmem_cache *s, int node, u8 *map)
{
	struct kmem_cache_node *n = get_node(s, node);
	unsigned long flags, count = 0;
	struct slab *slab;
	int errors = 0;

	spin_lock_irqsave(&n->list_lock, flags);
	list_for_each_entry(slab, &n->partial, slab_list) {
		errors += validate_slab(s, slab, map, node);
		if (!(slab->slab_state & SLAB_ON_PARTIAL) || !slab->freelist)
			errors++;				/* SLUB-3 */
		count++;
	}
	if (count != n->nr_partial) {
		slab_err(s, NULL, "nr_partial %lu but counted %lu",
			 n->nr_partial, count);
		errors++;
	}
	list_for_each_entry(slab, &n->full, slab_list) {
		errors += validate_slab(s, slab, map, node);
		if (!(slab->slab_state & SLAB_ON_FULL))
			errors++;				/* SLUB-3 */
		count++;
	}
	if (kmem_cache_debug(s) && count != (unsigned long)n->nr_slabs) {
		slab_err(s, NULL, "node %d: %ld slabs but counted %lu", node,
			 n->nr_slabs, count);
		errors++;
	}
	spin_unlock_irqrestore(&n->list_lock, flags);
	return errors;
}

int validate_slab_cache(struct kmem_cache *s)
{
	int node, errors = 0;
	u8 *map;

	map = kzalloc(DIV_ROUND_UP(MAX_OBJS_PER_PAGE, 8), GFP_KERNEL);
	if (!map)
		return -ENOMEM;
	slub_flush_all(s);
	for_each_node_state(node, N_MEMORY)
		errors += validate_node(s, node, map);
	kfree(map);
	return errors;
}

void slub_count_partial(struct kmem_cache *s, unsigned long *nr_slabs,
			unsigned long *nr_objs, unsigned long *nr_free)
{
	unsigned long flags;
	struct slab *slab;
	int node;

	*nr_slabs = *nr_objs = *nr_free = 0;
	for_each_node_state(node, N_MEMORY) {
		struct kmem_cache_node *n = get_node(s, node);

		*nr_slabs += __atomic_load_n(&n->nr_slabs, __ATOMIC_RELAXED);
		*nr_objs += __atomic_load_n(&n->total_objects,
					    __ATOMIC_RELAXED);
		spin_lock_irqsave(&n->list_lock, flags);
		list_for_each_entry(slab, &n->partial, slab_list)
			*nr_free += slab->objects - slab_inuse_racy(slab);
		spin_unlock_irqrestore(&n->list_lock, flags);
	}
}

/* ---- bootstrap ---- */

/*
 * bootstrap() - move a statically allocated cache into an object of the
 * kmem_cache cache and point its slabs at the copy.  Only this CPU has
 * used the static caches yet, so flushing this CPU moves every slab with
 * free objects onto a node list; none is full this early.
 */
static struct kmem_cache *bootstrap(struct kmem_cache *static_cache)
{
	struct kmem_cache *s = kmem_cache_alloc(kmem_cache,
						GFP_KERNEL | __GFP_ZERO);
	unsigned long flags;
	struct slab *slab;
	int node;

	BUG_ON(!s);
	memcpy(s, static_cache, sizeof(*s));
	flush_cpu_slab(s);
	for_each_node_state(node, N_MEMORY) {
		struct kmem_cache_node *n = get_node(s, node);

		spin_lock_irqsave(&n->list_lock, flags);
		list_for_each_entry(slab, &n->partial, slab_list)
			slab->slab_cache = s;
		list_for_each_entry(slab, &n->full, slab_list)
			slab->slab_cache = s;
		spin_unlock_irqrestore(&n->list_lock, flags);
	}
	add_to_slab_caches(s);
	return s;
}

static void create_boot_cache(struct kmem_cache *s, const char *name,
			      unsigned int size)
{
	s->name = name;
	s->object_size = size;
	s->flags = SLAB_HWCACHE_ALIGN;
	BUG_ON(do_kmem_cache_create(s, 0));
}

void kmem_cache_init_kmalloc(void);	/* kmalloc.c */

/* Caches made before kmalloc worked get their permutation now. */
static void init_freelist_randomization(void)
{
	struct kmem_cache *s;

	list_for_each_entry(s, &slab_caches, list)
		init_cache_random_seq(s);
}

void kmem_cache_init(void)
{
	unsigned int i;
	int cpu;

	if (slub_initialized)
		return;
	for (i = 0; i < SLAB_LOCK_HASH; i++)
		spin_lock_init(&slab_locks[i]);
	slub_boot_seed = get_cycles() ^ ktime_get_ns() ^ 0x5eed51abUL;
	for_each_possible_cpu(cpu)
		prandom_seed_state(per_cpu_ptr(&slab_rnd, cpu),
				   slub_boot_seed + (u64)cpu * 0x9e3779b97f4a7c15ULL);
	create_boot_cache(&boot_kmem_cache_node, "kmem_cache_node",
			  sizeof(struct kmem_cache_node));
	kmem_cache_node = &boot_kmem_cache_node;
	create_boot_cache(&boot_kmem_cache, "kmem_cache",
			  sizeof(struct kmem_cache));
	kmem_cache = &boot_kmem_cache;
	kmem_cache = bootstrap(&boot_kmem_cache);
	kmem_cache_node = bootstrap(&boot_kmem_cache_node);
	kmem_cache_init_kmalloc();
	slub_initialized = true;
	init_freelist_randomization();
	pr_info("slub: HWalign=%u, Order=0-%u, MinObjects=%u, CPUs=%u, Nodes=%u; hardened=%d random=%d\n",
		(unsigned int)L1_CACHE_BYTES, SLUB_MAX_ORDER,
		4 * (fls(nr_cpu_ids) + 1), nr_cpu_ids,
		num_node_state(N_MEMORY), CONFIG_SLAB_FREELIST_HARDENED,
		CONFIG_SLAB_FREELIST_RANDOM);
}

static DEFINE_SPINLOCK(slub_init_lock);	/* one kmem_cache_init() */

void slub_ensure_init(void)
{
	unsigned long flags;

	if (READ_ONCE(slub_initialized))
		return;
	spin_lock_irqsave(&slub_init_lock, flags);
	kmem_cache_init();
	spin_unlock_irqrestore(&slub_init_lock, flags);
}
