/* SPDX-License-Identifier: MIT */
/*
 * tests/host/topology_test.c — mm/numa/dt_scan.c on the host, under ASan
 * and UBSan, against the system's libfdt.
 *
 * Each case is a device tree from tests/host/dts (compiled by dtc into
 * build/host/dtb/) or one built here with libfdt's sequential-write API,
 * and the exact result expected from dt_scan(), written from the tree:
 * the return value, the fallback flag, the node masks, every hart's node,
 * each node's memory, the distances between the nodes seen, whether the
 * distance map was used, and the messages printk() got (tests/host/printk.c
 * keeps them) — each expected message is a set of substrings
 * ("/cpus/cpu@2|numa-node-id 7") that one line must all contain, so a
 * message names the node and the property.  A case that expects no
 * problem also expects no line at all.  Where a case is about them, it
 * also gives the RAM and reserved ranges in order, the timebase, and the
 * ISA extensions of each hart and of all enabled harts together.
 *
 * Output: one line per failed check ("case: what: got X, want Y"), then
 * "topology_test: N passed, N failed" (one per case); exit status 1 after
 * any failure.  Usage: topology_test [DTB_DIR]; by default the dtb/ folder
 * next to the program (build/host/dtb).
 */
#include <libfdt.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <nodal/dt_scan.h>

#include "host_log.h"

#define KERNEL_START	0x80200000ULL	/* where QEMU loads Nodal */
#define KERNEL_END	0x80400000ULL
#define MAX_EXPECTED	4

struct expect {
	const char *name;	/* DTB file name without .dtb, or a built tree's name */
	int ret;		/* dt_scan()'s return */
	bool fallback;
	bool numa;		/* the tree has numa-node-id */
	unsigned int nodes, with_mem, with_harts;	/* masks */
	const char *harts;	/* "hartid:node ...", "-" after a disabled hart */
	const char *mem_mb;	/* "node:MB ..." for the nodes with memory */
	const char *dist;	/* rows over the nodes seen: "10 20/20 10" */
	bool map;		/* has_distance_map */
	const char *diags[MAX_EXPECTED];	/* "a|b": one message holds a and b */
	bool quiet;				/* no message at all */
	int dropped;	     /* problems found but not printed */
	bool no_kernel;	     /* scan without opts */
	uint64_t phys_limit; /* opts.phys_limit (0: none) */
	/* Checked only when given (non-NULL): */
	const char *ram;      /* RAM in order: "base+size@node ...", hex */
	const char *reserved; /* reserved ranges in order, the same way */
	const char *timebase; /* timebase_frequency in decimal */
	const char *hart_isa; /* per hart: "sstc" or "-", space-separated */
	const char *isa; /* extensions of all enabled harts: "sstc" or "" */
};

static char dtb_dir[512];
static int nr_passed, nr_failed;
static bool case_failed;
static const char *case_name;

__attribute__((format(printf, 1, 2)))
static void fail(const char *fmt, ...)
{
	va_list ap;

	printf("%s: ", case_name);
	va_start(ap, fmt);
	vprintf(fmt, ap);
	va_end(ap);
	printf("\n");
	case_failed = true;
}

static void check_str(const char *what, const char *got, const char *want)
{
	if (strcmp(got, want))
		fail("%s: got \"%s\", want \"%s\"", what, got, want);
}

static void check_int(const char *what, long got, long want)
{
	if (got != want)
		fail("%s: got %ld, want %ld", what, got, want);
}

/* ---- the result as text, to compare with the table ---- */

static void harts_text(const struct dt_scan *o, char *buf, size_t len)
{
	size_t pos = 0;

	buf[0] = '\0';
	for (int i = 0; i < o->nr_harts && pos < len; i++)
		pos += snprintf(buf + pos, len - pos, "%s%llu:%d%s", i ? " " : "",
				(unsigned long long)o->harts[i].hartid,
				o->harts[i].nid, o->harts[i].enabled ? "" : "-");
}

static void mem_text(const struct dt_scan *o, char *buf, size_t len)
{
	uint64_t bytes[DT_MAX_NODES] = { 0 };
	size_t pos = 0;

	buf[0] = '\0';
	for (int i = 0; i < o->nr_mem; i++)
		if (o->mem[i].nid >= 0 && o->mem[i].nid < DT_MAX_NODES)
			bytes[o->mem[i].nid] += o->mem[i].size;
	for (int n = 0; n < DT_MAX_NODES && pos < len; n++)
		if (bytes[n])
			pos += snprintf(buf + pos, len - pos, "%s%d:%llu",
					pos ? " " : "", n,
					(unsigned long long)(bytes[n] >> 20));
}

static void dist_text(const struct dt_scan *o, char *buf, size_t len)
{
	size_t pos = 0;

	buf[0] = '\0';
	for (int a = 0; a < DT_MAX_NODES; a++) {
		bool first = true;

		if (!(o->nodes & (1u << a)))
			continue;
		if (pos && pos < len)
			pos += snprintf(buf + pos, len - pos, "/");
		for (int b = 0; b < DT_MAX_NODES && pos < len; b++) {
			if (!(o->nodes & (1u << b)))
				continue;
			pos += snprintf(buf + pos, len - pos, "%s%u",
					first ? "" : " ", o->distance[a][b]);
			first = false;
		}
	}
}

/* Append "base+size" in hex to @buf, after a space unless first. */
static void put_range(char *buf, size_t len, size_t *pos, uint64_t base,
		      uint64_t size)
{
	if (*pos < len)
		*pos += snprintf(buf + *pos, len - *pos, "%s%#llx+%#llx",
				 *pos ? " " : "", (unsigned long long)base,
				 (unsigned long long)size);
}

/* "base+size@node" for each RAM range, in order. */
static void ram_text(const struct dt_scan *o, char *buf, size_t len)
{
	size_t pos = 0;

	buf[0] = '\0';
	for (int i = 0; i < o->nr_mem; i++) {
		put_range(buf, len, &pos, o->mem[i].base, o->mem[i].size);
		if (pos < len)
			pos += snprintf(buf + pos, len - pos, "@%d",
					o->mem[i].nid);
	}
}

static const char *isa_text(unsigned int isa)
{
	return isa == DT_ISA_SSTC ? "sstc" : isa ? "?" : "";
}

static void hart_isa_text(const struct dt_scan *o, char *buf, size_t len)
{
	size_t pos = 0;

	buf[0] = '\0';
	for (int i = 0; i < o->nr_harts && pos < len; i++)
		pos += snprintf(buf + pos, len - pos, "%s%s", i ? " " : "",
				o->harts[i].isa ? isa_text(o->harts[i].isa) : "-");
}

/* Does one line printed contain every '|'-separated part of @want? */
static bool has_diag(const char *want)
{
	for (int i = 0; i < host_log_len && i < HOST_LOG_LINES; i++) {
		char parts[256], *save = NULL, *part;
		bool all = true;

		snprintf(parts, sizeof(parts), "%s", want);
		for (part = strtok_r(parts, "|", &save); part && all;
		     part = strtok_r(NULL, "|", &save))
			all = strstr(host_log[i].text, part) != NULL;
		if (all)
			return true;
	}
	return false;
}

static void print_diags(void)
{
	for (int i = 0; i < host_log_len && i < HOST_LOG_LINES; i++)
		printf("    <%d> %s\n", host_log[i].level, host_log[i].text);
}

/* ---- checking one result ---- */

/* What was printed: the expected lines, each whole, and at most the cap. */
static void check_messages(const struct dt_scan *o, const struct expect *e)
{
	int printed = o->nr_warnings <= DT_MAX_WARNINGS ?
			      o->nr_warnings :
			      DT_MAX_WARNINGS + 1; /* the cap, and the count line */
	char dropped[64];

	for (int i = 0; i < MAX_EXPECTED && e->diags[i]; i++)
		if (!has_diag(e->diags[i]))
			fail("no message with \"%s\"", e->diags[i]);
	if (e->quiet && host_log_len)
		fail("unexpected message \"%s\"", host_log[0].text);
	check_int("lines without one final newline", host_log_bad, 0);
	for (int i = 0; i < host_log_len && i < HOST_LOG_LINES; i++)
		if (host_log[i].level != 4)
			fail("line %d is level %d, not a warning (4)", i,
			     host_log[i].level);
	check_int("lines printed", host_log_len, printed);
	check_int("problems not printed",
		  o->nr_warnings - (printed - (o->nr_warnings > DT_MAX_WARNINGS)),
		  e->dropped);
	snprintf(dropped, sizeof(dropped),
		 "numa: %d more device-tree messages "
		 "dropped",
		 e->dropped);
	if (e->dropped && !has_diag(dropped))
		fail("no line \"%s\"", dropped);
}

/* The fields a case gives only when it is about them. */
static void check_optional(const struct dt_scan *o, const struct expect *e)
{
	char buf[1024];

	size_t pos = 0;

	if (e->ram) {
		ram_text(o, buf, sizeof(buf));
		check_str("RAM", buf, e->ram);
	}
	buf[0] = '\0';
	for (int i = 0; e->reserved && i < o->nr_reserved; i++)
		put_range(buf, sizeof(buf), &pos, o->reserved[i].base,
			  o->reserved[i].size);
	if (e->reserved)
		check_str("reserved", buf, e->reserved);
	if (e->timebase) {
		snprintf(buf, sizeof(buf), "%llu",
			 (unsigned long long)o->timebase_frequency);
		check_str("timebase", buf, e->timebase);
	}
	if (e->hart_isa) {
		hart_isa_text(o, buf, sizeof(buf));
		check_str("ISA per hart", buf, e->hart_isa);
	}
	if (e->isa)
		check_str("ISA of all harts", isa_text(o->isa), e->isa);
}

static void check_result(const struct dt_scan *o, int ret, const struct expect *e)
{
	char buf[1024];

	check_int("return", ret, e->ret);
	check_int("fallback", o->fallback, e->fallback);
	check_int("numa", o->numa, e->numa);
	check_int("nodes", o->nodes, e->nodes);
	check_int("nodes_with_mem", o->nodes_with_mem, e->with_mem);
	check_int("nodes_with_harts", o->nodes_with_harts, e->with_harts);
	check_int("has_distance_map", o->has_distance_map, e->map);
	harts_text(o, buf, sizeof(buf));
	check_str("harts", buf, e->harts);
	mem_text(o, buf, sizeof(buf));
	check_str("memory MB", buf, e->mem_mb);
	dist_text(o, buf, sizeof(buf));
	check_str("distances", buf, e->dist);
	check_messages(o, e);
	check_optional(o, e);
}

static void finish_case(void)
{
	if (case_failed) {
		print_diags();
		nr_failed++;
	} else {
		nr_passed++;
	}
}

/* ---- cases from build/host/dtb ---- */

/* The blob, in 8-byte aligned memory as the kernel gets it; NULL on error. */
static void *load_dtb(const char *name)
{
	char path[1024];
	FILE *f;
	long size;
	void *blob;

	snprintf(path, sizeof(path), "%s/%s.dtb", dtb_dir, name);
	f = fopen(path, "rb");
	if (!f)
		return NULL;
	fseek(f, 0, SEEK_END);
	size = ftell(f);
	rewind(f);
	blob = aligned_alloc(8, (size_t)(size + 7) / 8 * 8);
	if (blob && fread(blob, 1, (size_t)size, f) != (size_t)size) {
		free(blob);
		blob = NULL;
	}
	fclose(f);
	return blob;
}

static struct dt_scan result; /* 14 KiB: not on the stack */

static void run_case(const void *blob, const struct expect *e)
{
	struct dt_scan_opts opts = { KERNEL_START, KERNEL_END, e->phys_limit };
	int ret;

	case_name = e->name;
	case_failed = false;
	host_log_clear();
	ret = dt_scan(blob, &result, e->no_kernel ? NULL : &opts);
	check_result(&result, ret, e);
	finish_case();
}

static void run_file_case(const struct expect *e)
{
	void *blob = load_dtb(e->name);

	if (!blob) {
		case_name = e->name;
		printf("%s: cannot read %s/%s.dtb (make builds it)\n",
		       e->name, dtb_dir, e->name);
		nr_failed++;
		return;
	}
	run_case(blob, e);
	free(blob);
}

#define TWO_NODES_HARTS	"0:0 1:0 2:1 3:1"
#define ONE_NODE_HARTS	"0:0 1:0 2:0 3:0"
#define TWO_NODES_RAM	"0x80000000+0x10000000@0 0x90000000+0x10000000@1"
#define FIRMWARE	"0x80000000+0x80000" /* OpenSBI's, in two_nodes.dtsi */
#define ALL_SSTC	"sstc sstc sstc sstc"
/*
 * The shapes most cases share.  Each macro sets its own fields and the
 * case adds the rest (never one the macro set: -Woverride-init).
 */
/* two_nodes.dtsi's topology, harts as given, with or without its map */
#define NODES2(file, hart_nodes, with_map, ...)                                \
	{                                                                      \
		.name = file, .numa = true, .nodes = 3, .with_mem = 3,         \
		.with_harts = 3, .harts = hart_nodes, .mem_mb = "0:256 1:256", \
		.dist = "10 20/20 10", .map = with_map, __VA_ARGS__            \
	}
/* two_nodes.dtsi with one change that leaves the topology as it is */
#define TWO_NODES(file, hart_nodes, ...) \
	NODES2(file, hart_nodes, true, __VA_ARGS__)
/* the map cannot be used: 10/20, topology kept, one message */
#define MAP_REJECTED(file, ...) \
	NODES2(file, TWO_NODES_HARTS, false, .diags = { __VA_ARGS__ })
/* rejected: one node 0 with @mb MiB of RAM and the 4 harts */
#define ONE_NODE(file, mb, ...)                                                 \
	{                                                                       \
		.name = file, .ret = 1, .fallback = true, .numa = true,         \
		.nodes = 1, .with_mem = 1, .with_harts = 1,                     \
		.harts = ONE_NODE_HARTS, .mem_mb = mb, .dist = "10", .diags = { \
			__VA_ARGS__                                             \
		}                                                               \
	}
#define FALLBACK(file, ...) ONE_NODE(file, "0:512", __VA_ARGS__)

static const struct expect file_cases[] = {
	/* Good trees. */
	TWO_NODES("two_nodes", TWO_NODES_HARTS, .quiet = true,
		  .ram = TWO_NODES_RAM, .reserved = FIRMWARE,
		  .timebase = "10000000", .hart_isa = ALL_SSTC, .isa = "sstc"),
	NODES2("no_distance_map", TWO_NODES_HARTS, false, .quiet = true),
	TWO_NODES("qemu_virt_4x2", TWO_NODES_HARTS, .quiet = true,
		  .ram = TWO_NODES_RAM, .reserved = "", .timebase = "10000000",
		  .hart_isa = ALL_SSTC, .isa = "sstc"),
	{ .name = "four_node_ring",
	  .numa = true,
	  .nodes = 15,
	  .with_mem = 15,
	  .with_harts = 15,
	  .harts = "0:0 1:0 2:1 3:1 4:2 5:2 6:3 7:3",
	  .mem_mb = "0:128 1:128 2:128 3:128",
	  .dist = "10 20 30 20/20 10 20 30/30 20 10 20/20 30 20 10",
	  .map = true,
	  .quiet = true },
	{ .name = "no_numa",
	  .nodes = 1,
	  .with_mem = 1,
	  .with_harts = 1,
	  .harts = "0:0 1:0",
	  .mem_mb = "0:512",
	  .dist = "10",
	  .quiet = true,
	  .ram = "0x80000000+0x10000000@0 0xc0000000+0x10000000@0" },
	{ .name = "memless",
	  .numa = true,
	  .nodes = 3,
	  .with_mem = 1,
	  .with_harts = 3,
	  .harts = TWO_NODES_HARTS,
	  .mem_mb = "0:512",
	  .dist = "10 20/20 10",
	  .map = true,
	  .quiet = true },
	{ .name = "sparse_ids",
	  .numa = true,
	  .nodes = 5,
	  .with_mem = 5,
	  .with_harts = 5,
	  .harts = "0:0 1:2",
	  .mem_mb = "0:256 2:128",
	  .dist = "10 25/25 10",
	  .map = true,
	  .quiet = true },
	{ .name = "mem_no_harts",
	  .numa = true,
	  .nodes = 3,
	  .with_mem = 3,
	  .with_harts = 1,
	  .harts = ONE_NODE_HARTS,
	  .mem_mb = "0:256 1:256",
	  .dist = "10 20/20 10",
	  .map = true,
	  .quiet = true },
	TWO_NODES("disabled_hart", "0:0 1:0 2:1 3:1-", .quiet = true),
	TWO_NODES("cpu_failed", "0:0 1:0 2:1", .quiet = true),

	/* RAM: cell sizes, ranges, size 0 (memless above: a size-0 node). */
	TWO_NODES("mem_cells_1", TWO_NODES_HARTS, .quiet = true,
		  .ram = "0x80000000+0x10000000@0 0x90000000+0x8000000@1 "
			 "0x98000000+0x8000000@1"),
	TWO_NODES("mem_size_cells_1", TWO_NODES_HARTS, .quiet = true,
		  .ram = TWO_NODES_RAM),
	TWO_NODES("mem_against_address_order", "0:1 1:1 2:0 3:0", .quiet = true,
		  .ram = "0x80000000+0x10000000@1 0x90000000+0x10000000@0"),
	/* 2^38 as the kernel's: 256 MiB under it kept, the rest left out. */
	{ .name = "mem_above_limit",
	  .numa = true,
	  .nodes = 3,
	  .with_mem = 3,
	  .with_harts = 3,
	  .harts = TWO_NODES_HARTS,
	  .mem_mb = "0:256 1:512",
	  .dist = "10 20/20 10",
	  .map = true,
	  .phys_limit = 1ULL << 38,
	  .ram = TWO_NODES_RAM " 0x3ff0000000+0x10000000@1",
	  .diags = { "/memory@3ff0000000|[mem 0x3ff0000000-0x400fffffff] "
		     "reaches past 0x4000000000|cut there",
		     "/memory@4000000000|[mem 0x4010000000-0x401fffffff] "
		     "reaches past 0x4000000000|ignored" } },
	TWO_NODES("mem_zero_size", TWO_NODES_HARTS, .quiet = true,
		  .ram = "0x80000000+0x8000000@0 0x88000000+0x8000000@0 "
			 "0x90000000+0x10000000@1"),
	{ .name = "no_numa_bad_reg",
	  .nodes = 1,
	  .with_mem = 1,
	  .with_harts = 1,
	  .harts = "0:0 1:0",
	  .mem_mb = "0:512",
	  .dist = "10",
	  .ram = "0x80000000+0x10000000@0 0xc0000000+0x10000000@0",
	  .diags = { "numa: /memory@a0000000|reg is 12 bytes, not a multiple of 16|skipped" } },

	{ .name = "no_numa_overlap",
	  .nodes = 1,
	  .with_mem = 1,
	  .with_harts = 1,
	  .harts = "0:0 1:0",
	  .mem_mb = "0:768",
	  .dist = "10",
	  .ram = "0x80000000+0x10000000@0 0xc0000000+0x10000000@0 "
		 "0x88000000+0x10000000@0",
	  .diags = { "numa: /memory@88000000|[mem 0x88000000-0x97ffffff] "
		     "overlaps /memory@80000000|merged" } },

	/* Reserved ranges: /reserved-memory with and without reg, its cells. */
	TWO_NODES("reserved_no_reg", TWO_NODES_HARTS, .quiet = true,
		  .reserved = FIRMWARE " 0x9f000000+0x100000 0x9f200000+0x1000"),
	TWO_NODES("reserved_bad_reg", TWO_NODES_HARTS, .reserved = FIRMWARE,
		  .diags = { "numa: /reserved-memory/fw@9f000000|reg is 12 bytes, "
			     "not a multiple of 16|not reserved" }),
	TWO_NODES("reserved_cells_1", TWO_NODES_HARTS, .quiet = true,
		  .reserved = FIRMWARE " 0x9f000000+0x100000"),
	TWO_NODES("reserved_cells_3", TWO_NODES_HARTS, .reserved = "",
		  .diags = { "numa: /reserved-memory: #address-cells = 3, not 1 or 2",
			     "numa: /reserved-memory: cannot read reg|nothing reserved from it" }),

	/* /cpus: the timebase, the ISA extensions, /cpus itself. */
	TWO_NODES("timebase_missing", TWO_NODES_HARTS, .timebase = "0",
		  .diags = { "numa: /cpus|timebase-frequency is 0 bytes|default rate" }),
	TWO_NODES("timebase_two_cells", TWO_NODES_HARTS, .quiet = true,
		  .timebase = "1000000000"),
	TWO_NODES("timebase_zero", TWO_NODES_HARTS, .timebase = "0",
		  .diags = { "numa: /cpus|timebase-frequency is 4 bytes, 0 Hz|default rate" }),
	TWO_NODES("timebase_bad_length", TWO_NODES_HARTS, .timebase = "0",
		  .diags = { "numa: /cpus|timebase-frequency is 12 bytes|default rate" }),
	TWO_NODES("isa_words", TWO_NODES_HARTS, .quiet = true,
		  .hart_isa = "sstc sstc - -", .isa = ""),
	TWO_NODES("isa_disabled_lacks", "0:0 1:0 2:1 3:1-", .quiet = true,
		  .hart_isa = "sstc sstc sstc -", .isa = "sstc"),
	TWO_NODES("isa_missing", TWO_NODES_HARTS, .quiet = true,
		  .hart_isa = "- sstc sstc sstc", .isa = ""),
	{ .name = "cpus_missing",
	  .numa = true,
	  .nodes = 3,
	  .with_mem = 3,
	  .harts = "",
	  .mem_mb = "0:256 1:256",
	  .dist = "10 20/20 10",
	  .map = true,
	  .ram = TWO_NODES_RAM,
	  .timebase = "0",
	  .isa = "",
	  .diags = { "numa: /cpus: missing|no harts, no timebase-frequency" } },

	{ .name = "cpus_cells_3",
	  .ret = 1,
	  .fallback = true,
	  .numa = true,
	  .nodes = 1,
	  .with_mem = 1,
	  .harts = "",
	  .mem_mb = "0:512",
	  .dist = "10",
	  .timebase = "10000000",
	  .diags = { "numa: /cpus: #address-cells = 3, not 1 or 2",
		     "numa: /cpus: cannot read hart ids|using one node" } },

	/* Node ids that cannot be used: one node. */
	FALLBACK("bad_cpu_id",
		 "/cpus/cpu@2|numa-node-id 7 >= MAX_NUMNODES (4)|using one node"),
	FALLBACK("qemu_virt_4x2_bad_cpu_id",
		 "/cpus/cpu@2|numa-node-id 7|using one node"),
	FALLBACK("bad_mem_id",
		 "/memory@90000000|numa-node-id 4 >= MAX_NUMNODES|using one node"),
	FALLBACK("cpu_id_two_cells",
		 "/cpus/cpu@1|numa-node-id is not one cell|using one node"),
	FALLBACK("mem_id_string",
		 "/memory@80000000|numa-node-id is not one cell|using one node"),

	/* Memory that cannot be placed: one node. */
	FALLBACK("overlap", "/memory@90000000|[mem 0x8f000000-0x9effffff] overlaps "
			    "/memory@80000000|using one node"),
	FALLBACK("uncovered", "/memory@90000000|without numa-node-id",
		 "NUMA: no nodes coverage for 256MB of 512MB RAM|using one node"),
	ONE_NODE("mem_reg_bad_length", "0:256",
		 "/memory@90000000|reg is 12 bytes, not a multiple of 16|using one node"),
	ONE_NODE("mem_id_no_reg", "0:256",
		 "/memory@90000000|numa-node-id 1 but no reg|using one node"),
	ONE_NODE("many_ranges", "0:287",
		 "/memory@90000000|more than 32 memory ranges|using one node"),
	{ .name = "root_size_cells_3",
	  .ret = 1,
	  .fallback = true,
	  .numa = true,
	  .nodes = 1,
	  .with_mem = 0,
	  .with_harts = 1,
	  .harts = ONE_NODE_HARTS,
	  .mem_mb = "",
	  .dist = "10",
	  .diags = { "numa: /: #size-cells = 3, not 1 or 2",
		     "cannot read memory reg|using one node" } },
	FALLBACK("kernel_outside",
		 "kernel image [mem 0x80200000-0x803fffff] is not inside any "
		 "node's memory|using one node"),
	TWO_NODES("kernel_outside", TWO_NODES_HARTS, .no_kernel = true,
		  .quiet = true),

	/* A distance map that cannot be used: 10/20, topology kept. */
	MAP_REJECTED("dist_unknown_node",
		     "/distance-map|distance-matrix|"
		     "[node0 -> node2] = 30|no memory or harts"),
	MAP_REJECTED("dist_local_not_10",
		     "/distance-map|distance-matrix|"
		     "[node1 -> node1] = 12|local must be 10|using 10/20"),
	MAP_REJECTED("dist_remote_10",
		     "/distance-map|distance-matrix|"
		     "[node0 -> node1] = 10|remote must be > 10"),
	MAP_REJECTED("dist_over_255", "/distance-map|distance-matrix|"
				      "[node0 -> node1] = 256|above 255"),
	MAP_REJECTED("dist_bad_length",
		     "/distance-map|distance-matrix is 16 bytes|using 10/20"),
	MAP_REJECTED("dist_no_matrix", "/distance-map|distance-matrix is 0 bytes"),
	MAP_REJECTED("dist_node_past_max",
		     "/distance-map|distance-matrix|[node0 -> node7] = 20|"
		     "node >= MAX_NUMNODES|using 10/20"),

	/* Problems that are reported and survived. */
	TWO_NODES("hart_without_id", "0:0 1:0 2:1 3:0",
		  .diags = { "/cpus/cpu@3|no numa-node-id|hart 3 goes to node 0" }),
	TWO_NODES("reserved_over_kernel", TWO_NODES_HARTS,
		  .diags = { "/reserved-memory/fw@80200000|overlaps the kernel image|ignored" }),
	TWO_NODES("cpu_bad_reg", "0:0 2:1 3:1",
		  .diags = { "/cpus/cpu@1|reg is 3 bytes|cpu skipped" }),
	TWO_NODES("duplicate_hart", "0:0 1:0 2:1",
		  .diags = { "/cpus/cpu@3|hart 2 listed twice" }),
};

/* ---- cases built here ---- */

static char built[65536] __attribute__((aligned(8)));

#define FDT_OK(call) do {						\
	int __err = (call);						\
	if (__err) {							\
		printf("%s: building the tree: %s: %s\n", case_name, #call, \
		       fdt_strerror(__err));				\
		exit(2);						\
	}								\
} while (0)

/* A tree whose memreserve block holds @nr entries from @rsv (base, size). */
static void begin_tree_reserving(const uint64_t (*rsv)[2], int nr)
{
	FDT_OK(fdt_create(built, sizeof(built)));
	for (int i = 0; i < nr; i++)
		FDT_OK(fdt_add_reservemap_entry(built, rsv[i][0], rsv[i][1]));
	FDT_OK(fdt_finish_reservemap(built));
	FDT_OK(fdt_begin_node(built, ""));
	FDT_OK(fdt_property_u32(built, "#address-cells", 2));
	FDT_OK(fdt_property_u32(built, "#size-cells", 2));
}

static void begin_tree(void)
{
	begin_tree_reserving(NULL, 0);
}

static void end_tree(void)
{
	FDT_OK(fdt_end_node(built));
	FDT_OK(fdt_finish(built));
}

static void add_memory(const char *name, uint64_t base, uint64_t size, int nid)
{
	fdt64_t reg[2] = { cpu_to_fdt64(base), cpu_to_fdt64(size) };

	FDT_OK(fdt_begin_node(built, name));
	FDT_OK(fdt_property_string(built, "device_type", "memory"));
	FDT_OK(fdt_property(built, "reg", reg, sizeof(reg)));
	if (nid >= 0)
		FDT_OK(fdt_property_u32(built, "numa-node-id", (uint32_t)nid));
	FDT_OK(fdt_end_node(built));
}

/* @nr harts; hart i is on node nid(i), or has no numa-node-id if < 0. */
static void add_cpus(int nr, int (*nid)(int), bool two_cells)
{
	FDT_OK(fdt_begin_node(built, "cpus"));
	if (!two_cells)		/* 2 cells: leave #address-cells out on purpose */
		FDT_OK(fdt_property_u32(built, "#address-cells", 1));
	FDT_OK(fdt_property_u32(built, "timebase-frequency", 10000000));
	for (int i = 0; i < nr; i++) {
		char name[16];

		snprintf(name, sizeof(name), "cpu@%x", i);
		FDT_OK(fdt_begin_node(built, name));
		FDT_OK(fdt_property_string(built, "device_type", "cpu"));
		if (two_cells)
			FDT_OK(fdt_property_u64(built, "reg", (uint64_t)i << 32 | i));
		else
			FDT_OK(fdt_property_u32(built, "reg", (uint32_t)i));
		if (nid(i) >= 0)
			FDT_OK(fdt_property_u32(built, "numa-node-id", (uint32_t)nid(i)));
		FDT_OK(fdt_end_node(built));
	}
	FDT_OK(fdt_end_node(built));
}

static int first_on_node0_rest_none(int i)
{
	return i == 0 ? 0 : -1;
}

static int half_and_half(int i)
{
	return i < 2 ? 0 : 1;
}

/* two_nodes.dtsi's layout: @nr harts, the first two on node 0, 2 x 256 MiB. */
static void add_two_nodes(int nr, bool two_cells)
{
	add_cpus(nr, half_and_half, two_cells);
	add_memory("memory@80000000", 0x80000000, 256 << 20, 0);
	add_memory("memory@90000000", 0x90000000, 256 << 20, 1);
}

/*
 * 19 harts without numa-node-id: 16 lines (DT_MAX_WARNINGS), 3 dropped;
 * 16 of them: 16 lines and no count line.
 */
static void test_many_messages(void)
{
	static const struct expect e19 = {
		.name = "built: 19 harts without numa-node-id",
		.numa = true,
		.nodes = 1,
		.with_mem = 1,
		.with_harts = 1,
		.harts = "0:0 1:0 2:0 3:0 4:0 5:0 6:0 7:0 8:0 9:0 10:0 11:0 "
			 "12:0 13:0 14:0 15:0 16:0 17:0 18:0 19:0",
		.mem_mb = "0:512",
		.dist = "10",
		.dropped = 3,
		.diags = { "/cpus/cpu@1|hart 1 goes to node 0",
			   "/cpus/cpu@10|hart 16 goes to node 0" },
	};
	static const struct expect e16 = {
		.name = "built: 16 harts without numa-node-id",
		.numa = true,
		.nodes = 1,
		.with_mem = 1,
		.with_harts = 1,
		.harts = "0:0 1:0 2:0 3:0 4:0 5:0 6:0 7:0 8:0 9:0 10:0 11:0 "
			 "12:0 13:0 14:0 15:0 16:0",
		.mem_mb = "0:512",
		.dist = "10",
		.diags = { "/cpus/cpu@10|hart 16 goes to node 0" },
	};
	const struct expect *cases[] = { &e19, &e16 };
	const int harts[] = { 20, 17 };

	for (int i = 0; i < 2; i++) {
		case_name = cases[i]->name;
		begin_tree();
		add_cpus(harts[i], first_on_node0_rest_none, false);
		add_memory("memory@80000000", 0x80000000, 512 << 20, 0);
		end_tree();
		run_case(built, cases[i]);
	}
}

/* Hart ids in two cells, /cpus without #address-cells: read by length. */
static void test_two_cell_hart_ids(void)
{
	static const struct expect e = {
		.name = "built: two-cell hart ids", .numa = true, .nodes = 3,
		.with_mem = 3, .with_harts = 3,
		.harts = "0:0 4294967297:0 8589934594:1 12884901891:1",
		.mem_mb = "0:256 1:256", .dist = "10 20/20 10", .quiet = true,
	};

	case_name = e.name;
	begin_tree();
	add_two_nodes(4, true);
	end_tree();
	run_case(built, &e);
}

/* A range whose end passes 2^64. */
static void test_wrapping_range(void)
{
	static const struct expect e = {
		.name = "built: range wraps past 2^64", .ret = 1, .fallback = true,
		.numa = true, .nodes = 1, .with_mem = 1, .with_harts = 1,
		.harts = "0:0 1:0 2:0 3:0", .mem_mb = "0:256", .dist = "10",
		.diags = { "/memory@fffffffff0000000|wraps around|using one node" },
	};

	case_name = e.name;
	begin_tree();
	add_cpus(4, half_and_half, false);
	add_memory("memory@80000000", 0x80000000, 256 << 20, 0);
	add_memory("memory@fffffffff0000000", 0xfffffffff0000000ULL, 512 << 20, 1);
	end_tree();
	run_case(built, &e);
}

/*
 * Two top-level nodes, the distance map in the second.  libfdt's
 * fdt_get_path() reads before its buffer on such a blob (fuzz_topology
 * found it); the parser names nodes without it.
 */
static void test_two_roots(void)
{
	static const struct expect e = {
		.name = "built: two root nodes", .numa = true, .nodes = 1,
		.with_mem = 1, .with_harts = 1, .harts = "0:0", .mem_mb = "0:256",
		.dist = "10",
		.diags = { "distance-map|distance-matrix is 4 bytes|using 10/20" },
	};
	fdt32_t bad = cpu_to_fdt32(7);

	case_name = e.name;
	begin_tree();
	add_cpus(1, first_on_node0_rest_none, false);
	add_memory("memory@80000000", 0x80000000, 256 << 20, 0);
	FDT_OK(fdt_end_node(built));
	FDT_OK(fdt_begin_node(built, "second-root"));
	FDT_OK(fdt_begin_node(built, "distance-map"));
	FDT_OK(fdt_property_string(built, "compatible", "numa-distance-map-v1"));
	FDT_OK(fdt_property(built, "distance-matrix", &bad, sizeof(bad)));
	FDT_OK(fdt_end_node(built));
	end_tree();
	run_case(built, &e);
}

/*
 * A node name with a newline in it (the fuzzer made one): the message
 * naming it must stay one line, the newline shown as '?', or the tree
 * could write log lines of its own.
 */
static void test_newline_in_node_name(void)
{
	static const struct expect e = {
		.name = "built: newline in a node name",
		.numa = true,
		.nodes = 1,
		.with_mem = 1,
		.with_harts = 1,
		.harts = "0:0",
		.mem_mb = "0:256",
		.dist = "10",
		.diags = { "numa: /memory@90000000?numa: forged|reg is 12 bytes" },
	};
	fdt32_t bad_reg[3] = { 0, cpu_to_fdt32(0x90000000), 0 };

	case_name = e.name;
	begin_tree();
	add_cpus(1, first_on_node0_rest_none, false);
	add_memory("memory@80000000", 0x80000000, 256 << 20, 0);
	FDT_OK(fdt_begin_node(built, "memory@90000000\nnuma: forged"));
	FDT_OK(fdt_property_string(built, "device_type", "memory"));
	FDT_OK(fdt_property(built, "reg", bad_reg, sizeof(bad_reg)));
	FDT_OK(fdt_end_node(built));
	end_tree();
	run_case(built, &e);
}

/* 513 harts: one more than the parser keeps; one message, one node. */
static void test_too_many_harts(void)
{
	int ret;

	case_name = "built: 513 harts";
	case_failed = false;
	begin_tree();
	add_two_nodes(DT_MAX_HARTS + 1, false);
	end_tree();
	host_log_clear();
	ret = dt_scan(built, &result, NULL);
	check_int("return", ret, 1);
	check_int("fallback", result.fallback, true);
	check_int("nr_harts", result.nr_harts, DT_MAX_HARTS);
	check_int("nodes", result.nodes, 1);
	check_int("messages", host_log_len, 1);
	if (!has_diag("/cpus/cpu@200|more than 512 cpu nodes|using one node"))
		fail("no message naming /cpus/cpu@200");
	finish_case();
}

/*
 * The memreserve block (dtc cannot add one to a case that includes
 * two_nodes.dtsi): kept in order, before /reserved-memory; a range that
 * wraps is dropped, one over the kernel image kept, each said.
 */
static void test_memreserve_block(void)
{
	static const uint64_t rsv[][2] = {
		{ 0x9e000000, 0x10000 },
		{ 0xfffffffffff00000ULL, 0x200000 }, /* wraps past 2^64 */
		{ 0x80300000, 0x1000 },		     /* inside the kernel */
	};
	static const struct expect e = {
		.name = "built: memreserve block",
		.numa = true,
		.nodes = 3,
		.with_mem = 3,
		.with_harts = 3,
		.harts = TWO_NODES_HARTS,
		.mem_mb = "0:256 1:256",
		.dist = "10 20/20 10",
		.reserved = "0x9e000000+0x10000 0x80300000+0x1000",
		.diags = { "numa: memreserve block|[mem 0xfffffffffff00000 + 0x200000] "
			   "wraps around|not reserved",
			   "numa: memreserve block|[mem 0x80300000-0x80300fff] overlaps "
			   "the kernel image|ignored" },
	};

	case_name = e.name;
	begin_tree_reserving(rsv, 3);
	add_two_nodes(4, false);
	end_tree();
	run_case(built, &e);
}

/* 33 memreserve entries: the first 32 are kept, one message for the rest. */
static void test_too_many_reserved(void)
{
	static uint64_t rsv[DT_MAX_RESERVED + 1][2];
	int ret;

	case_name = "built: 33 reserved ranges";
	case_failed = false;
	for (int i = 0; i <= DT_MAX_RESERVED; i++) {
		rsv[i][0] = 0x9e000000 + (uint64_t)i * 0x1000;
		rsv[i][1] = 0x1000;
	}
	begin_tree_reserving((const uint64_t(*)[2])rsv, DT_MAX_RESERVED + 1);
	add_cpus(1, first_on_node0_rest_none, false);
	add_memory("memory@80000000", 0x80000000, 512 << 20, 0);
	end_tree();
	host_log_clear();
	ret = dt_scan(built, &result, NULL);
	check_int("return", ret, 0);
	check_int("nr_reserved", result.nr_reserved, DT_MAX_RESERVED);
	check_int("last kept", (long)result.reserved[DT_MAX_RESERVED - 1].base,
		  0x9e000000 + (DT_MAX_RESERVED - 1) * 0x1000);
	check_int("messages", host_log_len, 1);
	if (!has_diag("memreserve block|more than 32 reserved ranges|the rest not reserved"))
		fail("no message about the 33rd range");
	finish_case();
}

/* No header, a corrupted header, a NULL pointer: one empty node, -1. */
static void test_bad_headers(void)
{
	static const struct expect e = {
		.name = "built: corrupted magic", .ret = -1, .fallback = true,
		.nodes = 1, .harts = "", .mem_mb = "", .dist = "10",
		.diags = { "device tree rejected by libfdt|using one node" },
	};
	struct expect null_case = e;

	case_name = e.name;
	begin_tree();
	end_tree();
	((uint32_t *)(void *)built)[0] = 0x12345678;
	run_case(built, &e);
	null_case.name = "built: NULL tree";
	run_case(NULL, &null_case);
}

/* The decoders built into the node holding what the test reads. */
static void add_decoder_props(void)
{
	static const char unterminated[] = { 'o', 'k', 'a', 'y' };
	fdt32_t bad_reg[3] = { 0, cpu_to_fdt32(0x1000), 0 };
	fdt64_t reg[4] = { cpu_to_fdt64(0x80000000), cpu_to_fdt64(0x10000000),
			   cpu_to_fdt64(0x100000000ULL), cpu_to_fdt64(0x2000) };
	fdt32_t map[6] = {
		0, cpu_to_fdt32(1), cpu_to_fdt32(20), cpu_to_fdt32(1),
		0, cpu_to_fdt32(21)
	};

	FDT_OK(fdt_begin_node(built, "props"));
	FDT_OK(fdt_property_u32(built, "one", 7));
	FDT_OK(fdt_property_u64(built, "two", 7));
	FDT_OK(fdt_property_string(built, "str", "okay"));
	FDT_OK(fdt_property(built, "raw", unterminated, sizeof(unterminated)));
	FDT_OK(fdt_property_u32(built, "#address-cells", 3));
	FDT_OK(fdt_property(built, "#size-cells", reg, 8));
	FDT_OK(fdt_property(built, "reg", reg, sizeof(reg)));
	FDT_OK(fdt_end_node(built));
	FDT_OK(fdt_begin_node(built, "bad"));
	FDT_OK(fdt_property(built, "reg", bad_reg, sizeof(bad_reg)));
	FDT_OK(fdt_end_node(built));
	FDT_OK(fdt_begin_node(built, "distance-map"));
	FDT_OK(fdt_property_string(built, "compatible", "numa-distance-map-v1"));
	FDT_OK(fdt_property(built, "distance-matrix", map, sizeof(map)));
	FDT_OK(fdt_end_node(built));
}

/*
 * The decoders <nodal/dt_scan.h> exports for the `dt` report, each on a
 * property whose reading is written out here by hand.
 */
static void test_decoders(void)
{
	static const unsigned char cells[] = { 0xff, 0, 0, 0, 1, 0, 0, 0, 2 };
	int props, bad, cpus, len, map;
	const void *reg, *m;
	uint64_t base, size, hart;
	uint32_t v = 0;

	case_name = "built: the exported decoders";
	case_failed = false;
	begin_tree();
	add_cpus(2, half_and_half, false);
	add_decoder_props();
	end_tree();
	props = fdt_path_offset(built, "/props");
	bad = fdt_path_offset(built, "/bad");
	cpus = fdt_path_offset(built, "/cpus");
	check_int("u32 one", dt_prop_u32(built, props, "one", &v), DT_PROP_OK);
	check_int("u32 one's value", v, 7);
	check_int("u32 two", dt_prop_u32(built, props, "two", &v), DT_PROP_BAD);
	check_int("u32 none", dt_prop_u32(built, props, "none", &v),
		  DT_PROP_ABSENT);
	check_int("str is okay", dt_prop_is(built, props, "str", "okay"), 1);
	check_int("str is ok", dt_prop_is(built, props, "str", "ok"), 0);
	check_int("raw is okay", dt_prop_is(built, props, "raw", "okay"), 0);
	check_int("cells at an odd address", (long)dt_read_cells(cells + 1, 2),
		  0x100000002L);
	check_int("root cells", dt_cells(built, 0, "#address-cells", 1), 2);
	check_int("absent cells", dt_cells(built, cpus, "#size-cells", 9), 9);
	check_int("cells of 3", dt_cells(built, props, "#address-cells", 2), -1);
	check_int("cells of 8 bytes", dt_cells(built, props, "#size-cells", 1),
		  -1);
	check_int("reg pairs", dt_reg(built, props, 2, 2, &reg, &len), 2);
	check_int("reg length", len, 32);
	dt_reg_pair(reg, 1, 2, 2, &base, &size);
	check_int("pair 1 base", (long)base, 0x100000000L);
	check_int("pair 1 size", (long)size, 0x2000);
	check_int("reg of 12 bytes", dt_reg(built, bad, 2, 2, &reg, &len), -1);
	check_int("reg of 12 bytes, 1+2 cells",
		  dt_reg(built, bad, 1, 2, &reg, &len), 1);
	check_int("no reg", dt_reg(built, cpus, 2, 2, &reg, &len), 0);
	check_int("hart 1",
		  dt_hartid(built, fdt_path_offset(built, "/cpus/cpu@1"), 1,
			    &hart, &len),
		  1);
	check_int("hart 1's id", (long)hart, 1);
	check_int("hart in 2 cells",
		  dt_hartid(built, fdt_path_offset(built, "/cpus/cpu@1"), 2,
			    &hart, &len),
		  0);
	check_int("hart in 2 cells: reg length", len, 4);
	check_int("timebase", (long)dt_timebase(built, cpus, &len), 10000000);
	check_int("timebase length", len, 4);
	check_int("no timebase", (long)dt_timebase(built, props, &len), 0);
	check_int("no timebase: length", len, 0);
	map = dt_distance_map(built, &m, &len);
	check_int("distance map found",
		  map == fdt_path_offset(built, "/distance-map"), 1);
	check_int("distance-matrix length", len, 24);
	check_int("second distance",
		  (long)dt_read_cells((const char *)m + 20, 1), 21);
	finish_case();
}

int main(int argc, char **argv)
{
	const char *slash = strrchr(argv[0], '/');

	if (argc > 1)
		snprintf(dtb_dir, sizeof(dtb_dir), "%s", argv[1]);
	else
		snprintf(dtb_dir, sizeof(dtb_dir), "%.*sdtb",
			 slash ? (int)(slash - argv[0] + 1) : 0, argv[0]);
	for (size_t i = 0; i < sizeof(file_cases) / sizeof(file_cases[0]); i++)
		run_file_case(&file_cases[i]);
	test_many_messages();
	test_two_cell_hart_ids();
	test_wrapping_range();
	test_two_roots();
	test_newline_in_node_name();
	test_too_many_harts();
	test_memreserve_block();
	test_too_many_reserved();
	test_bad_headers();
	test_decoders();
	printf("topology_test: %d passed, %d failed\n", nr_passed, nr_failed);
	return nr_failed ? 1 : 0;
}
