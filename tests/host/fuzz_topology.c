/* SPDX-License-Identifier: MIT */
/*
 * tests/host/fuzz_topology.c — libFuzzer target for mm/numa/dt_scan.c.
 *
 * Each input is taken as a device tree blob: copied into 8-byte aligned
 * memory (as the firmware hands it to the kernel), accepted by
 * fdt_check_header() with a totalsize that fits the input (the kernel
 * trusts the header's size; here the input's length is the truth), then
 * parsed with the kernel's image range.  ASan and UBSan catch any read
 * outside the blob or the result; the checks below catch a result that
 * breaks the parser's promises.  Build and run: make fuzz (FUZZ_RUNS=N);
 * the seed corpus is QEMU's own trees plus tests/host/dts.
 */
#include <libfdt.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <nodal/dt_scan.h>

#define FUZZ_MAX_INPUT	(1 << 20)

static struct fdt_numa result;

/* What must hold whatever the input: abort() makes libFuzzer keep it. */
static void check_promises(const struct fdt_numa *o, int ret)
{
	if (o->nr_mem < 0 || o->nr_mem > FDT_NUMA_MAX_MEM ||
	    o->nr_harts < 0 || o->nr_harts > FDT_NUMA_MAX_HARTS ||
	    o->nr_diags < 0 || o->nr_diags > FDT_NUMA_MAX_DIAGS)
		abort();
	if (!o->nodes || (o->nodes & ~0xfu) || (o->fallback && o->nodes != 1))
		abort();
	if ((o->nodes_with_mem | o->nodes_with_harts) & ~o->nodes)
		abort();
	for (int i = 0; i < o->nr_diags; i++)
		if (!memchr(o->diags[i].msg, '\0', FDT_NUMA_DIAG_LEN))
			abort();
	for (int i = 0; i < o->nr_harts; i++)
		if (o->harts[i].nid < 0 || !(o->nodes & (1u << o->harts[i].nid)))
			abort();
	for (int i = 0; i < o->nr_mem; i++)
		if (!o->mem[i].size || o->mem[i].nid < 0 ||
		    !(o->nodes & (1u << o->mem[i].nid)))
			abort();
	for (int a = 0; a < FDT_NUMA_MAX_NODES; a++)
		if (o->distance[a][a] != FDT_NUMA_LOCAL)
			abort();
	if (ret == 1 && !o->fallback)
		abort();
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static uint64_t blob[FUZZ_MAX_INPUT / 8];
	struct fdt_numa_opts opts = { 0x80200000, 0x80400000 };
	int ret;

	if (size < sizeof(struct fdt_header) || size > FUZZ_MAX_INPUT)
		return -1;	/* not worth keeping in the corpus */
	memcpy(blob, data, size);
	if (fdt_check_header(blob) || fdt_totalsize(blob) > size)
		return -1;
	ret = fdt_numa_parse(blob, &result, &opts);
	check_promises(&result, ret);
	return 0;
}
