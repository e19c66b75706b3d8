/* SPDX-License-Identifier: MIT */
/*
 * tests/kunit/fault_inject_kunit.c — KUnit suite for fault injection
 * (<linux/fault-inject.h>).
 *
 * "fault_inject": should_fail()'s rules, each expectation computed by a
 * model of Linux's documented rules (docs/linux-facts.md §12: times, space,
 * interval, probability) or by hand; the filters of fail_page_alloc
 * (min-order, ignore-gfp-wait, ignore-gfp-highmem, __GFP_NOFAIL, space in
 * pages) and failslab (cache-filter, space in bytes); and each path an
 * injected failure reaches: a page allocation returns NULL and is counted,
 * a slab whose preferred order failed is made at the minimum order, a
 * kmalloc returns NULL and is counted, and a kmem_cache_create() failing
 * at any of its allocations gives back all it had made.
 *
 * Every case keeps the settings it found (fault_save() in init,
 * fault_restore() in exit) and starts with both attributes off, so the
 * suite also runs while make test injects failures everywhere: nothing
 * fails in a case but what the case asks for; the cases that use the real
 * attributes set task-filter and mark only their own task (Linux's
 * make-it-fail), so no other hart's allocation takes a failure meant for
 * the case.
 */
#include <kunit/test.h>
#include <linux/errno.h>
#include <linux/fault-inject.h>
#include <linux/gfp.h>
#include <linux/mm.h>
#include <linux/sched.h>
#include <linux/slab.h>
#include <linux/sprintf.h>
#include <linux/vmstat.h>

static struct fault_settings saved;

static int fault_case_init(struct kunit *test)
{
	(void)test;
	fault_save(&saved);
	WRITE_ONCE(fail_page_alloc.attr.probability, 0);
	WRITE_ONCE(failslab.attr.probability, 0);
	return 0;
}

static void fault_case_exit(struct kunit *test)
{
	(void)test;
	current->make_it_fail = false;
	fault_restore(&saved);
}

/* A private attribute: probability @p, interval @i, space @s, times @t. */
static void attr_set(struct fault_attr *a, unsigned long p, unsigned long i,
		     int s, int t)
{
	*a = (struct fault_attr)FAULT_ATTR_INITIALIZER("kunit");
	a->probability = p;
	a->interval = i;
	a->space = s;
	a->times = t;
	a->verbose = 0;
}

/*
 * Linux's rules with probability 100, written from docs/linux-facts.md §12:
 * no failure once times is 0; while space exceeds the size, the size is
 * taken from space and the call passes; with interval N > 1 only every
 * Nth call that got this far fails; a failure takes one from times unless
 * it is -1.
 */
struct model {
	long space;
	int times;
	unsigned long interval, count;
};

static bool model_fails(struct model *m, long size)
{
	if (!m->times)
		return false;
	if (m->space > size) {
		m->space -= size;
		return false;
	}
	if (m->interval > 1 && ++m->count % m->interval)
		return false;
	if (m->times > 0)
		m->times--;
	return true;
}

static void interval_fails_every_nth_call(struct kunit *test)
{
	struct fault_attr a;

	attr_set(&a, 100, 3, 0, -1);
	for (int call = 1; call <= 30; call++)
		KUNIT_EXPECT_EQ(test, should_fail(&a, 1), call % 3 == 0);
	KUNIT_EXPECT_EQ(test, a.injected, 10ul);
}

static void probability_100_always_0_never(struct kunit *test)
{
	struct fault_attr a;
	int fails = 0;

	attr_set(&a, 100, 1, 0, -1);
	for (int i = 0; i < 1000; i++)
		fails += should_fail(&a, 1);
	KUNIT_EXPECT_EQ(test, fails, 1000);
	attr_set(&a, 0, 1, 0, -1);
	fails = 0;
	for (int i = 0; i < 1000; i++)
		fails += should_fail(&a, 1);
	KUNIT_EXPECT_EQ(test, fails, 0);
	KUNIT_EXPECT_EQ(test, a.injected, 0ul);
}

/* 10000 draws at 25 %: 2500 expected, σ ≈ 43; ±300 is 7σ. */
static void probability_is_a_percentage(struct kunit *test)
{
	struct fault_attr a;
	int fails = 0;

	attr_set(&a, 25, 1, 0, -1);
	for (int i = 0; i < 10000; i++)
		fails += should_fail(&a, 1);
	KUNIT_EXPECT_GT(test, fails, 2200);
	KUNIT_EXPECT_LT(test, fails, 2800);
}

/* times, space and interval together, call by call against the model. */
static void times_space_interval_follow_linux_rules(struct kunit *test)
{
	static const struct {
		int space, times;
		unsigned long interval;
		long size;
	} c[] = {
		{ 0, 2, 1, 1 },	      /* two failures, then none */
		{ 1000, -1, 1, 300 }, /* 1000 > 300, 700, 400: three pass */
		{ 10, 3, 4, 1 },      /* space first, then every 4th */
		{ 4096, 1, 1, 4096 }, /* space equal to size: fails at once */
		{ 0, 0, 1, 1 },	      /* times 0: never */
	};

	for (size_t k = 0; k < ARRAY_SIZE(c); k++) {
		struct model m = { c[k].space, c[k].times, c[k].interval, 0 };
		struct fault_attr a;
		unsigned long want = 0;

		attr_set(&a, 100, c[k].interval, c[k].space, c[k].times);
		for (int call = 0; call < 40; call++) {
			bool exp = model_fails(&m, c[k].size);

			want += exp;
			KUNIT_EXPECT_EQ_MSG(test, should_fail(&a, c[k].size),
					    exp, "case %zu call %d", k, call);
		}
		KUNIT_EXPECT_EQ(test, a.injected, want);
		KUNIT_EXPECT_EQ(test, (long)a.times, (long)m.times);
		KUNIT_EXPECT_EQ(test, (long)a.space, m.space);
	}
}

static void task_filter_fails_only_marked_tasks(struct kunit *test)
{
	struct fault_attr a;

	attr_set(&a, 100, 1, 0, -1);
	a.task_filter = true;
	current->make_it_fail = false;
	KUNIT_EXPECT_FALSE(test, should_fail(&a, 1));
	current->make_it_fail = true;
	KUNIT_EXPECT_TRUE(test, should_fail(&a, 1));
}

/*
 * verbose with a rate limit (Linux's __ratelimit()): within one interval
 * at most burst messages; the failures themselves are not limited.
 */
static void verbose_messages_are_rate_limited(struct kunit *test)
{
	struct fault_attr a;
	int fails = 0;

	attr_set(&a, 100, 1, 0, -1);
	a.verbose = 1;
	a.ratelimit_interval_ms = 3600000; /* one window for the case */
	a.ratelimit_burst = 2;
	for (int i = 0; i < 5; i++)
		fails += should_fail(&a, 1);
	KUNIT_EXPECT_EQ(test, fails, 5);
	KUNIT_EXPECT_EQ(test, a.rl_printed, 2u);
	KUNIT_EXPECT_EQ(test, a.rl_missed, 3u);
	KUNIT_EXPECT_TRUE(test, should_fail_ex(&a, 1, FAULT_NOWARN));
	KUNIT_EXPECT_EQ(test, a.rl_missed, 3u); /* NOWARN: not even asked */
}

static void setup_fault_attr_parses_four_fields(struct kunit *test)
{
	static const char *const bad[] = {
		"",	     "1,2,3",	  "1,2,3,4,5", "0,10,0,1",  "1,101,0,1",
		"1,10,-1,1", "1,10,0,-2", "a,10,0,1",  "1,10,0,1x", "1,,0,1",
	};
	struct fault_attr a;

	attr_set(&a, 0, 1, 0, 1);
	KUNIT_EXPECT_EQ(test, setup_fault_attr(&a, "7,42,100,-1"), 0);
	KUNIT_EXPECT_EQ(test, a.interval, 7ul);
	KUNIT_EXPECT_EQ(test, a.probability, 42ul);
	KUNIT_EXPECT_EQ(test, a.space, 100);
	KUNIT_EXPECT_EQ(test, a.times, -1);
	for (size_t i = 0; i < ARRAY_SIZE(bad); i++) {
		KUNIT_EXPECT_EQ_MSG(test, setup_fault_attr(&a, bad[i]), -EINVAL,
				    "'%s'", bad[i]);
		KUNIT_EXPECT_EQ_MSG(test, a.probability, 0ul,
				    "'%s' left injection on", bad[i]);
		a.probability = 42;
	}
}

static void knobs_refuse_bad_values_and_change_nothing(struct kunit *test)
{
	const struct fault_group *g = fault_find_group("page");

	KUNIT_ASSERT_NOT_NULL(test, g);
	KUNIT_EXPECT_EQ(test, fault_group_set(g, "min_order", "0", "kunit"), 0);
	KUNIT_EXPECT_EQ(test, fail_page_alloc.min_order, 0u);
	KUNIT_EXPECT_EQ(test, fault_group_set(g, "min-order", "12", "kunit"),
			-EINVAL);
	KUNIT_EXPECT_EQ(test,
			fault_group_set(g, "ignore-gfp-wait", "maybe", "kunit"),
			-EINVAL);
	KUNIT_EXPECT_EQ(test, fault_group_set(g, "no-such-knob", "1", "kunit"),
			-EINVAL);
	KUNIT_EXPECT_EQ(test, fault_group_set(g, "probability", "101", "kunit"),
			-EINVAL);
	KUNIT_EXPECT_EQ(test, fail_page_alloc.min_order, 0u);
}

/* The real fail_page_alloc, failing every call of this task only. */
static void page_attr_always(int times)
{
	fail_page_alloc.ignore_gfp_reclaim = false;
	fail_page_alloc.ignore_gfp_highmem = true;
	fail_page_alloc.min_order = 0;
	fail_page_alloc.attr.verbose = 0;
	fail_page_alloc.attr.task_filter = true;
	current->make_it_fail = true;
	setup_fault_attr(&fail_page_alloc.attr, times < 0  ? "1,100,0,-1" :
						times == 1 ? "1,100,0,1" :
							     "1,100,0,2");
}

static void page_filters_follow_linux_rules(struct kunit *test)
{
	page_attr_always(-1);
	fail_page_alloc.min_order = 1;
	KUNIT_EXPECT_FALSE(test, should_fail_alloc_page(GFP_KERNEL, 0));
	KUNIT_EXPECT_TRUE(test, should_fail_alloc_page(GFP_KERNEL, 1));
	KUNIT_EXPECT_FALSE(test,
			   should_fail_alloc_page(GFP_KERNEL | __GFP_NOFAIL, 3));
	KUNIT_EXPECT_FALSE(test,
			   should_fail_alloc_page(GFP_KERNEL | __GFP_HIGHMEM, 1));
	fail_page_alloc.ignore_gfp_highmem = false;
	KUNIT_EXPECT_TRUE(test,
			  should_fail_alloc_page(GFP_KERNEL | __GFP_HIGHMEM, 1));
	fail_page_alloc.ignore_gfp_reclaim = true; /* Linux's default */
	KUNIT_EXPECT_FALSE(test, should_fail_alloc_page(GFP_KERNEL, 1));
	KUNIT_EXPECT_TRUE(test, should_fail_alloc_page(GFP_NOWAIT, 1));
	KUNIT_EXPECT_TRUE(test, should_fail_alloc_page(GFP_ATOMIC, 1));
	current->make_it_fail = false;
	KUNIT_EXPECT_FALSE(test, should_fail_alloc_page(GFP_NOWAIT, 1));
}

/* fail_page_alloc's size is 2^order pages: space 5, order 1 → 2 pass. */
static void page_space_counts_pages(struct kunit *test)
{
	struct model m = { 5, -1, 1, 0 };

	page_attr_always(-1);
	setup_fault_attr(&fail_page_alloc.attr, "1,100,5,-1");
	for (int call = 0; call < 4; call++)
		KUNIT_EXPECT_EQ_MSG(test, should_fail_alloc_page(GFP_KERNEL, 1),
				    model_fails(&m, 2), "call %d", call);
}

static void page_failure_returns_null_and_is_counted(struct kunit *test)
{
	const struct fault_group *g = fault_find_group("page");
	unsigned long before, free_before;
	struct page *p;

	KUNIT_ASSERT_NOT_NULL(test, g);
	drain_all_pages(NULL);
	free_before = nr_free_pages();
	before = fault_injected(g);
	page_attr_always(2);
	KUNIT_EXPECT_NULL(test, alloc_pages(GFP_KERNEL, 0));
	KUNIT_EXPECT_NULL(test, alloc_pages_node(NUMA_NO_NODE, GFP_KERNEL, 2));
	p = alloc_pages(GFP_KERNEL, 2); /* times 2: used up */
	current->make_it_fail = false;
	KUNIT_EXPECT_EQ(test, fault_injected(g) - before, 2ul);
	KUNIT_ASSERT_NOT_NULL(test, p);
	__free_pages(p, 2);
	drain_all_pages(NULL);
	KUNIT_EXPECT_EQ(test, nr_free_pages(), free_before);
}

/*
 * A 4096-byte cache wants order-3 slabs (8 objects) and takes order 0
 * (1 object) at worst (Linux's calculate_order; slub_kunit checks it).
 * With order ≥ 1 failing once, SLUB's first try fails and it falls back:
 * counted as order_fallback, and the object lies in a slab of the cache.
 */
static void page_failure_makes_slub_fall_back_to_min_order(struct kunit *test)
{
	struct kmem_cache *s = kmem_cache_create("t-fallback", 4096, 0, 0, NULL);
	struct page *page;
	void *obj;

	KUNIT_ASSERT_NOT_NULL(test, s);
	page_attr_always(1);
	fail_page_alloc.min_order = 1; /* the order-0 fallback may not fail */
	obj = kmem_cache_alloc(s, GFP_KERNEL);
	current->make_it_fail = false;
	KUNIT_ASSERT_NOT_NULL(test, obj);
	KUNIT_EXPECT_EQ(test, slub_stat_total(s, ORDER_FALLBACK), 1ul);
	page = virt_to_page(obj);
	KUNIT_EXPECT_TRUE(test, PageSlab(page) && page->slab_cache == (void *)s);
	KUNIT_EXPECT_EQ(test, validate_slab_cache(s), 0);
	if (PageSlab(page) && page->slab_cache == (void *)s)
		kmem_cache_free(s, obj);
	kmem_cache_destroy(s);
}

static void slab_attr_always(struct kmem_cache *only)
{
	failslab.ignore_gfp_reclaim = false;
	failslab.cache_filter = only != NULL;
	failslab.attr.verbose = 0;
	failslab.attr.task_filter = true;
	current->make_it_fail = true;
}

/* failslab's size is the object size in bytes; cache-filter spares the rest. */
static void slab_space_counts_bytes_and_cache_filter(struct kunit *test)
{
	struct kmem_cache *marked = kmem_cache_create("t-failslab", 64, 0,
						      SLAB_FAILSLAB, NULL);
	struct kmem_cache *plain = kmem_cache_create("t-plain", 64, 0, 0, NULL);
	struct model m = { 200, -1, 1, 0 };
	void *obj[4];

	KUNIT_ASSERT_NOT_NULL(test, marked);
	KUNIT_ASSERT_NOT_NULL(test, plain);
	slab_attr_always(marked);
	setup_fault_attr(&failslab.attr, "1,100,200,-1");
	for (int i = 0; i < 4; i++) { /* 200 > 64, 136 > 64, then 72 > 64 */
		bool want = model_fails(&m, 64);

		obj[i] = kmem_cache_alloc(marked, GFP_KERNEL);
		KUNIT_EXPECT_EQ_MSG(test, obj[i] == NULL, want, "alloc %d", i);
	}
	KUNIT_EXPECT_NULL(test, obj[3]); /* 8 left: fails from here */
	for (int i = 0; i < 4; i++) {
		void *p = kmem_cache_alloc(plain, GFP_KERNEL);

		KUNIT_EXPECT_NOT_NULL(test, p);
		kmem_cache_free(plain, p);
	}
	KUNIT_EXPECT_FALSE(test,
			   should_failslab(marked, GFP_KERNEL | __GFP_NOFAIL));
	current->make_it_fail = false;
	for (int i = 0; i < 4; i++)
		if (obj[i])
			kmem_cache_free(marked, obj[i]);
	kmem_cache_destroy(marked);
	kmem_cache_destroy(plain);
}

static void kmalloc_failure_returns_null_and_is_counted(struct kunit *test)
{
	const struct fault_group *g = fault_find_group("slab");
	unsigned long before;
	void *p;

	KUNIT_ASSERT_NOT_NULL(test, g);
	before = fault_injected(g);
	slab_attr_always(NULL);
	setup_fault_attr(&failslab.attr, "1,100,0,1");
	p = kmalloc(100, GFP_KERNEL);
	KUNIT_EXPECT_NULL(test, p);
	kfree(p);		      /* NULL, unless injection failed */
	p = kmalloc(100, GFP_KERNEL); /* times used up */
	current->make_it_fail = false;
	KUNIT_EXPECT_NOT_NULL(test, p);
	kfree(p);
	KUNIT_EXPECT_EQ(test, fault_injected(g) - before, 1ul);
}

static unsigned long free_pages_settled(void)
{
	kmem_cache_shrink_all();
	drain_all_pages(NULL);
	return nr_free_pages();
}

/*
 * Objects of the cache @name allocated and not freed: its allocations
 * (fast and slow path) less its frees, from SLUB's counters.  A leaked
 * object leaves the free page count alone when its slab holds others, so
 * the count of pages alone cannot see it.
 */
static long objects_in_use(const char *name)
{
	struct kmem_cache *s = kmem_cache_find(name);

	if (!s)
		return -1;
	return (long)(slub_stat_total(s, ALLOC_FASTPATH) +
		      slub_stat_total(s, ALLOC_SLOWPATH)) -
	       (long)(slub_stat_total(s, FREE_FASTPATH) +
		      slub_stat_total(s, FREE_SLOWPATH));
}

/*
 * kmem_cache_create() allocates its node structures, per-CPU part and
 * random sequence one after another; failing the Nth slab or page
 * allocation of this task (interval N, times 1) fails it at each step in
 * turn.  Whatever step failed, the free pages come back to where they were,
 * no kmem_cache or kmem_cache_node object stays allocated, and every cache
 * validates.
 */
static void failed_cache_create_gives_back_what_it_made(struct kunit *test)
{
	unsigned long free_before = free_pages_settled();
	long caches_before = objects_in_use("kmem_cache");
	long nodes_before = objects_in_use("kmem_cache_node");
	int failed = 0, made = 0;

	for (unsigned long n = 1; n <= 8; n++) {
		struct kmem_cache *s;
		char spec[24];

		for (int which = 0; which < 2; which++) {
			scnprintf(spec, sizeof(spec), "%lu,100,0,1", n);
			page_attr_always(1);
			slab_attr_always(NULL);
			fail_page_alloc.attr.probability = 0; /* one of the two */
			setup_fault_attr(which ? &failslab.attr :
						 &fail_page_alloc.attr,
					 spec);
			s = kmem_cache_create("t-partial", 192, 0, 0, NULL);
			current->make_it_fail = false;
			fail_page_alloc.attr.probability = 0;
			failslab.attr.probability = 0;
			if (s) {
				made++;
				kmem_cache_destroy(s);
			} else {
				failed++;
			}
		}
	}
	KUNIT_EXPECT_GT(test, failed, 0);
	KUNIT_EXPECT_GT(test, made, 0);
	KUNIT_EXPECT_EQ(test, validate_all_slab_caches(), 0);
	KUNIT_EXPECT_EQ(test, objects_in_use("kmem_cache"), caches_before);
	KUNIT_EXPECT_EQ(test, objects_in_use("kmem_cache_node"), nodes_before);
	KUNIT_EXPECT_EQ(test, free_pages_settled(), free_before);
}

static struct kunit_case fault_inject_cases[] = {
	KUNIT_CASE(interval_fails_every_nth_call),
	KUNIT_CASE(probability_100_always_0_never),
	KUNIT_CASE(probability_is_a_percentage),
	KUNIT_CASE(times_space_interval_follow_linux_rules),
	KUNIT_CASE(task_filter_fails_only_marked_tasks),
	KUNIT_CASE(verbose_messages_are_rate_limited),
	KUNIT_CASE(setup_fault_attr_parses_four_fields),
	KUNIT_CASE(knobs_refuse_bad_values_and_change_nothing),
	KUNIT_CASE(page_filters_follow_linux_rules),
	KUNIT_CASE(page_space_counts_pages),
	KUNIT_CASE(page_failure_returns_null_and_is_counted),
	KUNIT_CASE(page_failure_makes_slub_fall_back_to_min_order),
	KUNIT_CASE(slab_space_counts_bytes_and_cache_filter),
	KUNIT_CASE(kmalloc_failure_returns_null_and_is_counted),
	KUNIT_CASE(failed_cache_create_gives_back_what_it_made),
	{}
};

static struct kunit_suite fault_inject_suite = {
	.name = "fault_inject",
	.init = fault_case_init,
	.exit = fault_case_exit,
	.test_cases = fault_inject_cases,
};
kunit_test_suite(fault_inject_suite);
