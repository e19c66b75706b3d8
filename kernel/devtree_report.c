/* SPDX-License-Identifier: MIT */
/*
 * kernel/devtree_report.c — the `dt` command: what the device tree itself
 * says, property by property, to set beside what the kernel made of it
 * (`topo`, `memblock`).
 *
 * A report on the blob devtree.c accepted: memory nodes with their reg and
 * numa-node-id, /cpus with each hart's status and node, the distance map,
 * the memreserve block and /reserved-memory, and the bootargs.  It decodes
 * reg with its parent's cells and judges nothing (mm/numa/dt_scan.c is the
 * reader that judges).  Everything goes through libfdt, cells are loaded
 * with fdt32_ld() (a property need not be aligned), and every length is
 * checked: the tree may come from the user (`make qemu DTB=`).  Text only.
 */
#include <asm/page.h>
#include <libfdt.h>
#include <linux/errno.h>
#include <linux/printk.h>
#include <linux/string.h>
#include <nodal/devtree.h>
#include <nodal/shell.h>

static int cells_of(int node, const char *prop, int dflt)
{
	int len;
	const fdt32_t *p = fdt_getprop(initial_boot_params, node, prop, &len);

	if (!p || len != 4)
		return dflt;
	return (int)fdt32_ld(p);
}

static u64 read_cells(const fdt32_t *p, int cells)
{
	u64 v = 0;

	while (cells--)
		v = (v << 32) | fdt32_ld(p++);
	return v;
}

/*
 * The (address, size) pairs of @node's reg, by its parent's cells, into
 * @out.  Return: pairs stored (at most @max), or -1 if reg is not a whole
 * number of them.
 */
static int read_reg(int node, struct mem_range *out, int max)
{
	const void *fdt = initial_boot_params;
	int parent = fdt_parent_offset(fdt, node);
	int ac = cells_of(parent, "#address-cells", 2);
	int sc = cells_of(parent, "#size-cells", 1);
	const fdt32_t *reg;
	int len, n = 0, stride = (ac + sc) * 4;

	reg = fdt_getprop(fdt, node, "reg", &len);
	if (!reg)
		return 0;
	if (ac < 1 || ac > 2 || sc < 0 || sc > 2 || len % stride)
		return -1;
	for (int i = 0; i < len / stride && n < max; i++) {
		const fdt32_t *cell = reg + i * (ac + sc);

		out[n].base = read_cells(cell, ac);
		out[n].size = read_cells(cell + ac, sc);
		if (out[n].size)
			n++;
	}
	return n;
}

/* String property @name of @node, or NULL if absent or not NUL-terminated. */
static const char *prop_str(int node, const char *name)
{
	int len;
	const char *v = fdt_getprop(initial_boot_params, node, name, &len);

	return v && len > 0 && !v[len - 1] ? v : NULL;
}

/* Is string property @name of @node exactly @want? */
static bool prop_is(int node, const char *name, const char *want)
{
	const char *v = prop_str(node, name);

	return v && !strcmp(v, want);
}

static int hart_of(int node, unsigned long *hartid)
{
	int len;
	const fdt32_t *reg = fdt_getprop(initial_boot_params, node, "reg", &len);

	if (!reg || len < 4)
		return -EINVAL;
	*hartid = len >= 8 ? read_cells(reg, 2) : fdt32_ld(reg);
	return 0;
}

static void print_node_id(int node)
{
	int len;
	const fdt32_t *p = fdt_getprop(initial_boot_params, node,
				       "numa-node-id", &len);

	if (p && len == 4)
		console_printf(" numa-node-id=%u", fdt32_ld(p));
	else
		console_printf(" numa-node-id=(none)");
}

static void print_ranges(const struct mem_range *r, int n)
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
		struct mem_range r[8];
		int n;

		if (!prop_is(node, "device_type", "memory"))
			continue;
		n = read_reg(node, r, 8);
		console_printf("  %-24s", fdt_get_name(initial_boot_params, node, NULL));
		print_ranges(r, n);
		if (!n)
			console_printf(" (size 0)");
		else if (n < 0)
			console_printf(" (malformed reg)");
		print_node_id(node);
		console_printf("\n");
	}
}

static u64 timebase_frequency(int cpus)
{
	int len;
	const fdt32_t *p = fdt_getprop(initial_boot_params, cpus,
				       "timebase-frequency", &len);

	return p && (len == 4 || len == 8) ? read_cells(p, len / 4) : 0;
}

static void dt_show_cpus(void)
{
	int cpus = fdt_path_offset(initial_boot_params, "/cpus"), node;

	console_printf("cpus: timebase-frequency=%llu\n",
		       cpus < 0 ? 0ULL : (unsigned long long)timebase_frequency(cpus));
	if (cpus < 0)
		return;
	fdt_for_each_subnode(node, initial_boot_params, cpus) {
		const char *status;
		unsigned long hart;

		if (!prop_is(node, "device_type", "cpu") || hart_of(node, &hart))
			continue;
		status = prop_str(node, "status");
		if (!status)
			status = fdt_getprop(initial_boot_params, node, "status",
					     NULL) ? "(malformed)" : "(none)";
		console_printf("  %-10s hart %-3lu status=%-8s",
			       fdt_get_name(initial_boot_params, node, NULL),
			       hart, status);
		print_node_id(node);
		console_printf("\n");
	}
}

static void dt_show_distances(void)
{
	int node = fdt_node_offset_by_compatible(initial_boot_params, -1,
						 "numa-distance-map-v1");
	const fdt32_t *m;
	int len;

	if (node < 0) {
		console_printf("distance-map: (none)\n");
		return;
	}
	m = fdt_getprop(initial_boot_params, node, "distance-matrix", &len);
	console_printf("distance-map:");
	for (int i = 0; m && i + 3 <= len / 4; i += 3)
		console_printf(" %u->%u:%u", fdt32_ld(&m[i]),
			       fdt32_ld(&m[i + 1]), fdt32_ld(&m[i + 2]));
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
		uint64_t base, size;

		if (fdt_get_mem_rsv(fdt, i, &base, &size) || !size)
			continue;
		console_printf(" ");
		print_ranges(&(struct mem_range){ base, size }, 1);
		console_printf(" (memreserve)\n");
	}
	if (parent < 0)
		return;
	fdt_for_each_subnode(node, fdt, parent) {
		struct mem_range r[8];
		int n = read_reg(node, r, 8);

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
SHELL_COMMAND("dt", cmd_dt, "",
	      "device tree: memory, cpus with numa-node-id, distances, reserved, bootargs");
