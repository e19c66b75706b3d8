/* SPDX-License-Identifier: MIT */
/*
 * tests/host/fuzz_topology.c — libFuzzer target for mm/numa/dt_scan.c.
 *
 * Each input is taken as a device tree blob: copied into 8-byte aligned
 * memory (as the firmware hands it to the kernel), accepted by
 * fdt_check_header() with a totalsize that fits the input (the kernel
 * trusts the header's size; here the input's length is the truth), then
 * scanned with the kernel's image range.  ASan and UBSan catch any read
 * outside the blob or the result; tests/host/printk.c formats every line
 * the scan prints; the checks below catch a result or a log that breaks
 * the scan's promises.  Build and run: make fuzz (FUZZ_RUNS=N); the seed
 * corpus is QEMU's own trees plus tests/host/dts.
 */
#include <libfdt.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <nodal/dt_scan.h>

#include "host_log.h"

#define FUZZ_MAX_INPUT	(1 << 20)
#define KERNEL_START	0x80200000
#define KERNEL_END	0x80400000

static struct dt_scan result;

/* At most DT_MAX_WARNINGS lines and the count line, each a whole warning. */
static void check_log(const struct dt_scan *o)
{
	int lines = o->nr_warnings > DT_MAX_WARNINGS ? DT_MAX_WARNINGS + 1 :
						       o->nr_warnings;

	if (host_log_len != lines || host_log_bad)
		abort();
	for (int i = 0; i < host_log_len && i < HOST_LOG_LINES; i++)
		if (host_log[i].level != 4)
			abort();
}

#define PHYS_LIMIT (1ULL << 38) /* the kernel's PHYS_ADDR_LIMIT */

/* RAM, reserved ranges and harts: within bounds, no size 0, no wrap; RAM below PHYS_LIMIT. */
static void check_ranges(const struct dt_scan *o)
{
	if (o->nr_mem < 0 || o->nr_mem > DT_MAX_MEM || o->nr_reserved < 0 ||
	    o->nr_reserved > DT_MAX_RESERVED || o->nr_harts < 0 ||
	    o->nr_harts > DT_MAX_HARTS)
		abort();
	for (int i = 0; i < o->nr_mem; i++)
		if (!o->mem[i].size ||
		    o->mem[i].base + o->mem[i].size < o->mem[i].base ||
		    o->mem[i].base + o->mem[i].size > PHYS_LIMIT)
			abort();
	for (int i = 0; i < o->nr_reserved; i++)
		if (!o->reserved[i].size ||
		    o->reserved[i].base + o->reserved[i].size < o->reserved[i].base)
			abort();
	for (int i = 0; i < o->nr_harts; i++)
		if (o->harts[i].isa & ~DT_ISA_SSTC)
			abort();
	if (o->isa & ~DT_ISA_SSTC)
		abort();
}

/* What must hold whatever the input: abort() makes libFuzzer keep it. */
static void check_promises(const struct dt_scan *o, int ret)
{
	check_log(o);
	check_ranges(o);
	if (!o->nodes || (o->nodes & ~0xfu) || (o->fallback && o->nodes != 1))
		abort();
	if ((o->nodes_with_mem | o->nodes_with_harts) & ~o->nodes)
		abort();
	for (int i = 0; i < o->nr_harts; i++)
		if (o->harts[i].nid < 0 || !(o->nodes & (1u << o->harts[i].nid)))
			abort();
	for (int i = 0; i < o->nr_mem; i++)
		if (o->mem[i].nid < 0 || !(o->nodes & (1u << o->mem[i].nid)))
			abort();
	for (int a = 0; a < DT_MAX_NODES; a++)
		if (o->distance[a][a] != DT_LOCAL_DISTANCE)
			abort();
	if (ret == 1 && !o->fallback)
		abort();
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static uint64_t blob[FUZZ_MAX_INPUT / 8];
	struct dt_scan_opts opts = { KERNEL_START, KERNEL_END, PHYS_LIMIT };
	int ret;

	if (size < sizeof(struct fdt_header) || size > FUZZ_MAX_INPUT)
		return -1;	/* not worth keeping in the corpus */
	memcpy(blob, data, size);
	if (fdt_check_header(blob) || fdt_totalsize(blob) > size)
		return -1;
	host_log_clear();
	ret = dt_scan(blob, &result, &opts);
	check_promises(&result, ret);
	return 0;
}
