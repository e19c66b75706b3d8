/* SPDX-License-Identifier: MIT */
/*
 * mm/numa/mmzone.c — one pg_data_t per node, its zones and its zonelists.
 *
 * Overview     After the topology is known (topology.c) and memblock's RAM
 *              carries node ids, each online node gets a pg_data_t,
 *              allocated from its own memory (a memory-less node's from
 *              the nearest node with memory).  Its span is cut into zones
 *              as riscv64 Linux cuts it: ZONE_DMA32 below 4 GiB, ZONE_NORMAL
 *              above, ZONE_MOVABLE always empty.  Then every node gets two
 *              zonelists: FALLBACK (every memory node in Linux's fallback
 *              order, each node's zones from high to low) and NOFALLBACK
 *              (its own zones only, for __GFP_THISNODE).
 *
 * Structures   node_data[nid] → pg_data_t { node_zones[], node_zonelists[] };
 *              a zonelist is a NULL-terminated array of (zone, zone_idx).
 *
 * Locking      None: built by the boot hart before other harts run, then
 *              read-only ([init]).
 *
 * Invariants   ZONE-1 a zone's span lies inside its node's span.
 *              ZONE-2 a zonelist lists only populated zones, each once.
 *              ZONE-3 a node's FALLBACK list starts with its own zones if
 *              it has memory.
 *              ZONE-4 its fallback order holds every memory node, in
 *              Linux's order: no lower find_next_best_node() score
 *              (distance, +1 lower id, +1 with CPUs) after a higher one,
 *              but for what node_load may reorder.
 *              Checked by numa_validate_zonelists().
 *
 * Paths        build_zonelists(): find_next_best_node() repeatedly, as in
 *              Linux: an unused memory node minimising distance, +1 if its
 *              id is lower, +1 if it has CPUs, times MAX_NUMNODES, plus a
 *              load that spreads equidistant nodes across the lists; ties
 *              to the lowest id.  node_load is zeroed once and carried
 *              from list to list, built in node id order (Linux's for
 *              every possible node; Nodal's possible nodes are the online
 *              ones), exactly as Linux 6.12 does.
 *
 * Linux        mm/mm_init.c (free_area_init, calculate_node_totalpages),
 *              mm/page_alloc.c (build_zonelists, find_next_best_node),
 *              arch/riscv/mm/init.c (zone_sizes_init).
 *
 * Statistics   None counted.  report.c's `zonelist` prints each node's
 *              lists under Linux's "Fallback order for Node N:" line.
 */
#include <asm/page.h>
#include <linux/bug.h>
#include <linux/errno.h>
#include <linux/memblock.h>
#include <linux/mmzone.h>
#include <linux/printk.h>
#include <linux/topology.h>

#define DMA32_LIMIT_PFN	(1UL << (32 - PAGE_SHIFT))

struct pglist_data *node_data[MAX_NUMNODES];
const char *const zone_names[MAX_NR_ZONES] = { "DMA32", "Normal", "Movable" };

static int node_load[MAX_NUMNODES];	/* [init] spreads equal-distance nodes */

/* Cut the node's pfn span at 4 GiB; present pages come from memblock. */
static void init_node_zones(pg_data_t *pgdat, unsigned long start_pfn,
			    unsigned long end_pfn)
{
	unsigned long bounds[MAX_NR_ZONES + 1] = {
		start_pfn, clamp(DMA32_LIMIT_PFN, start_pfn, end_pfn), end_pfn, end_pfn,
	};

	for (int i = 0; i < MAX_NR_ZONES; i++) {
		struct zone *zone = &pgdat->node_zones[i];

		zone->zone_pgdat = pgdat;
		zone->node = pgdat->node_id;
		zone->name = zone_names[i];
		spin_lock_init(&zone->lock);
		zone->zone_start_pfn = bounds[i];
		zone->spanned_pages = bounds[i + 1] - bounds[i];
		zone->present_pages = PFN_DOWN(memblock_node_mem_size(
			pgdat->node_id, PFN_PHYS(bounds[i]), PFN_PHYS(bounds[i + 1])));
		if (!zone->spanned_pages)
			zone->zone_start_pfn = 0;
		if (zone->present_pages)
			pgdat->nr_zones = i + 1;
		pgdat->node_present_pages += zone->present_pages;
	}
}

static pg_data_t *alloc_node_data(int nid)
{
	int home = __node_to_mem_node[nid];	/* nid itself if it has memory */
	pg_data_t *pgdat = memblock_alloc_node(sizeof(*pgdat), L1_CACHE_BYTES, home);

	if (!pgdat)
		panic("numa: cannot allocate NODE_DATA(%d)", nid);
	pr_info("NODE_DATA(%d) allocated [mem %#010llx-%#010llx]%s\n", nid,
		(unsigned long long)__pa(pgdat),
		(unsigned long long)(__pa(pgdat) + sizeof(*pgdat) - 1),
		home != nid ? " (memory-less node: on its nearest memory node)" : "");
	return pgdat;
}

/**
 * numa_setup_nodes() - a pg_data_t with zones for every online node
 *
 * Context: boot hart, after numa_init() tagged memblock with node ids.
 */
void numa_setup_nodes(void)
{
	int nid;

	for_each_online_node(nid) {
		phys_addr_t start = 0, end = 0;
		pg_data_t *pgdat = alloc_node_data(nid);

		pgdat->node_id = nid;
		NODE_DATA(nid) = pgdat;
		if (!memblock_node_range(nid, &start, &end)) {
			pr_info("Initmem setup node %d as memoryless\n", nid);
			init_node_zones(pgdat, 0, 0);
			continue;
		}
		pgdat->node_start_pfn = PFN_DOWN(start);
		pgdat->node_spanned_pages = PFN_UP(end) - PFN_DOWN(start);
		init_node_zones(pgdat, PFN_DOWN(start), PFN_UP(end));
		pr_info("Initmem setup node %d [mem %#018llx-%#018llx]\n", nid,
			(unsigned long long)start, (unsigned long long)end - 1);
	}
}

/* Linux's find_next_best_node(): lowest score among unused memory nodes. */
static int find_next_best_node(int node, const bool *used)
{
	int best = NUMA_NO_NODE, n;
	long best_score = 0;

	if (!used[node] && node_state(node, N_MEMORY))
		return node;
	for_each_node_state(n, N_MEMORY) {
		long score;

		if (used[n])
			continue;
		score = node_distance(node, n) + (n < node) +
			!cpumask_empty(cpumask_of_node(n));
		score = score * MAX_NUMNODES + node_load[n];
		if (best == NUMA_NO_NODE || score < best_score) {
			best = n;
			best_score = score;
		}
	}
	return best;
}

/* Append @pgdat's populated zones, highest first (build_zonerefs_node()). */
static int add_node_zones(struct zoneref *refs, int nr, pg_data_t *pgdat)
{
	for (int i = MAX_NR_ZONES - 1; i >= 0; i--) {
		struct zone *zone = &pgdat->node_zones[i];

		if (!populated_zone(zone))
			continue;
		refs[nr].zone = zone;
		refs[nr].zone_idx = i;
		nr++;
	}
	return nr;
}

static void build_zonelists(pg_data_t *pgdat)
{
	struct zoneref *fb = pgdat->node_zonelists[ZONELIST_FALLBACK]._zonerefs;
	struct zoneref *own = pgdat->node_zonelists[ZONELIST_NOFALLBACK]._zonerefs;
	bool used[MAX_NUMNODES] = { false };
	int node = pgdat->node_id, prev = node, n, nr = 0;

	while ((n = find_next_best_node(node, used)) != NUMA_NO_NODE) {
		used[n] = true;
		if (node_distance(node, n) != node_distance(node, prev))
			node_load[n] += 1;	/* Linux: spread the next list */
		prev = n;
		pgdat->node_fallback[pgdat->nr_node_fallback++] = n;
		nr = add_node_zones(fb, nr, NODE_DATA(n));
	}
	fb[nr].zone = NULL;
	own[add_node_zones(own, 0, pgdat)].zone = NULL;
}

/**
 * build_all_zonelists() - both zonelists of every online node
 *
 * Context: boot hart, after numa_setup_nodes().
 */
void build_all_zonelists(void)
{
	int nid, nr = 0;

	for (nid = 0; nid < MAX_NUMNODES; nid++)
		node_load[nid] = 0;
	for_each_online_node(nid) {
		build_zonelists(NODE_DATA(nid));
		nr++;
	}
	for_each_online_node(nid) {
		pg_data_t *pgdat = NODE_DATA(nid);
		char line[64];
		int len = 0;

		for (int i = 0; i < pgdat->nr_node_fallback; i++)
			len += scnprintf(line + len, sizeof(line) - len, "%d ",
					 pgdat->node_fallback[i]);
		pr_info("Fallback order for Node %d: %s\n", nid, line);
	}
	pr_info("Built %d zonelists, mobility grouping on.  Total pages: %lu\n",
		nr, (unsigned long)PFN_DOWN(memblock_phys_mem_size()));
}

/* Linux's find_next_best_node() score of @n for @node's list, without the load. */
static int fallback_score(int node, int n)
{
	return node_distance(node, n) + (n < node) +
	       !cpumask_empty(cpumask_of_node(n));
}

/* ZONE-1: each zone's span inside its node's. */
static int validate_zone_spans(pg_data_t *pgdat)
{
	unsigned long start = pgdat->node_start_pfn;
	unsigned long end = start + pgdat->node_spanned_pages;
	int errors = 0;

	for (int i = 0; i < MAX_NR_ZONES; i++) {
		struct zone *zone = &pgdat->node_zones[i];

		if (!zone->spanned_pages)
			continue;
		if (zone->zone_start_pfn < start ||
		    zone->zone_start_pfn + zone->spanned_pages > end) {
			pr_err("numa: ZONE-1 node %d zone %s [%#lx, %#lx) outside the node [%#lx, %#lx)\n",
			       pgdat->node_id, zone->name, zone->zone_start_pfn,
			       zone->zone_start_pfn + zone->spanned_pages,
			       start, end);
			errors++;
		}
	}
	return errors;
}

/*
 * ZONE-4: after the node itself, the nodes of its FALLBACK list come in
 * Linux's order, which does not lower the score of find_next_best_node()
 * without its load (distance, +1 for a lower id, +1 for a node with CPUs):
 * each step takes the least score left, and the load (at most one a list)
 * can only reorder nodes whose scores differ by less than it allows.
 * Every memory node is on the list.
 */
static int validate_fallback_order(pg_data_t *pgdat)
{
	int node = pgdat->node_id, errors = 0;
	int first = node_state(node, N_MEMORY) ? 1 : 0;

	if (pgdat->nr_node_fallback != (int)num_node_state(N_MEMORY)) {
		pr_err("numa: ZONE-4 node %d: %d nodes in its fallback order, %u with memory\n",
		       node, pgdat->nr_node_fallback, num_node_state(N_MEMORY));
		errors++;
	}
	for (int i = first + 1; i < pgdat->nr_node_fallback; i++) {
		int a = pgdat->node_fallback[i - 1], b = pgdat->node_fallback[i];

		/* Picking a before b: (score a - score b) × MAX_NUMNODES is
		 * at most b's load, and a node's load counts at most one per
		 * list: num_online_nodes(). */
		if ((fallback_score(node, a) - fallback_score(node, b)) *
			    MAX_NUMNODES >
		    (int)num_online_nodes()) {
			pr_err("numa: ZONE-4 node %d: node %d (distance %d) falls back before node %d (distance %d)\n",
			       node, a, node_distance(node, a), b,
			       node_distance(node, b));
			errors++;
		}
	}
	return errors;
}

/* ZONE-2 and ZONE-3 on @pgdat's FALLBACK zonelist. */
static int validate_fallback_zones(pg_data_t *pgdat)
{
	struct zoneref *zl = pgdat->node_zonelists[ZONELIST_FALLBACK]._zonerefs;
	int nid = pgdat->node_id, errors = 0, seen = 0;

	for (struct zoneref *z = zl; z->zone; z++) {
		if (!populated_zone(z->zone))
			errors++; /* ZONE-2 */
		for (struct zoneref *y = zl; y < z; y++)
			errors += y->zone == z->zone; /* ZONE-2: once */
		if (++seen > MAX_ZONES_PER_ZONELIST)
			return errors + 1;
	}
	if (node_state(nid, N_MEMORY) && (!zl[0].zone || zl[0].zone->node != nid))
		errors++; /* ZONE-3 */
	return errors;
}

/* ZONE-1..4 */
int numa_validate_zonelists(void)
{
	int nid, errors = 0;

	for_each_online_node(nid) {
		pg_data_t *pgdat = NODE_DATA(nid);

		errors += validate_zone_spans(pgdat);
		errors += validate_fallback_zones(pgdat);
		errors += validate_fallback_order(pgdat);
	}
	return errors ? -EINVAL : 0;
}
