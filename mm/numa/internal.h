/* SPDX-License-Identifier: MIT */
/*
 * mm/numa/internal.h — private to mm/numa and its own tests.
 */
#ifndef NODAL_MM_NUMA_INTERNAL_H
#define NODAL_MM_NUMA_INTERNAL_H

#include <linux/types.h>

/* Where the applied topology came from (topology.c; `topo`'s JSON). */
struct numa_origin {
	bool numa;	   /* the tree has numa-node-id */
	bool fallback;	   /* ... yet one node 0 was applied */
	bool distance_map; /* the tree's distance map was applied */
};

/* numa_origin() - what numa_init() made of the device tree.  Context: any. */
struct numa_origin numa_origin(void);

#endif /* NODAL_MM_NUMA_INTERNAL_H */
