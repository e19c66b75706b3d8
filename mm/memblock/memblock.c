/* SPDX-License-Identifier: MIT */
/*
 * mm/memblock/memblock.c — the boot memory map, until the buddy allocator.
 *
 * Overview     What RAM exists and what of it is taken, from the first
 *              instructions of start_kernel() until the page allocator
 *              takes over: start_kernel() adds the device tree's RAM and
 *              reserves the kernel image, the DTB and the firmware's
 *              ranges; numa_init() tags each range with its node;
 *              NODE_DATA, the per-CPU units and the memory map are
 *              allocated from it; buddy_free_all_memblock() hands what is
 *              left to the buddy lists.
 *
 * Structures   struct memblock (<linux/memblock.h>): two memblock_types,
 *              `memory` and `reserved`, each an array of at most
 *              MEMBLOCK_MAX_REGIONS (base, size, nid) ranges.
 *
 * Locking      None: only the boot hart uses it, before other harts start.
 *
 * Per-CPU      None.
 *
 * Invariants   Each array is sorted by base and its ranges do not overlap;
 *              ranges that touch or overlap are merged when their nodes
 *              agree (reserved ranges have none).  add_range() and
 *              split_at() keep this by construction; no validator checks
 *              it, so no tag is given.
 *
 * Paths        Adding inserts the range in order and merges it with its
 *              neighbours.  memblock_set_node() splits the ranges at the
 *              edges of the tagged span, tags what lies inside and merges
 *              again.  Allocation walks the memory ranges from the top
 *              and, within each, the gaps between reserved ranges from
 *              the top, takes the highest aligned piece that fits and
 *              reserves it; memblock_alloc_node() tries its node first,
 *              then any.
 *
 * Linux        mm/memblock.c: memblock_add_range(), memblock_isolate_range()
 *              (split_at() here), memblock_find_in_range_node() (top-down,
 *              Linux's default), memblock_alloc_try_nid().  Nodal keeps
 *              fixed arrays (Linux doubles them), no flags (hotplug,
 *              mirror, nomap) and no physmem type.
 *
 * Statistics   None; report.c prints both tables (`memblock`).
 */
#include <asm/page.h>
#include <linux/errno.h>
#include <linux/memblock.h>
#include <linux/printk.h>
#include <linux/string.h>

struct memblock memblock = {
	.memory.name = "memory",
	.reserved.name = "reserved",
};

static void remove_region(struct memblock_type *type, unsigned long i)
{
	memmove(&type->regions[i], &type->regions[i + 1],
		(type->cnt - i - 1) * sizeof(type->regions[0]));
	type->cnt--;
}

/* Merge region i with its successors while they touch or overlap. */
static void merge_from(struct memblock_type *type, unsigned long i)
{
	struct memblock_region *r = &type->regions[i];

	while (i + 1 < type->cnt) {
		struct memblock_region *n = &type->regions[i + 1];
		phys_addr_t end = r->base + r->size;

		if (n->base > end || n->nid != r->nid)
			break;
		r->size = max(end, n->base + n->size) - r->base;
		remove_region(type, i + 1);
	}
}

static int add_range(struct memblock_type *type, phys_addr_t base,
		     phys_addr_t size, int nid)
{
	unsigned long i = 0;

	if (!size)
		return 0;
	if (type->cnt == MEMBLOCK_MAX_REGIONS) {
		pr_err("memblock: %s table full, [mem %#018llx-%#018llx] dropped\n",
		       type->name, (unsigned long long)base,
		       (unsigned long long)(base + size - 1));
		return -ENOSPC;
	}
	while (i < type->cnt && type->regions[i].base < base)
		i++;
	memmove(&type->regions[i + 1], &type->regions[i],
		(type->cnt - i) * sizeof(type->regions[0]));
	type->regions[i] = (struct memblock_region){ base, size, nid };
	type->cnt++;
	for (unsigned long j = i ? i - 1 : 0; j < type->cnt && j <= i; j++)
		merge_from(type, j);
	return 0;
}

int memblock_add_node(phys_addr_t base, phys_addr_t size, int nid)
{
	return add_range(&memblock.memory, base, size, nid);
}

int memblock_add(phys_addr_t base, phys_addr_t size)
{
	return memblock_add_node(base, size, NUMA_NO_NODE);
}

/* Split the region containing @addr (if any) so that one starts there. */
static int split_at(struct memblock_type *type, phys_addr_t addr)
{
	for (unsigned long i = 0; i < type->cnt; i++) {
		struct memblock_region *r = &type->regions[i];

		if (addr <= r->base || addr >= r->base + r->size)
			continue;
		if (type->cnt == MEMBLOCK_MAX_REGIONS)
			return -ENOSPC;
		memmove(r + 1, r, (type->cnt - i) * sizeof(*r));
		type->cnt++;
		r[1].base = addr;
		r[1].size = r->base + r->size - addr;
		r->size = addr - r->base;
		return 0;
	}
	return 0;
}

int memblock_set_node(phys_addr_t base, phys_addr_t size, int nid)
{
	struct memblock_type *type = &memblock.memory;
	int err = split_at(type, base);

	if (!err)
		err = split_at(type, base + size);
	if (err)
		return err;
	for (unsigned long i = 0; i < type->cnt; i++) {
		struct memblock_region *r = &type->regions[i];

		if (r->base >= base && r->base + r->size <= base + size)
			r->nid = nid;
	}
	for (unsigned long i = 0; i < type->cnt; i++)
		merge_from(type, i);
	return 0;
}

int memblock_reserve(phys_addr_t base, phys_addr_t size)
{
	return add_range(&memblock.reserved, base, size, NUMA_NO_NODE);
}

/* Highest aligned start of @size inside [lo, hi), or 0. */
static phys_addr_t fit_top(phys_addr_t lo, phys_addr_t hi, phys_addr_t size,
			   phys_addr_t align)
{
	phys_addr_t start;

	if (hi < lo + size)
		return 0;
	start = ALIGN_DOWN(hi - size, align);
	return start >= lo ? start : 0;
}

/* Search the free gaps of memory range @m from the top. */
static phys_addr_t alloc_in(const struct memblock_region *m, phys_addr_t size,
			    phys_addr_t align)
{
	const struct memblock_type *rsv = &memblock.reserved;
	phys_addr_t hi = m->base + m->size;

	/* Gaps between reserved ranges, from the top: [end of rsv[i], hi). */
	for (long i = (long)rsv->cnt - 1; i >= -1; i--) {
		phys_addr_t lo = i >= 0 ? rsv->regions[i].base +
					  rsv->regions[i].size : m->base;
		phys_addr_t found;

		if (lo < hi) {
			found = fit_top(max(lo, m->base), hi, size, align);
			if (found)
				return found;
		}
		if (i >= 0)
			hi = min(hi, rsv->regions[i].base);
		if (hi <= m->base)
			break;
	}
	return 0;
}

/* Top-down over memory regions of @nid (NUMA_NO_NODE: any). */
static phys_addr_t alloc_from(phys_addr_t size, phys_addr_t align, int nid)
{
	size = ALIGN(size, 8);
	for (long i = (long)memblock.memory.cnt - 1; i >= 0; i--) {
		const struct memblock_region *m = &memblock.memory.regions[i];
		phys_addr_t pa;

		if (nid != NUMA_NO_NODE && m->nid != nid)
			continue;
		pa = alloc_in(m, size, align);
		if (pa && !memblock_reserve(pa, size))
			return pa;
	}
	return 0;
}

phys_addr_t memblock_phys_alloc(phys_addr_t size, phys_addr_t align)
{
	return alloc_from(size, align, NUMA_NO_NODE);
}

void *memblock_alloc_node(phys_addr_t size, phys_addr_t align, int nid)
{
	phys_addr_t pa = nid == NUMA_NO_NODE ? 0 : alloc_from(size, align, nid);

	if (!pa)
		pa = alloc_from(size, align, NUMA_NO_NODE);
	if (!pa)
		return NULL;
	memset(__va(pa), 0, size);
	return __va(pa);
}

void memblock_free_ranges(void (*fn)(phys_addr_t base, phys_addr_t end,
				     int nid, void *arg), void *arg)
{
	const struct memblock_type *rsv = &memblock.reserved;

	for (unsigned long i = 0; i < memblock.memory.cnt; i++) {
		const struct memblock_region *m = &memblock.memory.regions[i];
		phys_addr_t pos = m->base, end = m->base + m->size;

		for (unsigned long j = 0; j < rsv->cnt && pos < end; j++) {
			phys_addr_t rs = rsv->regions[j].base;
			phys_addr_t re = rs + rsv->regions[j].size;

			if (re <= pos || rs >= end)
				continue;
			if (rs > pos)
				fn(pos, rs, m->nid, arg);
			pos = max(pos, re);
		}
		if (pos < end)
			fn(pos, end, m->nid, arg);
	}
}

bool memblock_node_range(int nid, phys_addr_t *start, phys_addr_t *end)
{
	bool found = false;

	for (unsigned long i = 0; i < memblock.memory.cnt; i++) {
		const struct memblock_region *m = &memblock.memory.regions[i];

		if (m->nid != nid)
			continue;
		if (!found)
			*start = m->base;
		*end = m->base + m->size;
		found = true;
	}
	return found;
}

phys_addr_t memblock_node_mem_size(int nid, phys_addr_t lo, phys_addr_t hi)
{
	phys_addr_t sum = 0;

	for (unsigned long i = 0; i < memblock.memory.cnt; i++) {
		const struct memblock_region *m = &memblock.memory.regions[i];
		phys_addr_t s = max(m->base, lo), e = min(m->base + m->size, hi);

		if (m->nid == nid && s < e)
			sum += e - s;
	}
	return sum;
}

int memblock_addr_nid(phys_addr_t addr)
{
	for (unsigned long i = 0; i < memblock.memory.cnt; i++) {
		const struct memblock_region *m = &memblock.memory.regions[i];

		if (addr >= m->base && addr < m->base + m->size)
			return m->nid;
	}
	return NUMA_NO_NODE;
}

void *memblock_alloc(phys_addr_t size, phys_addr_t align)
{
	phys_addr_t pa = memblock_phys_alloc(size, align);

	if (!pa)
		return NULL;
	memset(__va(pa), 0, size);
	return __va(pa);
}

static phys_addr_t total_size(const struct memblock_type *type)
{
	phys_addr_t sum = 0;

	for (unsigned long i = 0; i < type->cnt; i++)
		sum += type->regions[i].size;
	return sum;
}

phys_addr_t memblock_phys_mem_size(void)
{
	return total_size(&memblock.memory);
}

phys_addr_t memblock_reserved_size(void)
{
	return total_size(&memblock.reserved);
}
