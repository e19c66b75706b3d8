/* SPDX-License-Identifier: MIT */
/*
 * include/linux/mm.h — struct page and the conversions around it.
 *
 * Implemented by: mm/buddy (mm_init.c sets up the memory map).  Mirrors:
 * <linux/mm_types.h>, <linux/mm.h>, <linux/page-flags.h>.  Differences:
 * no folios, no refcount-driven freeing (a page is freed explicitly by
 * __free_pages() with its order), no LRU; the node and zone of a page are
 * kept in its flags word as in Linux.
 *
 * Every pfn of a node's span has a struct page at vmemmap + pfn, stored in
 * that node's memory (asm/page.h), so pfn_to_page() and page_to_pfn() are
 * single additions and page_to_nid()/page_zone() read page->flags.
 */
#ifndef NODAL_MM_H
#define NODAL_MM_H

#include <asm/page.h>
#include <linux/list.h>
#include <linux/types.h>

/* page->flags: state bits low, zone and node in the top byte. */
enum pageflags {
	PG_reserved,	/* never given to the buddy allocator (firmware, image) */
	PG_buddy,	/* a free block's first page, on a buddy free list */
	PG_head,	/* first page of an allocated block; private = order */
	PG_tail,	/* another page of an allocated block of order > 0 */
	PG_pcp,		/* free, on a per-CPU page list */
	PG_slab,	/* first page of a slab */
	PG_poisoned,	/* reported as corrupt: never reused */
	NR_PAGEFLAGS,
};

#define PAGE_ZONE_SHIFT	56
#define PAGE_NODE_SHIFT	60
#define PAGE_ZONE_MASK	0x3UL
#define PAGE_NODE_MASK	0x3UL	/* MAX_NUMNODES = 4 */

struct zone;

struct page {
	unsigned long flags;	/* enum pageflags bits | zone | node */
	union {
		struct {		/* free (buddy or pcp) or allocated */
			struct list_head buddy_list;	/* [zone->lock] or [pcp] */
			unsigned long private;	/* buddy/head: order; pcp: migratetype */
		};
		struct {		/* slab (mm/slub) */
			void *slab_cache;	/* owning kmem_cache */
			void *freelist;		/* first free object */
			unsigned long counters;	/* inuse | objects | frozen */
			struct page *slab_next;	/* per-CPU partial chain */
			int slabs;		/* chain length, in the head */
		};
		unsigned long _pad[5];
	};
	int _refcount;		/* 1 while allocated, 0 when free */
	unsigned int page_type;	/* free use by the owner */
	unsigned long owner_info; /* debug: allocating call site */
};

_Static_assert(sizeof(struct page) <= 64, "struct page must fit 64 bytes");

#define vmemmap		((struct page *)VMEMMAP_START)

static inline struct page *pfn_to_page(unsigned long pfn)
{
	return vmemmap + pfn;
}

static inline unsigned long page_to_pfn(const struct page *page)
{
	return (unsigned long)(page - vmemmap);
}

static inline void *page_address(const struct page *page)
{
	return __va(PFN_PHYS(page_to_pfn(page)));
}

static inline struct page *virt_to_page(const void *addr)
{
	return pfn_to_page(PHYS_PFN(__pa(addr)));
}

static inline int page_to_nid(const struct page *page)
{
	return (int)((page->flags >> PAGE_NODE_SHIFT) & PAGE_NODE_MASK);
}

static inline int page_zonenum(const struct page *page)
{
	return (int)((page->flags >> PAGE_ZONE_SHIFT) & PAGE_ZONE_MASK);
}

/* page_zone() is in <linux/mmzone.h>, beside struct zone. */

static inline bool PageFlag(const struct page *page, enum pageflags f)
{
	return page->flags & (1UL << f);
}

#define PageReserved(p)	PageFlag(p, PG_reserved)
#define PageBuddy(p)	PageFlag(p, PG_buddy)
#define PageHead(p)	PageFlag(p, PG_head)
#define PageTail(p)	PageFlag(p, PG_tail)
#define PageSlab(p)	PageFlag(p, PG_slab)

static inline void __SetPageFlag(struct page *page, enum pageflags f)
{
	page->flags |= 1UL << f;
}

static inline void __ClearPageFlag(struct page *page, enum pageflags f)
{
	page->flags &= ~(1UL << f);
}

/*
 * The pfns with a struct page: the node spans, memmap_spans[0..nr), inside
 * [memmap_min_pfn, memmap_end_pfn); memmap_contiguous when they tile it.
 * Set by memmap_init(); before it, no pfn is valid.
 */
struct memmap_span {
	unsigned long start_pfn, nr_pages;
};
extern struct memmap_span memmap_spans[];		/* [init] */
extern unsigned int memmap_nr_spans;			/* [init] */
extern unsigned long memmap_min_pfn, memmap_end_pfn;	/* [init] */
extern bool memmap_contiguous;				/* [init] */

/**
 * pfn_valid() - does @pfn have a struct page (inside some node's span)?
 *
 * One unsigned compare when the nodes' spans leave no hole between them
 * (every QEMU machine Nodal boots on), a walk of the spans otherwise; no
 * call either way, so the free paths that start with it stay leaf code.
 * Context: any.
 */
static inline bool pfn_valid(unsigned long pfn)
{
	if (pfn - memmap_min_pfn >= memmap_end_pfn - memmap_min_pfn)
		return false;
	if (memmap_contiguous)
		return true;
	for (unsigned int i = 0; i < memmap_nr_spans; i++)
		if (pfn - memmap_spans[i].start_pfn < memmap_spans[i].nr_pages)
			return true;
	return false;
}

/**
 * page_alloc_init() - memory map, boot memory to the buddy lists, watermarks
 *
 * Context: boot hart, after build_all_zonelists() and per-CPU areas.
 */
void page_alloc_init(void);

/** compound_order() - order of an allocated block's head page */
static inline unsigned int compound_order(const struct page *page)
{
	return PageHead(page) ? (unsigned int)page->private : 0;
}

#endif /* NODAL_MM_H */
