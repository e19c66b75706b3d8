/* SPDX-License-Identifier: MIT */
/*
 * include/linux/page-flags.h — what page->flags holds: state bits, zone, node.
 *
 * Implemented by: this header (inline).  Mirrors: <linux/page-flags.h> and
 * <linux/page-flags-layout.h>, a subset.  Differences from Linux: the bits
 * are Nodal's (PG_buddy and PG_pcp are Linux's page types, PG_poisoned its
 * PG_hwpoison); the tests are PageFlag(page, PG_x) with a few PageX()
 * shorthands, and only the non-atomic setters exist (the owner of a page
 * changes its flags under the lock that owns the page).  The node and
 * zone fields sit in the top byte, as in Linux.
 */
#ifndef NODAL_PAGE_FLAGS_H
#define NODAL_PAGE_FLAGS_H

#include <linux/mm_types.h>
#include <linux/numa.h>
#include <linux/types.h>

/* page->flags: state bits low, zone and node in the top byte. */
enum pageflags {
	PG_reserved, /* never given to the buddy allocator (firmware, image) */
	PG_buddy,    /* a free block's first page, on a buddy free list */
	PG_head,     /* first page of an allocated block; private = order */
	PG_tail,     /* another page of an allocated block of order > 0 */
	PG_pcp,	     /* free, on a per-CPU page list */
	PG_slab,     /* first page of a slab */
	PG_poisoned, /* reported as corrupt: never reused */
	NR_PAGEFLAGS,
};

#define PAGE_ZONE_SHIFT 56
#define PAGE_NODE_SHIFT 60
#define PAGE_ZONE_MASK	0x3UL
#define PAGE_NODE_MASK	0x3UL

_Static_assert(MAX_NUMNODES - 1 <= PAGE_NODE_MASK, "a node id fits page->flags");

static inline bool PageFlag(const struct page *page, enum pageflags f)
{
	return page->flags & (1UL << f);
}

#define PageReserved(p) PageFlag(p, PG_reserved)
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

#endif /* NODAL_PAGE_FLAGS_H */
