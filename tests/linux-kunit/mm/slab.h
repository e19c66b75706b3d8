/* SPDX-License-Identifier: MIT */
/*
 * tests/linux-kunit/mm/slab.h — the "../mm/slab.h" of Linux's
 * lib/slub_kunit.c, in Nodal.
 *
 * `make linux-kunit` extracts each Linux suite to
 * build/linux-kunit/src/lib/NAME.c and links build/linux-kunit/src/mm to
 * this folder, so the suite's unmodified `#include "../mm/slab.h"` lands
 * here.  Linux's mm/slab.h is SLUB's private header; this one gives the
 * suite what it uses of SLUB's internals, from Nodal's own:
 *  - struct kmem_cache with ->offset (the free pointer's place in a slot)
 *    and ->flags, from mm/slub/internal.h;
 *  - validate_slab_cache() (<linux/slab.h>; Linux declares it here);
 *  - __kmalloc_cache_noprof(): kmalloc of @size bytes from cache @s,
 *    Nodal's __kmalloc_cache(), and alloc_hooks() as Linux defines it
 *    without memory-allocation profiling (the call itself);
 *  - kasan_disable_current()/kasan_enable_current() (<linux/kasan.h>,
 *    which Linux's mm/slab.h includes).
 * Errors reach the suite's "slab_errors" resource through SLUB's own hook,
 * slab_add_kunit_errors() in mm/slub/debug.c, as in Linux.
 */
#ifndef NODAL_LINUX_KUNIT_MM_SLAB_H
#define NODAL_LINUX_KUNIT_MM_SLAB_H

#include <kunit/resource.h>
#include <linux/kasan.h>
#include <linux/slab.h>

#include "mm/slub/internal.h" /* -iquote of the root: make linux-kunit */

/* Without CONFIG_MEM_ALLOC_PROFILING, Linux's alloc_hooks() is the call. */
#define alloc_hooks(_do_alloc) (_do_alloc)

static inline void *__kmalloc_cache_noprof(struct kmem_cache *s, gfp_t gfp,
					   size_t size)
{
	return __kmalloc_cache(s, gfp, size);
}

#endif /* NODAL_LINUX_KUNIT_MM_SLAB_H */
