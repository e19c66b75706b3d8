/* SPDX-License-Identifier: MIT */
/*
 * include/nodal/dt_scan.h — everything boot reads from the device tree, in
 * one bounds-checked pass.
 *
 * Implemented by: mm/numa/dt_scan.c, with libfdt.  Mirrors, loosely:
 * drivers/of/fdt.c (early_init_dt_scan_memory(), the reserved ranges),
 * drivers/of/of_numa.c (numa-node-id, the distance map),
 * arch/riscv/kernel/cpufeature.c (riscv,isa) and arch/riscv/kernel/time.c
 * (timebase-frequency).  Linux reads each of these where it is used;
 * Nodal reads the tree once, into a struct dt_scan that start_kernel hands
 * to each consumer: time_init(), memblock and paging_init(), the CPU
 * numbering and numa_init().  The same file is built into the kernel and
 * into the host test and fuzz target (tests/host): this header includes
 * compiler headers only, and dt_scan.c only libfdt and <linux/printk.h>.
 */
#ifndef NODAL_DT_SCAN_H
#define NODAL_DT_SCAN_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#define DT_MAX_NODES		4	/* = MAX_NUMNODES (checked in topology.c) */
#define DT_MAX_MEM		32	/* memory ranges kept */
#define DT_MAX_RESERVED		32	/* reserved ranges kept */
#define DT_MAX_HARTS		512	/* cpu nodes kept (QEMU virt's -smp limit) */
#define DT_MAX_WARNINGS		16	/* printed per scan; the rest are counted */
#define DT_NO_NODE		(-1)
#define DT_LOCAL_DISTANCE	10	/* LOCAL_DISTANCE */
#define DT_REMOTE_DISTANCE	20	/* REMOTE_DISTANCE */

/* ISA extensions boot looks for in riscv,isa ("_sstc"), one bit each. */
#define DT_ISA_SSTC		(1u << 0)	/* stimecmp: the timer without SBI */

struct dt_mem {
	uint64_t base;		/* [init] first byte */
	uint64_t size;		/* [init] bytes, never 0 (a size-0 reg only marks its node) */
	int nid;		/* [init] node after the fallbacks */
};

struct dt_reserved {
	uint64_t base;		/* [init] first byte */
	uint64_t size;		/* [init] bytes, never 0; base + size does not wrap */
};

struct dt_hart {
	uint64_t hartid;	/* [init] the cpu node's reg */
	int nid;		/* [init] node after the fallbacks */
	bool enabled;		/* [init] status absent, "okay" or "ok" */
	unsigned int isa;	/* [init] DT_ISA_* bits its riscv,isa lists */
};

/**
 * struct dt_scan - what dt_scan() found, after its fallbacks
 *
 * [init]: written by dt_scan() alone, read-only once it returns.  Node
 * masks are bit n = node n.  mem[] is the RAM boot gives memblock: ranges
 * the scan could not read are not in it (and a message said so).
 */
struct dt_scan {
	int nr_mem;			/* [init] entries in mem[] */
	struct dt_mem mem[DT_MAX_MEM];	/* [init] in tree order */
	int nr_reserved;		/* [init] entries in reserved[] */
	/* [init] the memreserve block's, then /reserved-memory's, in order */
	struct dt_reserved reserved[DT_MAX_RESERVED];
	int nr_harts;			/* [init] entries in harts[] */
	/* [init] in tree order, disabled ones too */
	struct dt_hart harts[DT_MAX_HARTS];
	uint64_t timebase_frequency;	/* [init] Hz, 0 if unusable */
	unsigned int isa;		/* [init] DT_ISA_* every enabled hart has */
	uint8_t distance[DT_MAX_NODES][DT_MAX_NODES];	/* [init] [from][to] */
	bool has_distance_map;		/* [init] a distance map was accepted */
	bool numa;			/* [init] the tree has numa-node-id */
	bool fallback;			/* [init] rejected (numa or header): node 0 */
	unsigned int nodes;		/* [init] nodes seen (memory, harts) */
	unsigned int nodes_with_mem;	/* [init] nodes with some RAM */
	unsigned int nodes_with_harts;	/* [init] nodes with an enabled hart */
	int nr_warnings;		/* [init] problems found, printed or not */
};

/**
 * struct dt_scan_opts - what the scan cannot learn from the tree
 * @kernel_start: physical address of the kernel image's first byte
 * @kernel_end: one past its last byte; 0 (or <= @kernel_start) skips the
 *	kernel checks
 */
struct dt_scan_opts {
	uint64_t kernel_start;
	uint64_t kernel_end;
};

/**
 * dt_scan() - read what boot needs from a flattened device tree
 * @fdt: the blob; its header is checked here too (fdt_check_header)
 * @out: filled completely, whatever happens
 * @opts: may be NULL (no kernel checks)
 *
 * Reads the root's memory nodes (reg, numa-node-id), the memreserve block
 * and /reserved-memory (reg), /cpus (timebase-frequency) and its cpu nodes
 * (reg, status, numa-node-id, riscv,isa), and the numa-distance-map-v1
 * node, bounds-checking every property and loading cells unaligned-safe.
 * Each problem is printed once as a pr_warn() line naming the node and
 * the property, with what was done about it (at most DT_MAX_WARNINGS
 * lines, then one line counting the rest); the fallbacks are listed in
 * mm/numa/topology.c.  "No NUMA configuration" and the faked node are the
 * caller's to print (numa_init()), as Linux's numa_init() prints them.
 *
 * Context: pure but for printk; reentrant.  Return: 0 when @out holds the
 * tree's own topology (one node 0 if the tree has no numa-node-id at
 * all), 1 after a fallback to one node (@out->fallback), -1 if libfdt
 * rejects the header (then @out describes one node 0 with no memory, no
 * reserved range and no harts).
 */
int dt_scan(const void *fdt, struct dt_scan *out, const struct dt_scan_opts *opts);

#endif /* NODAL_DT_SCAN_H */
