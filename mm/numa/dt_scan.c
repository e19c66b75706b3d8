/* SPDX-License-Identifier: MIT */
/*
 * mm/numa/dt_scan.c — the NUMA topology of a flattened device tree.
 *
 * The pure half of the topology code: libfdt calls and arithmetic, no
 * kernel header, no output.  It reads the tree in three passes (memory
 * nodes, cpu nodes, then the checks that need both, the distance map last)
 * and keeps a `reject` flag: the first problem that makes the topology
 * untrustworthy sets it, later passes that would only repeat it are
 * skipped, and the end turns the result into one node 0.  The rules and
 * every fallback are listed in the theory statement of mm/numa/topology.c;
 * the tests are tests/host/topology_test.c and tests/host/fuzz_topology.c.
 *
 * Every property is length-checked before it is read, and cells are
 * loaded with fdt32_ld() (byte by byte): a damaged header may place the
 * structure block at an odd offset, so a property need not be aligned.
 */
#include <libfdt.h>
#include <linux/string.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include <nodal/dt_scan.h>

#define ALL_NODES	((1u << FDT_NUMA_MAX_NODES) - 1)
#define DIAG_RESERVE	2	/* slots kept for the closing messages */
#define PATH_LEN	64
#define PATH_DEPTH	4	/* path components shown */

/*
 * One parse: the tree, the result, and what was learned on the way.  It
 * lives on fdt_numa_parse()'s stack: [parse] = owned by that one call.
 */
struct parse {
	const void *fdt;		/* [parse] the blob, header checked */
	struct fdt_numa *out;		/* [parse] the caller's result */
	const struct fdt_numa_opts *opts; /* [parse] never NULL */
	bool reject;			/* [parse] fall back to one node at the end */
	bool any_id;			/* [parse] some numa-node-id was found */
	bool full;			/* [parse] mem[] or harts[] overflowed (said once) */
	int mem_off[FDT_NUMA_MAX_MEM];	/* [parse] tree offset of each out->mem[] */
	int hart_off[FDT_NUMA_MAX_HARTS]; /* [parse] tree offset of each out->harts[] */
	char path[PATH_LEN];		/* [parse] scratch for node_path() */
	char path2[PATH_LEN];		/* [parse] a second one, for two-node messages */
};

/* ---- messages: a small bounded formatter (no libc, no kernel printf) ---- */

struct msgbuf {
	char *s;	/* [parse] the message being written */
	size_t len;	/* [parse] bytes of s, NUL included */
	size_t pos;	/* [parse] next byte to write */
};

static void put_char(struct msgbuf *b, char c)
{
	if (b->pos + 1 < b->len)
		b->s[b->pos++] = c;
}

static void put_str(struct msgbuf *b, const char *s)
{
	for (s = s ? s : "(null)"; *s; s++)
		put_char(b, *s);
}

static void put_num(struct msgbuf *b, unsigned long long v, bool neg,
		    unsigned int base, bool alt, char pad, int width)
{
	char digits[24];
	int n = 0, len;

	do {
		digits[n++] = "0123456789abcdef"[v % base];
		v /= base;
	} while (v);
	len = n + (neg ? 1 : 0) + (alt ? 2 : 0);
	for (; pad == ' ' && width > len; width--)
		put_char(b, ' ');
	if (neg)
		put_char(b, '-');
	if (alt)
		put_str(b, "0x");
	for (; pad == '0' && width > len; width--)
		put_char(b, '0');
	while (n)
		put_char(b, digits[--n]);
}

/* One conversion at *fmt (just past '%'); returns the byte after it, or NULL. */
static const char *put_conv(struct msgbuf *b, const char *fmt, va_list *ap)
{
	bool alt = false;
	char pad = ' ';
	int width = 0, longs = 0;
	long long sv;

	for (;; fmt++) {
		if (*fmt == '#')
			alt = true;
		else if (*fmt == '0')
			pad = '0';
		else
			break;
	}
	while (*fmt >= '0' && *fmt <= '9')
		width = width * 10 + (*fmt++ - '0');
	while (*fmt == 'l' && longs < 2) {
		longs++;
		fmt++;
	}
	switch (*fmt) {
	case 's':
		put_str(b, va_arg(*ap, const char *));
		break;
	case 'd':
		sv = longs == 2 ? va_arg(*ap, long long) :
		     longs == 1 ? va_arg(*ap, long) : va_arg(*ap, int);
		put_num(b, sv < 0 ? 0ULL - (unsigned long long)sv :
			(unsigned long long)sv, sv < 0, 10, false, pad, width);
		break;
	case 'u':
	case 'x':
		put_num(b, longs == 2 ? va_arg(*ap, unsigned long long) :
			longs == 1 ? va_arg(*ap, unsigned long) :
			va_arg(*ap, unsigned int), false, *fmt == 'u' ? 10 : 16,
			alt && *fmt == 'x', pad, width);
		break;
	case '%':
		put_char(b, '%');
		break;
	default:
		return NULL;	/* unknown: the arguments after it are lost */
	}
	return fmt + 1;
}

/* Supports %s %d %u %x with '#', '0', a width and l/ll: what this file uses. */
static void format(char *buf, size_t len, const char *fmt, va_list ap)
{
	struct msgbuf b = { buf, len, 0 };
	va_list args;

	va_copy(args, ap);
	while (fmt && *fmt) {
		if (*fmt != '%')
			put_char(&b, *fmt++);
		else
			fmt = put_conv(&b, fmt + 1, &args);
	}
	va_end(args);
	buf[b.pos] = '\0';
}

static void vdiag(struct parse *p, enum fdt_numa_level level, int limit,
		  const char *fmt, va_list ap)
{
	struct fdt_numa *out = p->out;

	if (out->nr_diags >= limit) {
		out->nr_diags_dropped++;
		return;
	}
	out->diags[out->nr_diags].level = level;
	format(out->diags[out->nr_diags].msg, FDT_NUMA_DIAG_LEN, fmt, ap);
	out->nr_diags++;
}

/* A message about the tree; the last DIAG_RESERVE slots stay free. */
__attribute__((format(printf, 3, 4)))
static void diag(struct parse *p, enum fdt_numa_level level, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vdiag(p, level, FDT_NUMA_MAX_DIAGS - DIAG_RESERVE, fmt, ap);
	va_end(ap);
}

/* A closing message (fallback, summary): may use the reserved slots. */
__attribute__((format(printf, 3, 4)))
static void conclude(struct parse *p, enum fdt_numa_level level, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vdiag(p, level, FDT_NUMA_MAX_DIAGS, fmt, ap);
	va_end(ap);
}

/* A problem that makes the whole topology untrustworthy. */
#define reject_tree(p, fmt, ...) do {					\
	diag(p, FDT_NUMA_WARN, fmt ": using one node", ##__VA_ARGS__);	\
	(p)->reject = true;						\
} while (0)

/*
 * The path of @node, built into @buf from its own and its parents' names.
 * Not fdt_get_path(): on a blob with two root nodes it walks its buffer
 * backwards past the start (found by fuzz_topology, libfdt 1.6.1 and
 * Linux 6.12's copy alike).  Deeper than PATH_DEPTH: "..." stands for the
 * top; a broken parent chain: "?".
 */
static const char *node_path(struct parse *p, int node, char *buf)
{
	const char *names[PATH_DEPTH];
	struct msgbuf b = { buf, PATH_LEN, 0 };
	int n = 0, off;

	for (off = node; off > 0 && n < PATH_DEPTH;
	     off = fdt_parent_offset(p->fdt, off)) {
		const char *name = fdt_get_name(p->fdt, off, NULL);

		names[n++] = name ? name : "?";
	}
	if (off != 0)
		put_str(&b, off > 0 ? "..." : "?");
	if (!n)
		put_char(&b, '/');	/* the root itself */
	while (n) {
		put_char(&b, '/');
		put_str(&b, names[--n]);
	}
	buf[b.pos] = '\0';
	return buf;
}

#define PATH(p, node)	node_path(p, node, (p)->path)
#define PATH2(p, node)	node_path(p, node, (p)->path2)

/* ---- properties ---- */

enum prop_state { PROP_ABSENT, PROP_OK, PROP_BAD };

/* A one-cell property: absent, read into *val, or of the wrong length. */
static enum prop_state prop_u32(const void *fdt, int node, const char *name,
				uint32_t *val)
{
	int len;
	const fdt32_t *v = fdt_getprop(fdt, node, name, &len);

	if (!v)
		return PROP_ABSENT;
	if (len != 4)
		return PROP_BAD;
	*val = fdt32_ld(v);
	return PROP_OK;
}

/* Is property @name a NUL-terminated string equal to @want? */
static bool prop_is(const void *fdt, int node, const char *name, const char *want)
{
	int len;
	const char *v = fdt_getprop(fdt, node, name, &len);

	return v && len > 0 && v[len - 1] == '\0' && strcmp(v, want) == 0;
}

/* @cells big-endian cells (1 or 2) as one number; the caller checked the length. */
static uint64_t read_cells(const fdt32_t *cell, int cells)
{
	uint64_t v = 0;

	while (cells--)
		v = (v << 32) | fdt32_ld(cell++);
	return v;
}

/*
 * #address-cells or #size-cells of @node, or @dflt if absent.
 * Return: the value (1 or 2), or -1 after a message if malformed.
 */
static int cells_of(struct parse *p, int node, const char *name, int dflt)
{
	uint32_t v;

	switch (prop_u32(p->fdt, node, name, &v)) {
	case PROP_ABSENT:
		return dflt;
	case PROP_OK:
		if (v >= 1 && v <= 2)
			return (int)v;
		diag(p, FDT_NUMA_WARN, "numa: %s: %s = %u, not 1 or 2",
		     PATH(p, node), name, v);
		return -1;
	default:
		diag(p, FDT_NUMA_WARN, "numa: %s: %s is not one cell",
		     PATH(p, node), name);
		return -1;
	}
}

/*
 * numa-node-id of @node: FDT_NUMA_NO_NODE if absent; rejects the tree
 * (and returns FDT_NUMA_NO_NODE) if malformed or out of range.
 */
static int node_id_of(struct parse *p, int node)
{
	uint32_t nid;

	switch (prop_u32(p->fdt, node, "numa-node-id", &nid)) {
	case PROP_ABSENT:
		return FDT_NUMA_NO_NODE;
	case PROP_BAD:
		p->any_id = true;
		reject_tree(p, "numa: %s: numa-node-id is not one cell", PATH(p, node));
		return FDT_NUMA_NO_NODE;
	default:
		p->any_id = true;
		if (nid < FDT_NUMA_MAX_NODES)
			return (int)nid;
		reject_tree(p, "numa: %s: numa-node-id %u >= MAX_NUMNODES (%d)",
			    PATH(p, node), nid, FDT_NUMA_MAX_NODES);
		return FDT_NUMA_NO_NODE;
	}
}

/* A libfdt walk that ended on an error rather than at the last node. */
static void check_walk_end(struct parse *p, int err, const char *what)
{
	if (err < 0 && err != -FDT_ERR_NOTFOUND)
		reject_tree(p, "numa: %s: device tree structure damaged (%s)", what,
			    fdt_strerror(err));
}

/* ---- pass 1: memory nodes ---- */

/* Record one range; false (after a message) if it cannot be. */
static bool add_mem(struct parse *p, int node, uint64_t base, uint64_t size,
		    int nid)
{
	struct fdt_numa *out = p->out;

	if (base + size < base) {
		reject_tree(p, "numa: %s: reg [mem %#llx + %#llx] wraps around",
			    PATH(p, node), (unsigned long long)base,
			    (unsigned long long)size);
		return false;
	}
	if (out->nr_mem == FDT_NUMA_MAX_MEM) {
		if (!p->full)
			reject_tree(p, "numa: %s: more than %d memory ranges",
				    PATH(p, node), FDT_NUMA_MAX_MEM);
		p->full = true;
		return false;
	}
	p->mem_off[out->nr_mem] = node;
	out->mem[out->nr_mem++] = (struct fdt_numa_mem){ base, size, nid };
	return true;
}

/* One `device_type = "memory"` node: its ranges, and its node if any. */
static void parse_memory_node(struct parse *p, int node, int ac, int sc)
{
	int nid = node_id_of(p, node), len, stride = (ac + sc) * 4;
	const fdt32_t *reg = fdt_getprop(p->fdt, node, "reg", &len);

	if (!reg && nid != FDT_NUMA_NO_NODE) {
		reject_tree(p, "numa: %s: numa-node-id %d but no reg",
			    PATH(p, node), nid);
		return;
	}
	if (!reg)
		return;		/* no RAM, no node: nothing to say */
	if (len <= 0 || len % stride) {
		if (nid != FDT_NUMA_NO_NODE)
			reject_tree(p, "numa: %s: reg is %d bytes, not a multiple "
				    "of %d (#address-cells %d, #size-cells %d)",
				    PATH(p, node), len, stride, ac, sc);
		else
			diag(p, FDT_NUMA_WARN, "numa: %s: reg is %d bytes, not a "
			     "multiple of %d: skipped", PATH(p, node), len, stride);
		return;
	}
	if (nid != FDT_NUMA_NO_NODE)
		p->out->nodes |= 1u << nid;	/* a size-0 reg: memory-less */
	for (int i = 0; i < len / stride; i++) {
		const fdt32_t *cell = reg + i * (ac + sc);
		uint64_t size = read_cells(cell + ac, sc);

		if (size && !add_mem(p, node, read_cells(cell, ac), size, nid))
			return;
	}
}

static void parse_memory(struct parse *p)
{
	int ac = cells_of(p, 0, "#address-cells", 2);
	int sc = cells_of(p, 0, "#size-cells", 1);
	int node;

	if (ac < 0 || sc < 0) {
		reject_tree(p, "numa: /: cannot read memory reg without valid cells");
		return;
	}
	fdt_for_each_subnode(node, p->fdt, 0)
		if (prop_is(p->fdt, node, "device_type", "memory"))
			parse_memory_node(p, node, ac, sc);
	check_walk_end(p, node, "/");
}

/* ---- pass 2: cpu nodes ---- */

/* Hart id from @node's reg: @ac cells, or 1/2 by length if @ac is 0. */
static bool hartid_of(struct parse *p, int node, int ac, uint64_t *hartid)
{
	int len;
	const fdt32_t *reg = fdt_getprop(p->fdt, node, "reg", &len);

	if (reg && !ac && (len == 4 || len == 8))
		ac = len / 4;
	if (!reg || !ac || len != ac * 4) {
		diag(p, FDT_NUMA_WARN, "numa: %s: reg is %d bytes, not a hart id: "
		     "cpu skipped", PATH(p, node), reg ? len : 0);
		return false;
	}
	*hartid = read_cells(reg, ac);
	for (int i = 0; i < p->out->nr_harts; i++) {
		if (p->out->harts[i].hartid != *hartid)
			continue;
		diag(p, FDT_NUMA_WARN, "numa: %s: hart %llu listed twice: cpu skipped",
		     PATH(p, node), (unsigned long long)*hartid);
		return false;
	}
	return true;
}

/* status: absent, "okay" or "ok" = enabled; "fail..." = not a cpu at all. */
static bool cpu_failed(const void *fdt, int node)
{
	int len;
	const char *s = fdt_getprop(fdt, node, "status", &len);

	return s && len >= 4 && strncmp(s, "fail", 4) == 0;
}

static bool cpu_enabled(const void *fdt, int node)
{
	return !fdt_getprop(fdt, node, "status", NULL) ||
	       prop_is(fdt, node, "status", "okay") ||
	       prop_is(fdt, node, "status", "ok");
}

static void parse_cpu_node(struct parse *p, int node, int ac)
{
	struct fdt_numa *out = p->out;
	uint64_t hartid;
	int nid;

	if (!prop_is(p->fdt, node, "device_type", "cpu") || cpu_failed(p->fdt, node))
		return;
	if (!hartid_of(p, node, ac, &hartid))
		return;
	nid = node_id_of(p, node);
	if (out->nr_harts == FDT_NUMA_MAX_HARTS) {
		if (!p->full)
			reject_tree(p, "numa: %s: more than %d cpu nodes",
				    PATH(p, node), FDT_NUMA_MAX_HARTS);
		p->full = true;
		return;
	}
	p->hart_off[out->nr_harts] = node;
	out->harts[out->nr_harts++] = (struct fdt_numa_hart){
		hartid, nid, cpu_enabled(p->fdt, node) };
}

static void parse_cpus(struct parse *p)
{
	int cpus = fdt_path_offset(p->fdt, "/cpus"), node, ac;

	if (cpus < 0) {
		check_walk_end(p, cpus, "/cpus");
		return;
	}
	ac = cells_of(p, cpus, "#address-cells", 0);	/* 0: by reg length */
	if (ac < 0) {
		reject_tree(p, "numa: /cpus: cannot read hart ids");
		return;
	}
	fdt_for_each_subnode(node, p->fdt, cpus)
		parse_cpu_node(p, node, ac);
	check_walk_end(p, node, "/cpus");
}

/* ---- pass 3: checks that need memory and harts ---- */

/* Linux's early_map_cpu_to_node(): a hart without a node goes to node 0. */
static void place_harts_without_node(struct parse *p)
{
	struct fdt_numa *out = p->out;

	for (int i = 0; i < out->nr_harts; i++) {
		if (out->harts[i].nid != FDT_NUMA_NO_NODE)
			continue;
		diag(p, FDT_NUMA_WARN, "numa: %s: no numa-node-id while other nodes "
		     "have one: hart %llu goes to node 0",
		     PATH(p, p->hart_off[i]), (unsigned long long)out->harts[i].hartid);
		out->harts[i].nid = 0;
	}
}

/* Linux's memblock_validate_numa_coverage(0): every byte of RAM on a node. */
static void check_coverage(struct parse *p)
{
	const struct fdt_numa *out = p->out;
	uint64_t total = 0, lost = 0;
	int first = -1;

	for (int i = 0; i < out->nr_mem; i++) {
		total += out->mem[i].size;
		if (out->mem[i].nid != FDT_NUMA_NO_NODE)
			continue;
		lost += out->mem[i].size;
		if (first < 0)
			first = i;
	}
	if (!lost)
		return;
	diag(p, FDT_NUMA_WARN, "numa: %s: memory without numa-node-id while "
	     "other memory nodes have one", PATH(p, p->mem_off[first]));
	reject_tree(p, "NUMA: no nodes coverage for %lluMB of %lluMB RAM",
		    (unsigned long long)(lost >> 20), (unsigned long long)(total >> 20));
}

static void check_overlaps(struct parse *p)
{
	const struct fdt_numa *out = p->out;

	for (int i = 0; i < out->nr_mem; i++) {
		const struct fdt_numa_mem *a = &out->mem[i];

		for (int j = 0; j < i; j++) {
			const struct fdt_numa_mem *b = &out->mem[j];

			if (a->base >= b->base + b->size || b->base >= a->base + a->size)
				continue;
			reject_tree(p, "numa: %s: [mem %#llx-%#llx] overlaps %s",
				    PATH(p, p->mem_off[i]), (unsigned long long)a->base,
				    (unsigned long long)(a->base + a->size - 1),
				    PATH2(p, p->mem_off[j]));
			return;
		}
	}
}

/* The node range holding @addr, or -1. */
static int mem_holding(const struct fdt_numa *out, uint64_t addr)
{
	for (int i = 0; i < out->nr_mem; i++)
		if (addr >= out->mem[i].base &&
		    addr - out->mem[i].base < out->mem[i].size &&
		    out->mem[i].nid != FDT_NUMA_NO_NODE)
			return i;
	return -1;
}

/* Every byte of the kernel image must be on some node (ranges may abut). */
static void check_kernel_inside(struct parse *p)
{
	const struct fdt_numa_opts *o = p->opts;
	uint64_t pos;
	int steps = 0;

	for (pos = o->kernel_start; pos < o->kernel_end; steps++) {
		int i = mem_holding(p->out, pos);

		if (i < 0 || steps > p->out->nr_mem)
			break;
		pos = p->out->mem[i].base + p->out->mem[i].size;
	}
	if (pos < o->kernel_end)
		reject_tree(p, "numa: kernel image [mem %#llx-%#llx] is not inside "
			    "any node's memory", (unsigned long long)o->kernel_start,
			    (unsigned long long)(o->kernel_end - 1));
}

/* Report (only) /reserved-memory entries that cover part of the kernel. */
static void check_reserved_vs_kernel(struct parse *p)
{
	const struct fdt_numa_opts *o = p->opts;
	int rsv = fdt_path_offset(p->fdt, "/reserved-memory"), node, ac, sc;

	if (rsv < 0)
		return;
	ac = cells_of(p, rsv, "#address-cells", 2);
	sc = cells_of(p, rsv, "#size-cells", 1);
	if (ac < 0 || sc < 0)
		return;
	fdt_for_each_subnode(node, p->fdt, rsv) {
		int len, stride = (ac + sc) * 4;
		const fdt32_t *reg = fdt_getprop(p->fdt, node, "reg", &len);

		if (!reg || len <= 0 || len % stride)
			continue;
		for (int i = 0; i < len / stride; i++) {
			uint64_t base = read_cells(reg + i * (ac + sc), ac);
			uint64_t size = read_cells(reg + i * (ac + sc) + ac, sc);

			if (!size || base + size < base || base >= o->kernel_end ||
			    base + size <= o->kernel_start)
				continue;
			diag(p, FDT_NUMA_WARN, "numa: %s: [mem %#llx-%#llx] overlaps the "
			     "kernel image: ignored", PATH(p, node),
			     (unsigned long long)base, (unsigned long long)(base + size - 1));
		}
	}
}

/* ---- pass 4: the distance map ---- */

/* One triplet; false (after a message) if it is not acceptable. */
static bool distance_ok(struct parse *p, int map, uint32_t a, uint32_t b,
			uint32_t d)
{
	const char *why = NULL;

	if (a >= FDT_NUMA_MAX_NODES || b >= FDT_NUMA_MAX_NODES)
		why = "node >= MAX_NUMNODES";
	else if (!(p->out->nodes & (1u << a)) || !(p->out->nodes & (1u << b)))
		why = "no memory or harts on it";
	else if (a == b && d != FDT_NUMA_LOCAL)
		why = "local must be 10";
	else if (a != b && d <= FDT_NUMA_LOCAL)
		why = "remote must be > 10";
	else if (d > 255)
		why = "above 255";
	if (!why)
		return true;
	diag(p, FDT_NUMA_WARN, "numa: %s: distance-matrix: Invalid distance"
	     "[node%u -> node%u] = %u (%s): using 10/20",
	     PATH(p, map), a, b, d, why);
	return false;
}

static void parse_distance_map(struct parse *p)
{
	int map = fdt_node_offset_by_compatible(p->fdt, -1, "numa-distance-map-v1");
	uint8_t table[FDT_NUMA_MAX_NODES][FDT_NUMA_MAX_NODES];
	const fdt32_t *m;
	int len;

	if (map < 0) {
		check_walk_end(p, map, "numa-distance-map-v1");
		return;
	}
	m = fdt_getprop(p->fdt, map, "distance-matrix", &len);
	if (!m || len <= 0 || len % 12) {
		diag(p, FDT_NUMA_WARN, "numa: %s: distance-matrix is %d bytes, not "
		     "(from, to, distance) triplets: using 10/20",
		     PATH(p, map), m ? len : 0);
		return;
	}
	memcpy(table, p->out->distance, sizeof(table));
	for (int i = 0; i < len / 4; i += 3) {
		uint32_t a = fdt32_ld(&m[i]), b = fdt32_ld(&m[i + 1]);
		uint32_t d = fdt32_ld(&m[i + 2]);

		if (!distance_ok(p, map, a, b, d))
			return;
		table[a][b] = (uint8_t)d;
		if (b > a)		/* as Linux: A -> B also sets B -> A */
			table[b][a] = (uint8_t)d;
	}
	memcpy(p->out->distance, table, sizeof(table));
	p->out->has_distance_map = true;
}

/* ---- results ---- */

static void default_distances(struct fdt_numa *out)
{
	for (int a = 0; a < FDT_NUMA_MAX_NODES; a++)
		for (int b = 0; b < FDT_NUMA_MAX_NODES; b++)
			out->distance[a][b] = a == b ? FDT_NUMA_LOCAL : FDT_NUMA_REMOTE;
}

/* nodes_with_mem and nodes_with_harts from the (final) node ids. */
static void summarise(struct fdt_numa *out)
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
static void one_node(struct parse *p)
{
	struct fdt_numa *out = p->out;
	uint64_t lo = UINT64_MAX, hi = 0;

	for (int i = 0; i < out->nr_mem; i++) {
		out->mem[i].nid = 0;
		if (out->mem[i].base < lo)
			lo = out->mem[i].base;
		if (out->mem[i].base + out->mem[i].size > hi)
			hi = out->mem[i].base + out->mem[i].size;
	}
	for (int i = 0; i < out->nr_harts; i++)
		out->harts[i].nid = 0;
	out->nodes = 1;
	out->has_distance_map = false;
	default_distances(out);
	summarise(out);
	if (out->nr_mem)
		conclude(p, FDT_NUMA_INFO, "NUMA: Faking a node at [mem %#018llx-%#018llx]",
			 (unsigned long long)lo, (unsigned long long)(hi - 1));
}

static void start(struct parse *p, const void *fdt, struct fdt_numa *out,
		  const struct fdt_numa_opts *opts)
{
	static const struct fdt_numa_opts no_opts;

	memset(p, 0, sizeof(*p));
	memset(out, 0, sizeof(*out));
	p->fdt = fdt;
	p->out = out;
	p->opts = opts ? opts : &no_opts;
	default_distances(out);
	out->nodes = 1;		/* until something better is known */
}

int fdt_numa_parse(const void *fdt, struct fdt_numa *out,
		   const struct fdt_numa_opts *opts)
{
	struct parse parse, *p = &parse;
	int err = fdt ? fdt_check_header(fdt) : -FDT_ERR_BADMAGIC;

	start(p, fdt, out, opts);
	if (err) {
		conclude(p, FDT_NUMA_WARN, "numa: device tree rejected by libfdt (%s): "
			 "using one node", fdt_strerror(err));
		out->fallback = true;
		return -1;
	}
	out->nodes = 0;
	parse_memory(p);
	parse_cpus(p);
	if (p->opts->kernel_end > p->opts->kernel_start)
		check_reserved_vs_kernel(p);
	out->numa = p->any_id;
	if (!p->any_id) {
		conclude(p, FDT_NUMA_INFO, "NUMA: No NUMA configuration found");
		one_node(p);
		return 0;
	}
	if (!p->reject) {
		place_harts_without_node(p);
		check_coverage(p);
	}
	if (!p->reject)
		check_overlaps(p);
	if (!p->reject && p->opts->kernel_end > p->opts->kernel_start)
		check_kernel_inside(p);
	if (!p->reject) {
		summarise(out);
		parse_distance_map(p);
		return 0;
	}
	out->fallback = true;
	one_node(p);
	return 1;
}
