/* SPDX-License-Identifier: MIT */
/*
 * include/nodal/dt_scan.h — the device-tree NUMA parser's interface
 * (implemented by mm/numa/dt_scan.c).
 *
 * A pure function over libfdt's public API: it reads a flattened device
 * tree and fills a struct fdt_numa, and knows nothing of the kernel.  It
 * includes only compiler headers and libfdt, so the same file is built
 * into the kernel (freestanding, against the kernel's libfdt) and into the
 * host test and fuzz target (against the system's libfdt, under
 * sanitizers).  It never prints: problems come back as messages in the
 * struct, for the caller to print.  The rules and fallbacks it applies are
 * the theory statement of mm/numa/topology.c.
 */
#ifndef NODAL_FDT_NUMA_H
#define NODAL_FDT_NUMA_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#define FDT_NUMA_MAX_NODES	4	/* = MAX_NUMNODES (checked in topology.c) */
#define FDT_NUMA_MAX_MEM	32	/* memory ranges kept */
#define FDT_NUMA_MAX_HARTS	512	/* cpu nodes kept (QEMU virt's -smp limit) */
#define FDT_NUMA_MAX_DIAGS	16	/* messages kept; more are counted */
#define FDT_NUMA_DIAG_LEN	120	/* bytes per message, NUL included */
#define FDT_NUMA_NO_NODE	(-1)
#define FDT_NUMA_LOCAL		10	/* LOCAL_DISTANCE */
#define FDT_NUMA_REMOTE		20	/* REMOTE_DISTANCE */

/* How the caller should print a message. */
enum fdt_numa_level {
	FDT_NUMA_INFO,		/* what was found */
	FDT_NUMA_WARN,		/* a problem with a documented fallback */
};

struct fdt_numa_mem {
	uint64_t base;		/* [init] first byte */
	uint64_t size;		/* [init] bytes, never 0 (a size-0 reg only marks its node) */
	int nid;		/* [init] node, FDT_NUMA_NO_NODE if the memory node has none */
};

struct fdt_numa_hart {
	uint64_t hartid;	/* [init] the cpu node's reg */
	int nid;		/* [init] node after the fallbacks */
	bool enabled;		/* [init] status absent, "okay" or "ok" */
};

struct fdt_numa_diag {
	enum fdt_numa_level level;	/* [init] how to print it */
	char msg[FDT_NUMA_DIAG_LEN];	/* [init] one line, no newline, NUL-terminated */
};

/**
 * struct fdt_numa - what fdt_numa_parse() found, after its fallbacks
 *
 * [init]: written by fdt_numa_parse() alone, read-only once it returns.
 * Node masks are bit n = node n.
 */
struct fdt_numa {
	int nr_mem;					/* [init] entries in mem[] */
	struct fdt_numa_mem mem[FDT_NUMA_MAX_MEM];	/* [init] in tree order */
	int nr_harts;					/* [init] entries in harts[] */
	struct fdt_numa_hart harts[FDT_NUMA_MAX_HARTS];	/* [init] in tree order */
	uint8_t distance[FDT_NUMA_MAX_NODES][FDT_NUMA_MAX_NODES]; /* [init] [from][to] */
	bool has_distance_map;		/* [init] a distance map was found and accepted */
	bool numa;			/* [init] the tree has numa-node-id properties */
	bool fallback;			/* [init] numa, but rejected: one node 0 */
	unsigned int nodes;		/* [init] nodes seen (memory, harts) */
	unsigned int nodes_with_mem;	/* [init] nodes with at least one byte of RAM */
	unsigned int nodes_with_harts;	/* [init] nodes with at least one enabled hart */
	int nr_diags;			/* [init] entries in diags[] */
	int nr_diags_dropped;		/* [init] messages that did not fit */
	struct fdt_numa_diag diags[FDT_NUMA_MAX_DIAGS];	/* [init] in order found */
};

/**
 * struct fdt_numa_opts - what the parser cannot learn from the tree
 * @kernel_start: physical address of the kernel image's first byte
 * @kernel_end: one past its last byte; 0 (or <= @kernel_start) skips the
 *	kernel checks
 */
struct fdt_numa_opts {
	uint64_t kernel_start;
	uint64_t kernel_end;
};

/**
 * fdt_numa_parse() - the NUMA topology of a flattened device tree
 * @fdt: the blob; its header is checked here too (fdt_check_header)
 * @out: filled completely, whatever happens
 * @opts: may be NULL (no kernel checks)
 *
 * Reads the root's memory nodes (reg, numa-node-id), /cpus' cpu nodes
 * (reg, status, numa-node-id), /reserved-memory and the
 * numa-distance-map-v1 node, bounds-checking every property.  A malformed
 * or inconsistent tree yields messages and a documented fallback, never an
 * out-of-bounds read.
 * Context: pure; reentrant.  Return: 0 when @out is the tree's own
 * topology (one node 0 if the tree has no numa-node-id at all), 1 after a
 * fallback to one node (@out->fallback), -1 if libfdt rejects the header
 * (then @out describes one node 0 with no memory and no harts).
 */
int fdt_numa_parse(const void *fdt, struct fdt_numa *out,
		   const struct fdt_numa_opts *opts);

#endif /* NODAL_FDT_NUMA_H */
