/* SPDX-License-Identifier: MIT */
/*
 * mm/slub/kmalloc.c — kmalloc, kfree, krealloc, ksize on the kmalloc-N
 * caches, and whole pages above KMALLOC_MAX_CACHE_SIZE.
 *
 * Part of SLUB; locking: see slub.c.  Classes as Linux on riscv
 * (docs/linux-facts.md §4.7): kmalloc-8 ... kmalloc-8k with 96 and 192; sizes up to
 * 192 go through kmalloc_size_index[(size - 1) / 8], larger ones to the
 * next power of two.  A kmalloc cache with Z (slub_debug=Z,kmalloc-32)
 * remembers each object's requested size and red-zones the rest of the
 * object ("kmalloc Redzone", debug.c); krealloc within the slot moves it.
 * Index i of kmalloc_caches[] is Linux's
 * kmalloc_index(): 1 = 96, 2 = 192, 3..13 = 8..8k.  Above 8 KiB,
 * kmalloc takes a block of get_order(size) pages; its head page is marked
 * by the page allocator (PG_head, private = order) and has no PG_slab, so
 * kfree and ksize tell the two apart.
 */
#include <linux/bitops.h>
#include <linux/bug.h>
#include <linux/gfp.h>
#include <linux/printk.h>
#include <linux/string.h>

#include "internal.h"

struct kmem_cache *kmalloc_caches[KMALLOC_SHIFT_HIGH + 1];	/* [init] */

/* (size - 1) / 8 → kmalloc_caches index, for sizes 1..KMALLOC_TABLE_MAX. */
static const u8 kmalloc_size_index[24] = {
	3,			/* 8 */
	4,			/* 16 */
	5, 5,			/* 32 */
	6, 6, 6, 6,		/* 64 */
	1, 1, 1, 1,		/* 96 */
	7, 7, 7, 7,		/* 128 */
	2, 2, 2, 2, 2, 2, 2, 2,	/* 192 */
};

static const char *const kmalloc_names[KMALLOC_SHIFT_HIGH + 1] = {
	NULL, "kmalloc-96", "kmalloc-192", "kmalloc-8", "kmalloc-16",
	"kmalloc-32", "kmalloc-64", "kmalloc-128", "kmalloc-256",
	"kmalloc-512", "kmalloc-1k", "kmalloc-2k", "kmalloc-4k", "kmalloc-8k",
};

static unsigned int kmalloc_index_size(unsigned int idx)
{
	return idx == 1 ? 96 : idx == 2 ? 192 : 1u << idx;
}

#define KMALLOC_TABLE_MAX 192 /* sizes up to this: kmalloc_size_index[] */

/* The kmalloc cache for @size, 1..KMALLOC_TABLE_MAX (Linux's size_index). */
static __always_inline struct kmem_cache *kmalloc_table_slab(size_t size)
{
	return kmalloc_caches[kmalloc_size_index[(size - 1) / 8]];
}

/* The kmalloc cache for @size, KMALLOC_TABLE_MAX+1..KMALLOC_MAX_CACHE_SIZE. */
static __always_inline struct kmem_cache *kmalloc_pow2_slab(size_t size)
{
	return kmalloc_caches[fls((unsigned int)size - 1)];
}

static void *kmalloc_large_node(size_t size, gfp_t gfp, int node)
{
	unsigned int order = get_order(size);
	struct page *page;

	if (node == NUMA_NO_NODE)
		page = alloc_pages(gfp | __GFP_COMP, order);
	else
		page = alloc_pages_node(node, gfp | __GFP_COMP, order);
	return page ? page_address(page) : NULL;
}

void *__kmalloc_cache(struct kmem_cache *s, gfp_t gfp, size_t size)
{
	BUG_ON(!size || size > s->object_size);
	return slub_alloc(s, gfp, (unsigned long)__builtin_return_address(0),
			  (unsigned int)size);
}

/* kmalloc() of a size no kmalloc cache serves: 0, above 8 KiB. */
static noinline void *kmalloc_uncached(size_t size, gfp_t gfp, int node)
{
	if (!size)
		return ZERO_SIZE_PTR;
	if (size > KMALLOC_MAX_SIZE) {
		if (!(gfp & __GFP_NOWARN))
			pr_warn("slub: kmalloc(%zu) above KMALLOC_MAX_SIZE: NULL\n",
				size);
		return NULL;
	}
	return kmalloc_large_node(size, gfp, node);
}

/*
 * kmalloc() and kmalloc_node(): a size of the kmalloc caches goes straight
 * to its cache's fast path by a tail call, the table's sizes first, with
 * the caller as @addr (tracked) and @size as the requested size (SLUB-7 in
 * slub.c).  The caches exist before anything can allocate: start_kernel()
 * runs kmem_cache_init() first.
 */
void *kmalloc(size_t size, gfp_t gfp)
{
	unsigned long addr = (unsigned long)__builtin_return_address(0);

	if (likely(size - 1 < KMALLOC_TABLE_MAX))
		return slub_alloc(kmalloc_table_slab(size), gfp, addr,
				  (unsigned int)size);
	if (likely(size - 1 < KMALLOC_MAX_CACHE_SIZE))
		return slub_alloc(kmalloc_pow2_slab(size), gfp, addr,
				  (unsigned int)size);
	return kmalloc_uncached(size, gfp, NUMA_NO_NODE);
}

void *kmalloc_node(size_t size, gfp_t gfp, int node)
{
	unsigned long addr = (unsigned long)__builtin_return_address(0);

	if (likely(size - 1 < KMALLOC_TABLE_MAX))
		return slub_alloc_node(kmalloc_table_slab(size), gfp, node,
				       addr, (unsigned int)size);
	if (likely(size - 1 < KMALLOC_MAX_CACHE_SIZE))
		return slub_alloc_node(kmalloc_pow2_slab(size), gfp, node, addr,
				       (unsigned int)size);
	return kmalloc_uncached(size, gfp, node);
}

/* Is @p the start of a live kmalloc_large block?  Return its order. */
static int large_block_order(const void *p)
{
	unsigned long pfn = PHYS_PFN(__pa(p));
	struct page *page;

	if (!IS_ALIGNED((unsigned long)p, PAGE_SIZE) || !pfn_valid(pfn))
		return -1;
	page = pfn_to_page(pfn);
	if (!PageHead(page) || PageSlab(page) || PageTail(page))
		return -1;
	return (int)compound_order(page);
}

void free_large_kmalloc(const void *p, unsigned long addr)
{
	int order = large_block_order(p);

	if (order >= 0)
		__free_pages(virt_to_page(p), (unsigned int)order);
	else
		slub_report_bad_free(NULL, p, "not a kmalloc block", addr);
}

void kfree(const void *p)
{
	if (unlikely(ZERO_OR_NULL_PTR(p)))
		return;
	slub_kfree(p, (unsigned long)__builtin_return_address(0));
}

size_t ksize(const void *p)
{
	struct slab *slab;
	int order;

	if (ZERO_OR_NULL_PTR(p))
		return 0;
	slab = slub_virt_to_slab(p);
	if (slab) {
		if (!slub_obj_in_slab(slab->slab_cache, slab, (void *)p))
			return 0;
		return slab->slab_cache->object_size;
	}
	order = large_block_order(p);
	return order >= 0 ? PAGE_SIZE << order : 0;
}

/*
 * A block resized within its slot: zero what __GFP_ZERO asks for, and
 * move the kmalloc red zone to the new requested size (as Linux's
 * __do_krealloc).  @p is a live kmalloc block of at least @new_size.
 */
static void krealloc_in_place(const void *p, size_t new_size, gfp_t gfp)
{
	struct slab *slab = slub_virt_to_slab(p);
	struct kmem_cache *s;
	size_t orig;

	if (!slab || !slub_kmalloc_redzone(slab->slab_cache))
		return;
	s = slab->slab_cache;
	orig = slub_debug_get_orig_size(s, (void *)p);
	slub_debug_set_orig_size(s, slab, (void *)p, (unsigned int)new_size);
	if ((gfp & __GFP_ZERO) && orig < new_size)
		memset((char *)p + orig, 0, new_size - orig);
}

void *krealloc(const void *p, size_t new_size, gfp_t gfp)
{
	size_t old_size;
	void *ret;

	if (unlikely(!new_size)) {
		kfree(p);
		return ZERO_SIZE_PTR;
	}
	old_size = ZERO_OR_NULL_PTR(p) ? 0 : ksize(p);
	if (old_size && new_size <= old_size) {
		/* fits: stay in place (Linux also keeps a shrunk block) */
		krealloc_in_place(p, new_size, gfp);
		return (void *)p;
	}
	if (!ZERO_OR_NULL_PTR(p) && !old_size) {
		pr_err("slub: krealloc: %p is not a kmalloc block\n", p);
		return NULL;
	}
	ret = kmalloc(new_size, gfp & ~__GFP_ZERO);
	if (!ret)
		return NULL;
	if (old_size)
		memcpy(ret, p, old_size);
	if (gfp & __GFP_ZERO)
		memset((char *)ret + old_size, 0, new_size - old_size);
	kfree(p);
	return ret;
}

void kmem_cache_init_kmalloc(void)
{
	unsigned int idx, size, align;

	for (idx = 1; idx <= KMALLOC_SHIFT_HIGH; idx++) {
		size = kmalloc_index_size(idx);
		/* power-of-two classes are aligned to their size */
		align = is_power_of_2(size) ? size : ARCH_KMALLOC_MINALIGN;
		kmalloc_caches[idx] = slub_create_cache(kmalloc_names[idx],
				size, align, SLAB_KMALLOC, NULL);
		BUG_ON(!kmalloc_caches[idx]);
	}
}
