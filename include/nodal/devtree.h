/* SPDX-License-Identifier: MIT */
/*
 * include/nodal/devtree.h — early reads of the flattened device tree.
 *
 * Implemented by: kernel/devtree.c, with libfdt.  Mirrors, loosely:
 * drivers/of/fdt.c (early_init_dt_scan_*).  Only what boot needs before
 * the topology code runs: the header check, RAM, reserved ranges, harts,
 * the timebase and the command line.  The NUMA topology is mm/numa's.
 */
#ifndef NODAL_DEVTREE_H
#define NODAL_DEVTREE_H

#include <asm/page.h>
#include <linux/types.h>

/** initial_boot_params - the DTB, once dt_init() accepted it */
extern const void *initial_boot_params;

/**
 * dt_init() - check the DTB the firmware passed
 * Return: 0, or a negative errno with the reason printed.
 */
int dt_init(const void *dtb);

/** dt_total_size() - bytes of the DTB blob (to reserve it) */
unsigned long dt_total_size(void);

/**
 * dt_memory_ranges() - RAM from every `device_type = "memory"` node
 * Return: ranges stored (zero-sized ones skipped), at most @max.
 */
int dt_memory_ranges(struct mem_range *out, int max);

/** dt_reserved_ranges() - /reserved-memory children and the DTB's own map */
int dt_reserved_ranges(struct mem_range *out, int max);

/**
 * dt_harts() - hart ids of the enabled `cpu` nodes under /cpus, tree order
 * Return: count; a hart whose status is not "okay" is skipped.
 */
int dt_harts(unsigned long *hartids, int max);

/**
 * dt_all_harts_have_extension() - does every enabled cpu's riscv,isa
 * string list extension @ext (e.g. "sstc", as "_sstc" after the base)?
 */
bool dt_all_harts_have_extension(const char *ext);

/** dt_timebase_frequency() - /cpus timebase-frequency, or 0 */
u64 dt_timebase_frequency(void);

/** dt_bootargs() - /chosen bootargs, or "" */
const char *dt_bootargs(void);

#endif /* NODAL_DEVTREE_H */
