/* SPDX-License-Identifier: MIT */
/*
 * include/linux/slab.h — object caches (kmem_cache_*) and kmalloc.
 *
 * Implemented in mm/slub/ (theory in mm/slub/slub.c).  Mirrors Linux's
 * include/linux/slab.h with Linux's names and signatures.  Differences:
 *  - one allocator (SLUB); no kmalloc-rcl-, kmalloc-cg-, dma-kmalloc- or
 *    kmalloc-rnd- families; no RCU readers (no SLAB_TYPESAFE_BY_RCU), so
 *    kfree_rcu() frees at once (<linux/rcupdate.h> says why that is right);
 *  - no cache merging (every kmem_cache_create() makes its own cache, as
 *    if each had SLAB_NO_MERGE); no KFENCE (SLAB_SKIP_KFENCE is accepted
 *    and has nothing to skip);
 *  - slab_flags_t is unsigned long, the type of kmem_cache_create()'s
 *    @flags (Linux: an unsigned int); the values are Linux's;
 *  - kfree() of a pointer that is not the start of a live object (interior,
 *    stack, never allocated, already freed under debugging) is reported
 *    and ignored instead of crashing;
 *  - kmem_cache_shrink() returns 0 and always flushes every CPU's slabs;
 *  - kmem_cache_destroy() of a cache with live objects reports them and
 *    keeps the cache (Linux keeps it too, and warns);
 *  - SLUB's counters are always on (Linux: CONFIG_SLUB_STATS) and read
 *    through slub_stat_*() (Linux: sysfs files of the same names);
 *  - Nodal additions: kmem_cache_nr_errors(), kmem_cache_find(),
 *    kmem_cache_shrink_all(), validate_all_slab_caches();
 *    validate_slab_cache() is public (Linux: sysfs `validate`).
 */
#ifndef NODAL_SLAB_H
#define NODAL_SLAB_H

#include <linux/gfp.h>
#include <linux/rcupdate.h>
#include <linux/types.h>

typedef unsigned long slab_flags_t;

/* Cache flags (kmem_cache_create() @flags), Linux's values. */
#define SLAB_CONSISTENCY_CHECKS	0x00000100UL	/* F: check free pointers, counts */
#define SLAB_RED_ZONE		0x00000400UL	/* Z: guard bytes around objects */
#define SLAB_POISON		0x00000800UL	/* P: 0x6b in free objects */
#define SLAB_HWCACHE_ALIGN	0x00002000UL	/* align objects to cache lines */
#define SLAB_STORE_USER		0x00010000UL	/* U: record last alloc/free */
#define SLAB_PANIC		0x00040000UL	/* panic if creation fails */
#define SLAB_TRACE		0x00200000UL	/* T: print every alloc and free */
#define SLAB_FAILSLAB		0x02000000UL /* failslab may fail it (cache-filter) */
#define SLAB_KMALLOC		0x00001000UL	/* a kmalloc-N cache (internal) */
#define SLAB_NO_USER_FLAGS	0x10000000UL /* slab_debug= does not apply (tests) */
#define SLAB_NO_MERGE		0x01000000UL /* never merged (Nodal never merges) */
#define SLAB_SKIP_KFENCE	0x20000000UL /* not from KFENCE (Nodal has none) */

/** ZERO_SIZE_PTR - what kmalloc(0) returns; kfree() accepts it */
#define ZERO_SIZE_PTR		((void *)16)
#define ZERO_OR_NULL_PTR(x)	((unsigned long)(x) <= (unsigned long)ZERO_SIZE_PTR)

#define KMALLOC_MIN_SIZE	8
#define KMALLOC_SHIFT_HIGH	(PAGE_SHIFT + 1)
/** KMALLOC_MAX_CACHE_SIZE - largest kmalloc served by a cache (8 KiB) */
#define KMALLOC_MAX_CACHE_SIZE	(1UL << KMALLOC_SHIFT_HIGH)
/** KMALLOC_MAX_SIZE - largest kmalloc at all (4 MiB = order 10) */
#define KMALLOC_MAX_SIZE	(1UL << (MAX_PAGE_ORDER + PAGE_SHIFT))

#define ARCH_KMALLOC_MINALIGN	8
#define L1_CACHE_BYTES		64

struct kmem_cache;

/**
 * kmem_cache_create() - create a cache of objects of one size
 * @name: name for slabinfo (the string is not copied; keep it alive)
 * @size: object size in bytes, 1..KMALLOC_MAX_SIZE
 * @align: minimum alignment, 0 or a power of two
 * @flags: SLAB_* flags (debug flags may be added by `slab_debug=`)
 * @ctor: called on each object when its slab is allocated, or NULL
 *
 * Context: may sleep in Linux; here takes the slab_caches lock and calls
 * the page allocator.  Not from interrupts.
 * Return: the cache, or NULL (bad arguments are reported) — or a panic
 * with SLAB_PANIC.
 */
struct kmem_cache *kmem_cache_create(const char *name, unsigned int size,
				     unsigned int align, unsigned long flags,
				     void (*ctor)(void *));

/**
 * kmem_cache_destroy() - destroy a cache
 * @s: the cache, or NULL (ignored)
 *
 * Flushes every CPU's slabs and frees the empty ones.  If objects are
 * still allocated, each one found on a partial slab is reported (with its
 * address) and the cache is kept, as Linux does.
 * Context: process context, interrupts on (cross-calls every CPU).
 */
void kmem_cache_destroy(struct kmem_cache *s);

/**
 * kfree_rcu() - kfree(@ptr) after an RCU grace period
 * @ptr: the object, from kmalloc()
 * @rhf: the name of its struct rcu_head member
 *
 * Nodal has no RCU read-side critical sections, so every grace period has
 * already elapsed (<linux/rcupdate.h>): the object is freed now.
 */
#define kfree_rcu(ptr, rhf)                                        \
	do {                                                       \
		__typeof__(ptr) __kfree_rcu_ptr = (ptr);           \
		struct rcu_head *__kfree_rcu_head __maybe_unused = \
			&__kfree_rcu_ptr->rhf;                     \
		kfree(__kfree_rcu_ptr);                            \
	} while (0)

/**
 * kmem_cache_shrink() - flush all CPU slabs and free empty slabs
 * @s: the cache
 *
 * Context: process context, interrupts on (cross-calls every CPU).
 * Return: 0.
 */
int kmem_cache_shrink(struct kmem_cache *s);

/**
 * kmem_cache_alloc() - allocate one object
 * @s: the cache
 * @gfp: GFP flags (__GFP_ZERO zeroes the object)
 *
 * Context: any, interrupts in any state.
 * Return: the object or NULL.
 */
void *kmem_cache_alloc(struct kmem_cache *s, gfp_t gfp);

/**
 * kmem_cache_alloc_node() - allocate one object on node @node
 * @s: the cache
 * @gfp: GFP flags; __GFP_THISNODE makes @node strict (fail otherwise)
 * @node: node id, or NUMA_NO_NODE (this hart's node, any node's slab)
 *
 * Without __GFP_THISNODE the object comes from @node when it has free
 * objects or free pages, else from the nearest node that has.
 * Context: any.  Return: the object or NULL.
 */
void *kmem_cache_alloc_node(struct kmem_cache *s, gfp_t gfp, int node);

/**
 * kmem_cache_free() - free an object of @s
 * @s: the cache the object came from
 * @obj: the object, or NULL (ignored)
 *
 * Context: any.  A pointer from another cache is reported and ignored.
 */
void kmem_cache_free(struct kmem_cache *s, void *obj);

/**
 * kmalloc() - allocate @size bytes
 * @size: bytes; 0 gives ZERO_SIZE_PTR; above KMALLOC_MAX_SIZE gives NULL
 * @gfp: GFP flags
 *
 * Up to 8 KiB from the kmalloc-N caches (8, 16, 32, 64, 96, 128, 192, 256,
 * ... 8k), above that whole pages.  Objects are aligned to their class
 * size for powers of two, to 8 bytes otherwise.
 * Context: any.  Return: the memory or NULL.
 */
void *kmalloc(size_t size, gfp_t gfp);

/** kmalloc_node() - kmalloc() on @node (see kmem_cache_alloc_node()) */
void *kmalloc_node(size_t size, gfp_t gfp, int node);

/*
 * clang's static analyzer models kmalloc() but takes __GFP_ZERO's value from
 * the target OS, and has none for this one: to it, kzalloc() and kcalloc()
 * memory would be uninitialized.  Under analysis only, they clear it.
 */
#ifdef __clang_analyzer__
#define __analyzer_zeroed(p, bytes) ({					\
	void *__p = (p);						\
	if (__p)							\
		__builtin_memset(__p, 0, (bytes));			\
	__p;								\
})
#else
#define __analyzer_zeroed(p, bytes)	(p)
#endif

/** kzalloc() - kmalloc() of zeroed memory */
static inline void *kzalloc(size_t size, gfp_t gfp)
{
	return __analyzer_zeroed(kmalloc(size, gfp | __GFP_ZERO), size);
}

/** kzalloc_node() - kmalloc_node() of zeroed memory */
static inline void *kzalloc_node(size_t size, gfp_t gfp, int node)
{
	return kmalloc_node(size, gfp | __GFP_ZERO, node);
}

/**
 * kmalloc_array() - allocate @n elements of @size bytes
 * Return: NULL if @n * @size overflows, else kmalloc(n * size).
 */
static inline void *kmalloc_array(size_t n, size_t size, gfp_t gfp)
{
	size_t bytes;

	if (__builtin_mul_overflow(n, size, &bytes))
		return NULL;
	return kmalloc(bytes, gfp);
}

/** kcalloc() - zeroed kmalloc_array(); NULL on overflow */
static inline void *kcalloc(size_t n, size_t size, gfp_t gfp)
{
	return __analyzer_zeroed(kmalloc_array(n, size, gfp | __GFP_ZERO), n * size);
}

/**
 * krealloc() - resize a kmalloc'ed block
 * @p: the block, NULL (then it is kmalloc()) or ZERO_SIZE_PTR
 * @new_size: new size; 0 frees @p and returns ZERO_SIZE_PTR
 * @gfp: GFP flags (__GFP_ZERO zeroes the grown part)
 *
 * Shrinks or grows in place when the block's ksize() allows, else copies.
 * Return: the block (possibly moved) or NULL, leaving @p untouched.
 */
void *krealloc(const void *p, size_t new_size, gfp_t gfp);

/**
 * kfree() - free a kmalloc'ed block
 * @p: the block; NULL and ZERO_SIZE_PTR are ignored
 *
 * A pointer that is not the start of a live kmalloc block is reported
 * and ignored.  Context: any.
 */
void kfree(const void *p);

/**
 * ksize() - usable size of a kmalloc'ed block
 * @p: the block
 * Return: the size of its class (or pages), 0 for NULL/ZERO_SIZE_PTR or
 * a pointer that is not a live block.
 */
size_t ksize(const void *p);

/**
 * validate_slab_cache() - check every slab of @s (Linux: sysfs `validate`)
 * @s: the cache
 *
 * Flushes CPU slabs, then walks every node's partial (and, for debug
 * caches, full) lists: free pointers inside their slab on object
 * boundaries, no object twice, counts, lists, node and owner matching
 * (SLUB-1..4, SLUB-6), and for debug caches the red zones and poison of
 * every object (SLUB-7 among them).
 * Context: process context, interrupts on.
 * Return: the number of errors found (0: clean), or -ENOMEM if the map of
 * one slab's objects cannot be allocated (nothing was checked).
 */
int validate_slab_cache(struct kmem_cache *s);

/** kmem_cache_nr_errors() - debug reports made for @s so far (tests) */
unsigned long kmem_cache_nr_errors(struct kmem_cache *s);

/*
 * SLUB statistics: the events Linux counts with CONFIG_SLUB_STATS, in
 * Linux's order, plus two of Nodal's.  Each is counted per cache and per
 * CPU, always (mm/slub/slub.c, Statistics, says where); slub_stat_name()
 * gives the name of the file Linux's sysfs shows it in, e.g.
 * /sys/kernel/slab/kmalloc-64/alloc_fastpath.
 */
enum stat_item {
	ALLOC_FASTPATH, /* from the CPU freelist */
	ALLOC_SLOWPATH, /* the slow path entered */
	FREE_FASTPATH,	/* pushed on the CPU freelist */
	FREE_SLOWPATH,	/* a free not into the CPU slab; any of a debug cache */
	FREE_FROZEN,	/* objects freed into another CPU's (frozen) slab */
	FREE_ADD_PARTIAL,    /* a slab put on a node partial list by a free */
	FREE_REMOVE_PARTIAL, /* an emptied slab taken off a node partial list */
	ALLOC_FROM_PARTIAL,  /* CPU slab taken from a node partial list */
	ALLOC_SLAB,	     /* CPU slab taken from the page allocator */
	ALLOC_REFILL,	     /* CPU slab's own freelist (remote frees) taken */
	ALLOC_NODE_MISMATCH, /* CPU slab on the wrong node: deactivated */
	FREE_SLAB,	     /* slab returned to the page allocator */
	CPUSLAB_FLUSH,	     /* CPU slab flushed (shrink, destroy, validate) */
	DEACTIVATE_FULL,     /* deactivated with no free object */
	DEACTIVATE_EMPTY,    /* deactivated with no object in use */
	DEACTIVATE_TO_HEAD,  /* deactivated onto a partial list's head */
	DEACTIVATE_TO_TAIL,  /* deactivated onto a partial list's tail */
	DEACTIVATE_REMOTE_FREES, /* deactivated slab had remote frees */
	DEACTIVATE_BYPASS,	 /* CPU slab dropped: its freelist was empty */
	ORDER_FALLBACK,		 /* new slab at the minimum order */
	CMPXCHG_DOUBLE_CPU_FAIL, /* never (no cmpxchg here); kept for names */
	CMPXCHG_DOUBLE_FAIL,	 /* never; kept for Linux's names */
	CPU_PARTIAL_ALLOC,	 /* CPU slab taken from the CPU partial chain */
	CPU_PARTIAL_FREE,	 /* a free put a full slab on a CPU chain */
	CPU_PARTIAL_NODE,	 /* a refill put a node slab on a CPU chain */
	CPU_PARTIAL_DRAIN,	 /* a CPU chain moved to the node lists */
	FREE_REMOTE_HART, /* Nodal: a free not into the CPU slab, not debug */
	FREE_REMOTE_NODE, /* Nodal: such a free of another node's object */
	NR_SLUB_STAT_ITEMS
};

/**
 * slub_stat_name() - the name Linux's sysfs gives counter @si
 * Return: e.g. "alloc_fastpath"; Nodal's own are "free_remote_hart" and
 * "free_remote_node".
 */
const char *slub_stat_name(enum stat_item si);

/**
 * slub_stat_total() - counter @si of cache @s, summed over every CPU
 *
 * Context: any; the per-CPU counts are read without stopping their CPUs.
 */
unsigned long slub_stat_total(struct kmem_cache *s, enum stat_item si);

/**
 * slub_stat_sum_all() - every counter summed over every cache and CPU
 * @sum: filled in, indexed by enum stat_item
 *
 * Context: takes the slab_caches lock with interrupts off.
 */
void slub_stat_sum_all(unsigned long sum[NR_SLUB_STAT_ITEMS]);

/**
 * kmem_cache_shrink_all() - kmem_cache_shrink() every cache
 *
 * Context: process context, interrupts on; no cache may be destroyed
 * meanwhile.
 */
void kmem_cache_shrink_all(void);

/** slub_nocpu - true after the slub_nocpu boot option (caches made after it
 * bypass their per-CPU slabs: every operation takes the node list_lock) */
extern bool slub_nocpu;

/** slub_cpu_partial_enabled() - false after slub_cpu_partial=0 */
bool slub_cpu_partial_enabled(void);

/**
 * validate_all_slab_caches() - validate_slab_cache() of every cache
 *
 * Context: as validate_slab_cache(); no cache may be destroyed meanwhile.
 * Return: the errors found, summed over the caches (0: clean); a cache
 * that could not be checked (-ENOMEM) counts as one error.
 */
int validate_all_slab_caches(void);

/** kmem_cache_find() - the cache named @name, or NULL */
struct kmem_cache *kmem_cache_find(const char *name);

/**
 * kmem_cache_init() - bootstrap SLUB and create the kmalloc caches
 *
 * Nothing may allocate from a slab before it: kmalloc() does not check.
 * Context: boot, once, called by start_kernel() after page_alloc_init()
 * and setup_per_cpu_areas(), before the other harts start.
 */
void kmem_cache_init(void);

#endif /* NODAL_SLAB_H */
