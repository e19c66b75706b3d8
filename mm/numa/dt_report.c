/* SPDX-License-Identifier: MIT */
/*
 * mm/numa/dt_report.c — the `dt` command: what the device tree itself
 * says, property by property, to set beside what the kernel made of it
 * (`topo`, `memblock`).
 *
 * A report on the blob kernel/devtree.c accepted: memory nodes with their
 * reg and numa-node-id, /cpus with each hart's status and node, the
 * distance map, the memreserve block and /reserved-memory, and the
 * bootargs.  It judges nothing (dt_scan.c is the reader that judges), but
 * it reads every property with the reader's own decoders (dt_reg(),
 * dt_cells(), dt_hartid(), dt_timebase(), ... in <nodal/dt_scan.h>),
 * which check each length and load cells unaligned-safe, so what `dt`
 * shows is what boot read: a reg the reader cannot read shows as
 * "(malformed reg)", a cpu node whose reg is no hart id is not listed.
 * It sits beside the reader for that reason (kernel/ may not call up into
 * mm/numa).  Text only.
 */
#include <libfdt.h>
#include <linux/printk.h>
#include <nodal/devtree.h>
#include <nodal/dt_scan.h>
#include <nodal/shell.h>

#define DT_REPORT_RANGES 8 /* ranges shown per node */

struct dt_range {
	uint64_t base;
	uint64_t size;
};

/*
 * The non-empty (address, size) pairs of @node's reg, read with its
 * parent's cells as dt_scan() reads them, into @out.  Return: pairs stored
 * (at most @max), or -1 if the reader cannot read reg.
 */
static int read_reg(int node, struct dt_range *out, int max)
{
	const void *fdt = initial_boot_params, *reg;
	int parent = fdt_parent_offset(fdt, node);
	int ac = dt_cells(fdt, parent, "#address-cells", 2);
	int sc = dt_cells(fdt, parent, "#size-cells", 1);
	int len, pairs, n = 0;

	if (!fdt_getprop(fdt, node, "reg", NULL))
		return 0;
	if (ac < 0 || sc < 0)
		return -1;
	pairs = dt_reg(fdt, node, ac, sc, &reg, &len);
	for (int i = 0; i < pairs && n < max; i++) {
		dt_reg_pair(reg, i, ac, sc, &out[n].base, &out[n].size);
		if (out[n].size)
			n++;
	}
	return pairs < 0 ? -1 : n;
}

/* String property @name of @node, or NULL if absent or not NUL-terminated. */
static const char *prop_str(int node, const char *name)
{
	int len;
	const char *v = fdt_getprop(initial_boot_params, node, name, &len);

	return v && len > 0 && !v[len - 1] ? v : NULL;
}

static void print_node_id(int node)
{
	uint32_t nid;

	if (dt_prop_u32(initial_boot_params, node, "numa-node-id", &nid) ==
	    DT_PROP_OK)
		console_printf(" numa-node-id=%u", nid);
	else
		console_printf(" numa-node-id=(none)");
}

static void print_ranges(const struct dt_range *r, int n)
{
	for (int i = 0; i < n; i++)
		console_printf(" [mem %#018llx-%#018llx]",
			       (unsigned long long)r[i].base,
			       (unsigned long long)(r[i].base + r[i].size - 1));
}

static void dt_show_memory(void)
{
	int node;

	console_printf("memory:\n");
	fdt_for_each_subnode(node, initial_boot_params, 0) {
		struct dt_range r[DT_REPORT_RANGES];
		int n;

		if (!dt_prop_is(initial_boot_params, node, "device_type", "memory"))
			continue;
		n = read_reg(node, r, DT_REPORT_RANGES);
		console_printf("  %-24s",
			       fdt_get_name(initial_boot_params, node, NULL));
		print_ranges(r, n);
		if (!n)
			console_printf(" (size 0)");
		else if (n < 0)
			console_printf(" (malformed reg)");
		print_node_id(node);
		console_printf("\n");
	}
}

/* A cpu node's status as written: "(none)" if absent. */
static const char *cpu_status(int node)
{
	const char *status = prop_str(node, "status");

	if (status)
		return status;
	return fdt_getprop(initial_boot_params, node, "status", NULL) ?
		       "(malformed)" :
		       "(none)";
}

static void dt_show_cpus(void)
{
	const void *fdt = initial_boot_params;
	int cpus = fdt_path_offset(fdt, "/cpus"), node, len, ac;
	uint64_t hart;

	console_printf("cpus: timebase-frequency=%llu\n",
		       cpus < 0 ?
			       0ULL :
			       (unsigned long long)dt_timebase(fdt, cpus, &len));
	if (cpus < 0)
		return;
	ac = dt_cells(fdt, cpus, "#address-cells", 0); /* 0: by reg length */
	fdt_for_each_subnode(node, fdt, cpus) {
		if (!dt_prop_is(fdt, node, "device_type", "cpu") ||
		    !dt_hartid(fdt, node, ac, &hart, &len))
			continue;
		console_printf("  %-10s hart %-3llu status=%-8s",
			       fdt_get_name(fdt, node, NULL),
			       (unsigned long long)hart, cpu_status(node));
		print_node_id(node);
		console_printf("\n");
	}
}

static void dt_show_distances(void)
{
	const void *m;
	int len;

	if (dt_distance_map(initial_boot_params, &m, &len) < 0) {
		console_printf("distance-map: (none)\n");
		return;
	}
	console_printf("distance-map:");
	for (int i = 0; i + 12 <= len; i += 12) {
		const char *t = (const char *)m + i; /* from, to, distance */

		console_printf(" %u->%u:%u", (unsigned int)dt_read_cells(t, 1),
			       (unsigned int)dt_read_cells(t + 4, 1),
			       (unsigned int)dt_read_cells(t + 8, 1));
	}
	console_printf("\n");
}

/* The memreserve block, then /reserved-memory: one range a line. */
static void dt_show_reserved(void)
{
	const void *fdt = initial_boot_params;
	int parent = fdt_path_offset(fdt, "/reserved-memory"), node;
	int nr_rsv = fdt_num_mem_rsv(fdt);

	console_printf("reserved-memory:\n");
	for (int i = 0; i < nr_rsv; i++) {
		struct dt_range r;

		if (fdt_get_mem_rsv(fdt, i, &r.base, &r.size) || !r.size)
			continue;
		console_printf(" ");
		print_ranges(&r, 1);
		console_printf(" (memreserve)\n");
	}
	if (parent < 0)
		return;
	fdt_for_each_subnode(node, fdt, parent) {
		struct dt_range r[DT_REPORT_RANGES];
		int n = read_reg(node, r, DT_REPORT_RANGES);

		if (n < 0)
			console_printf("  %s (malformed reg)\n",
				       fdt_get_name(fdt, node, NULL));
		for (int i = 0; i < n; i++) {
			console_printf(" ");
			print_ranges(&r[i], 1);
			console_printf("\n");
		}
	}
}

static int cmd_dt(int argc, char **argv)
{
	(void)argc;
	(void)argv;
	console_lock();
	console_printf("device tree at %p, %lu bytes\n", initial_boot_params,
		       dt_total_size());
	dt_show_memory();
	dt_show_cpus();
	dt_show_distances();
	dt_show_reserved();
	console_printf("bootargs: %s\n", dt_bootargs());
	console_unlock();
	return 0;
}
SHELL_COMMAND(
	"dt", cmd_dt, "",
	"device tree: memory, cpus with numa-node-id, distances, reserved, bootargs");
