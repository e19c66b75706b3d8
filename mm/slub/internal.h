/* SPDX-License-Identifier: MIT */
/*
 * mm/slub/internal.h — private to mm/slub and tests/kunit/slub_kunit.c.
 *
 * The structures of SLUB (theory and locking in mm/slub/slub.c), the slab
 * locks, and the functions the files of mm/slub share, by the file that
 * defines them.
 */
#ifndef NODAL_SLUB_INTERNAL_H
#define NODAL_SLUB_INTERNAL_H

#include <linux/list.h>
#include <linux/mm.h>
#include <linux/nodemask.h>
#include <linux/percpu.h>
#include <linux/prandom.h>
#include <linux/slab.h>
#include <linux/spinlock.h>
#include <linux/types.h>
#include <stddef.h>

/* Compile-time switches (EXTRA_CFLAGS=-DCONFIG_SLAB_FREELIST_HARDENED=0). */
#ifndef CONFIG_SLAB_FREELIST_HARDENED
#define CONFIG_SLAB_FREELIST_HARDENED 1
#endif
#ifndef CONFIG_SLAB_FREELIST_RANDOM
#define CONFIG_SLAB_FREELIST_RANDOM 1
#endif

/*
 * struct slab - the view of a slab's head page (struct page's slab union).
 * Cast from struct page (page_slab()); offsets are asserted in slub.c.
 */
struct slab {
	unsigned long flags;		/* [page] struct page flags, PG_slab */
	struct kmem_cache *slab_cache;	/* [init] owning cache */
	void *freelist;			/* [slab_lock] remote frees / node-owned */
	union {
		unsigned long counters;	/* [slab_lock] the three below at once */
		struct {
			u32 inuse:16;	/* [slab_lock] objects not on any freelist */
			u32 objects:15;	/* [init] objects in the slab */
			u32 frozen:1;	/* [slab_lock] 1: some CPU's current slab */
		};
	};
	union {
		struct list_head slab_list;	/* [list_lock] node partial/full */
		struct {
			struct slab *next;	/* [cpu] CPU partial chain */
			int slabs;		/* [cpu] chain length, in the head */
		};
	};
	int _refcount;			/* page allocator's */
	unsigned int slab_state;	/* [list_lock] SLAB_ON_* (page_type) */
	unsigned long owner_info;	/* page allocator's (debug) */
};

#define SLAB_ON_PARTIAL	0x1u	/* on its node's partial list */
#define SLAB_ON_FULL	0x2u	/* on its node's full list (debug caches) */
#define SLAB_ON_CPU	0x4u	/* on some CPU's partial chain */

/* inuse read without slab_lock (racy: may only decrease meanwhile). */
static inline unsigned int slab_inuse_racy(const struct slab *slab)
{
	struct slab copy;

	copy.counters = READ_ONCE(slab->counters);
	return copy.inuse;
}

static inline struct slab *page_slab(struct page *page)
{
	return (struct slab *)page;
}

static inline struct page *slab_page(const struct slab *slab)
{
	return (struct page *)slab;
}

static inline void *slab_address(const struct slab *slab)
{
	return page_address(slab_page(slab));
}

static inline int slab_nid(const struct slab *slab)
{
	return page_to_nid(slab_page(slab));
}

/* order << 16 | objects, as Linux's kmem_cache_order_objects. */
struct kmem_cache_order_objects {
	unsigned int x;
};

static inline unsigned int oo_order(struct kmem_cache_order_objects x)
{
	return x.x >> 16;
}

static inline unsigned int oo_objects(struct kmem_cache_order_objects x)
{
	return x.x & 0xffff;
}

/*
 * struct kmem_cache_cpu - one CPU's part of a cache.  Touched by its own
 * CPU with interrupts off; other CPUs reach it only by a cross-call
 * (flush_all) or read [stat] counters racily.
 */
struct kmem_cache_cpu {
	void *freelist;			/* [cpu] next free object of @slab */
	struct slab *slab;		/* [cpu] the CPU slab (frozen) or NULL */
	struct slab *partial;		/* [cpu] CPU partial chain (unfrozen) */
	struct slab *defer_slab;	/* [cpu] slab of the deferred frees, or NULL */
	void *defer_head;		/* [cpu] their chain, newest first */
	void *defer_tail;		/* [cpu] its last object (the first freed) */
	unsigned int defer_nr;		/* [cpu] objects on it */
	unsigned int stat[NR_SLUB_STAT_ITEMS];	/* [stat] per-CPU counts */
} __aligned(64);

/* struct kmem_cache_node - one memory node's part of a cache. */
struct kmem_cache_node {
	spinlock_t list_lock;		/* guards the lists and counts below */
	unsigned long nr_partial;	/* [list_lock] slabs on @partial */
	struct list_head partial;	/* [list_lock] slabs with free objects */
	struct list_head full;		/* [list_lock] full slabs, debug caches */
	long nr_slabs;			/* [atomic] slabs of this node */
	long total_objects;		/* [atomic] objects in them */
};

/* Last allocation or free of an object (SLAB_STORE_USER). */
struct track {
	unsigned long addr;		/* [list_lock] caller */
	int cpu;			/* [list_lock] CPU */
	int pid;			/* [list_lock] always 0: no tasks yet */
	u64 when_ns;			/* [list_lock] ktime_get_ns() */
};

enum track_item { TRACK_ALLOC, TRACK_FREE };

/* struct kmem_cache - a cache; fields [init] unless tagged otherwise. */
struct kmem_cache {
	struct kmem_cache_cpu *cpu_slab; /* [cpu] per-CPU parts (alloc_percpu) */
	unsigned long flags;		/* [init] SLAB_* */
	unsigned long min_partial;	/* [init] node slabs kept when empty */
	unsigned int size;		/* [init] slot stride, bytes */
	unsigned int object_size;	/* [init] object bytes asked for */
	unsigned int offset;		/* [init] free pointer offset in slot */
	unsigned int cpu_partial;	/* [init] objects on a CPU chain */
	unsigned int cpu_partial_slabs;	/* [init] slabs on a CPU chain */
	struct kmem_cache_order_objects oo;	/* [init] preferred order */
	struct kmem_cache_order_objects min;	/* [init] fallback order */
	gfp_t allocflags;		/* [init] added to every page request */
	void (*ctor)(void *);		/* [init] object constructor */
	unsigned int inuse;		/* [init] object + right red zone */
	unsigned int align;		/* [init] object alignment */
	unsigned int red_left_pad;	/* [init] left red zone bytes */
	const char *name;		/* [init] for slabinfo */
	struct list_head list;		/* [slab_caches_lock] slab_caches link */
	int refcount;			/* [slab_caches_lock] 1 while alive */
	unsigned long random;		/* [init] free pointer key */
	unsigned int *random_seq;	/* [init] slot permutation or NULL */
	unsigned long nr_errors;	/* [atomic] debug reports + fixes */
	unsigned long nr_isolated;	/* [atomic] damaged objects kept out */
	struct kmem_cache_node *node[MAX_NUMNODES];	/* [init] per node */
};

/* Counter @si of @s on @cpu, as its CPU last wrote it (racy). */
static inline unsigned int slub_stat_cpu(struct kmem_cache *s,
					 enum stat_item si, int cpu)
{
	return READ_ONCE(per_cpu_ptr(s->cpu_slab, cpu)->stat[si]);
}

/*
 * slub_nocpu (a study knob, no Linux equivalent): the cache bypasses its
 * kmem_cache_cpu and takes the debug path with no check enabled, so every
 * allocation and free takes the node's list_lock.
 */
#define SLAB_NO_CPU_CACHE	0x00000200UL

/* Flags that take a cache off the fast paths. */
#define SLAB_DEBUG_FLAGS (SLAB_CONSISTENCY_CHECKS | SLAB_RED_ZONE | \
			  SLAB_POISON | SLAB_STORE_USER | SLAB_TRACE | \
			  SLAB_NO_CPU_CACHE)

static inline bool kmem_cache_debug(const struct kmem_cache *s)
{
	return s->flags & SLAB_DEBUG_FLAGS;
}

/*
 * A kmalloc cache with Z keeps each object's requested size (after the
 * tracks) and red-zones the bytes past it: Linux's slub_debug_orig_size()
 * asks for U as well; here Z is enough.
 */
static inline bool slub_kmalloc_redzone(const struct kmem_cache *s)
{
	return (s->flags & (SLAB_KMALLOC | SLAB_RED_ZONE)) ==
	       (SLAB_KMALLOC | SLAB_RED_ZONE);
}

static inline struct kmem_cache_node *get_node(struct kmem_cache *s,
					       int node)
{
	return s->node[node];
}

/*
 * Free pointer storage (freelist_ptr_encode in Linux): the pointer XOR the
 * cache's random key XOR its storage address with the halves swapped.
 * Linux byte-swaps the address (swab); the point is the same — the
 * address's constant high bits land on the pointer's low bits, so an
 * overwrite that knows neither the key nor the address cannot aim the next
 * allocation — and without Zbb a swap of halves is 3 instructions where a
 * byte swap is about 20, paid on every allocation and free.
 */
static __always_inline unsigned long freelist_addr_mix(unsigned long ptr_addr)
{
	return (ptr_addr << 32) | (ptr_addr >> 32);
}

static inline void *freelist_ptr_decode(const struct kmem_cache *s,
					unsigned long stored,
					unsigned long ptr_addr)
{
#if CONFIG_SLAB_FREELIST_HARDENED
	return (void *)(stored ^ s->random ^ freelist_addr_mix(ptr_addr));
#else
	(void)s; (void)ptr_addr;
	return (void *)stored;
#endif
}

static inline unsigned long freelist_ptr_encode(const struct kmem_cache *s,
						void *ptr,
						unsigned long ptr_addr)
{
#if CONFIG_SLAB_FREELIST_HARDENED
	return (unsigned long)ptr ^ s->random ^ freelist_addr_mix(ptr_addr);
#else
	(void)s; (void)ptr_addr;
	return (unsigned long)ptr;
#endif
}

static inline void *get_freepointer(const struct kmem_cache *s, void *object)
{
	unsigned long ptr_addr = (unsigned long)object + s->offset;

	return freelist_ptr_decode(s, *(unsigned long *)ptr_addr, ptr_addr);
}

static inline void set_freepointer(const struct kmem_cache *s, void *object,
				   void *fp)
{
	unsigned long ptr_addr = (unsigned long)object + s->offset;

	*(unsigned long *)ptr_addr = freelist_ptr_encode(s, fp, ptr_addr);
}

/* First object slot of @slab (the object starts red_left_pad later). */
static inline void *slab_obj(const struct kmem_cache *s,
			     const struct slab *slab, unsigned int idx)
{
	return (char *)slab_address(slab) + (unsigned long)idx * s->size +
	       s->red_left_pad;
}

/*
 * Lock 3 (slub.c, Locking): a slab's freelist and counters, one of
 * SLAB_LOCK_HASH ticket locks chosen by the slab's address.
 */
#define SLAB_LOCK_HASH 64
extern spinlock_t slab_locks[SLAB_LOCK_HASH];

static inline spinlock_t *slab_lock_of(const struct slab *slab)
{
	unsigned long h = (unsigned long)slab / sizeof(struct page);

	return &slab_locks[(h ^ (h >> 6)) % SLAB_LOCK_HASH];
}

/* Context: interrupts off (checked). */
static inline void slab_lock(struct slab *slab)
{
	lockdep_assert_irqs_disabled();
	spin_lock(slab_lock_of(slab));
}

static inline void slab_unlock(struct slab *slab)
{
	spin_unlock(slab_lock_of(slab));
}

#define MAX_OBJS_PER_PAGE 32767 /* slab->objects has 15 bits */

/* ---- shared by the files of mm/slub ---- */

/* slub.c: the alloc and free paths, flushing. */
DECLARE_PER_CPU(struct rnd_state, slab_rnd); /* [cpu] new slabs' slot order */
struct slab *slub_virt_to_slab(const void *x);
bool slub_obj_in_slab(struct kmem_cache *s, struct slab *slab, void *p);
void *slub_alloc(struct kmem_cache *s, gfp_t gfp, unsigned long addr,
		 unsigned int orig_size);
void *slub_alloc_node(struct kmem_cache *s, gfp_t gfp, int node,
		      unsigned long addr, unsigned int orig_size);
void slub_kfree(const void *x, unsigned long addr);
/*
 * Lowest and highest pfn of any slab ever made on node @nid (lo > hi: none
 * yet): where kmem_cache_destroy() looks for the slabs of a cache.
 */
void slub_slab_pfn_range(int nid, unsigned long *lo, unsigned long *hi);
/* Give back this CPU's slab, partial chain and deferred frees of cache @info. */
void flush_cpu_slab(void *info);
void slub_flush_all(struct kmem_cache *s);
/* Check (and cut) this CPU's freelist of cache @s; count bad ones in @errors. */
struct slub_cpu_check {
	struct kmem_cache *s;
	int errors;
};
void slub_check_cpu_freelist(void *info);

/* cache.c: creation, sizing, destruction, bootstrap, the cache list. */
extern struct list_head slab_caches; /* [slab_caches_lock] newest first */
extern spinlock_t slab_caches_lock;
struct kmem_cache *slub_create_cache(const char *name, unsigned int size,
				     unsigned int align, unsigned long flags,
				     void (*ctor)(void *));
unsigned long slub_nr_slabs(struct kmem_cache *s);
void slub_count_partial(struct kmem_cache *s, unsigned long *nr_slabs,
			unsigned long *nr_objs, unsigned long *nr_free);
/*
 * Up to @max caches of slab_caches, newest first, copied under
 * slab_caches_lock so that the caller may print, cross-call or validate
 * without it.  No cache may be destroyed until the caller is done.
 */
#define SLUB_MAX_SNAPSHOT 128
int slub_snapshot_caches(struct kmem_cache **out, int max);
/* Is @s the cache of kmem_cache structures (failslab spares it)? */
bool slub_is_kmem_cache(const struct kmem_cache *s);

/* failslab.c: @flags with SLAB_FAILSLAB if failslab.caches= names @name. */
unsigned long failslab_cache_flags(const char *name, unsigned long flags);

/* kmalloc.c */
extern struct kmem_cache *kmalloc_caches[KMALLOC_SHIFT_HIGH + 1];
/* Create the kmalloc-N caches (kmem_cache_init()). */
void kmem_cache_init_kmalloc(void);
/* kmalloc() from kmalloc cache @s of @size bytes (tests). */
void *__kmalloc_cache(struct kmem_cache *s, gfp_t gfp, size_t size);
/* kfree() of what is not in a slab; @addr: kfree()'s caller. */
void free_large_kmalloc(const void *x, unsigned long addr);

/*
 * debug.c: the debugging machinery (SLAB_DEBUG_FLAGS caches; the hooks are
 * called with the node's list_lock held), reports of invalid frees (every
 * cache), validation.
 */
unsigned long slub_debug_flags_for(const char *name, unsigned long flags);
/* A new slab's object: free red zones and poison, empty tracks. */
void slub_debug_setup_object(struct kmem_cache *s, void *object);
/* The caller address of @object's last alloc or free (0: none; no U: 0). */
unsigned long slub_debug_track_addr(struct kmem_cache *s, void *object,
				    enum track_item item);
bool slub_debug_alloc_check(struct kmem_cache *s, struct slab *slab,
			    void *object, unsigned long addr,
			    unsigned int orig_size);
bool slub_debug_free_check(struct kmem_cache *s, struct slab *slab,
			   void *object, unsigned long addr);
void slub_debug_set_orig_size(struct kmem_cache *s, struct slab *slab,
			      void *object, unsigned int size);
unsigned int slub_debug_get_orig_size(struct kmem_cache *s, void *object);
void slub_debug_report_leak(struct kmem_cache *s, struct slab *slab,
			    void *object);
void slab_err(struct kmem_cache *s, struct slab *slab, const char *fmt, ...)
	__printf(3, 4);
void slab_fix(struct kmem_cache *s, const char *fmt, ...) __printf(2, 3);
/* Report a free of @x from @addr that is refused for @why; count it in @s. */
void slub_report_bad_free(struct kmem_cache *s, const void *x, const char *why,
			  unsigned long addr);
/* slab_free()'s checks failed (@slab NULL, another cache's, not an object). */
void slub_free_refused(struct kmem_cache *s, struct slab *slab, void *x,
		       unsigned long addr);

#define SLUB_RED_INACTIVE	0xbb	/* red zone of a free object */
#define SLUB_RED_ACTIVE		0xcc	/* red zone of an allocated object */
#define POISON_FREE		0x6b	/* free object bytes */
#define POISON_END		0xa5	/* last byte of a free object */
#define POISON_INUSE		0x5a	/* padding never used */

#endif /* NODAL_SLUB_INTERNAL_H */
