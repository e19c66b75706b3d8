/* SPDX-License-Identifier: MIT */
/*
 * include/linux/numa.h — how many NUMA nodes there can be, and "no node".
 *
 * Implemented by: this header (constants).  Mirrors: <linux/numa.h>, its
 * constants.  Differences from Linux: NODES_SHIFT is fixed at 2 (riscv's
 * default; QEMU's virt machine has at most 4 sockets), not a Kconfig
 * choice, and there is no NUMA-off build; NODE_DATA() is in
 * <linux/mmzone.h>, beside pg_data_t.
 */
#ifndef NODAL_NUMA_H
#define NODAL_NUMA_H

#define NODES_SHIFT  2
#define MAX_NUMNODES (1 << NODES_SHIFT)
#define NUMA_NO_NODE (-1) /* a node id meaning "none" or "any" */

#endif /* NODAL_NUMA_H */
