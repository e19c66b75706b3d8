/* SPDX-License-Identifier: MIT */
/*
 * mm/buddy/mm_init.c — the memory map, boot memory to the buddy, watermarks.
 *
 * Part of the page allocator (see page_alloc.c for its theory and locks).
 * memmap_init() backs each node's slice of the virtual memory map (vmemmap
 * + pfn) with that node's own memory, marks every struct page reserved and
 * records the node spans pfn_valid() answers from (<linux/mm.h>);
 * buddy_free_all_memblock() then hands every range memblock left free to
 * the buddy lists in the largest aligned blocks (Linux's memblock_free_all
 * and __free_pages_memory); setup_per_zone_wmarks() computes min_free_kbytes
 * and each zone's min/low/high/promo marks and lowmem_reserve with Linux's
 * formulas (docs/linux-facts.md §2.3).
 */
#include <asm/page.h>
#include <linux/bitops.h>
#include <linux/bug.h>
#include <linux/memblock.h>
#include <linux/mmzone.h>
#include <linux/percpu.h>
#include <linux/printk.h>
#include <linux/string.h>
#include <linux/topology.h>

#include "internal.h"

#define SZ_2M		(2UL << 20)

int min_free_kbytes;
static int memmap_nid[MAX_NUMNODES] = { NUMA_NO_NODE, NUMA_NO_NODE,
					NUMA_NO_NODE, NUMA_NO_NODE };

int buddy_memmap_nid(int nid)
{
	return nid >= 0 && nid < MAX_NUMNODES ? memmap_nid[nid] : NUMA_NO_NODE;
}

void buddy_free_boot_block(struct zone *zone, unsigned long pfn,
			   unsigned int order);

struct memmap_span memmap_spans[MAX_NUMNODES];
unsigned int memmap_nr_spans;
unsigned long memmap_min_pfn, memmap_end_pfn;
bool memmap_contiguous;

/*
 * Back vmemmap for [start_pfn, end_pfn) with @nid's memory.  Big maps get
 * a physical block congruent to the virtual one modulo 2 MiB, so the
 * middle maps with 2 MiB pages and the page-table pool stays small.
 * Virtual pages already backed (a neighbour node sharing one) are skipped.
 */
static void map_node_memmap(int nid, unsigned long start_pfn,
			    unsigned long end_pfn, unsigned long *mapped_end)
{
	unsigned long va = ALIGN_DOWN((unsigned long)pfn_to_page(start_pfn), PAGE_SIZE);
	unsigned long va_end = PAGE_ALIGN((unsigned long)pfn_to_page(end_pfn));
	unsigned long size, slack;
	char *mem;

	va = max(va, *mapped_end);
	if (va >= va_end)
		return;
	size = va_end - va;
	slack = size >= 2 * SZ_2M ? SZ_2M : 0;
	mem = memblock_alloc_node(size + slack, slack ? SZ_2M : PAGE_SIZE, nid);
	if (!mem)
		panic("buddy: no memory for node %d's memory map (%lu KiB)", nid,
		      size >> 10);
	if (slack)
		mem += va & (SZ_2M - 1);
	if (arch_map_kernel_range(va, __pa(mem), size))
		panic("buddy: cannot map node %d's memory map", nid);
	*mapped_end = va_end;
	memmap_nid[nid] = memblock_addr_nid(__pa(mem));
	pr_info("buddy: node %d mem_map: %lu struct pages, %lu KiB at [mem %#010llx-%#010llx] (node %d)\n",
		nid, end_pfn - start_pfn, size >> 10, (unsigned long long)__pa(mem),
		(unsigned long long)(__pa(mem) + size - 1),
		memblock_addr_nid(__pa(mem)));
}

static void init_zone_structures(struct zone *zone)
{
	unsigned long nr_blocks;

	for (unsigned int o = 0; o < NR_PAGE_ORDERS; o++)
		for (int mt = 0; mt < MIGRATE_TYPES; mt++)
			INIT_LIST_HEAD(&zone->free_area[o].free_list[mt]);
	zone->per_cpu_zonestats = alloc_percpu(struct per_cpu_zonestat);
	if (!zone->per_cpu_zonestats)
		panic("buddy: no per-CPU statistics for node %d %s", zone->node,
		      zone->name);
	if (!zone->spanned_pages)
		return;
	nr_blocks = (zone_end_pfn(zone) - 1) / pageblock_nr_pages -
		    zone->zone_start_pfn / pageblock_nr_pages + 1;
	zone->pageblock_mt = memblock_alloc_node(nr_blocks, 8, zone->node);
	if (!zone->pageblock_mt)
		panic("buddy: no pageblock map for node %d", zone->node);
	memset(zone->pageblock_mt, MIGRATE_MOVABLE, nr_blocks);	/* as Linux */
}

static void init_struct_pages(pg_data_t *pgdat)
{
	for (int z = 0; z < MAX_NR_ZONES; z++) {
		struct zone *zone = &pgdat->node_zones[z];
		unsigned long flags = (1UL << PG_reserved) |
			((unsigned long)z << PAGE_ZONE_SHIFT) |
			((unsigned long)pgdat->node_id << PAGE_NODE_SHIFT);

		for (unsigned long pfn = zone->zone_start_pfn;
		     pfn < zone_end_pfn(zone); pfn++) {
			struct page *page = pfn_to_page(pfn);

			memset(page, 0, sizeof(*page));
			page->flags = flags;
		}
	}
}

/*
 * pfn_valid()'s tables: each node's span, the lowest start and highest
 * end, and whether the spans tile the range between them (disjoint, and
 * their sum is its length).  Node spans may interleave (a node's ranges
 * on both sides of another's), which makes them overlap.
 */
static void set_memmap_bounds(void)
{
	unsigned long lo = ~0UL, end = 0, spanned = 0;
	bool disjoint = true;
	int nid;

	for_each_online_node(nid) {
		const pg_data_t *pgdat = NODE_DATA(nid);
		unsigned long start, pages;

		if (!pgdat || !pgdat->node_spanned_pages)
			continue;
		start = pgdat->node_start_pfn;
		pages = pgdat->node_spanned_pages;
		for (unsigned int i = 0; i < memmap_nr_spans; i++) {
			const struct memmap_span *o = &memmap_spans[i];

			if (start < o->start_pfn + o->nr_pages &&
			    o->start_pfn < start + pages)
				disjoint = false;
		}
		memmap_spans[memmap_nr_spans].start_pfn = start;
		memmap_spans[memmap_nr_spans++].nr_pages = pages;
		lo = min(lo, start);
		end = max(end, start + pages);
		spanned += pages;
	}
	if (!end)
		return;		/* no memory: every pfn stays invalid */
	memmap_contiguous = disjoint && spanned == end - lo;
	memmap_min_pfn = lo;
	WRITE_ONCE(memmap_end_pfn, end);
}

/* The node with memory, not in @done, whose span starts lowest; or NUMA_NO_NODE. */
static int lowest_node_left(unsigned long done)
{
	int best = NUMA_NO_NODE, nid;

	for_each_online_node(nid) {
		const pg_data_t *pgdat = NODE_DATA(nid);

		if (!pgdat->node_spanned_pages || (done & (1UL << nid)))
			continue;
		if (best == NUMA_NO_NODE ||
		    pgdat->node_start_pfn < NODE_DATA(best)->node_start_pfn)
			best = nid;
	}
	return best;
}

/*
 * Back every node's slice of vmemmap, in the order of the nodes' start
 * pfns, not of their ids: map_node_memmap() skips what lies below the
 * highest address backed so far, which is only right when the slices come
 * lowest first.  Node ids need not follow addresses (node 0's memory may
 * lie above node 1's): in id order the lower node's slice was skipped.
 */
static void map_memmap_by_address(void)
{
	unsigned long mapped_end = 0, done = 0;
	int nid;

	while ((nid = lowest_node_left(done)) != NUMA_NO_NODE) {
		const pg_data_t *pgdat = NODE_DATA(nid);

		map_node_memmap(nid, pgdat->node_start_pfn,
				pgdat->node_start_pfn + pgdat->node_spanned_pages,
				&mapped_end);
		done |= 1UL << nid;
	}
}

void memmap_init(void)
{
	int nid;

	map_memmap_by_address();
	for_each_online_node(nid) {
		pg_data_t *pgdat = NODE_DATA(nid);
		struct zone *zone;

		if (pgdat->node_spanned_pages)
			init_struct_pages(pgdat);
		for_each_zone_in_node(zone, pgdat)
			init_zone_structures(zone);
	}
	set_memmap_bounds();
}

/* Free [start, end) in the largest naturally aligned blocks that fit. */
static void free_range(phys_addr_t start, phys_addr_t end, int nid, void *arg)
{
	unsigned long pfn = PFN_UP(start), end_pfn = PFN_DOWN(end);

	(void)arg;
	while (pfn < end_pfn) {
		unsigned int order = min((unsigned int)__ffs(pfn), (unsigned int)MAX_PAGE_ORDER);
		struct page *page = pfn_to_page(pfn);

		while (pfn + (1UL << order) > end_pfn)
			order--;
		if (WARN_ON_ONCE(page_to_nid(page) != nid))
			return;
		buddy_free_boot_block(page_zone(page), pfn, order);
		pfn += 1UL << order;
	}
}

void buddy_free_all_memblock(void)
{
	memblock_free_ranges(free_range, NULL);
	pr_info("Memory: %luK/%luK available (%luK reserved)\n",
		nr_free_pages() << (PAGE_SHIFT - 10),
		(unsigned long)(memblock_phys_mem_size() >> 10),
		(unsigned long)((memblock_phys_mem_size() >> 10) -
				(nr_free_pages() << (PAGE_SHIFT - 10))));
}

static unsigned long int_sqrt(unsigned long x)
{
	unsigned long r = 0, bit = 1UL << 62;

	while (bit > x)
		bit >>= 2;
	while (bit) {
		if (x >= r + bit) {
			x -= r + bit;
			r = (r >> 1) + bit;
		} else {
			r >>= 1;
		}
		bit >>= 2;
	}
	return r;
}

static const int lowmem_reserve_ratio[MAX_NR_ZONES] = { 256, 32, 0 };

static void setup_lowmem_reserve(pg_data_t *pgdat)
{
	for (int i = 0; i < MAX_NR_ZONES; i++) {
		struct zone *zone = &pgdat->node_zones[i];
		unsigned long managed_above = 0;

		for (int j = 0; j < MAX_NR_ZONES; j++) {
			if (j > i)
				managed_above += pgdat->node_zones[j].managed_pages;
			zone->lowmem_reserve[j] = j > i && lowmem_reserve_ratio[i] &&
						  managed_zone(zone) ?
				(long)(managed_above / lowmem_reserve_ratio[i]) : 0;
		}
	}
}

void setup_per_zone_wmarks(void)
{
	unsigned long lowmem_pages = 0, pages_min;
	struct zone *zone;
	int nid;

	for_each_online_node(nid)
		for_each_zone_in_node(zone, NODE_DATA(nid))
			if (zone_idx(zone) != ZONE_MOVABLE)
				lowmem_pages += zone->managed_pages;
	min_free_kbytes = clamp((int)int_sqrt(lowmem_pages * 4 * 16), 128, 262144);
	pages_min = (unsigned long)min_free_kbytes >> (PAGE_SHIFT - 10);
	for_each_online_node(nid) {
		for_each_zone_in_node(zone, NODE_DATA(nid)) {
			unsigned long m = zone->managed_pages, share, wmin, delta;

			/*
			 * The zone's share of pages_min sets the gaps between
			 * the marks, Movable's too, whose MIN alone is capped.
			 */
			share = lowmem_pages ? pages_min * m / lowmem_pages : 0;
			wmin = zone_idx(zone) == ZONE_MOVABLE ?
				       clamp(m / 1024, 32UL, 128UL) :
				       share;
			delta = max(share >> 2, m * 10 / 10000);
			zone->_watermark[WMARK_MIN] = wmin;
			zone->_watermark[WMARK_LOW] = wmin + delta;
			zone->_watermark[WMARK_HIGH] = wmin + 2 * delta;
			zone->_watermark[WMARK_PROMO] = wmin + 3 * delta;
		}
		setup_lowmem_reserve(NODE_DATA(nid));
	}
	pr_info("buddy: min_free_kbytes %d\n", min_free_kbytes);
}

void page_alloc_init(void)
{
	memmap_init();
	buddy_free_all_memblock();
	setup_per_zone_wmarks();
	pcp_init();
	numa_set_free_pages_reader(nr_free_pages_node);
	if (buddy_validate_all())
		panic("buddy: free lists inconsistent after boot");
}
