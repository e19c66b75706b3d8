/* SPDX-License-Identifier: MIT */
/*
 * include/nodal/page_stats.h — the page allocator's figures that Linux has
 * no header for: numastat(8)'s table as a piece of a report, and the
 * per-CPU page lists' counters with their names.
 *
 * Implemented by: mm/buddy/numastat.c (numastat_emit()), mm/buddy/pcp.c
 * (pcp_stat_sum_all()) and mm/buddy/report.c (pcp_stat_names).  No Linux
 * counterpart: Linux's numastat(8) is a user-space tool, and Linux keeps
 * no per-CPU list counters.  The NUMA events themselves, counted where
 * Linux counts them, and their Linux names are <linux/vmstat.h>'s.
 */
#ifndef NODAL_PAGE_STATS_H
#define NODAL_PAGE_STATS_H

#include <linux/mmzone.h>

struct report;

/* A row numastat_emit() prints before the events (`policy alloc`'s pages). */
struct numastat_row {
	const char *name;	  /* [init] its name and JSON key */
	const unsigned long *val; /* [init] by node id */
};

/**
 * numastat_emit() - numastat(8)'s table of per-node NUMA events, in a report
 * @ev: the events of each online node, by node id (counters or deltas)
 * @extra: a row to print first, or NULL
 *
 * Text: numastat(8)'s compatibility layout (a 16-wide column per node, a
 * row per event, sysfs's names).  JSON: "nodes", a record per node with
 * its id, @extra and the events.  Context: inside a report's emit function.
 */
void numastat_emit(struct report *r,
		   const unsigned long (*ev)[NR_VM_NUMA_EVENT_ITEMS],
		   const struct numastat_row *extra);

/**
 * pcp_stat_names - the names of enum pcp_stat_item, in every report
 *
 * Linux keeps no such counters: these are Nodal's (`pcp`, the stress
 * report), named once, in mm/buddy/report.c.
 */
extern const char *const pcp_stat_names[NR_PCP_STAT_ITEMS];

/**
 * pcp_stat_sum_all() - every per-CPU list's events, over zones and CPUs
 * @sum: out, indexed by enum pcp_stat_item
 *
 * A racy sum, as the other counters' (mm/buddy/pcp.c).  Context: any.
 */
void pcp_stat_sum_all(unsigned long sum[NR_PCP_STAT_ITEMS]);

#endif /* NODAL_PAGE_STATS_H */
