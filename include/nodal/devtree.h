/* SPDX-License-Identifier: MIT */
/*
 * include/nodal/devtree.h — the flattened device tree's address, its
 * header check, and /chosen/bootargs.
 *
 * Implemented by: kernel/devtree.c, with libfdt (the `dt` command, which
 * shows the tree as written, is mm/numa/dt_report.c, beside the reader).
 * Mirrors, loosely: drivers/of/fdt.c (initial_boot_params,
 * early_init_dt_scan_chosen()).  What boot needs from the rest of the tree
 * (RAM, reserved ranges, harts, timebase, NUMA nodes) is read once by the
 * one reader, dt_scan() in <nodal/dt_scan.h>.
 */
#ifndef NODAL_DEVTREE_H
#define NODAL_DEVTREE_H

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

/** dt_bootargs() - /chosen bootargs, or "" */
const char *dt_bootargs(void);

#endif /* NODAL_DEVTREE_H */
