/* SPDX-License-Identifier: MIT */
/*
 * tests/kunit/slub_kunit.c — KUnit suites for SLUB (mm/slub).
 *
 * "slub": cache creation, node placement, each free path counted (same
 * slab, another hart of the node, another node), all harts freeing each
 * other's objects at once, destroy with live objects, exhaustion.
 * "slub_kmalloc": every kmalloc class's size and alignment, ksize,
 * large kmalloc, kcalloc overflow, krealloc, kfree of bad pointers.
 * "slub_debug": each debug detection provoked once and counted as Linux's
 * lib/slub_kunit.c counts it (one per report, one per repair).
 * "slub" and "slub_kmalloc" end with a case that shrinks every cache,
 * validates it and compares free pages with the suite's start.
 * Booted with slab_debug= (tools/run-tests boots slub_debug=FZPU), every
 * cache becomes a debug cache (no CPU slab, SLUB-5) except those created
 * with SLAB_NO_USER_FLAGS, as Linux's lib/slub_kunit.c creates its own:
 * the cases that measure a layout or a per-CPU path take that flag; the
 * others run on debug caches too and skip only per-CPU counters.
 */
#include <asm/processor.h>
#include <kunit/test.h>
#include <linux/gfp.h>
#include <linux/mmzone.h>
#include <linux/prandom.h>
#include <linux/slab.h>
#include <linux/smp.h>
#include <linux/string.h>
#include <linux/topology.h>

#include "../../mm/slub/internal.h"

static unsigned long free_at_init;

static void shrink_all_caches(void)
{
	kmem_cache_shrink_all();
	drain_all_pages(NULL);
}

static int slub_suite_init(struct kunit_suite *suite)
{
	(void)suite;
	shrink_all_caches();
	free_at_init = nr_free_pages();
	return 0;
}

static int validate_all(void)
{
	struct kmem_cache *s;
	int errors = 0;

	list_for_each_entry(s, &slab_caches, list)
		if (!kmem_cache_debug(s))
			errors += validate_slab_cache(s);
	return errors;
}

/* Last case of a suite: validators clean, no page leaked. */
static void validate_clean_and_no_page_leak_at_suite_end(struct kunit *test)
{
	KUNIT_EXPECT_EQ(test, validate_all(), 0);
	shrink_all_caches();
	KUNIT_EXPECT_EQ(test, nr_free_pages(), free_at_init);
}

/* ---- suite "slub" ---- */

static void create_rejects_bad_arguments(struct kunit *test)
{
	KUNIT_EXPECT_NULL(test, kmem_cache_create("t-zero", 0, 0, 0, NULL));
	KUNIT_EXPECT_NULL(test, kmem_cache_create("t-align", 64, 3, 0, NULL));
	KUNIT_EXPECT_NULL(test, kmem_cache_create("t-huge",
				KMALLOC_MAX_SIZE + 1, 0, 0, NULL));
	KUNIT_EXPECT_NULL(test, kmem_cache_create(NULL, 64, 0, 0, NULL));
}

static void create_computes_linux_layout(struct kunit *test)
{
	struct kmem_cache *s =
		kmem_cache_create("t-layout", 100, 0,
				  SLAB_HWCACHE_ALIGN | SLAB_NO_USER_FLAGS, NULL);

	KUNIT_ASSERT_NOT_NULL(test, s);
	KUNIT_EXPECT_EQ(test, s->size, 128u);	/* HWCACHE: 100 → 128 */
	KUNIT_EXPECT_EQ(test, s->offset, 48u);	/* ALIGN_DOWN(50, 8) */
	KUNIT_EXPECT_EQ(test, s->min_partial, 5ul);
	KUNIT_EXPECT_EQ(test, s->cpu_partial, 120u);
	KUNIT_EXPECT_PTR_EQ(test, kmem_cache_find("t-layout"), s);
	kmem_cache_destroy(s);
	KUNIT_EXPECT_NULL(test, kmem_cache_find("t-layout"));
}

/*
 * Linux's calculate_order(), worked by hand for any number of CPUs: an
 * order-3 slab (slub_max_order) holds 32 KiB / size objects, 8 and 4,
 * fewer than the 4 * (fls(nr_cpus) + 1) >= 8 it wants, so it asks for
 * that many, get_order(32 KiB) = 3, with nothing left over.  The minimum
 * (s->min) is get_order(size): 0 and 1.
 */
static void create_sizes_slabs_by_linux_order_rule(struct kunit *test)
{
	static const unsigned int want[][5] = {
		/* size, order, objects, min order, min objects */
		{ 4096, 3, 8, 0, 1 },
		{ 8192, 3, 4, 1, 1 },
	};

	for (size_t i = 0; i < ARRAY_SIZE(want); i++) {
		struct kmem_cache *s = kmem_cache_create("t-order", want[i][0],
							 0, SLAB_NO_USER_FLAGS,
							 NULL);

		KUNIT_ASSERT_NOT_NULL(test, s);
		KUNIT_EXPECT_EQ(test, s->size, want[i][0]);
		KUNIT_EXPECT_EQ(test, oo_order(s->oo), want[i][1]);
		KUNIT_EXPECT_EQ(test, oo_objects(s->oo), want[i][2]);
		KUNIT_EXPECT_EQ(test, oo_order(s->min), want[i][3]);
		KUNIT_EXPECT_EQ(test, oo_objects(s->min), want[i][4]);
		kmem_cache_destroy(s);
	}
}

static int ctor_calls;
static void count_ctor(void *obj)
{
	*(u32 *)obj = 0xc0ffee;
	__atomic_fetch_add(&ctor_calls, 1, __ATOMIC_RELAXED);
}

static void ctor_runs_for_each_object_of_a_new_slab(struct kunit *test)
{
	struct kmem_cache *s = kmem_cache_create("t-ctor", 40, 0, 0,
						 count_ctor);
	u32 *p;

	KUNIT_ASSERT_NOT_NULL(test, s);
	ctor_calls = 0;
	p = kmem_cache_alloc(s, GFP_KERNEL);
	KUNIT_ASSERT_NOT_NULL(test, p);
	KUNIT_EXPECT_EQ(test, *p, 0xc0ffeeu);
	KUNIT_EXPECT_EQ(test, (unsigned int)ctor_calls, oo_objects(s->oo));
	kmem_cache_free(s, p);
	kmem_cache_destroy(s);
}

static void alloc_free_same_slab_takes_fast_paths(struct kunit *test)
{
	struct kmem_cache *s = kmem_cache_create("t-fast", 64, 0,
						 SLAB_NO_USER_FLAGS, NULL);
	unsigned long af, ff;
	void *p[8];
	int i;

	KUNIT_ASSERT_NOT_NULL(test, s);
	p[0] = kmem_cache_alloc(s, GFP_KERNEL);	/* slow: first slab */
	KUNIT_ASSERT_NOT_NULL(test, p[0]);
	af = slub_stat_total(s, ALLOC_FASTPATH);
	ff = slub_stat_total(s, FREE_FASTPATH);
	for (i = 1; i < 8; i++)
		p[i] = kmem_cache_alloc(s, GFP_KERNEL);
	for (i = 7; i >= 0; i--)
		kmem_cache_free(s, p[i]);
	KUNIT_EXPECT_EQ(test, slub_stat_total(s, ALLOC_FASTPATH) - af, 7ul);
	KUNIT_EXPECT_EQ(test, slub_stat_total(s, FREE_FASTPATH) - ff, 8ul);
	KUNIT_EXPECT_EQ(test, slub_stat_total(s, ALLOC_SLAB), 1ul);
	KUNIT_EXPECT_EQ(test, validate_slab_cache(s), 0);
	kmem_cache_destroy(s);
}

/*
 * The counters carry the names of Linux's sysfs files, and the sum over
 * every cache sees a cache's own events.  Other harts may allocate
 * meanwhile, so the sums may only grow by more.
 */
static void stats_have_sysfs_names_and_sum_over_caches(struct kunit *test)
{
	struct kmem_cache *s = kmem_cache_create("t-stats", 64, 0,
						 SLAB_NO_USER_FLAGS, NULL);
	unsigned long before[NR_SLUB_STAT_ITEMS], after[NR_SLUB_STAT_ITEMS];
	void *p[8];
	int i;

	KUNIT_EXPECT_STREQ(test, slub_stat_name(ALLOC_FASTPATH), "alloc_fastpath");
	KUNIT_EXPECT_STREQ(test, slub_stat_name(DEACTIVATE_REMOTE_FREES),
			   "deactivate_remote_frees");
	KUNIT_EXPECT_STREQ(test, slub_stat_name(CPU_PARTIAL_DRAIN),
			   "cpu_partial_drain");
	KUNIT_EXPECT_STREQ(test, slub_stat_name(FREE_REMOTE_NODE),
			   "free_remote_node");
	KUNIT_ASSERT_NOT_NULL(test, s);
	slub_stat_sum_all(before);
	for (i = 0; i < 8; i++) /* one slow (a new slab), 7 fast */
		p[i] = kmem_cache_alloc(s, GFP_KERNEL);
	for (i = 7; i >= 0; i--)
		kmem_cache_free(s, p[i]);
	slub_stat_sum_all(after);
	KUNIT_EXPECT_GE(test, after[ALLOC_FASTPATH] - before[ALLOC_FASTPATH], 7ul);
	KUNIT_EXPECT_GE(test, after[ALLOC_SLAB] - before[ALLOC_SLAB], 1ul);
	KUNIT_EXPECT_GE(test, after[FREE_FASTPATH] - before[FREE_FASTPATH], 8ul);
	kmem_cache_destroy(s);
}

static void alloc_node_returns_objects_of_that_node(struct kunit *test)
{
	struct kmem_cache *s = kmem_cache_create("t-node", 256, 0, 0, NULL);
	void *p[64];
	int node, i;

	KUNIT_ASSERT_NOT_NULL(test, s);
	for_each_node_state(node, N_MEMORY) {
		for (i = 0; i < 64; i++) {
			p[i] = kmem_cache_alloc_node(s, GFP_KERNEL, node);
			KUNIT_ASSERT_NOT_NULL(test, p[i]);
			KUNIT_EXPECT_EQ(test, page_to_nid(virt_to_page(p[i])),
					node);
		}
		for (i = 0; i < 64; i++)
			kmem_cache_free(s, p[i]);
	}
	if (num_node_state(N_MEMORY) > 1 && !kmem_cache_debug(s)) /* SLUB-5 */
		KUNIT_EXPECT_GT(test, slub_stat_total(s, ALLOC_NODE_MISMATCH),
				0ul);
	KUNIT_EXPECT_EQ(test, validate_slab_cache(s), 0);
	kmem_cache_destroy(s);
}

#define NR_REMOTE 50

struct free_job {
	struct kmem_cache *s;
	void **objs;
	int nr;
};

static void free_job_fn(void *info)
{
	struct free_job *job = info;
	int i;

	for (i = 0; i < job->nr; i++)
		kmem_cache_free(job->s, job->objs[i]);
}

/* Another online CPU on (@same_node) or off this CPU's node, or -1. */
static int pick_cpu(bool same_node)
{
	int me = (int)smp_processor_id(), cpu;

	for_each_online_cpu(cpu) {
		if (cpu == me)
			continue;
		if ((cpu_to_node(cpu) == cpu_to_node(me)) == same_node)
			return cpu;
	}
	return -1;
}

static void free_on_other_cpu_is_counted(struct kunit *test, bool same_node)
{
	struct kmem_cache *s = kmem_cache_create("t-remote", 128, 0,
						 SLAB_NO_USER_FLAGS, NULL);
	int cpu = pick_cpu(same_node), i, slab_nid;
	unsigned long hart, node;
	void *objs[NR_REMOTE];
	struct free_job job = { s, objs, NR_REMOTE };

	KUNIT_ASSERT_NOT_NULL(test, s);
	if (cpu < 0) {
		kmem_cache_destroy(s);
		kunit_skip(test, "no other CPU %s this node",
			   same_node ? "on" : "off");
	}
	for (i = 0; i < NR_REMOTE; i++) {
		objs[i] = kmem_cache_alloc_node(s, GFP_KERNEL, numa_node_id());
		KUNIT_ASSERT_NOT_NULL(test, objs[i]);
	}
	slab_nid = page_to_nid(virt_to_page(objs[0]));
	hart = slub_stat_total(s, FREE_REMOTE_HART);
	node = slub_stat_total(s, FREE_REMOTE_NODE);
	KUNIT_ASSERT_EQ(test, smp_call_function_single(cpu, free_job_fn, &job,
						       true), 0);
	KUNIT_EXPECT_EQ(test, slub_stat_total(s, FREE_REMOTE_HART) - hart,
			(unsigned long)NR_REMOTE);
	/*
	 * "Remote node" compares the slab's node with the freeing CPU's: on
	 * a memory-less node, whose CPUs take slabs from the nearest node,
	 * even a same-node free is one.
	 */
	KUNIT_EXPECT_EQ(test, slub_stat_total(s, FREE_REMOTE_NODE) - node,
			slab_nid != cpu_to_node(cpu) ? (unsigned long)NR_REMOTE : 0ul);
	KUNIT_EXPECT_EQ(test, validate_slab_cache(s), 0);
	kmem_cache_destroy(s);
	KUNIT_EXPECT_NULL(test, kmem_cache_find("t-remote"));
}

static void free_on_other_hart_same_node_counts_remote_hart(struct kunit *t)
{
	free_on_other_cpu_is_counted(t, true);
}

static void free_on_other_node_counts_remote_node(struct kunit *test)
{
	free_on_other_cpu_is_counted(test, false);
}

/*
 * Full slabs that get a remote free join the freeing CPU's partial chain
 * (put_cpu_partial); once the chain holds cpu_partial_slabs slabs it is
 * drained to the node lists (cpu_partial_drain).
 */
#define DRAIN_SLABS 12

static void remote_frees_of_full_slabs_fill_then_drain_cpu_partial(
	struct kunit *test)
{
	struct kmem_cache *s = kmem_cache_create("t-drain", 64, 0,
						 SLAB_NO_USER_FLAGS, NULL);
	int cpu = pick_cpu(true), i, nobj;
	unsigned long cpf, drain;
	struct free_job job;
	void **objs, *one[DRAIN_SLABS];

	KUNIT_ASSERT_NOT_NULL(test, s);
	if (cpu < 0)
		cpu = pick_cpu(false);
	if (cpu < 0) {
		kmem_cache_destroy(s);
		kunit_skip(test, "one CPU: no remote free");
	}
	nobj = (int)oo_objects(s->oo);
	objs = kcalloc((size_t)nobj * DRAIN_SLABS, sizeof(void *), GFP_KERNEL);
	KUNIT_ASSERT_NOT_NULL(test, objs);
	for (i = 0; i < nobj * DRAIN_SLABS; i++) {
		objs[i] = kmem_cache_alloc(s, GFP_KERNEL);
		KUNIT_ASSERT_NOT_NULL(test, objs[i]);
	}
	for (i = 0; i < DRAIN_SLABS; i++) {	/* first object of each slab */
		one[i] = objs[i * nobj];
		objs[i * nobj] = NULL;
	}
	cpf = slub_stat_total(s, CPU_PARTIAL_FREE);
	drain = slub_stat_total(s, CPU_PARTIAL_DRAIN);
	job = (struct free_job){ s, one, DRAIN_SLABS };
	KUNIT_ASSERT_EQ(test, smp_call_function_single(cpu, free_job_fn, &job,
						       true), 0);
	/* all but the last slab (still this CPU's slab) were full */
	KUNIT_EXPECT_EQ(test, slub_stat_total(s, CPU_PARTIAL_FREE) - cpf,
			(unsigned long)DRAIN_SLABS - 1);
	KUNIT_EXPECT_GE(test, slub_stat_total(s, CPU_PARTIAL_DRAIN) - drain,
			(unsigned long)(DRAIN_SLABS - 1) / (s->cpu_partial_slabs + 1));
	for (i = 0; i < nobj * DRAIN_SLABS; i++)
		kmem_cache_free(s, objs[i]);
	kfree(objs);
	KUNIT_EXPECT_EQ(test, validate_slab_cache(s), 0);
	kmem_cache_shrink(s);
	KUNIT_EXPECT_EQ(test, slub_nr_slabs(s), 0ul);
	kmem_cache_destroy(s);
}

/*
 * Frees into a slab that is not the CPU slab wait on the CPU's deferred
 * chain while they go to one slab, still counted in use there; a free into
 * another slab (or a flush) hands the chain over in one go.  A second free
 * of the chain's head is reported and changes nothing.
 */
static void free_runs_into_one_slab_are_deferred_then_handed_over(struct kunit *test)
{
	struct kmem_cache *s = kmem_cache_create("t-defer", 64, 0,
						 SLAB_NO_USER_FLAGS, NULL);
	unsigned long slow, errors;
	struct kmem_cache_cpu *c;
	struct slab *first, *second;
	int i, nobj;
	void **objs;

	KUNIT_ASSERT_NOT_NULL(test, s);
	nobj = (int)oo_objects(s->oo);
	objs = kcalloc((size_t)nobj * 3, sizeof(void *), GFP_KERNEL);
	KUNIT_ASSERT_NOT_NULL(test, objs);
	for (i = 0; i < nobj * 3; i++) {
		objs[i] = kmem_cache_alloc(s, GFP_KERNEL);
		KUNIT_ASSERT_NOT_NULL(test, objs[i]);
	}
	first = slub_virt_to_slab(objs[0]);
	second = slub_virt_to_slab(objs[nobj]);
	KUNIT_ASSERT_TRUE(test, first != second);
	KUNIT_ASSERT_PTR_EQ(test, slub_virt_to_slab(objs[nobj - 1]), first);
	slow = slub_stat_total(s, FREE_SLOWPATH);
	errors = kmem_cache_nr_errors(s);

	for (i = 0; i < nobj; i++)		/* the whole first slab */
		kmem_cache_free(s, objs[i]);
	c = this_cpu_ptr(s->cpu_slab);	/* the task stays on this hart */
	KUNIT_EXPECT_PTR_EQ(test, c->defer_slab, first);
	KUNIT_EXPECT_EQ(test, c->defer_nr, (unsigned int)nobj);
	KUNIT_EXPECT_EQ(test, (int)slab_inuse_racy(first), nobj);
	KUNIT_EXPECT_EQ(test, slub_stat_total(s, FREE_SLOWPATH) - slow,
			(unsigned long)nobj);

	kmem_cache_free(s, objs[nobj]);		/* another slab: hand over */
	KUNIT_EXPECT_PTR_EQ(test, c->defer_slab, second);
	KUNIT_EXPECT_EQ(test, c->defer_nr, 1u);
	KUNIT_EXPECT_EQ(test, (int)slab_inuse_racy(first), 0);

	kmem_cache_free(s, objs[nobj]);		/* double free of the head */
	KUNIT_EXPECT_EQ(test, kmem_cache_nr_errors(s) - errors, 1ul);
	KUNIT_EXPECT_EQ(test, c->defer_nr, 1u);

	for (i = nobj + 1; i < nobj * 3; i++)
		kmem_cache_free(s, objs[i]);
	kfree(objs);
	KUNIT_EXPECT_EQ(test, validate_slab_cache(s), 0);	/* flushes first */
	KUNIT_EXPECT_NULL(test, c->defer_slab);
	kmem_cache_shrink(s);
	KUNIT_EXPECT_EQ(test, slub_nr_slabs(s), 0ul);
	kmem_cache_destroy(s);
}

/* Every CPU allocates, then frees the objects of the next CPU. */
#define CROSS_PER_CPU	300
#define CROSS_ROUNDS	4
#define CROSS_MAGIC	0x51ab0000u

struct cross_obj {
	u32 owner;		/* CPU that allocated it */
	u32 index;		/* its index there */
	u32 check;		/* owner ^ index ^ CROSS_MAGIC */
	u8 payload[84];
};

static struct kmem_cache *cross_cache;
static struct cross_obj *cross_objs[NR_CPUS][CROSS_PER_CPU];
static unsigned long cross_ok, cross_bad, cross_nomem;

static void cross_alloc(void *info)
{
	u32 cpu = smp_processor_id(), i;

	(void)info;
	for (i = 0; i < CROSS_PER_CPU; i++) {
		struct cross_obj *o = kmem_cache_alloc(cross_cache, GFP_ATOMIC);

		cross_objs[cpu][i] = o;
		if (!o) {
			__atomic_fetch_add(&cross_nomem, 1, __ATOMIC_RELAXED);
			continue;
		}
		o->owner = cpu;
		o->index = i;
		o->check = cpu ^ i ^ CROSS_MAGIC;
	}
}

static void cross_free(void *info)
{
	u32 me = smp_processor_id(), i, victim = 0, n = 0;
	int cpu;

	(void)info;
	for_each_online_cpu(cpu)
		n++;
	/* the next online CPU after me */
	victim = me;
	do {
		victim = (victim + 1) % NR_CPUS;
	} while (!cpumask_test_cpu((int)victim, cpu_online_mask));
	for (i = 0; i < CROSS_PER_CPU; i++) {
		struct cross_obj *o = cross_objs[victim][i];

		if (!o)
			continue;
		if (o->owner == victim && o->index == i &&
		    o->check == (victim ^ i ^ CROSS_MAGIC))
			__atomic_fetch_add(&cross_ok, 1, __ATOMIC_RELAXED);
		else
			__atomic_fetch_add(&cross_bad, 1, __ATOMIC_RELAXED);
		kmem_cache_free(cross_cache, o);
	}
	(void)n;
}

static void all_harts_free_each_others_objects(struct kunit *test)
{
	unsigned long ncpu = num_online_cpus();
	int round;

	cross_cache = kmem_cache_create("t-cross", sizeof(struct cross_obj), 0,
					0, NULL);
	KUNIT_ASSERT_NOT_NULL(test, cross_cache);
	for (round = 0; round < CROSS_ROUNDS; round++) {
		cross_ok = cross_bad = cross_nomem = 0;
		on_each_cpu(cross_alloc, NULL, true);
		on_each_cpu(cross_free, NULL, true);
		KUNIT_EXPECT_EQ(test, cross_nomem, 0ul);
		KUNIT_EXPECT_EQ(test, cross_bad, 0ul);
		KUNIT_EXPECT_EQ(test, cross_ok, ncpu * CROSS_PER_CPU);
		KUNIT_EXPECT_EQ(test, validate_slab_cache(cross_cache), 0);
	}
	kmem_cache_shrink(cross_cache);
	KUNIT_EXPECT_EQ(test, slub_nr_slabs(cross_cache), 0ul);
	if (ncpu > 1 && !kmem_cache_debug(cross_cache)) /* SLUB-5 */
		KUNIT_EXPECT_GT(test, slub_stat_total(cross_cache,
						      FREE_REMOTE_HART), 0ul);
	kmem_cache_destroy(cross_cache);
	KUNIT_EXPECT_NULL(test, kmem_cache_find("t-cross"));
}

/*
 * Every CPU at once: allocate an object, swap it into a random shared slot
 * and free what was there (usually another CPU's object, often of a slab
 * that is some CPU's current slab).  Each object carries a checksum of its
 * address and token; at the end every slot is freed, the cache must
 * validate clean and, shrunk, hold no slab (nothing lost, nothing twice).
 */
#define MIX_SLOTS	256
#define MIX_OPS		1500
#define MIX_MAGIC	0x5a5a1234abcd0000ULL

struct mix_obj {
	u64 token;		/* cpu << 32 | sequence */
	u64 check;		/* token ^ address ^ MIX_MAGIC */
	u8 payload[48];
};

static struct mix_obj *mix_slots[MIX_SLOTS];
static unsigned long mix_bad, mix_nomem;

static bool mix_ok(struct mix_obj *o)
{
	return o->check == (o->token ^ (u64)(unsigned long)o ^ MIX_MAGIC);
}

static void mix_run(void *info)
{
	u64 cpu = smp_processor_id(), seq;
	struct kmem_cache *s = info;
	struct rnd_state st;

	prandom_seed_state(&st, 0x5eed + cpu);
	for (seq = 0; seq < MIX_OPS; seq++) {
		struct mix_obj *o = kmem_cache_alloc(s, GFP_ATOMIC), *old;

		if (!o) {
			__atomic_fetch_add(&mix_nomem, 1, __ATOMIC_RELAXED);
			continue;
		}
		o->token = cpu << 32 | seq;
		o->check = o->token ^ (u64)(unsigned long)o ^ MIX_MAGIC;
		old = __atomic_exchange_n(&mix_slots[prandom_u32_below(&st,
					  MIX_SLOTS)], o, __ATOMIC_ACQ_REL);
		if (!old)
			continue;
		if (!mix_ok(old))
			__atomic_fetch_add(&mix_bad, 1, __ATOMIC_RELAXED);
		kmem_cache_free(s, old);
	}
}

static void all_harts_alloc_and_free_at_once_lose_nothing(struct kunit *t)
{
	struct kmem_cache *s = kmem_cache_create("t-mix",
				sizeof(struct mix_obj), 0, 0, NULL);
	int i;

	KUNIT_ASSERT_NOT_NULL(t, s);
	mix_bad = mix_nomem = 0;
	on_each_cpu(mix_run, s, true);
	for (i = 0; i < MIX_SLOTS; i++) {
		if (!mix_slots[i])
			continue;
		if (!mix_ok(mix_slots[i]))
			mix_bad++;
		kmem_cache_free(s, mix_slots[i]);
		mix_slots[i] = NULL;
	}
	KUNIT_EXPECT_EQ(t, mix_bad, 0ul);
	KUNIT_EXPECT_EQ(t, mix_nomem, 0ul);
	KUNIT_EXPECT_EQ(t, validate_slab_cache(s), 0);
	kunit_info(t, "remote_hart %lu remote_node %lu frozen %lu cpu_partial_free %lu cpu_partial_drain %lu free_slab %lu",
		   slub_stat_total(s, FREE_REMOTE_HART),
		   slub_stat_total(s, FREE_REMOTE_NODE),
		   slub_stat_total(s, FREE_FROZEN),
		   slub_stat_total(s, CPU_PARTIAL_FREE),
		   slub_stat_total(s, CPU_PARTIAL_DRAIN),
		   slub_stat_total(s, FREE_SLAB));
	if (num_online_cpus() > 1 && !kmem_cache_debug(s)) /* SLUB-5 */
		KUNIT_EXPECT_GT(t, slub_stat_total(s, FREE_REMOTE_HART), 0ul);
	kmem_cache_shrink(s);
	KUNIT_EXPECT_EQ(t, slub_nr_slabs(s), 0ul);
	kmem_cache_destroy(s);
	KUNIT_EXPECT_NULL(t, kmem_cache_find("t-mix"));
}

static void destroy_with_live_objects_reports_and_keeps_cache(struct kunit *t)
{
	struct kmem_cache *s = kmem_cache_create("t-leak", 32, 0, 0, NULL);
	unsigned long errors;
	void *p;

	KUNIT_ASSERT_NOT_NULL(t, s);
	p = kmem_cache_alloc(s, GFP_KERNEL);
	KUNIT_ASSERT_NOT_NULL(t, p);
	errors = kmem_cache_nr_errors(s);
	kmem_cache_destroy(s);
	KUNIT_EXPECT_EQ(t, kmem_cache_nr_errors(s) - errors, 2ul);
	KUNIT_EXPECT_PTR_EQ(t, kmem_cache_find("t-leak"), s);
	kmem_cache_free(s, p);
	kmem_cache_destroy(s);
	KUNIT_EXPECT_NULL(t, kmem_cache_find("t-leak"));
}

/* Full slabs are on no list: destroy must still find their objects. */
static void destroy_reports_objects_of_full_slabs_too(struct kunit *t)
{
	struct kmem_cache *s = kmem_cache_create("t-leak-full", 256, 0, 0, NULL);
	void *objs[64];
	unsigned long errors;

	KUNIT_ASSERT_NOT_NULL(t, s);
	for (int i = 0; i < 64; i++) {	/* 16 per slab (32 from 8 harts) */
		objs[i] = kmem_cache_alloc(s, GFP_KERNEL);
		KUNIT_ASSERT_NOT_NULL(t, objs[i]);
	}
	errors = kmem_cache_nr_errors(s);
	kmem_cache_destroy(s);
	/* One report per (full) slab with live objects, one for the destroy. */
	KUNIT_EXPECT_GE(t, kmem_cache_nr_errors(s) - errors,
			64ul / oo_objects(s->oo) + 1);
	KUNIT_EXPECT_PTR_EQ(t, kmem_cache_find("t-leak-full"), s);
	for (int i = 0; i < 64; i++)
		kmem_cache_free(s, objs[i]);
	kmem_cache_destroy(s);
	KUNIT_EXPECT_NULL(t, kmem_cache_find("t-leak-full"));
}

/* Take every free page of @node (strictly) into a chain; return it. */
static void *exhaust_node(int node)
{
	void *chain = NULL;
	int order;

	for (order = MAX_PAGE_ORDER; order >= 0; order--) {
		struct page *page;

		while ((page = alloc_pages_node(node, GFP_KERNEL |
				__GFP_THISNODE | __GFP_NOWARN, order))) {
			void **block = page_address(page);

			block[0] = chain;
			block[1] = (void *)(unsigned long)order;
			chain = block;
		}
	}
	return chain;
}

static void release_chain(void *chain)
{
	while (chain) {
		void **block = chain;

		chain = block[0];
		__free_pages(virt_to_page(block), (unsigned int)(unsigned long)block[1]);
	}
}

static void exhaustion_returns_null_and_damages_nothing(struct kunit *test)
{
	struct kmem_cache *s = kmem_cache_create("t-full", 512, 0, 0, NULL);
	int node = numa_mem_id();
	void *chain, *p;

	KUNIT_ASSERT_NOT_NULL(test, s);
	p = kmalloc(KMALLOC_MAX_SIZE + 1, GFP_KERNEL | __GFP_NOWARN);
	KUNIT_EXPECT_NULL(test, p);
	kfree(p);
	chain = exhaust_node(node);
	p = kmem_cache_alloc_node(s, GFP_KERNEL | __GFP_THISNODE |
				  __GFP_NOWARN, node);
	release_chain(chain);
	KUNIT_EXPECT_NULL(test, p);
	KUNIT_EXPECT_EQ(test, validate_slab_cache(s), 0);
	p = kmem_cache_alloc_node(s, GFP_KERNEL, node);
	KUNIT_EXPECT_NOT_NULL(test, p);
	kmem_cache_free(s, p);
	kmem_cache_destroy(s);
}

/* Push the block at @page (@order) on the chain *@chain (release_chain()). */
static void hold_block(void **chain, struct page *page, unsigned int order)
{
	void **block = page_address(page);

	block[0] = *chain;
	block[1] = (void *)(unsigned long)order;
	*chain = block;
}

/* Take every block of order >= 1 free on @node; @pool gets @pool_pages. */
static void take_blocks(int node, void **held, void **pool,
			unsigned long pool_pages)
{
	const gfp_t gfp = GFP_KERNEL | __GFP_THISNODE | __GFP_NOWARN;
	unsigned long pooled = 0;
	struct page *page;
	int order;

	for (order = MAX_PAGE_ORDER; order >= 1; order--) {
		while ((page = alloc_pages_node(node, gfp, order))) {
			bool to_pool = pooled < pool_pages;

			hold_block(to_pool ? pool : held, page, order);
			pooled += to_pool ? 1UL << order : 0;
		}
	}
}

/*
 * Fragment @node so that only order-0 blocks are free on it: take every
 * block of order >= 1, give back 8192 pages of them and take those page by
 * page, give back the pages of even pfn (their buddies stay taken, so
 * nothing merges), then take the blocks of order >= 1 left (the watermark
 * reserve, reachable again).  What is taken goes on *@held.
 * Return: false if an order-1 block can still be had.
 */
static bool fragment_node_to_order0(int node, void **held)
{
	const gfp_t gfp = GFP_KERNEL | __GFP_THISNODE | __GFP_NOWARN;
	void *pool = NULL, *pages = NULL;
	struct page *page;

	*held = NULL;
	drain_all_pages(NULL);
	take_blocks(node, held, &pool, 8192);
	release_chain(pool);
	while ((page = alloc_pages_node(node, gfp, 0)))
		hold_block(&pages, page, 0);
	while (pages) {
		void **block = pages;

		pages = block[0];
		page = virt_to_page(block);
		if (page_to_pfn(page) % 2 == 0)
			__free_pages(page, 0);
		else
			hold_block(held, page, 0);
	}
	take_blocks(node, held, held, 0);
	page = alloc_pages_node(node, gfp, 1);
	if (page)
		__free_pages(page, 1);
	return !page;
}

#define FALLBACK_SLABS 8

/*
 * Issue 15 item 1: a slab made at the fallback order (only order-0 blocks
 * free on the node) must link only its own objects, with freelist
 * randomisation on.  A 1 KiB object needs get_order(1024) = 0: each such
 * slab is one page and holds PAGE_SIZE / 1024 objects, all inside that
 * page at multiples of 1024 from its start.  SLAB_NO_USER_FLAGS: the same
 * layout whatever slab_debug= says.
 */
static void fallback_order_slab_links_only_its_own_objects(struct kunit *t)
{
	const unsigned int per_slab = PAGE_SIZE / 1024;
	const unsigned long slab_bytes = PAGE_SIZE << get_order(1024);
	const gfp_t gfp = GFP_KERNEL | __GFP_THISNODE | __GFP_NOWARN;
	struct kmem_cache *s = kmem_cache_create("t-fallback", 1024, 0,
						 SLAB_NO_USER_FLAGS, NULL);
	void *objs[FALLBACK_SLABS * (PAGE_SIZE / 1024)];
	unsigned int nr = FALLBACK_SLABS * per_slab, i, j, bad = 0;
	unsigned long fallbacks, errors;
	int node = numa_mem_id();
	void *held;
	bool frag;

	KUNIT_ASSERT_NOT_NULL(t, s);
	KUNIT_ASSERT_GT(t, oo_order(s->oo), 0u); /* a fallback exists */
	fallbacks = slub_stat_total(s, ORDER_FALLBACK);
	errors = kmem_cache_nr_errors(s);
	frag = fragment_node_to_order0(node, &held);
	for (i = 0; i < nr; i++)
		objs[i] = kmem_cache_alloc_node(s, gfp, node);
	release_chain(held);
	KUNIT_ASSERT_TRUE(t, frag);
	KUNIT_EXPECT_EQ(t, slub_stat_total(s, ORDER_FALLBACK) - fallbacks,
			(unsigned long)FALLBACK_SLABS);
	/* One task, one hart, a new cache: slab k gave objs[k*per_slab...]. */
	for (i = 0; i < nr; i += per_slab) {
		struct page *page = objs[i] ? virt_to_page(objs[i]) : NULL;
		char *base = page ? page_address(page) : NULL;

		if (!page || !PageSlab(page) || page->slab_cache != s) {
			bad += per_slab;
			continue;
		}
		for (j = i; j < i + per_slab; j++) {
			unsigned long off = (unsigned long)((char *)objs[j] - base);
			bool twice = false;

			for (unsigned int k = i; k < j; k++)
				twice |= objs[k] == objs[j];
			if ((char *)objs[j] < base || off >= slab_bytes ||
			    off % 1024 || twice)
				bad++;
		}
	}
	KUNIT_EXPECT_EQ(t, bad, 0u);
	if (bad)
		return; /* objects elsewhere: freeing them would do harm */
	KUNIT_EXPECT_EQ(t, validate_slab_cache(s), 0);
	for (i = 0; i < nr; i++)
		kmem_cache_free(s, objs[i]);
	KUNIT_EXPECT_EQ(t, validate_slab_cache(s), 0);
	KUNIT_EXPECT_EQ(t, kmem_cache_nr_errors(s) - errors, 0ul);
	kmem_cache_destroy(s);
	KUNIT_EXPECT_NULL(t, kmem_cache_find("t-fallback"));
}

static struct kunit_case slub_cases[] = {
	KUNIT_CASE(create_rejects_bad_arguments),
	KUNIT_CASE(create_computes_linux_layout),
	KUNIT_CASE(create_sizes_slabs_by_linux_order_rule),
	KUNIT_CASE(ctor_runs_for_each_object_of_a_new_slab),
	KUNIT_CASE(alloc_free_same_slab_takes_fast_paths),
	KUNIT_CASE(stats_have_sysfs_names_and_sum_over_caches),
	KUNIT_CASE(alloc_node_returns_objects_of_that_node),
	KUNIT_CASE(free_on_other_hart_same_node_counts_remote_hart),
	KUNIT_CASE(free_on_other_node_counts_remote_node),
	KUNIT_CASE(remote_frees_of_full_slabs_fill_then_drain_cpu_partial),
	KUNIT_CASE(free_runs_into_one_slab_are_deferred_then_handed_over),
	KUNIT_CASE(all_harts_free_each_others_objects),
	KUNIT_CASE(all_harts_alloc_and_free_at_once_lose_nothing),
	KUNIT_CASE(destroy_with_live_objects_reports_and_keeps_cache),
	KUNIT_CASE(destroy_reports_objects_of_full_slabs_too),
	KUNIT_CASE(exhaustion_returns_null_and_damages_nothing),
	KUNIT_CASE(fallback_order_slab_links_only_its_own_objects),
	KUNIT_CASE(validate_clean_and_no_page_leak_at_suite_end),
	{}
};

static struct kunit_suite slub_suite = {
	.name = "slub",
	.suite_init = slub_suite_init,
	.test_cases = slub_cases,
};
kunit_test_suite(slub_suite);

/* ---- suite "slub_kmalloc" ---- */

static size_t expected_class(size_t size)
{
	if (size <= 8)
		return 8;
	if (size <= 16)
		return 16;
	if (size <= 32)
		return 32;
	if (size <= 64)
		return 64;
	if (size <= 96)
		return 96;
	if (size <= 128)
		return 128;
	if (size <= 192)
		return 192;
	return roundup_pow_of_two(size);
}

static void kmalloc_classes_have_linux_sizes_and_alignment(struct kunit *t)
{
	size_t size;

	for (size = 1; size <= KMALLOC_MAX_CACHE_SIZE;
	     size += size < 256 ? 1 : 37) {
		size_t cls = expected_class(size);
		char *p = kmalloc(size, GFP_KERNEL);

		KUNIT_ASSERT_NOT_NULL(t, p);
		KUNIT_EXPECT_EQ(t, ksize(p), cls);
		KUNIT_EXPECT_EQ(t, (unsigned long)p %
				(is_power_of_2(cls) ? cls : 8), 0ul);
		memset(p, 0xab, size);
		kfree(p);
	}
}

static void kmalloc_zero_and_kfree_null_are_harmless(struct kunit *test)
{
	/* clang's analyzer takes kmalloc(0) for memory kfree() never frees. */
#ifndef __clang_analyzer__
	KUNIT_EXPECT_PTR_EQ(test, kmalloc(0, GFP_KERNEL), ZERO_SIZE_PTR);
#endif
	kfree(NULL);
	kfree(ZERO_SIZE_PTR);
	KUNIT_EXPECT_EQ(test, ksize(ZERO_SIZE_PTR), 0ul);
}

/* Above kmalloc-8k, whole pages: the smallest power-of-two block that fits. */
static void kmalloc_large_takes_pages(struct kunit *test)
{
	static const size_t sizes[][2] = {
		/* request, pages' bytes */
		{ 8193, 16384 },
		{ 16384, 16384 },
		{ 16385, 32768 },
		{ 20000, 32768 },
	};
	struct page *page;
	void *p;

	for (size_t i = 0; i < ARRAY_SIZE(sizes); i++) {
		p = kmalloc(sizes[i][0], GFP_KERNEL);
		KUNIT_ASSERT_NOT_NULL(test, p);
		page = virt_to_page(p);
		KUNIT_EXPECT_TRUE(test, PageHead(page));
		KUNIT_EXPECT_FALSE(test, PageSlab(page));
		KUNIT_EXPECT_EQ_MSG(test, ksize(p), sizes[i][1], "kmalloc(%zu)",
				    sizes[i][0]);
		kfree(p);
	}
	p = kmalloc(KMALLOC_MAX_SIZE + 1, GFP_KERNEL | __GFP_NOWARN);
	KUNIT_EXPECT_NULL(test, p);
	kfree(p);
}

static void kcalloc_overflow_returns_null(struct kunit *test)
{
	u8 *p;
	int i;

	KUNIT_EXPECT_NULL(test, kcalloc(SIZE_MAX / 2, 3, GFP_KERNEL));
	p = kcalloc(10, 30, GFP_KERNEL);
	KUNIT_ASSERT_NOT_NULL(test, p);
	for (i = 0; i < 300; i++)
		KUNIT_EXPECT_EQ(test, p[i], 0);
	kfree(p);
	p = kzalloc(100, GFP_KERNEL);
	KUNIT_ASSERT_NOT_NULL(test, p);
	KUNIT_EXPECT_EQ(test, p[99], 0);
	kfree(p);
}

static void krealloc_grows_shrinks_and_frees(struct kunit *test)
{
	char *p = kmalloc(40, GFP_KERNEL), *q;

	KUNIT_ASSERT_NOT_NULL(test, p);
	memset(p, 'x', 40);
	q = krealloc(p, 60, GFP_KERNEL);	/* fits kmalloc-64: in place */
	/* Moved, p is freed (not known to clang's analyzer): stop there. */
	KUNIT_ASSERT_PTR_EQ(test, q, p);
	p = krealloc(q, 1000, GFP_KERNEL);	/* grows: moves */
	KUNIT_ASSERT_NOT_NULL(test, p);
	KUNIT_EXPECT_EQ(test, ksize(p), 1024ul);
	KUNIT_EXPECT_EQ(test, p[39], 'x');
	q = krealloc(p, 100, GFP_KERNEL);	/* shrinks in place */
	KUNIT_EXPECT_PTR_EQ(test, q, p);
	KUNIT_EXPECT_PTR_EQ(test, krealloc(q, 0, GFP_KERNEL), ZERO_SIZE_PTR);
	p = krealloc(NULL, 10, GFP_KERNEL);
	KUNIT_ASSERT_NOT_NULL(test, p);
	kfree(p);
}

/*
 * kfree() of a pointer kmalloc() did not return, on purpose: SLUB must report
 * it and change nothing.  Hidden from clang's analyzer, which rightly flags
 * such a call.
 */
static void kfree_bad(const void *p)
{
#ifndef __clang_analyzer__
	kfree(p);
#endif
}

static void kfree_of_bad_pointers_is_reported_and_ignored(struct kunit *t)
{
	struct kmem_cache *s = kmalloc_caches[6];	/* kmalloc-64 */
	unsigned long errors = kmem_cache_nr_errors(s);
	char *p = kmalloc(64, GFP_KERNEL), *q;
	int on_stack = 0;

	KUNIT_ASSERT_NOT_NULL(t, p);
	kfree_bad(p + 8);			/* interior pointer */
	KUNIT_EXPECT_EQ(t, kmem_cache_nr_errors(s) - errors, 1ul);
	kfree_bad(&on_stack);			/* not a kmalloc block */
	q = kmalloc(64, GFP_KERNEL);
	KUNIT_ASSERT_NOT_NULL(t, q);
	KUNIT_EXPECT_TRUE(t, q != p);		/* p is still allocated */
	kfree(q);
	kfree(p);
	KUNIT_EXPECT_EQ(t, validate_slab_cache(s), 0);
}

static void kmalloc_node_honours_the_node(struct kunit *test)
{
	int node;

	for_each_node_state(node, N_MEMORY) {
		void *p = kmalloc_node(200, GFP_KERNEL, node);
		void *q = kmalloc_node(20000, GFP_KERNEL, node);

		KUNIT_ASSERT_NOT_NULL(test, p);
		KUNIT_ASSERT_NOT_NULL(test, q);
		KUNIT_EXPECT_EQ(test, page_to_nid(virt_to_page(p)), node);
		KUNIT_EXPECT_EQ(test, page_to_nid(virt_to_page(q)), node);
		kfree(p);
		kfree(q);
	}
}

static struct kunit_case slub_kmalloc_cases[] = {
	KUNIT_CASE(kmalloc_classes_have_linux_sizes_and_alignment),
	KUNIT_CASE(kmalloc_zero_and_kfree_null_are_harmless),
	KUNIT_CASE(kmalloc_large_takes_pages),
	KUNIT_CASE(kcalloc_overflow_returns_null),
	KUNIT_CASE(krealloc_grows_shrinks_and_frees),
	KUNIT_CASE(kfree_of_bad_pointers_is_reported_and_ignored),
	KUNIT_CASE(kmalloc_node_honours_the_node),
	KUNIT_CASE(validate_clean_and_no_page_leak_at_suite_end),
	{}
};

static struct kunit_suite slub_kmalloc_suite = {
	.name = "slub_kmalloc",
	.suite_init = slub_suite_init,
	.test_cases = slub_kmalloc_cases,
};
kunit_test_suite(slub_kmalloc_suite);

/* ---- suite "slub_debug" ---- */

static struct kmem_cache *debug_cache(struct kunit *test, const char *name,
				      unsigned int size, unsigned long flags)
{
	struct kmem_cache *s = kmem_cache_create(name, size, 0,
						 flags | SLAB_NO_USER_FLAGS, NULL);

	KUNIT_EXPECT_NOT_NULL(test, s);
	return s;
}

/*
 * One byte of a 64-byte object's slot overwritten (while allocated, or
 * after the free); validate reports it once and repairs it: Linux's
 * KUnit count is 2 (report + fix), and a second validate is clean.
 */
struct clobber {
	const char *cache;
	unsigned long flags;
	bool after_free;
	int offset;		/* from the object start */
	u8 val;
};

static void clobber_then_validate(struct kunit *test, const struct clobber *c)
{
	struct kmem_cache *s = debug_cache(test, c->cache, 64, c->flags);
	u8 *p;

	if (!s)
		return;
	p = kmem_cache_alloc(s, GFP_KERNEL);
	KUNIT_ASSERT_NOT_NULL(test, p);
	if (c->after_free)
		kmem_cache_free(s, p);
	p[c->offset] = c->val;
	KUNIT_EXPECT_EQ(test, validate_slab_cache(s), 1);
	KUNIT_EXPECT_EQ(test, kmem_cache_nr_errors(s), 2ul);
	KUNIT_EXPECT_EQ(test, validate_slab_cache(s), 0);	/* repaired */
	if (!c->after_free)
		kmem_cache_free(s, p);
	KUNIT_EXPECT_EQ(test, kmem_cache_nr_errors(s), 2ul);
	kmem_cache_destroy(s);
}

/* Linux test_clobber_zone */
static void right_redzone_overwrite_is_reported_once(struct kunit *test)
{
	static const struct clobber c = { "TestSlub_RZ_alloc", SLAB_RED_ZONE,
					  false, 64, 0x12 };

	clobber_then_validate(test, &c);
}

static void left_redzone_overwrite_is_reported_once(struct kunit *test)
{
	static const struct clobber c = { "TestSlub_LRZ", SLAB_RED_ZONE,
					  false, -1, 0x12 };

	clobber_then_validate(test, &c);
}

/* Linux test_clobber_50th_byte */
static void write_after_free_is_caught_by_poison(struct kunit *test)
{
	static const struct clobber c = { "TestSlub_50th_word", SLAB_POISON,
					  true, 50, 0x9a };

	clobber_then_validate(test, &c);
}

/* Linux test_clobber_redzone_free */
static void redzone_write_after_free_is_reported(struct kunit *test)
{
	static const struct clobber c = { "TestSlub_RZ_free", SLAB_RED_ZONE,
					  true, 64, 0xab };

	clobber_then_validate(test, &c);
}

/* The same damage found at the next allocation: object isolated. */
static void write_after_free_found_at_alloc_isolates_object(struct kunit *t)
{
	struct kmem_cache *s = debug_cache(t, "TestSlub_first_word", 64,
					   SLAB_POISON);
	u8 *p, *q;

	if (!s)
		return;
	p = kmem_cache_alloc(s, GFP_KERNEL);
	KUNIT_ASSERT_NOT_NULL(t, p);
	kmem_cache_free(s, p);
	p[0] = 0x78;
	q = kmem_cache_alloc(s, GFP_KERNEL);	/* LIFO: p is first, isolated */
	KUNIT_ASSERT_NOT_NULL(t, q);
	KUNIT_EXPECT_TRUE(t, q != p);
	KUNIT_EXPECT_EQ(t, kmem_cache_nr_errors(s), 3ul); /* bug, fix, isolate */
	KUNIT_EXPECT_EQ(t, s->nr_isolated, 1ul);
	kmem_cache_free(s, q);
	KUNIT_EXPECT_EQ(t, validate_slab_cache(s), 0);
	kmem_cache_destroy(s);		/* p stays in use: cache kept */
}

static void double_free_is_reported_and_ignored(struct kunit *test)
{
	struct kmem_cache *s = debug_cache(test, "TestSlub_double", 64,
					   SLAB_CONSISTENCY_CHECKS);
	void *p, *q, *r;

	if (!s)
		return;
	p = kmem_cache_alloc(s, GFP_KERNEL);
	q = kmem_cache_alloc(s, GFP_KERNEL);
	KUNIT_ASSERT_NOT_NULL(test, p);
	kmem_cache_free(s, p);
	kmem_cache_free(s, p);
	KUNIT_EXPECT_EQ(test, kmem_cache_nr_errors(s), 1ul);
	KUNIT_EXPECT_EQ(test, validate_slab_cache(s), 0);
	r = kmem_cache_alloc(s, GFP_KERNEL);	/* p once, not twice */
	KUNIT_EXPECT_PTR_EQ(test, r, p);
	p = kmem_cache_alloc(s, GFP_KERNEL);	/* a different object */
	KUNIT_EXPECT_TRUE(test, p != r);
	kmem_cache_free(s, p);
	kmem_cache_free(s, q);
	kmem_cache_free(s, r);
	KUNIT_EXPECT_EQ(test, kmem_cache_nr_errors(s), 1ul);
	kmem_cache_destroy(s);
}

/* Interior pointer and an object of another cache: reported, ignored. */
static void invalid_free_is_reported_and_ignored(struct kunit *test)
{
	struct kmem_cache *s = debug_cache(test, "TestSlub_invalid", 64,
					   SLAB_CONSISTENCY_CHECKS | SLAB_STORE_USER);
	u8 *p, *other;

	if (!s)
		return;
	p = kmem_cache_alloc(s, GFP_KERNEL);
	other = kmalloc(64, GFP_KERNEL);
	KUNIT_ASSERT_NOT_NULL(test, p);
	KUNIT_ASSERT_NOT_NULL(test, other);
	kmem_cache_free(s, p + 8);
	KUNIT_EXPECT_EQ(test, kmem_cache_nr_errors(s), 1ul);
	kmem_cache_free(s, other);		/* wrong cache */
	KUNIT_EXPECT_EQ(test, kmem_cache_nr_errors(s), 2ul);
	KUNIT_EXPECT_EQ(test, validate_slab_cache(s), 0);
	kfree(other);
	kmem_cache_free(s, p);
	KUNIT_EXPECT_EQ(test, kmem_cache_nr_errors(s), 2ul);
	kmem_cache_destroy(s);
	KUNIT_EXPECT_NULL(test, kmem_cache_find("TestSlub_invalid"));
}

/* A free while the object's red zone is damaged: reported, not freed. */
static void free_of_damaged_object_isolates_it(struct kunit *test)
{
	struct kmem_cache *s = debug_cache(test, "TestSlub_RZ_live_free", 64,
					   SLAB_RED_ZONE | SLAB_STORE_USER);
	u8 *p;

	if (!s)
		return;
	p = kmem_cache_alloc(s, GFP_KERNEL);
	KUNIT_ASSERT_NOT_NULL(test, p);
	p[65] = 0x33;
	kmem_cache_free(s, p);
	KUNIT_EXPECT_EQ(test, kmem_cache_nr_errors(s), 3ul); /* bug, fix, not freed */
	KUNIT_EXPECT_EQ(test, s->nr_isolated, 1ul);
	KUNIT_EXPECT_EQ(test, validate_slab_cache(s), 0);
}

/* Linux test_next_pointer: a free object's free pointer corrupted. */
static void corrupted_free_pointer_is_isolated(struct kunit *test)
{
	struct kmem_cache *s = debug_cache(test, "TestSlub_next_ptr_free", 64,
					   SLAB_POISON);
	u8 *p, *q;

	if (!s)
		return;
	p = kmem_cache_alloc(s, GFP_KERNEL);
	q = kmem_cache_alloc(s, GFP_KERNEL);
	KUNIT_ASSERT_NOT_NULL(test, q);
	kmem_cache_free(s, p);
	kmem_cache_free(s, q);			/* freelist: q → p → ... */
	*(unsigned long *)(q + s->offset) ^= 0x12345;
	/*
	 * Linux's on_freelist(): "Freechain corrupt" at q, the chain cut
	 * there, then "Wrong object count" and its fix: 3 reports, 2 problems.
	 */
	KUNIT_EXPECT_EQ(test, validate_slab_cache(s), 2);
	KUNIT_EXPECT_EQ(test, kmem_cache_nr_errors(s), 3ul);
	KUNIT_EXPECT_EQ(test, validate_slab_cache(s), 0);
}

/* A kmalloc-style 32-byte cache with U and Z, as Linux's test builds. */
static struct kmem_cache *kmalloc_debug_cache(struct kunit *test,
					      const char *name)
{
	return debug_cache(test, name, 32, SLAB_KMALLOC | SLAB_STORE_USER |
			   SLAB_RED_ZONE);
}

/*
 * Linux test_kmalloc_redzone_access: bytes 18-19 of an 18-byte kmalloc
 * lie inside the 32-byte object, past the request: the kmalloc red zone
 * (SLUB-7) catches them, report + fix = 2; the free is then clean.
 */
static void kmalloc_redzone_catches_write_past_requested_size(struct kunit *t)
{
	struct kmem_cache *s = kmalloc_debug_cache(t, "TestSlub_RZ_kmalloc");
	unsigned long errors;
	u8 *p;

	if (!s)
		return;
	p = __kmalloc_cache(s, GFP_KERNEL, 18);
	KUNIT_ASSERT_NOT_NULL(t, p);
	errors = kmem_cache_nr_errors(s);
	KUNIT_EXPECT_EQ(t, validate_slab_cache(s), 0);
	p[18] = 0xab;
	p[19] = 0xab;
	KUNIT_EXPECT_EQ(t, validate_slab_cache(s), 1);
	KUNIT_EXPECT_EQ(t, kmem_cache_nr_errors(s) - errors, 2ul);
	KUNIT_EXPECT_EQ(t, p[18], (u8)SLUB_RED_ACTIVE);	/* restored */
	kfree(p);
	KUNIT_EXPECT_EQ(t, kmem_cache_nr_errors(s) - errors, 2ul);
	KUNIT_EXPECT_EQ(t, validate_slab_cache(s), 0);
	kmem_cache_destroy(s);
	KUNIT_EXPECT_NULL(t, kmem_cache_find("TestSlub_RZ_kmalloc"));
}

/* The same write found by kfree: bug, fix, "not freed" (as free_of_...). */
static void kmalloc_redzone_write_found_at_free_isolates_object(struct kunit *t)
{
	struct kmem_cache *s = kmalloc_debug_cache(t, "TestSlub_RZ_kfree");
	u8 *p;

	if (!s)
		return;
	p = __kmalloc_cache(s, GFP_KERNEL, 18);
	KUNIT_ASSERT_NOT_NULL(t, p);
	p[31] = 0x42;
	kfree(p);
	KUNIT_EXPECT_EQ(t, kmem_cache_nr_errors(s), 3ul);
	KUNIT_EXPECT_EQ(t, s->nr_isolated, 1ul);
	KUNIT_EXPECT_EQ(t, validate_slab_cache(s), 0);
}

/* krealloc within the slot moves the kmalloc red zone both ways. */
static void krealloc_in_place_moves_kmalloc_redzone(struct kunit *t)
{
	struct kmem_cache *s = kmalloc_debug_cache(t, "TestSlub_RZ_krealloc");
	unsigned long errors;
	u8 *p, *q;

	if (!s)
		return;
	p = __kmalloc_cache(s, GFP_KERNEL, 18);
	KUNIT_ASSERT_NOT_NULL(t, p);
	errors = kmem_cache_nr_errors(s);
	q = krealloc(p, 10, GFP_KERNEL);		/* shrink */
	KUNIT_EXPECT_PTR_EQ(t, q, p);
	p[9] = 0x11;
	KUNIT_EXPECT_EQ(t, validate_slab_cache(s), 0);
	p[12] = 0x11;					/* was usable, now not */
	KUNIT_EXPECT_EQ(t, validate_slab_cache(s), 1);
	KUNIT_EXPECT_EQ(t, kmem_cache_nr_errors(s) - errors, 2ul);
	q = krealloc(p, 30, GFP_KERNEL | __GFP_ZERO);	/* grow in place */
	KUNIT_EXPECT_PTR_EQ(t, q, p);
	KUNIT_EXPECT_EQ(t, p[9], 0x11);
	KUNIT_EXPECT_EQ(t, p[10], 0);			/* zeroed from 10 */
	KUNIT_EXPECT_EQ(t, p[29], 0);
	KUNIT_EXPECT_EQ(t, p[30], (u8)SLUB_RED_ACTIVE);
	p[25] = 0x22;
	KUNIT_EXPECT_EQ(t, validate_slab_cache(s), 0);
	p[30] = 0x22;
	KUNIT_EXPECT_EQ(t, validate_slab_cache(s), 1);
	KUNIT_EXPECT_EQ(t, kmem_cache_nr_errors(s) - errors, 4ul);
	kfree(p);
	KUNIT_EXPECT_EQ(t, kmem_cache_nr_errors(s) - errors, 4ul);
	kmem_cache_destroy(s);
}

/*
 * A free pointer outside the slab (where a larger slab's next object
 * would be) or inside it off an object start: validate reports it as
 * Linux's on_freelist() does ("Freechain corrupt" at q, the chain cut
 * there, then the wrong count and its fix: 3 reports, 2 problems), and is
 * clean after.
 */
static void free_pointer_outside_slab_or_off_object_is_reported(struct kunit *t)
{
	static const char *const names[] = { "TestSlub_fp_out", "TestSlub_fp_mid" };

	for (int i = 0; i < 2; i++) {
		struct kmem_cache *s = debug_cache(t, names[i], 64,
						   SLAB_CONSISTENCY_CHECKS);
		struct slab *slab;
		u8 *p, *q, *bad;

		if (!s)
			return;
		p = kmem_cache_alloc(s, GFP_KERNEL);
		q = kmem_cache_alloc(s, GFP_KERNEL);
		KUNIT_ASSERT_NOT_NULL(t, q);
		kmem_cache_free(s, p);
		kmem_cache_free(s, q); /* freelist: q → p → ... */
		slab = slub_virt_to_slab(q);
		KUNIT_ASSERT_NOT_NULL(t, slab);
		if (i == 0) /* past the one-page slab: a bigger slab's object */
			bad = (u8 *)slab_address(slab) +
			      (PAGE_SIZE << get_order(64));
		else
			bad = p + 8;
		set_freepointer(s, q, bad);
		KUNIT_EXPECT_EQ(t, validate_slab_cache(s), 2);
		KUNIT_EXPECT_EQ(t, kmem_cache_nr_errors(s), 3ul);
		KUNIT_EXPECT_EQ(t, validate_slab_cache(s), 0);
	}
}

/*
 * Issue 15 item 6: a counter that disagrees with the freechain (here one
 * object counted in use that is on it) is reported and set from the
 * chain, as Linux's on_freelist() does ("Object count adjusted"): report
 * + fix = 2, a second validate is clean, and once the one live object is
 * freed the slab is empty and the cache is destroyed without a leak.
 */
static void wrong_object_count_is_adjusted(struct kunit *t)
{
	struct kmem_cache *s = debug_cache(t, "TestSlub_count", 64,
					   SLAB_CONSISTENCY_CHECKS);
	struct slab *slab;
	void *p, *q;

	if (!s)
		return;
	p = kmem_cache_alloc(s, GFP_KERNEL);
	q = kmem_cache_alloc(s, GFP_KERNEL);
	KUNIT_ASSERT_NOT_NULL(t, q);
	kmem_cache_free(s, q);
	slab = slub_virt_to_slab(p);
	KUNIT_ASSERT_NOT_NULL(t, slab);
	slab->inuse++; /* 2 counted, 1 really in use */
	KUNIT_EXPECT_EQ(t, validate_slab_cache(s), 1);
	KUNIT_EXPECT_EQ(t, kmem_cache_nr_errors(s), 2ul);
	KUNIT_EXPECT_EQ(t, validate_slab_cache(s), 0);
	kmem_cache_free(s, p);
	KUNIT_EXPECT_EQ(t, kmem_cache_nr_errors(s), 2ul);
	kmem_cache_destroy(s);
	KUNIT_EXPECT_NULL(t, kmem_cache_find("TestSlub_count"));
}

/*
 * Issue 15 item 6: with U, an object of a new slab that was never freed
 * has an empty free track (address 0: Linux's init_tracking(), and
 * print_track() prints nothing for it), whatever its pages held before;
 * its alloc track is the caller's.  The pages are dirtied with 0x6b first,
 * as a freed poisoned slab leaves them, and freed just before the slabs
 * are made (the per-CPU lists hand the last freed page out first).
 */
static void new_slab_objects_have_empty_free_tracks(struct kunit *t)
{
	struct kmem_cache *s = debug_cache(t, "TestSlub_tracks", 64,
					   SLAB_STORE_USER);
	struct page *pages[16];
	void *objs[64];
	unsigned int i, dirty_free = 0, bad_alloc = 0;

	if (!s)
		return;
	for (i = 0; i < ARRAY_SIZE(pages); i++) {
		pages[i] = alloc_pages(GFP_KERNEL, oo_order(s->oo));
		if (pages[i])
			memset(page_address(pages[i]), POISON_FREE,
			       PAGE_SIZE << oo_order(s->oo));
	}
	for (i = ARRAY_SIZE(pages); i-- > 0;)
		if (pages[i])
			__free_pages(pages[i], oo_order(s->oo));
	for (i = 0; i < ARRAY_SIZE(objs); i++) {
		objs[i] = kmem_cache_alloc(s, GFP_KERNEL);
		KUNIT_ASSERT_NOT_NULL(t, objs[i]);
		if (slub_debug_track_addr(s, objs[i], TRACK_FREE))
			dirty_free++;
		if (!slub_debug_track_addr(s, objs[i], TRACK_ALLOC))
			bad_alloc++;
	}
	KUNIT_EXPECT_EQ(t, dirty_free, 0u);
	KUNIT_EXPECT_EQ(t, bad_alloc, 0u);
	for (i = 0; i < ARRAY_SIZE(objs); i++)
		kmem_cache_free(s, objs[i]);
	KUNIT_EXPECT_EQ(t, kmem_cache_nr_errors(s), 0ul);
	kmem_cache_destroy(s);
	KUNIT_EXPECT_NULL(t, kmem_cache_find("TestSlub_tracks"));
}

/*
 * P on a cache with a constructor poisons only the padding: the object
 * keeps what the constructor wrote (Linux's __OBJECT_POISON rule), so the
 * allocation finds no "Poison overwritten" (under slub_debug=FZPU the
 * old rule isolated every object of every slab, for ever).
 */
static void poison_leaves_constructed_objects_alone(struct kunit *t)
{
	struct kmem_cache *s = kmem_cache_create("TestSlub_ctor_poison", 40, 0,
						 SLAB_POISON | SLAB_NO_USER_FLAGS,
						 count_ctor);
	u32 *p;

	KUNIT_ASSERT_NOT_NULL(t, s);
	p = kmem_cache_alloc(s, GFP_KERNEL);
	KUNIT_ASSERT_NOT_NULL(t, p);
	KUNIT_EXPECT_EQ(t, *p, 0xc0ffeeu);
	KUNIT_EXPECT_EQ(t, kmem_cache_nr_errors(s), 0ul);
	kmem_cache_free(s, p);
	KUNIT_EXPECT_EQ(t, validate_slab_cache(s), 0);
	KUNIT_EXPECT_EQ(t, kmem_cache_nr_errors(s), 0ul);
	kmem_cache_destroy(s);
	KUNIT_EXPECT_NULL(t, kmem_cache_find("TestSlub_ctor_poison"));
}

/*
 * The same damage on this CPU's freelist (a non-debug cache: the freed
 * object waits there): validate checks that list on its CPU before the
 * flush walks it, reports the bad pointer once and cuts the chain there.
 */
static void cpu_freelist_pointer_outside_slab_is_reported(struct kunit *t)
{
	struct kmem_cache *s = debug_cache(t, "TestSlub_cpu_fp", 64, 0);
	struct slab *slab;
	u8 *p, *q;

	if (!s)
		return;
	KUNIT_ASSERT_FALSE(t, kmem_cache_debug(s));
	p = kmem_cache_alloc(s, GFP_KERNEL);
	q = kmem_cache_alloc(s, GFP_KERNEL);
	KUNIT_ASSERT_NOT_NULL(t, p);
	KUNIT_ASSERT_NOT_NULL(t, q);
	slab = slub_virt_to_slab(q);
	KUNIT_ASSERT_NOT_NULL(t, slab);
	kmem_cache_free(s, q); /* onto this CPU's freelist, first */
	set_freepointer(s, q,
			(u8 *)slab_address(slab) + (PAGE_SIZE << oo_order(s->oo)));
	KUNIT_EXPECT_EQ(t, validate_slab_cache(s), 1);
	KUNIT_EXPECT_EQ(t, kmem_cache_nr_errors(s), 2ul);
	KUNIT_EXPECT_EQ(t, validate_slab_cache(s), 0);
	kmem_cache_free(s, p);
	KUNIT_EXPECT_EQ(t, validate_slab_cache(s), 0);
}

static struct kunit_case slub_debug_cases[] = {
	KUNIT_CASE(right_redzone_overwrite_is_reported_once),
	KUNIT_CASE(left_redzone_overwrite_is_reported_once),
	KUNIT_CASE(write_after_free_is_caught_by_poison),
	KUNIT_CASE(write_after_free_found_at_alloc_isolates_object),
	KUNIT_CASE(redzone_write_after_free_is_reported),
	KUNIT_CASE(double_free_is_reported_and_ignored),
	KUNIT_CASE(invalid_free_is_reported_and_ignored),
	KUNIT_CASE(free_of_damaged_object_isolates_it),
	KUNIT_CASE(corrupted_free_pointer_is_isolated),
	KUNIT_CASE(kmalloc_redzone_catches_write_past_requested_size),
	KUNIT_CASE(kmalloc_redzone_write_found_at_free_isolates_object),
	KUNIT_CASE(krealloc_in_place_moves_kmalloc_redzone),
	KUNIT_CASE(free_pointer_outside_slab_or_off_object_is_reported),
	KUNIT_CASE(cpu_freelist_pointer_outside_slab_is_reported),
	KUNIT_CASE(wrong_object_count_is_adjusted),
	KUNIT_CASE(new_slab_objects_have_empty_free_tracks),
	KUNIT_CASE(poison_leaves_constructed_objects_alone),
	{}
};

static struct kunit_suite slub_debug_suite = {
	.name = "slub_debug",
	.suite_init = slub_suite_init,
	.test_cases = slub_debug_cases,
};
kunit_test_suite(slub_debug_suite);
