/* SPDX-License-Identifier: MIT */
/*
 * mm/slub/report.c — the `slabinfo`, `slabstat` and `validate` shell
 * commands.
 *
 * Part of SLUB (theory in slub.c).  Reads counters through slub.c's
 * accessors and changes nothing but what `validate` repairs (it flushes
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
#include <errno.h>
#include <printk.h>
#include <shell.h>
#include <string.h>
#include <asm/processor.h>
#include <cpumask.h>
#include <smp.h>
#include <topology.h>

#include "internal.h"

#define MAX_REPORT_CACHES	64

/* Snapshot the cache list (newest first) so nothing prints under a lock. */
static int snapshot_caches(struct kmem_cache **out)
{
	struct kmem_cache *s;
	unsigned long flags;
	int nr = 0;

	spin_lock_irqsave(&slab_caches_lock, flags);
	list_for_each_entry(s, &slab_caches, list) {
		if (nr == MAX_REPORT_CACHES)
			break;
		out[nr++] = s;
	}
	spin_unlock_irqrestore(&slab_caches_lock, flags);
	return nr;
}

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
	static struct kmem_cache *caches[MAX_REPORT_CACHES];
	static struct slabinfo_row rows[MAX_REPORT_CACHES];
	int nr, i;

	(void)argc;
	(void)argv;
	slub_ensure_init();
	nr = snapshot_caches(caches);
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

	slub_ensure_init();
	if (argc < 2)
		return -EINVAL;
	s = kmem_cache_find(argv[1]);
	if (!s) {
		pr_err("slub: slabstat: no cache named %s\n", argv[1]);
		return -EINVAL;
	}
	for (si = 0; si < NR_SLUB_STAT_ITEMS; si++) {
		console_printf("%-24s %lu", slub_stat_names[si],
			       slub_stat_total(s, (enum stat_item)si));
		for_each_online_cpu(cpu) {
			unsigned int v = per_cpu_ptr(s->cpu_slab, cpu)->stat[si];

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
			       slub_stat_names[si],
			       slub_stat_total(s, (enum stat_item)si));
		for_each_online_cpu(cpu) {
			unsigned int v = per_cpu_ptr(s->cpu_slab, cpu)->stat[si];

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
	static struct kmem_cache *caches[MAX_REPORT_CACHES];
	int nr, i, errors, total = 0;

	slub_ensure_init();
	if (argc < 2)
		return -EINVAL;
	nr = snapshot_caches(caches);
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

/*
 * `slubbench` — instructions per operation (read_instret()): meaningful
 * under ICOUNT=1 (`nodal-qemu --icount`), where instret counts exactly and
 * the other harts sleep in wfi.  Measures 10000 kmem_cache_alloc +
 * kmem_cache_free pairs on one hart (fast paths), the same through
 * kmalloc/kfree, and frees of objects of this hart's slab done by another
 * hart of the same node and of another node (__slab_free), measured on
 * the freeing hart while this one waits in wfi.
 */
#define BENCH_PAIRS	10000
#define BENCH_REMOTE	1000

struct bench_remote {
	struct kmem_cache *s;
	void **objs;
	u64 instret;
	int done;
};

static void bench_remote_free(void *info)
{
	struct bench_remote *b = info;
	u64 t0 = read_instret();
	int i;

	for (i = 0; i < BENCH_REMOTE; i++)
		kmem_cache_free(b->s, b->objs[i]);
	b->instret = read_instret() - t0;
	__atomic_store_n(&b->done, 1, __ATOMIC_RELEASE);
}

/* Instructions per remote free from @cpu, or 0 if none could be run. */
static u64 bench_remote(struct kmem_cache *s, void **objs, int cpu)
{
	struct bench_remote b = { s, objs, 0, 0 };
	int i;

	if (cpu < 0)
		return 0;
	for (i = 0; i < BENCH_REMOTE; i++) {
		objs[i] = kmem_cache_alloc(s, GFP_KERNEL);
		if (!objs[i])
			return 0;
	}
	if (smp_call_function_single(cpu, bench_remote_free, &b, false))
		return 0;
	while (!__atomic_load_n(&b.done, __ATOMIC_ACQUIRE))
		cpu_wait_briefly(200000);
	return b.instret / BENCH_REMOTE;
}

static int bench_pick_cpu(bool same_node)
{
	int me = (int)smp_processor_id(), cpu;

	for_each_online_cpu(cpu)
		if (cpu != me &&
		    (cpu_to_node(cpu) == cpu_to_node(me)) == same_node)
			return cpu;
	return -1;
}

static int cmd_slubbench(int argc, char **argv)
{
	struct kmem_cache *s;
	u64 t0, cache_pair, kmalloc_pair, hart, node;
	void **objs;
	int i;

	(void)argc;
	(void)argv;
	slub_ensure_init();
	s = kmem_cache_create("bench-64", 64, 0, 0, NULL);
	objs = kmalloc(BENCH_REMOTE * sizeof(void *), GFP_KERNEL);
	if (!s || !objs) {
		kfree(objs);
		kmem_cache_destroy(s);
		return -ENOMEM;
	}
	kmem_cache_free(s, kmem_cache_alloc(s, GFP_KERNEL));	/* warm */
	t0 = read_instret();
	for (i = 0; i < BENCH_PAIRS; i++)
		kmem_cache_free(s, kmem_cache_alloc(s, GFP_KERNEL));
	cache_pair = (read_instret() - t0) / BENCH_PAIRS;
	kfree(kmalloc(64, GFP_KERNEL));
	t0 = read_instret();
	for (i = 0; i < BENCH_PAIRS; i++)
		kfree(kmalloc(64, GFP_KERNEL));
	kmalloc_pair = (read_instret() - t0) / BENCH_PAIRS;
	hart = bench_remote(s, objs, bench_pick_cpu(true));
	node = bench_remote(s, objs, bench_pick_cpu(false));
	console_printf("slubbench: kmem_cache_alloc+free %llu instr/pair, kmalloc+kfree(64) %llu instr/pair, remote free same node %llu instr, other node %llu instr (0: no such hart); hardened=%d random=%d\n",
		       (unsigned long long)cache_pair,
		       (unsigned long long)kmalloc_pair,
		       (unsigned long long)hart, (unsigned long long)node,
		       CONFIG_SLAB_FREELIST_HARDENED,
		       CONFIG_SLAB_FREELIST_RANDOM);
	console_printf("JSON-BEGIN slubbench\n{\"report\":\"slubbench\",\"alloc_free_pair\":%llu,\"kmalloc_kfree_pair\":%llu,\"remote_free_same_node\":%llu,\"remote_free_other_node\":%llu,\"hardened\":%d,\"random\":%d}\nJSON-END\n",
		       (unsigned long long)cache_pair,
		       (unsigned long long)kmalloc_pair,
		       (unsigned long long)hart, (unsigned long long)node,
		       CONFIG_SLAB_FREELIST_HARDENED,
		       CONFIG_SLAB_FREELIST_RANDOM);
	kfree(objs);
	kmem_cache_destroy(s);
	return 0;
}
SHELL_COMMAND("slubbench", cmd_slubbench, "",
	      "instructions per SLUB fast-path pair and remote free (ICOUNT=1)");
