/* SPDX-License-Identifier: MIT */
/*
 * include/linux/mm_types.h — struct page, the memory map's entry.
 *
 * Implemented by: this header (a type).  Mirrors: <linux/mm_types.h>,
 * struct page only.  Differences from Linux: no folios, no refcount-driven
 * freeing (a page is freed explicitly by __free_pages() with its order),
 * no LRU or mapping fields; the slab fields are mm/slub's (Linux's struct
 * slab overlays struct page the same way).  Usable from every layer: mm/
 * sets the memory map up (mm/buddy/mm_init.c), the scheduler keeps a
 * task's stack pages.  The flags word is <linux/page-flags.h>'s, the
 * conversions (pfn_to_page(), page_zone() ...) <linux/mm.h>'s.
 */
#ifndef NODAL_MM_TYPES_H
#define NODAL_MM_TYPES_H

#include <linux/list.h>
#include <linux/types.h>

struct page {
	unsigned long flags; /* enum pageflags bits | zone | node */
	union {
		/* Free (buddy or pcp) or allocated. */
		struct {
			struct list_head buddy_list; /* [zone->lock] or [pcp] */
			unsigned long private; /* buddy/head: order; pcp: mt */
		};
		/* A slab's page (mm/slub). */
		struct {
			void *slab_cache;	/* owning kmem_cache */
			void *freelist;		/* first free object */
			unsigned long counters; /* inuse | objects | frozen */
			struct page *slab_next; /* per-CPU partial chain */
			int slabs;		/* chain length, in the head */
		};
		unsigned long _pad[5];
	};
	int _refcount;		  /* 1 while allocated, 0 when free */
	unsigned int page_type;	  /* free use by the owner */
	unsigned long owner_info; /* debug: allocating call site */
};

_Static_assert(sizeof(struct page) <= 64, "struct page must fit 64 bytes");

#endif /* NODAL_MM_TYPES_H */
