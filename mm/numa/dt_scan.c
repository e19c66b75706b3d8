/* SPDX-License-Identifier: MIT */
/*
 * mm/numa/dt_scan.c — everything boot reads from the device tree, in one pass.
 *
 * The kernel's one device-tree reader: RAM with its nodes, reserved
 * ranges, harts with their nodes and ISA extensions, the timebase and the
 * distance map, into a struct dt_scan (include/nodal/dt_scan.h).  libfdt
 * calls and arithmetic, no kernel state; problems go to printk as they are
 * found.  It walks the nodes that matter (memory, reserved ranges, cpus),
 * then runs the checks that need memory and harts together, the distance
 * map last, and keeps a `reject` flag: the first problem that makes the
 * topology untrustworthy sets it, later checks that would only repeat it
 * are skipped, and the end turns the result into one node 0.  RAM,
 * reserved ranges and harts do not depend on that flag: one node or four,
 * boot gets the same memory and CPUs.  The NUMA rules and every fallback
 * are listed in the theory statement of mm/numa/topology.c; the rest are:
 *
 *  - Reserved ranges (Linux: early_init_fdt_scan_reserved_mem()): every
 *    entry of the memreserve block, then the reg of each /reserved-memory
 *    child, read with /reserved-memory's own #address-cells and
 *    #size-cells (default 2 and 1).  Linux ignores the whole node unless
 *    those equal the root's and it has `ranges`, and skips a child whose
 *    status is not okay; Nodal reserves such ranges all the same (more
 *    reserved, never less).  A child without reg (a pool Linux would
 *    allocate) is skipped: Nodal allocates none.  A malformed reg,
 *    a range that wraps past 2^64, ranges past 32: message, not reserved.
 *    A range over the kernel image: message, kept (the kernel stays
 *    mapped and reserved whatever it says).
 *  - Timebase (Linux: riscv time_init(), which panics without it): /cpus
 *    timebase-frequency in one or two cells.  Absent, another length, or
 *    0: message, 0, and time_init() keeps its default rate.
 *  - ISA extensions (Linux: riscv_fill_hwcap()): a hart has one when its
 *    riscv,isa lists "_<name>" as a whole word after the base letters;
 *    boot uses the ones every enabled hart has (none if no hart is).
 *  - RAM at or above opts->phys_limit (boot passes 2^38, where the
 *    kernel's identity map ends): message, cut there or left out.
 *    Overlapping memory in a tree without numa-node-id: message, kept
 *    (memblock_add() merges it).  Whether the kernel image and the DTB lie
 *    in the memory described is the boot's check (init/main.c), which
 *    keeps both usable anyway; the scan judges only the kernel's node.
 *
 * The tests are tests/host/topology_test.c and tests/host/fuzz_topology.c,
 * which build this file unchanged for the host (with tests/host/printk.c's
 * printk(), which keeps the lines for the test to read).
 *
 * Every property is length-checked before it is read, and cells are
 * loaded with fdt32_ld() (byte by byte): a damaged header may place the
 * structure block at an odd offset, so a property need not be aligned.
 */
#include <libfdt.h>
#include <linux/printk.h>
#include <linux/string.h>
#include <nodal/dt_scan.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#define PATH_LEN   64
#define PATH_DEPTH 4 /* path components shown */

/*
 * One scan: the tree, the result, and what was learned on the way.  It
 * lives on dt_scan()'s stack: [scan] = owned by that one call.
 */
struct scan {
	const void *fdt;		 /* [scan] the blob, header checked */
	struct dt_scan *out;		 /* [scan] the caller's result */
	const struct dt_scan_opts *opts; /* [scan] never NULL */
	bool reject;	    /* [scan] fall back to one node at the end */
	bool any_id;	    /* [scan] some numa-node-id was found */
	bool full;	    /* [scan] mem[] or harts[] overflowed (said once) */
	bool reserved_full; /* [scan] reserved[] overflowed (said once) */
	int mem_off[DT_MAX_MEM];    /* [scan] tree offset of each out->mem[] */
	int hart_off[DT_MAX_HARTS]; /* [scan] tree offset of each out->harts[] */
	char path[PATH_LEN];	    /* [scan] scratch for node_path() */
	char path2[PATH_LEN]; /* [scan] a second one, for two-node messages */
};

/* ---- messages ---- */

/*
 * One problem with the tree, printed unless DT_MAX_WARNINGS already were
 * (dt_scan() counts the rest in one last line).  The arguments, node
 * paths among them, are built only for a line that prints.
 */
#define scan_warn(s, fmt, ...)                                 \
	do {                                                   \
		if ((s)->out->nr_warnings++ < DT_MAX_WARNINGS) \
			pr_warn(fmt "\n", ##__VA_ARGS__);      \
	} while (0)

/* A problem that makes the whole topology untrustworthy. */
#define reject_tree(s, fmt, ...)                                     \
	do {                                                         \
		scan_warn(s, fmt ": using one node", ##__VA_ARGS__); \
		(s)->reject = true;                                  \
	} while (0)

/*
 * Append @str to @buf (PATH_LEN bytes) at *pos; what does not fit is cut.
 * A node name is any bytes the tree holds: a control character (a newline
 * would forge a log line of its own) or a non-ASCII one is shown as '?'.
 */
static void path_put(char *buf, size_t *pos, const char *str)
{
	for (; *str && *pos + 1 < PATH_LEN; str++)
		buf[(*pos)++] = *str >= ' ' && *str <= '~' ? *str : '?';
}

/*
 * The path of @node, built into @buf from its own and its parents' names.
 * Not fdt_get_path(): on a blob with two root nodes it walks its buffer
 * backwards past the start (found by fuzz_topology, libfdt 1.6.1 and
 * Linux 6.12's copy alike).  Deeper than PATH_DEPTH: "..." stands for the
 * top; a broken parent chain: "?".
 */
static const char *node_path(struct scan *s, int node, char *buf)
{
	const char *names[PATH_DEPTH];
	size_t pos = 0;
	int n = 0, off;

	for (off = node; off > 0 && n < PATH_DEPTH;
	     off = fdt_parent_offset(s->fdt, off)) {
		const char *name = fdt_get_name(s->fdt, off, NULL);

		names[n++] = name ? name : "?";
	}
	if (off != 0)
		path_put(buf, &pos, off > 0 ? "..." : "?");
	if (!n)
		path_put(buf, &pos, "/"); /* the root itself */
	while (n) {
		path_put(buf, &pos, "/");
		path_put(buf, &pos, names[--n]);
	}
	buf[pos] = '\0';
	return buf;
}

#define PATH(s, node)  node_path(s, node, (s)->path)
#define PATH2(s, node) node_path(s, node, (s)->path2)

/* ---- properties: the decoders, shared with the `dt` report ---- */

enum dt_prop_state dt_prop_u32(const void *fdt, int node, const char *name,
			       uint32_t *val)
{
	int len;
	const fdt32_t *v = fdt_getprop(fdt, node, name, &len);

	if (!v)
		return DT_PROP_ABSENT;
	if (len != 4)
		return DT_PROP_BAD;
	*val = fdt32_ld(v);
	return DT_PROP_OK;
}

bool dt_prop_is(const void *fdt, int node, const char *name, const char *want)
{
	int len;
	const char *v = fdt_getprop(fdt, node, name, &len);

	return v && len > 0 && v[len - 1] == '\0' && strcmp(v, want) == 0;
}

uint64_t dt_read_cells(const void *cells, int n)
{
	const fdt32_t *cell = cells;
	uint64_t v = 0;

	while (n--)
		v = (v << 32) | fdt32_ld(cell++);
	return v;
}

int dt_cells(const void *fdt, int node, const char *name, int dflt)
{
	uint32_t v;

	switch (dt_prop_u32(fdt, node, name, &v)) {
	case DT_PROP_ABSENT:
		return dflt;
	case DT_PROP_OK:
		return v >= 1 && v <= 2 ? (int)v : -1;
	default:
		return -1;
	}
}

/* dt_cells(), with a message naming what is wrong when it fails. */
static int cells_of(struct scan *s, int node, const char *name, int dflt)
{
	int cells = dt_cells(s->fdt, node, name, dflt);
	uint32_t v;

	if (cells >= 0)
		return cells;
	if (dt_prop_u32(s->fdt, node, name, &v) == DT_PROP_OK)
		scan_warn(s, "numa: %s: %s = %u, not 1 or 2", PATH(s, node),
			  name, v);
	else
		scan_warn(s, "numa: %s: %s is not one cell", PATH(s, node), name);
	return -1;
}

int dt_reg(const void *fdt, int node, int ac, int sc, const void **reg, int *len)
{
	int stride = (ac + sc) * 4;

	*reg = fdt_getprop(fdt, node, "reg", len);
	if (!*reg)
		return 0;
	if (*len <= 0 || *len % stride)
		return -1;
	return *len / stride;
}

void dt_reg_pair(const void *reg, int i, int ac, int sc, uint64_t *base,
		 uint64_t *size)
{
	const fdt32_t *cell = (const fdt32_t *)reg + i * (ac + sc);

	*base = dt_read_cells(cell, ac);
	*size = dt_read_cells(cell + ac, sc);
}

/*
 * numa-node-id of @node: DT_NO_NODE if absent; rejects the tree (and
 * returns DT_NO_NODE) if malformed or out of range.
 */
static int node_id_of(struct scan *s, int node)
{
	uint32_t nid;

	switch (dt_prop_u32(s->fdt, node, "numa-node-id", &nid)) {
	case DT_PROP_ABSENT:
		return DT_NO_NODE;
	case DT_PROP_BAD:
		s->any_id = true;
		reject_tree(s, "numa: %s: numa-node-id is not one cell",
			    PATH(s, node));
		return DT_NO_NODE;
	default:
		s->any_id = true;
		if (nid < DT_MAX_NODES)
			return (int)nid;
		reject_tree(s, "numa: %s: numa-node-id %u >= MAX_NUMNODES (%d)",
			    PATH(s, node), nid, DT_MAX_NODES);
		return DT_NO_NODE;
	}
}

/* A libfdt walk that ended on an error rather than at the last node. */
static void check_walk_end(struct scan *s, int err, const char *what)
{
	if (err < 0 && err != -FDT_ERR_NOTFOUND)
		reject_tree(s, "numa: %s: device tree structure damaged (%s)",
			    what, fdt_strerror(err));
}

/* ---- memory nodes ---- */

/*
 * RAM the kernel cannot address (opts->phys_limit) is left out: a range
 * wholly above the limit is ignored, one across it is cut there.  False
 * when nothing of it remains.
 */
static bool clip_to_limit(struct scan *s, int node, uint64_t base, uint64_t *size)
{
	uint64_t limit = s->opts->phys_limit;

	if (!limit || base + *size <= limit)
		return true;
	scan_warn(s,
		  "numa: %s: [mem %#llx-%#llx] reaches past %#llx, the end "
		  "of what the kernel can map: %s",
		  PATH(s, node), (unsigned long long)base,
		  (unsigned long long)(base + *size - 1),
		  (unsigned long long)limit,
		  base >= limit ? "ignored" : "cut there");
	if (base >= limit)
		return false;
	*size = limit - base;
	return true;
}

/* Record one range; false (after a message) if it cannot be. */
static bool add_mem(struct scan *s, int node, uint64_t base, uint64_t size, int nid)
{
	struct dt_scan *out = s->out;

	if (base + size < base) {
		reject_tree(s, "numa: %s: reg [mem %#llx + %#llx] wraps around",
			    PATH(s, node), (unsigned long long)base,
			    (unsigned long long)size);
		return false;
	}
	if (!clip_to_limit(s, node, base, &size))
		return true;
	if (out->nr_mem == DT_MAX_MEM) {
		if (!s->full)
			reject_tree(s, "numa: %s: more than %d memory ranges",
				    PATH(s, node), DT_MAX_MEM);
		s->full = true;
		return false;
	}
	s->mem_off[out->nr_mem] = node;
	out->mem[out->nr_mem++] = (struct dt_mem){ base, size, nid };
	return true;
}

/* One `device_type = "memory"` node: its ranges, and its node if any. */
static void scan_memory_node(struct scan *s, int node, int ac, int sc)
{
	int nid = node_id_of(s, node), len;
	const void *reg;
	int pairs = dt_reg(s->fdt, node, ac, sc, &reg, &len);

	if (!reg && nid != DT_NO_NODE) {
		reject_tree(s, "numa: %s: numa-node-id %d but no reg",
			    PATH(s, node), nid);
		return;
	}
	if (!reg)
		return; /* no RAM, no node: nothing to say */
	if (pairs < 0) {
		if (nid != DT_NO_NODE)
			reject_tree(s,
				    "numa: %s: reg is %d bytes, not a multiple "
				    "of %d (#address-cells %d, #size-cells %d)",
				    PATH(s, node), len, (ac + sc) * 4, ac, sc);
		else
			scan_warn(s,
				  "numa: %s: reg is %d bytes, not a multiple "
				  "of %d: skipped",
				  PATH(s, node), len, (ac + sc) * 4);
		return;
	}
	if (nid != DT_NO_NODE)
		s->out->nodes |= 1u << nid; /* a size-0 reg: memory-less */
	for (int i = 0; i < pairs; i++) {
		uint64_t base, size;

		dt_reg_pair(reg, i, ac, sc, &base, &size);
		if (size && !add_mem(s, node, base, size, nid))
			return;
	}
}

static void scan_memory(struct scan *s)
{
	int ac = cells_of(s, 0, "#address-cells", 2);
	int sc = cells_of(s, 0, "#size-cells", 1);
	int node;

	if (ac < 0 || sc < 0) {
		reject_tree(s,
			    "numa: /: cannot read memory reg without valid cells");
		return;
	}
	fdt_for_each_subnode(node, s->fdt, 0)
		if (dt_prop_is(s->fdt, node, "device_type", "memory"))
			scan_memory_node(s, node, ac, sc);
	check_walk_end(s, node, "/");
}

/* ---- reserved ranges: the memreserve block and /reserved-memory ---- */

/* Where reserved range @node comes from: a node, or (-1) the memreserve block. */
static const char *reserved_source(struct scan *s, int node)
{
	return node < 0 ? "memreserve block" : PATH(s, node);
}

/*
 * Keep one reserved range.  One over the kernel image is kept but
 * reported: the boot code cannot move the kernel, and maps it whatever
 * the range says.
 */
static void add_reserved(struct scan *s, int node, uint64_t base, uint64_t size)
{
	const struct dt_scan_opts *o = s->opts;
	struct dt_scan *out = s->out;

	if (!size)
		return;
	if (base + size < base) {
		scan_warn(s,
			  "numa: %s: [mem %#llx + %#llx] wraps around: not reserved",
			  reserved_source(s, node), (unsigned long long)base,
			  (unsigned long long)size);
		return;
	}
	if (out->nr_reserved == DT_MAX_RESERVED) {
		if (!s->reserved_full)
			scan_warn(s,
				  "numa: %s: more than %d reserved ranges: "
				  "the rest not reserved",
				  reserved_source(s, node), DT_MAX_RESERVED);
		s->reserved_full = true;
		return;
	}
	if (o->kernel_end > o->kernel_start && base < o->kernel_end &&
	    base + size > o->kernel_start)
		scan_warn(s,
			  "numa: %s: [mem %#llx-%#llx] overlaps the kernel "
			  "image: ignored",
			  reserved_source(s, node), (unsigned long long)base,
			  (unsigned long long)(base + size - 1));
	out->reserved[out->nr_reserved++] = (struct dt_reserved){ base, size };
}

static void scan_memreserve_block(struct scan *s)
{
	int n = fdt_num_mem_rsv(s->fdt);

	if (n < 0) {
		scan_warn(s,
			  "numa: memreserve block: not terminated (%s): not read",
			  fdt_strerror(n));
		return;
	}
	for (int i = 0; i < n; i++) {
		uint64_t base, size;

		if (!fdt_get_mem_rsv(s->fdt, i, &base, &size))
			add_reserved(s, -1, base, size);
	}
}

/* A child without reg (a dynamic reservation: size, alloc-ranges) is skipped. */
static void scan_reserved_node(struct scan *s, int node, int ac, int sc)
{
	const void *reg;
	int len, pairs = dt_reg(s->fdt, node, ac, sc, &reg, &len);

	if (pairs < 0) {
		scan_warn(s,
			  "numa: %s: reg is %d bytes, not a multiple of %d: "
			  "not reserved",
			  PATH(s, node), len, (ac + sc) * 4);
		return;
	}
	for (int i = 0; i < pairs; i++) {
		uint64_t base, size;

		dt_reg_pair(reg, i, ac, sc, &base, &size);
		add_reserved(s, node, base, size);
	}
}

static void scan_reserved(struct scan *s)
{
	int rsv, node, ac, sc;

	scan_memreserve_block(s);
	rsv = fdt_path_offset(s->fdt, "/reserved-memory");
	if (rsv < 0) {
		check_walk_end(s, rsv, "/reserved-memory");
		return;
	}
	ac = cells_of(s, rsv, "#address-cells", 2);
	sc = cells_of(s, rsv, "#size-cells", 1);
	if (ac < 0 || sc < 0) {
		scan_warn(s, "numa: /reserved-memory: cannot read reg without valid "
			     "cells: nothing reserved from it");
		return;
	}
	fdt_for_each_subnode(node, s->fdt, rsv)
		scan_reserved_node(s, node, ac, sc);
	check_walk_end(s, node, "/reserved-memory");
}

/* ---- /cpus: the timebase, and the cpu nodes ---- */

bool dt_hartid(const void *fdt, int node, int ac, uint64_t *hartid, int *len)
{
	const fdt32_t *reg = fdt_getprop(fdt, node, "reg", len);

	if (!reg) {
		*len = 0;
		return false;
	}
	if (!ac && (*len == 4 || *len == 8))
		ac = *len / 4;
	if (ac < 1 || ac > 2 || *len != ac * 4)
		return false;
	*hartid = dt_read_cells(reg, ac);
	return true;
}

/* dt_hartid(), with a message when it fails or repeats an earlier hart. */
static bool hartid_of(struct scan *s, int node, int ac, uint64_t *hartid)
{
	int len;

	if (!dt_hartid(s->fdt, node, ac, hartid, &len)) {
		scan_warn(s,
			  "numa: %s: reg is %d bytes, not a hart id: cpu skipped",
			  PATH(s, node), len);
		return false;
	}
	for (int i = 0; i < s->out->nr_harts; i++) {
		if (s->out->harts[i].hartid != *hartid)
			continue;
		scan_warn(s, "numa: %s: hart %llu listed twice: cpu skipped",
			  PATH(s, node), (unsigned long long)*hartid);
		return false;
	}
	return true;
}

/* status: absent, "okay" or "ok" = enabled; "fail..." = not a cpu at all. */
static bool cpu_failed(const void *fdt, int node)
{
	int len;
	const char *str = fdt_getprop(fdt, node, "status", &len);

	return str && len >= 4 && strncmp(str, "fail", 4) == 0;
}

static bool cpu_enabled(const void *fdt, int node)
{
	return !fdt_getprop(fdt, node, "status", NULL) ||
	       dt_prop_is(fdt, node, "status", "okay") ||
	       dt_prop_is(fdt, node, "status", "ok");
}

/* Is "_@ext" a whole word of riscv,isa @isa (ended by '_' or the string's end)? */
static bool isa_lists(const char *isa, int len, const char *ext)
{
	size_t ext_len = strlen(ext);
	const char *end = isa + strnlen(isa, (size_t)len);
	const char *sep = memchr(isa, '_', (size_t)(end - isa));

	while (sep) {
		const char *word = sep + 1;
		const char *next = memchr(word, '_', (size_t)(end - word));

		if ((size_t)((next ? next : end) - word) == ext_len &&
		    memcmp(word, ext, ext_len) == 0)
			return true;
		sep = next;
	}
	return false;
}

/* The DT_ISA_* bits @node's riscv,isa lists (Linux reads it per hart too). */
static unsigned int isa_of(const void *fdt, int node)
{
	static const struct {
		const char *name;
		unsigned int bit;
	} exts[] = {
		{ "sstc", DT_ISA_SSTC },
	};
	int len;
	const char *isa = fdt_getprop(fdt, node, "riscv,isa", &len);
	unsigned int bits = 0;

	for (size_t i = 0; isa && len > 0 && i < sizeof(exts) / sizeof(exts[0]);
	     i++)
		if (isa_lists(isa, len, exts[i].name))
			bits |= exts[i].bit;
	return bits;
}

static void scan_cpu_node(struct scan *s, int node, int ac)
{
	struct dt_scan *out = s->out;
	uint64_t hartid;
	int nid;

	if (!dt_prop_is(s->fdt, node, "device_type", "cpu") ||
	    cpu_failed(s->fdt, node))
		return;
	if (!hartid_of(s, node, ac, &hartid))
		return;
	nid = node_id_of(s, node);
	if (out->nr_harts == DT_MAX_HARTS) {
		if (!s->full)
			reject_tree(s, "numa: %s: more than %d cpu nodes",
				    PATH(s, node), DT_MAX_HARTS);
		s->full = true;
		return;
	}
	s->hart_off[out->nr_harts] = node;
	out->harts[out->nr_harts++] = (struct dt_hart){
		hartid, nid, cpu_enabled(s->fdt, node), isa_of(s->fdt, node)
	};
}

uint64_t dt_timebase(const void *fdt, int cpus, int *len)
{
	const fdt32_t *v = fdt_getprop(fdt, cpus, "timebase-frequency", len);

	if (!v)
		*len = 0;
	return v && (*len == 4 || *len == 8) ? dt_read_cells(v, *len / 4) : 0;
}

/* timebase-frequency, one or two cells; 0 (the timer's default) otherwise. */
static void scan_timebase(struct scan *s, int cpus)
{
	int len;

	s->out->timebase_frequency = dt_timebase(s->fdt, cpus, &len);
	if (!s->out->timebase_frequency)
		scan_warn(s,
			  "numa: /cpus: timebase-frequency is %d bytes%s: the "
			  "timer keeps its default rate",
			  len, len == 4 || len == 8 ? ", 0 Hz" : "");
}

/* Extensions every enabled hart lists; none if no hart is enabled. */
static unsigned int common_isa(const struct dt_scan *out)
{
	unsigned int bits = ~0u;
	bool any = false;

	for (int i = 0; i < out->nr_harts; i++) {
		if (!out->harts[i].enabled)
			continue;
		bits &= out->harts[i].isa;
		any = true;
	}
	return any ? bits : 0;
}

static void scan_cpus(struct scan *s)
{
	int cpus = fdt_path_offset(s->fdt, "/cpus"), node, ac;

	if (cpus == -FDT_ERR_NOTFOUND)
		scan_warn(s,
			  "numa: /cpus: missing: no harts, no timebase-frequency");
	if (cpus < 0) {
		check_walk_end(s, cpus, "/cpus");
		return;
	}
	scan_timebase(s, cpus);
	ac = cells_of(s, cpus, "#address-cells", 0); /* 0: by reg length */
	if (ac < 0) {
		reject_tree(s, "numa: /cpus: cannot read hart ids");
		return;
	}
	fdt_for_each_subnode(node, s->fdt, cpus)
		scan_cpu_node(s, node, ac);
	check_walk_end(s, node, "/cpus");
	s->out->isa = common_isa(s->out);
}

/* ---- checks that need memory and harts ---- */

/* Linux's early_map_cpu_to_node(): a hart without a node goes to node 0. */
static void place_harts_without_node(struct scan *s)
{
	struct dt_scan *out = s->out;

	for (int i = 0; i < out->nr_harts; i++) {
		if (out->harts[i].nid != DT_NO_NODE)
			continue;
		scan_warn(s,
			  "numa: %s: no numa-node-id while other nodes "
			  "have one: hart %llu goes to node 0",
			  PATH(s, s->hart_off[i]),
			  (unsigned long long)out->harts[i].hartid);
		out->harts[i].nid = 0;
	}
}

/* Linux's memblock_validate_numa_coverage(0): every byte of RAM on a node. */
static void check_coverage(struct scan *s)
{
	const struct dt_scan *out = s->out;
	uint64_t total = 0, lost = 0;
	int first = -1;

	for (int i = 0; i < out->nr_mem; i++) {
		total += out->mem[i].size;
		if (out->mem[i].nid != DT_NO_NODE)
			continue;
		lost += out->mem[i].size;
		if (first < 0)
			first = i;
	}
	if (!lost)
		return;
	scan_warn(s,
		  "numa: %s: memory without numa-node-id while "
		  "other memory nodes have one",
		  PATH(s, s->mem_off[first]));
	reject_tree(s, "NUMA: no nodes coverage for %lluMB of %lluMB RAM",
		    (unsigned long long)(lost >> 20),
		    (unsigned long long)(total >> 20));
}

/*
 * Ranges that overlap: with node ids, the topology is rejected; without
 * (no NUMA), said and left to memblock_add(), which merges them.
 */
static void check_overlaps(struct scan *s, bool numa)
{
	const struct dt_scan *out = s->out;

	for (int i = 0; i < out->nr_mem; i++) {
		const struct dt_mem *a = &out->mem[i];

		for (int j = 0; j < i; j++) {
			const struct dt_mem *b = &out->mem[j];

			if (a->base >= b->base + b->size ||
			    b->base >= a->base + a->size)
				continue;
			if (!numa) {
				scan_warn(s,
					  "numa: %s: [mem %#llx-%#llx] overlaps %s: merged",
					  PATH(s, s->mem_off[i]),
					  (unsigned long long)a->base,
					  (unsigned long long)(a->base +
							       a->size - 1),
					  PATH2(s, s->mem_off[j]));
				return;
			}
			reject_tree(s, "numa: %s: [mem %#llx-%#llx] overlaps %s",
				    PATH(s, s->mem_off[i]),
				    (unsigned long long)a->base,
				    (unsigned long long)(a->base + a->size - 1),
				    PATH2(s, s->mem_off[j]));
			return;
		}
	}
}

/* The node range holding @addr, or -1. */
static int mem_holding(const struct dt_scan *out, uint64_t addr)
{
	for (int i = 0; i < out->nr_mem; i++)
		if (addr >= out->mem[i].base &&
		    addr - out->mem[i].base < out->mem[i].size &&
		    out->mem[i].nid != DT_NO_NODE)
			return i;
	return -1;
}

/* Every byte of the kernel image must be on some node (ranges may abut). */
static void check_kernel_inside(struct scan *s)
{
	const struct dt_scan_opts *o = s->opts;
	uint64_t pos;
	int steps = 0;

	for (pos = o->kernel_start; pos < o->kernel_end; steps++) {
		int i = mem_holding(s->out, pos);

		if (i < 0 || steps > s->out->nr_mem)
			break;
		pos = s->out->mem[i].base + s->out->mem[i].size;
	}
	if (pos < o->kernel_end)
		reject_tree(s,
			    "numa: kernel image [mem %#llx-%#llx] is not inside "
			    "any node's memory",
			    (unsigned long long)o->kernel_start,
			    (unsigned long long)(o->kernel_end - 1));
}

/* ---- the distance map ---- */

/* One triplet; false (after a message) if it is not acceptable. */
static bool distance_ok(struct scan *s, int map, uint32_t a, uint32_t b, uint32_t d)
{
	const char *why = NULL;

	if (a >= DT_MAX_NODES || b >= DT_MAX_NODES)
		why = "node >= MAX_NUMNODES";
	else if (!(s->out->nodes & (1u << a)) || !(s->out->nodes & (1u << b)))
		why = "no memory or harts on it";
	else if (a == b && d != DT_LOCAL_DISTANCE)
		why = "local must be 10";
	else if (a != b && d <= DT_LOCAL_DISTANCE)
		why = "remote must be > 10";
	else if (d > 255)
		why = "above 255";
	if (!why)
		return true;
	scan_warn(s,
		  "numa: %s: distance-matrix: Invalid distance"
		  "[node%u -> node%u] = %u (%s): using 10/20",
		  PATH(s, map), a, b, d, why);
	return false;
}

int dt_distance_map(const void *fdt, const void **matrix, int *len)
{
	int map = fdt_node_offset_by_compatible(fdt, -1, "numa-distance-map-v1");

	*matrix = map < 0 ? NULL : fdt_getprop(fdt, map, "distance-matrix", len);
	if (!*matrix)
		*len = 0;
	return map;
}

static void scan_distance_map(struct scan *s)
{
	uint8_t table[DT_MAX_NODES][DT_MAX_NODES];
	const fdt32_t *m;
	int len, map = dt_distance_map(s->fdt, (const void **)&m, &len);

	if (map < 0) {
		check_walk_end(s, map, "numa-distance-map-v1");
		return;
	}
	if (!m || len <= 0 || len % 12) {
		scan_warn(s,
			  "numa: %s: distance-matrix is %d bytes, not "
			  "(from, to, distance) triplets: using 10/20",
			  PATH(s, map), m ? len : 0);
		return;
	}
	memcpy(table, s->out->distance, sizeof(table));
	for (int i = 0; i < len / 4; i += 3) {
		uint32_t a = fdt32_ld(&m[i]), b = fdt32_ld(&m[i + 1]);
		uint32_t d = fdt32_ld(&m[i + 2]);

		if (!distance_ok(s, map, a, b, d))
			return;
		table[a][b] = (uint8_t)d;
		if (b > a) /* as Linux: A -> B also sets B -> A */
			table[b][a] = (uint8_t)d;
	}
	memcpy(s->out->distance, table, sizeof(table));
	s->out->has_distance_map = true;
}

/* ---- results ---- */

static void default_distances(struct dt_scan *out)
{
	for (int a = 0; a < DT_MAX_NODES; a++)
		for (int b = 0; b < DT_MAX_NODES; b++)
			out->distance[a][b] = a == b ? DT_LOCAL_DISTANCE :
						       DT_REMOTE_DISTANCE;
}

/* nodes_with_mem and nodes_with_harts from the (final) node ids. */
static void summarise(struct dt_scan *out)
{
	out->nodes_with_mem = out->nodes_with_harts = 0;
	for (int i = 0; i < out->nr_mem; i++)
		if (out->mem[i].nid >= 0)
			out->nodes_with_mem |= 1u << out->mem[i].nid;
	for (int i = 0; i < out->nr_harts; i++) {
		if (out->harts[i].nid < 0)
			continue;
		out->nodes |= 1u << out->harts[i].nid;
		if (out->harts[i].enabled)
			out->nodes_with_harts |= 1u << out->harts[i].nid;
	}
}

/* Linux's dummy_numa_init(): one node 0 with every range and hart. */
static void one_node(struct dt_scan *out)
{
	for (int i = 0; i < out->nr_mem; i++)
		out->mem[i].nid = 0;
	for (int i = 0; i < out->nr_harts; i++)
		out->harts[i].nid = 0;
	out->nodes = 1;
	out->has_distance_map = false;
	default_distances(out);
	summarise(out);
}

static void start(struct scan *s, const void *fdt, struct dt_scan *out,
		  const struct dt_scan_opts *opts)
{
	static const struct dt_scan_opts no_opts;

	memset(s, 0, sizeof(*s));
	memset(out, 0, sizeof(*out));
	s->fdt = fdt;
	s->out = out;
	s->opts = opts ? opts : &no_opts;
	default_distances(out);
	out->nodes = 1; /* until something better is known */
}

/* The NUMA checks, once memory and harts are in; false to fall back. */
static bool topology_holds(struct scan *s)
{
	const struct dt_scan_opts *o = s->opts;

	if (!s->reject) {
		place_harts_without_node(s);
		check_coverage(s);
	}
	if (!s->reject)
		check_overlaps(s, true);
	if (!s->reject && o->kernel_end > o->kernel_start)
		check_kernel_inside(s);
	return !s->reject;
}

static int scan_tree(struct scan *s)
{
	struct dt_scan *out = s->out;
	int err = s->fdt ? fdt_check_header(s->fdt) : -FDT_ERR_BADMAGIC;

	if (err) {
		scan_warn(s,
			  "numa: device tree rejected by libfdt (%s): using one node",
			  fdt_strerror(err));
		out->fallback = true;
		return -1;
	}
	out->nodes = 0;
	scan_memory(s);
	scan_reserved(s);
	scan_cpus(s);
	out->numa = s->any_id;
	if (!s->any_id) {
		check_overlaps(s, false);
		one_node(out);
		return 0;
	}
	if (topology_holds(s)) {
		summarise(out);
		scan_distance_map(s);
		return 0;
	}
	out->fallback = true;
	one_node(out);
	return 1;
}

int dt_scan(const void *fdt, struct dt_scan *out, const struct dt_scan_opts *opts)
{
	struct scan scan;
	int ret;

	start(&scan, fdt, out, opts);
	ret = scan_tree(&scan);
	if (out->nr_warnings > DT_MAX_WARNINGS)
		pr_warn("numa: %d more device-tree messages dropped\n",
			out->nr_warnings - DT_MAX_WARNINGS);
	return ret;
}
