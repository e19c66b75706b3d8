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
 * Its property decoders are exported too (below), for the `dt` report.
 */
#ifndef NODAL_DT_SCAN_H
#define NODAL_DT_SCAN_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#define DT_MAX_NODES	   4   /* = MAX_NUMNODES (checked in topology.c) */
#define DT_MAX_MEM	   32  /* memory ranges kept */
#define DT_MAX_RESERVED	   32  /* reserved ranges kept */
#define DT_MAX_HARTS	   512 /* cpu nodes kept (QEMU virt's -smp limit) */
#define DT_MAX_WARNINGS	   16  /* printed per scan; the rest are counted */
#define DT_NO_NODE	   (-1)
#define DT_LOCAL_DISTANCE  10 /* LOCAL_DISTANCE */
#define DT_REMOTE_DISTANCE 20 /* REMOTE_DISTANCE */

/* ISA extensions boot looks for in riscv,isa ("_sstc"), one bit each. */
#define DT_ISA_SSTC (1u << 0) /* stimecmp: the timer without SBI */

struct dt_mem {
	uint64_t base; /* [init] first byte */
	uint64_t size; /* [init] bytes, never 0 (a size-0 reg only marks its node) */
	int nid;       /* [init] node after the fallbacks */
};

struct dt_reserved {
	uint64_t base; /* [init] first byte */
	uint64_t size; /* [init] bytes, never 0; base + size does not wrap */
};

struct dt_hart {
	uint64_t hartid;  /* [init] the cpu node's reg */
	int nid;	  /* [init] node after the fallbacks */
	bool enabled;	  /* [init] status absent, "okay" or "ok" */
	unsigned int isa; /* [init] DT_ISA_* bits its riscv,isa lists */
};

/**
 * struct dt_scan - what dt_scan() found, after its fallbacks
 *
 * [init]: written by dt_scan() alone, read-only once it returns.  Node
 * masks are bit n = node n.  mem[] is the RAM boot gives memblock: ranges
 * the scan could not read are not in it (and a message said so).
 */
struct dt_scan {
	int nr_mem;		       /* [init] entries in mem[] */
	struct dt_mem mem[DT_MAX_MEM]; /* [init] in tree order */
	int nr_reserved;	       /* [init] entries in reserved[] */
	/* [init] the memreserve block's, then /reserved-memory's, in order */
	struct dt_reserved reserved[DT_MAX_RESERVED];
	int nr_harts; /* [init] entries in harts[] */
	/* [init] in tree order, disabled ones too */
	struct dt_hart harts[DT_MAX_HARTS];
	uint64_t timebase_frequency; /* [init] Hz, 0 if unusable */
	unsigned int isa; /* [init] DT_ISA_* every enabled hart has */
	uint8_t distance[DT_MAX_NODES][DT_MAX_NODES]; /* [init] [from][to] */
	bool has_distance_map; /* [init] a distance map was accepted */
	bool numa;	       /* [init] the tree has numa-node-id */
	bool fallback;	       /* [init] rejected (numa or header): node 0 */
	unsigned int nodes;    /* [init] nodes seen (memory, harts) */
	unsigned int nodes_with_mem;   /* [init] nodes with some RAM */
	unsigned int nodes_with_harts; /* [init] nodes with an enabled hart */
	int nr_warnings; /* [init] problems found, printed or not */
};

/**
 * struct dt_scan_opts - what the scan cannot learn from the tree
 * @kernel_start: physical address of the kernel image's first byte
 * @kernel_end: one past its last byte; 0 (or <= @kernel_start) skips the
 *	kernel checks
 * @phys_limit: RAM at or above this address is left out (said once per
 *	range; a range across it is cut); 0: no limit
 */
struct dt_scan_opts {
	uint64_t kernel_start;
	uint64_t kernel_end;
	uint64_t phys_limit;
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

/*
 * The decoders dt_scan() reads the tree with, for the `dt` report
 * (mm/numa/dt_report.c), which shows the tree as written and so must read
 * each property as the scan does.  Each checks the property's length
 * before it reads it and loads cells unaligned-safe; none prints.
 * Context: pure, reentrant.
 */

/* A one-cell property: absent, read, or of another length. */
enum dt_prop_state { DT_PROP_ABSENT, DT_PROP_OK, DT_PROP_BAD };

/** dt_prop_u32() - one-cell property @name of @node into *@val (if DT_PROP_OK) */
enum dt_prop_state dt_prop_u32(const void *fdt, int node, const char *name,
			       uint32_t *val);

/** dt_prop_is() - is @name of @node a NUL-terminated string equal to @want? */
bool dt_prop_is(const void *fdt, int node, const char *name, const char *want);

/** dt_read_cells() - @n (1 or 2) big-endian cells at @cells as one number */
uint64_t dt_read_cells(const void *cells, int n);

/**
 * dt_cells() - #address-cells or #size-cells (@name) of @node
 * Return: @dflt if absent, the value if it is 1 or 2, else -1.
 */
int dt_cells(const void *fdt, int node, const char *name, int dflt);

/**
 * dt_reg() - @node's reg as (address, size) pairs of @ac and @sc cells
 * @reg: out, the property (NULL if absent)
 * @len: out, its length in bytes
 *
 * Return: how many pairs, 0 if there is no reg, or -1 if its length is not
 * a whole, non-zero number of pairs.  Read pair i with dt_reg_pair().
 */
int dt_reg(const void *fdt, int node, int ac, int sc, const void **reg, int *len);

/** dt_reg_pair() - pair @i of a reg that dt_reg() accepted */
void dt_reg_pair(const void *reg, int i, int ac, int sc, uint64_t *base,
		 uint64_t *size);

/**
 * dt_hartid() - the hart id in cpu node @node's reg
 * @ac: /cpus's #address-cells (dt_cells()), or 0 to go by reg's length
 *	(one or two cells)
 * @len: out, reg's length in bytes (0 if absent)
 *
 * Return: true with *@hartid set, false if reg is absent or not @ac cells.
 */
bool dt_hartid(const void *fdt, int node, int ac, uint64_t *hartid, int *len);

/**
 * dt_timebase() - /cpus (@cpus) timebase-frequency, one or two cells
 * @len: out, the property's length in bytes (0 if absent)
 *
 * Return: the frequency, or 0 if absent or of another length.
 */
uint64_t dt_timebase(const void *fdt, int cpus, int *len);

/**
 * dt_distance_map() - the numa-distance-map-v1 node and its distance-matrix
 * @matrix: out, the property, (from, to, distance) cells (NULL if none)
 * @len: out, its length in bytes (0 if none)
 *
 * Return: the node's offset, or a negative libfdt error if there is none.
 */
int dt_distance_map(const void *fdt, const void **matrix, int *len);

#endif /* NODAL_DT_SCAN_H */
