/* SPDX-License-Identifier: MIT */
/*
 * include/linux/memblock.h — boot-time physical memory: what exists, what is taken.
 *
 * Implemented by: mm/memblock/memblock.c.  Mirrors: <linux/memblock.h>, a
 * subset.  Two sorted arrays of ranges, `memory` (RAM from the device
 * tree) and `reserved` (kernel image, DTB, firmware, early allocations);
 * allocation is top-down, as Linux's default, from memory minus reserved.
 * Written only while booting, before the page allocator exists; then
 * kept read-only (Linux riscv discards it unless ACPI selects
 * ARCH_KEEP_MEMBLOCK): meminfo's and topo's node sizes, the `memblock`
 * report and the node of an address (memblock_addr_nid()) read it.
 */
#ifndef NODAL_MEMBLOCK_H
#define NODAL_MEMBLOCK_H

#include <linux/numa.h>
#include <linux/types.h>

#define MEMBLOCK_MAX_REGIONS	128

struct memblock_region {
	phys_addr_t base;	/* [init] */
	phys_addr_t size;	/* [init] */
	int nid;		/* [init] NUMA node, NUMA_NO_NODE until known */
};

struct memblock_type {
	unsigned long cnt;	/* [init] regions in use */
	const char *name;	/* "memory" or "reserved" */
	struct memblock_region regions[MEMBLOCK_MAX_REGIONS];
};

struct memblock {
	struct memblock_type memory;
	struct memblock_type reserved;
};

extern struct memblock memblock;

/**
 * memblock_add() - record RAM [@base, @base + @size)
 *
 * Overlapping or adjacent ranges merge.  Context: boot hart.
 * Return: 0, or -ENOSPC when the region table is full.
 */
int memblock_add(phys_addr_t base, phys_addr_t size);
/** memblock_add_node() - memblock_add() for RAM known to be on node @nid */
int memblock_add_node(phys_addr_t base, phys_addr_t size, int nid);
/**
 * memblock_set_node() - tag the memory in [@base, @base + @size) with @nid
 *
 * Regions straddling the range's edges are split.  Return: 0 or -ENOSPC.
 */
int memblock_set_node(phys_addr_t base, phys_addr_t size, int nid);
/** memblock_reserve() - mark [@base, @base + @size) as in use */
int memblock_reserve(phys_addr_t base, phys_addr_t size);

/**
 * memblock_phys_alloc() - take @size bytes aligned to @align, top-down
 *
 * Return: the physical address, or 0 when nothing fits.
 */
phys_addr_t memblock_phys_alloc(phys_addr_t size, phys_addr_t align);

/**
 * memblock_alloc() - memblock_phys_alloc(), zeroed, as a kernel pointer
 *
 * Return: the memory, or NULL.
 */
void *memblock_alloc(phys_addr_t size, phys_addr_t align);

/**
 * memblock_alloc_node() - memblock_alloc() from node @nid's memory first
 *
 * Falls back to any node (as Linux's memblock_alloc_try_nid() does) when
 * @nid has no room or no memory.  Return: zeroed memory, or NULL.
 */
void *memblock_alloc_node(phys_addr_t size, phys_addr_t align, int nid);

/**
 * memblock_free_ranges() - call @fn for each free range (memory − reserved)
 * @fn: gets the range and its node; ranges come in address order
 */
void memblock_free_ranges(void (*fn)(phys_addr_t base, phys_addr_t end,
				     int nid, void *arg), void *arg);

/** memblock_node_range() - lowest and highest+1 address of @nid's memory */
bool memblock_node_range(int nid, phys_addr_t *start, phys_addr_t *end);
/** memblock_node_mem_size() - bytes of memory on @nid in [@lo, @hi) */
phys_addr_t memblock_node_mem_size(int nid, phys_addr_t lo, phys_addr_t hi);

/** memblock_addr_nid() - node of the memory holding @addr, or NUMA_NO_NODE */
int memblock_addr_nid(phys_addr_t addr);

/** memblock_phys_mem_size() - total RAM recorded */
phys_addr_t memblock_phys_mem_size(void);
/** memblock_reserved_size() - total bytes reserved */
phys_addr_t memblock_reserved_size(void);

#define for_each_mem_region(rgn)					\
	for ((rgn) = memblock.memory.regions;				\
	     (rgn) < memblock.memory.regions + memblock.memory.cnt; (rgn)++)

#endif /* NODAL_MEMBLOCK_H */
