/* SPDX-License-Identifier: MIT */
/*
 * mm/slub/report.c — the `slabinfo`, `slabstat` and `validate` shell
 * commands.
 *
 * Part of SLUB; locking: see slub.c.  Reads counters through SLUB's
 * accessors (slub_stat_*(), slub_count_partial()) and changes nothing but
 * what `validate` repairs (it flushes CPU slabs, as Linux's sysfs
 * `validate` does).  slabinfo and slabstat print through the report API
 * (<nodal/report.h>), text and JSON from the same calls, each from a
 * snapshot taken before report_print(); slabstat's counter names are
 * slub_stat_name()'s, the one table.  Formats:
 *  - slabinfo: /proc/slabinfo version 2.1 as Linux's get_slabinfo() fills
 *    it for SLUB: active_objs = objects − free objects on the node partial
 *    lists (CPU slabs and CPU partials count as active), objsize = slot
 *    size, tunables and sharedavail 0, active_slabs = num_slabs; newest
 *    cache first.  Then one JSON line between JSON-BEGIN/JSON-END.
 *  - slabstat CACHE: each SLUB_STATS counter as Linux's sysfs show_stat()
 *    prints it, "<name> <total> C<cpu>=<n> ..." (CPUs with n > 0), + JSON.
 *  - validate CACHE|all: validate_slab_cache() and its error count.
 */
#include <linux/cpumask.h>
#include <linux/errno.h>
#include <linux/percpu.h>
#include <linux/printk.h>
#include <linux/smp.h>
#include <linux/sprintf.h>
#include <linux/string.h>
#include <linux/topology.h>
#include <nodal/report.h>
#include <nodal/shell.h>

#include "internal.h"

/* /proc/slabinfo 2.1's columns (docs/linux-facts.md §8.5), and JSON's own. */
enum {
	S_VERSION,
	S_NAME,
	S_ACTIVE_OBJS,
	S_NUM_OBJS,
	S_OBJSIZE,
	S_OBJECT_SIZE,
	S_OBJPERSLAB,
	S_PAGESPERSLAB,
	S_ACTIVE_SLABS,
	S_NUM_SLABS,
	S_FLAGS,
	S_ERRORS,
	NR_S_FIELDS
};

static const struct report_field slab_fields[NR_S_FIELDS] = {
	[S_VERSION] = { "version", "slabinfo - version: %s\n" },
	[S_NAME] = { "name", "%-17s" },
	[S_ACTIVE_OBJS] = { "active_objs", " %6llu" },
	[S_NUM_OBJS] = { "num_objs", " %6llu" },
	[S_OBJSIZE] = { "objsize", " %6llu" }, /* s->size */
	[S_OBJECT_SIZE] = { "object_size", NULL },
	[S_OBJPERSLAB] = { "objperslab", " %4llu" },
	[S_PAGESPERSLAB] = { "pagesperslab", " %4llu" },
	[S_ACTIVE_SLABS] = { "active_slabs", " : slabdata %6llu" },
	[S_NUM_SLABS] = { "num_slabs", " %6llu" },
	[S_FLAGS] = { "flags", NULL },
	[S_ERRORS] = { "errors", NULL },
};

/*
 * The caches, newest first, and their counts, read before printing: the
 * counts take list locks, which a debug report may hold while it prints.
 */
struct slabinfo_view {
	int nr;
	struct kmem_cache *caches[SLUB_MAX_SNAPSHOT];
	struct {
		unsigned long slabs, objs, free;
	} count[SLUB_MAX_SNAPSHOT];
};

/*
 * A cache's row.  As SLUB's get_slabinfo(): every slab is active, and the
 * objects free on the node partial lists are the only inactive ones.
 */
static void emit_cache(struct report *r, const struct slabinfo_view *v, int i)
{
	struct kmem_cache *s = v->caches[i];
	unsigned long slabs = v->count[i].slabs, objs = v->count[i].objs;

	report_item(r);
	report_str(r, &slab_fields[S_NAME], s->name);
	report_u64(r, &slab_fields[S_ACTIVE_OBJS], objs - v->count[i].free);
	report_u64(r, &slab_fields[S_NUM_OBJS], objs);
	report_u64(r, &slab_fields[S_OBJSIZE], s->size);
	report_u64(r, &slab_fields[S_OBJECT_SIZE], s->object_size);
	report_u64(r, &slab_fields[S_OBJPERSLAB], oo_objects(s->oo));
	report_u64(r, &slab_fields[S_PAGESPERSLAB], 1u << oo_order(s->oo));
	report_text(r, " : tunables %4u %4u %4u", 0u, 0u, 0u);
	report_u64(r, &slab_fields[S_ACTIVE_SLABS], slabs);
	report_u64(r, &slab_fields[S_NUM_SLABS], slabs);
	report_text(r, " %6lu", 0UL); /* sharedavail */
	report_u64(r, &slab_fields[S_FLAGS], s->flags);
	report_u64(r, &slab_fields[S_ERRORS], kmem_cache_nr_errors(s));
	report_item_end(r);
}

static void slabinfo_emit(struct report *r, void *arg)
{
	const struct slabinfo_view *v = arg;

	report_str(r, &slab_fields[S_VERSION], "2.1");
	report_text(r,
		    "# name            <active_objs> <num_objs> <objsize> <objperslab> <pagesperslab> : tunables <limit> <batchcount> <sharedfactor> : slabdata <active_slabs> <num_slabs> <sharedavail>\n");
	report_list(r, "caches");
	for (int i = 0; i < v->nr; i++)
		emit_cache(r, v, i);
	report_list_end(r);
}

static int cmd_slabinfo(int argc, char **argv)
{
	static struct slabinfo_view view; /* one shell runs commands */

	(void)argc;
	(void)argv;
	view.nr = slub_snapshot_caches(view.caches, SLUB_MAX_SNAPSHOT);
	for (int i = 0; i < view.nr; i++)
		slub_count_partial(view.caches[i], &view.count[i].slabs,
				   &view.count[i].objs, &view.count[i].free);
	report_print("slabinfo", slabinfo_emit, &view);
	return 0;
}
SHELL_COMMAND("slabinfo", cmd_slabinfo, "",
	      "SLUB caches in /proc/slabinfo 2.1 format (+ JSON)");

static const struct report_field slabstat_cache = { "cache", NULL };

/*
 * The cache's counters, read before report_print() so that the text and
 * the JSON print the same figures.  Each CPU copies its own, in a
 * cross-call with interrupts off (so they are counted no further while it
 * reads them), into its own per_cpu(slabstat_view); the shell reads them
 * once on_each_cpu() has returned.
 */
static DEFINE_PER_CPU(unsigned int[NR_SLUB_STAT_ITEMS], slabstat_view); /* [cpu] */

static void slabstat_take_own_view(void *arg)
{
	unsigned int *view = *this_cpu_ptr(&slabstat_view);
	unsigned int cpu = smp_processor_id();

	for (int si = 0; si < NR_SLUB_STAT_ITEMS; si++)
		view[si] = slub_stat_cpu(arg, si, cpu);
}

static void slabstat_take_view(struct kmem_cache *s)
{
	on_each_cpu(slabstat_take_own_view, s, true);
}

/* slub_stat_total() of the snapshot: the online CPUs' counts added up. */
static unsigned long long slabstat_view_total(enum stat_item si)
{
	unsigned long long sum = 0;
	unsigned int cpu;

	for_each_online_cpu(cpu)
		sum += per_cpu(slabstat_view, cpu)[si];
	return sum;
}

/*
 * One counter as sysfs's show_stat() prints it: "alloc_fastpath 120 C0=80
 * C2=40" (CPUs with a count only); JSON: {"total":120,"cpus":{"0":80,...}}.
 */
static void emit_stat(struct report *r, enum stat_item si)
{
	static const struct report_field total = { "total", " %llu" };
	unsigned int cpu;

	report_text(r, "%-24s", slub_stat_name(si));
	report_object(r, slub_stat_name(si));
	report_u64(r, &total, slabstat_view_total(si));
	report_object(r, "cpus");
	for_each_online_cpu(cpu) {
		unsigned int v = per_cpu(slabstat_view, cpu)[si];
		char key[8];

		if (!v)
			continue;
		snprintf(key, sizeof(key), "%u", cpu);
		report_text(r, " C%u=", cpu);
		report_u64(r, &(struct report_field){ key, "%llu" }, v);
	}
	report_object_end(r);
	report_object_end(r);
	report_text(r, "\n");
}

static void slabstat_emit(struct report *r, void *arg)
{
	struct kmem_cache *s = arg;

	report_str(r, &slabstat_cache, s->name);
	report_object(r, "counters");
	for (int si = 0; si < NR_SLUB_STAT_ITEMS; si++)
		emit_stat(r, si);
	report_object_end(r);
}

static int cmd_slabstat(int argc, char **argv)
{
	struct kmem_cache *s;

	if (argc != 2) {
		console_printf(
			"slabstat: usage: slabstat CACHE (a name slabinfo lists): EINVAL\n");
		return -EINVAL;
	}
	s = kmem_cache_find(argv[1]);
	if (!s) {
		console_printf("slabstat: no cache named '%s' (slabinfo lists them): EINVAL\n",
			       argv[1]);
		return -EINVAL;
	}
	slabstat_take_view(s);
	report_print("slabstat", slabstat_emit, s);
	return 0;
}
SHELL_COMMAND("slabstat", cmd_slabstat, "CACHE",
	      "SLUB_STATS counters of a cache, per CPU (+ JSON)");

/* One cache's validation, said in a line; 0 if it found nothing wrong. */
static int validate_one(struct kmem_cache *s)
{
	int errors = validate_slab_cache(s);

	if (errors < 0) {
		console_printf("validate %s: no memory for the object map: ENOMEM\n",
			       s->name);
		return errors;
	}
	console_printf("validate %s: %d errors\n", s->name, errors);
	return errors ? -EINVAL : 0;
}

static int cmd_validate(int argc, char **argv)
{
	static struct kmem_cache *caches[SLUB_MAX_SNAPSHOT];
	bool all = argc == 2 && !strcmp(argv[1], "all");
	int nr, i, err, first_err = 0;

	if (argc != 2) {
		console_printf("validate: usage: validate CACHE|all: EINVAL\n");
		return -EINVAL;
	}
	nr = slub_snapshot_caches(caches, SLUB_MAX_SNAPSHOT);
	for (i = 0; i < nr; i++) {
		if (!all && strcmp(argv[1], caches[i]->name))
			continue;
		err = validate_one(caches[i]);
		if (!all)
			return err;
		if (err && !first_err)
			first_err = err;
	}
	if (!all) {
		console_printf("validate: no cache named '%s' (slabinfo lists them): EINVAL\n",
			       argv[1]);
		return -EINVAL;
	}
	return first_err;
}
SHELL_COMMAND("validate", cmd_validate, "CACHE|all",
	      "check every slab of a cache (validate_slab_cache)");
