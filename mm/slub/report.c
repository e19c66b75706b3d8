/* SPDX-License-Identifier: MIT */
/*
 * mm/slub/report.c — the `slabinfo`, `slabstat` and `validate` shell
 * commands.
 *
 * Part of SLUB; locking: see slub.c.  Reads counters through SLUB's
 * accessors (slub_stat_*(), slub_count_partial()) and changes nothing but what `validate` repairs (it flushes
 * CPU slabs, as Linux's sysfs `validate` does).  Formats:
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
#include <linux/printk.h>
#include <linux/smp.h>
#include <linux/string.h>
#include <linux/topology.h>
#include <nodal/shell.h>

#include "internal.h"

struct slabinfo_row {
	unsigned long active_objs, num_objs, num_slabs;
};

static void get_slabinfo(struct kmem_cache *s, struct slabinfo_row *r)
{
	unsigned long nr_free;

	slub_count_partial(s, &r->num_slabs, &r->num_objs, &nr_free);
	r->active_objs = r->num_objs - nr_free;
}

static int cmd_slabinfo(int argc, char **argv)
{
	static struct kmem_cache *caches[SLUB_MAX_SNAPSHOT];
	static struct slabinfo_row rows[SLUB_MAX_SNAPSHOT];
	int nr, i;

	(void)argc;
	(void)argv;
	nr = slub_snapshot_caches(caches, SLUB_MAX_SNAPSHOT);
	console_printf("slabinfo - version: 2.1\n");
	console_printf("# name            <active_objs> <num_objs> <objsize> <objperslab> <pagesperslab> : tunables <limit> <batchcount> <sharedfactor> : slabdata <active_slabs> <num_slabs> <sharedavail>\n");
	for (i = 0; i < nr; i++) {
		struct kmem_cache *s = caches[i];

		get_slabinfo(s, &rows[i]);
		console_printf("%-17s %6lu %6lu %6u %4u %4d : tunables %4u %4u %4u : slabdata %6lu %6lu %6lu\n",
			       s->name, rows[i].active_objs, rows[i].num_objs,
			       s->size, oo_objects(s->oo), 1 << oo_order(s->oo),
			       0u, 0u, 0u, rows[i].num_slabs, rows[i].num_slabs,
			       0UL);
	}
	console_printf("JSON-BEGIN slabinfo\n{\"report\":\"slabinfo\",\"version\":\"2.1\",\"caches\":[");
	for (i = 0; i < nr; i++) {
		struct kmem_cache *s = caches[i];

		console_printf("%s{\"name\":\"%s\",\"active_objs\":%lu,\"num_objs\":%lu,\"objsize\":%u,\"object_size\":%u,\"objperslab\":%u,\"pagesperslab\":%u,\"active_slabs\":%lu,\"num_slabs\":%lu,\"flags\":%lu,\"errors\":%lu}",
			       i ? "," : "", s->name, rows[i].active_objs,
			       rows[i].num_objs, s->size, s->object_size,
			       oo_objects(s->oo), 1u << oo_order(s->oo),
			       rows[i].num_slabs, rows[i].num_slabs, s->flags,
			       kmem_cache_nr_errors(s));
	}
	console_printf("]}\nJSON-END\n");
	return 0;
}
SHELL_COMMAND("slabinfo", cmd_slabinfo, "",
	      "SLUB caches in /proc/slabinfo 2.1 format (+ JSON)");

static int cmd_slabstat(int argc, char **argv)
{
	struct kmem_cache *s;
	int si, cpu;

	if (argc < 2)
		return -EINVAL;
	s = kmem_cache_find(argv[1]);
	if (!s) {
		pr_err("slub: slabstat: no cache named %s\n", argv[1]);
		return -EINVAL;
	}
	for (si = 0; si < NR_SLUB_STAT_ITEMS; si++) {
		console_printf("%-24s %lu", slub_stat_name(si),
			       slub_stat_total(s, si));
		for_each_online_cpu(cpu) {
			unsigned int v = slub_stat_cpu(s, si, cpu);

			if (v)
				console_printf(" C%d=%u", cpu, v);
		}
		console_printf("\n");
	}
	console_printf("JSON-BEGIN slabstat\n{\"report\":\"slabstat\",\"cache\":\"%s\",\"counters\":{",
		       s->name);
	for (si = 0; si < NR_SLUB_STAT_ITEMS; si++) {
		bool first = true;

		console_printf("%s\"%s\":{\"total\":%lu,\"cpus\":{", si ? "," : "",
			       slub_stat_name(si), slub_stat_total(s, si));
		for_each_online_cpu(cpu) {
			unsigned int v = slub_stat_cpu(s, si, cpu);

			if (v) {
				console_printf("%s\"%d\":%u", first ? "" : ",",
					       cpu, v);
				first = false;
			}
		}
		console_printf("}}");
	}
	console_printf("}}\nJSON-END\n");
	return 0;
}
SHELL_COMMAND("slabstat", cmd_slabstat, "CACHE",
	      "SLUB_STATS counters of a cache, per CPU (+ JSON)");

static int cmd_validate(int argc, char **argv)
{
	static struct kmem_cache *caches[SLUB_MAX_SNAPSHOT];
	int nr, i, errors, total = 0;

	if (argc < 2)
		return -EINVAL;
	nr = slub_snapshot_caches(caches, SLUB_MAX_SNAPSHOT);
	for (i = 0; i < nr; i++) {
		if (strcmp(argv[1], "all") && strcmp(argv[1], caches[i]->name))
			continue;
		errors = validate_slab_cache(caches[i]);
		console_printf("validate %s: %d errors\n", caches[i]->name,
			       errors);
		total += errors;
		if (strcmp(argv[1], "all"))
			return errors ? -EINVAL : 0;
	}
	if (strcmp(argv[1], "all")) {
		pr_err("slub: validate: no cache named %s\n", argv[1]);
		return -EINVAL;
	}
	return total ? -EINVAL : 0;
}
SHELL_COMMAND("validate", cmd_validate, "CACHE|all",
	      "check every slab of a cache (validate_slab_cache)");
