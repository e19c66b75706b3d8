/* SPDX-License-Identifier: MIT */
/*
 * kernel/devtree.c — early device-tree reads, and the `dt` command.
 *
 * Everything goes through libfdt; nothing here walks the blob by hand.
 * Property values are bounds-checked (a `reg` whose length is not a
 * multiple of its cells is skipped with a message): the tree may come from
 * the user (`make qemu DTB=`), so no value is trusted.
 */
#include <libfdt.h>
#include <linux/errno.h>
#include <linux/printk.h>
#include <linux/string.h>
#include <nodal/devtree.h>
#include <nodal/shell.h>

const void *initial_boot_params;

int dt_init(const void *dtb)
{
	int err;

	if (!dtb || ((unsigned long)dtb & 7)) {
		pr_emerg("dt: no device tree, or misaligned at %p\n", dtb);
		return -EINVAL;
	}
	err = fdt_check_header(dtb);
	if (err) {
		pr_emerg("dt: device tree at %p rejected by libfdt: %s\n", dtb,
			 fdt_strerror(err));
		return -EINVAL;
	}
	initial_boot_params = dtb;
	return 0;
}

unsigned long dt_total_size(void)
{
	return fdt_totalsize(initial_boot_params);
}

static int cells_of(int node, const char *prop, int dflt)
{
	int len;
	const fdt32_t *p = fdt_getprop(initial_boot_params, node, prop, &len);

	if (!p || len != 4)
		return dflt;
	return (int)fdt32_to_cpu(*p);
}

static u64 read_cells(const fdt32_t *p, int cells)
{
	u64 v = 0;

	while (cells--)
		v = (v << 32) | fdt32_to_cpu(*p++);
	return v;
}

/* Append each (address, size) pair of @node's reg to @out. */
static int read_reg(int node, struct mem_range *out, int n, int max)
{
	const void *fdt = initial_boot_params;
	int parent = fdt_parent_offset(fdt, node);
	int ac = cells_of(parent, "#address-cells", 2);
	int sc = cells_of(parent, "#size-cells", 1);
	const fdt32_t *reg;
	int len, stride = (ac + sc) * 4;

	reg = fdt_getprop(fdt, node, "reg", &len);
	if (!reg)
		return n;
	if (ac < 1 || ac > 2 || sc < 0 || sc > 2 || len % stride) {
		pr_warn("dt: %s: malformed reg (%d bytes, %d+%d cells) skipped\n",
			fdt_get_name(fdt, node, NULL), len, ac, sc);
		return n;
	}
	for (int i = 0; i < len / stride && n < max; i++) {
		const fdt32_t *cell = reg + i * (ac + sc);

		out[n].base = read_cells(cell, ac);
		out[n].size = read_cells(cell + ac, sc);
		if (out[n].size)
			n++;
	}
	return n;
}

static bool is_memory_node(int node)
{
	const char *type = fdt_getprop(initial_boot_params, node,
				       "device_type", NULL);

	return type && !strcmp(type, "memory");
}

int dt_memory_ranges(struct mem_range *out, int max)
{
	int node, n = 0;

	fdt_for_each_subnode(node, initial_boot_params, 0)
		if (is_memory_node(node))
			n = read_reg(node, out, n, max);
	return n;
}

int dt_reserved_ranges(struct mem_range *out, int max)
{
	const void *fdt = initial_boot_params;
	int parent = fdt_path_offset(fdt, "/reserved-memory"), node, n = 0;

	for (int i = 0; i < fdt_num_mem_rsv(fdt) && n < max; i++) {
		u64 addr, size;

		if (!fdt_get_mem_rsv(fdt, i, &addr, &size) && size)
			out[n++] = (struct mem_range){ addr, size };
	}
	if (parent < 0)
		return n;
	fdt_for_each_subnode(node, fdt, parent)
		n = read_reg(node, out, n, max);
	return n;
}

static bool node_enabled(int node)
{
	const char *status = fdt_getprop(initial_boot_params, node, "status",
					 NULL);

	return !status || !strcmp(status, "okay") || !strcmp(status, "ok");
}

static bool is_cpu_node(int node)
{
	const char *type = fdt_getprop(initial_boot_params, node,
				       "device_type", NULL);

	return type && !strcmp(type, "cpu");
}

static int hart_of(int node, unsigned long *hartid)
{
	int len;
	const fdt32_t *reg = fdt_getprop(initial_boot_params, node, "reg", &len);

	if (!reg || len < 4)
		return -EINVAL;
	*hartid = len >= 8 ? read_cells(reg, 2) : fdt32_to_cpu(*reg);
	return 0;
}

int dt_harts(unsigned long *hartids, int max)
{
	int cpus = fdt_path_offset(initial_boot_params, "/cpus"), node, n = 0;

	if (cpus < 0)
		return 0;
	fdt_for_each_subnode(node, initial_boot_params, cpus) {
		unsigned long hart;

		if (!is_cpu_node(node) || !node_enabled(node) || n == max)
			continue;
		if (hart_of(node, &hart)) {
			pr_warn("dt: %s has no valid reg: skipped\n",
				fdt_get_name(initial_boot_params, node, NULL));
			continue;
		}
		hartids[n++] = hart;
	}
	return n;
}

/* Is "_<ext>" a whole word of the ISA string (ended by '_' or its end)? */
static bool isa_has(const char *isa, int len, const char *ext)
{
	size_t n = strlen(ext);

	for (const char *p = memchr(isa, '_', len); p; ) {
		const char *end = memchr(p + 1, '_', len - (p + 1 - isa));
		size_t word = (end ? end : isa + strnlen(isa, len)) - (p + 1);

		if (word == n && !strncmp(p + 1, ext, n))
			return true;
		p = end;
	}
	return false;
}

bool dt_all_harts_have_extension(const char *ext)
{
	int cpus = fdt_path_offset(initial_boot_params, "/cpus"), node, seen = 0;

	if (cpus < 0)
		return false;
	fdt_for_each_subnode(node, initial_boot_params, cpus) {
		const char *isa;
		int len;

		if (!is_cpu_node(node) || !node_enabled(node))
			continue;
		isa = fdt_getprop(initial_boot_params, node, "riscv,isa", &len);
		if (!isa || len < 1 || !isa_has(isa, len, ext))
			return false;
		seen++;
	}
	return seen > 0;
}

u64 dt_timebase_frequency(void)
{
	int cpus = fdt_path_offset(initial_boot_params, "/cpus"), len;
	const fdt32_t *p;

	if (cpus < 0)
		return 0;
	p = fdt_getprop(initial_boot_params, cpus, "timebase-frequency", &len);
	if (!p || (len != 4 && len != 8))
		return 0;
	return read_cells(p, len / 4);
}

const char *dt_bootargs(void)
{
	int chosen = fdt_path_offset(initial_boot_params, "/chosen"), len;
	const char *args;

	if (chosen < 0)
		return "";
	args = fdt_getprop(initial_boot_params, chosen, "bootargs", &len);
	if (!args || len < 1 || args[len - 1])
		return "";
	return args;
}

/* ---- the `dt` command ---- */

static void print_node_id(int node)
{
	int len;
	const fdt32_t *p = fdt_getprop(initial_boot_params, node,
				       "numa-node-id", &len);

	if (p && len == 4)
		console_printf(" numa-node-id=%u", fdt32_to_cpu(*p));
	else
		console_printf(" numa-node-id=(none)");
}

static void dt_show_memory(void)
{
	int node;

	console_printf("memory:\n");
	fdt_for_each_subnode(node, initial_boot_params, 0) {
		struct mem_range r[8];
		int n;

		if (!is_memory_node(node))
			continue;
		n = read_reg(node, r, 0, 8);
		console_printf("  %-24s", fdt_get_name(initial_boot_params, node, NULL));
		for (int i = 0; i < n; i++)
			console_printf(" [mem %#018llx-%#018llx]",
				       (unsigned long long)r[i].base,
				       (unsigned long long)(r[i].base + r[i].size - 1));
		if (!n)
			console_printf(" (size 0)");
		print_node_id(node);
		console_printf("\n");
	}
}

static void dt_show_cpus(void)
{
	int cpus = fdt_path_offset(initial_boot_params, "/cpus"), node;

	console_printf("cpus: timebase-frequency=%llu\n",
		       (unsigned long long)dt_timebase_frequency());
	if (cpus < 0)
		return;
	fdt_for_each_subnode(node, initial_boot_params, cpus) {
		const char *status;
		unsigned long hart;

		if (!is_cpu_node(node) || hart_of(node, &hart))
			continue;
		status = fdt_getprop(initial_boot_params, node, "status", NULL);
		console_printf("  %-10s hart %-3lu status=%-8s",
			       fdt_get_name(initial_boot_params, node, NULL),
			       hart, status ? status : "(none)");
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
		console_printf(" %u->%u:%u", fdt32_to_cpu(m[i]),
			       fdt32_to_cpu(m[i + 1]), fdt32_to_cpu(m[i + 2]));
	console_printf("\n");
}

static void dt_show_reserved(void)
{
	struct mem_range r[16];
	int n = dt_reserved_ranges(r, 16);

	console_printf("reserved-memory:\n");
	for (int i = 0; i < n; i++)
		console_printf("  [mem %#018llx-%#018llx]\n",
			       (unsigned long long)r[i].base,
			       (unsigned long long)(r[i].base + r[i].size - 1));
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
