/* SPDX-License-Identifier: MIT */
/*
 * include/linux/mm.h — the memory map: from a pfn or an address to its
 * struct page and back, and a page's node and zone.
 *
 * Implemented by: mm/buddy (mm_init.c sets up the memory map).  Mirrors:
 * <linux/mm.h>, a subset; struct page is <linux/mm_types.h>'s and its flags
 * <linux/page-flags.h>'s, both included here as Linux's mm.h does, and so
 * are <linux/mmzone.h> and <linux/vmstat.h>.  Differences: no folios, no
 * refcount-driven freeing, no LRU; the node and zone of a page are kept in
 * its flags word as in Linux.
 *
 * Every pfn of a node's span has a struct page at vmemmap + pfn, stored in
 * that node's memory (asm/page.h), so pfn_to_page() and page_to_pfn() are
 * single additions and page_to_nid()/page_zone() read page->flags.
 */
#ifndef NODAL_MM_H
#define NODAL_MM_H

#include <asm/page.h>
#include <linux/bitops.h>
#include <linux/mm_types.h>
#include <linux/mmdebug.h>
#include <linux/mmzone.h>
#include <linux/page-flags.h>
#include <linux/random.h> /* Linux's mm.h has it (through nodemask.h) */
#include <linux/types.h>
#include <linux/vmstat.h>

#define vmemmap		((struct page *)VMEMMAP_START)

/**
 * get_order() - the smallest order whose block holds @size bytes
 * @size: bytes, at least 1
 *
 * PAGE_SIZE << get_order(size) >= size: 1..4096 give 0, 4097 gives 1,
 * 8193..16384 give 2.  Linux's <asm-generic/getorder.h>, which Linux's
 * <linux/mm.h> reaches through <asm/page.h>; Linux leaves size 0
 * undefined, Nodal gives 0.
 */
static inline unsigned int get_order(unsigned long size)
{
	return size > PAGE_SIZE ? (unsigned int)fls64((size - 1) >> PAGE_SHIFT) :
				  0;
}

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

/** page_zone() - the zone @page belongs to (node and zone from its flags) */
static inline struct zone *page_zone(const struct page *page)
{
	return &NODE_DATA(page_to_nid(page))->node_zones[page_zonenum(page)];
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
