/* SPDX-License-Identifier: MIT */
/*
 * tests/kunit/kunit_resource_kunit.c — KUnit's own resources
 * (tests/kunit/resource.c), where Linux's suites using them do not reach:
 * the release order and time (newest first, after the suite's exit()),
 * the reference a find takes, named-resource refusals, deferred actions
 * cancelled or run early, kunit_kmalloc's memory given back, and
 * kunit_get_current_test().  A case that fails or faults has its resources
 * released too: tests/host/fixtures/failing_kunit.c checks that path,
 * since a failing case here would fail this suite.
 */
#include <kunit/resource.h>
#include <kunit/test-bug.h>
#include <kunit/test.h>
#include <linux/errno.h>
#include <linux/slab.h>

/* What the cases leave for the next one to check (cases run in order). */
static int release_order[4];
static int nr_released;
static int nr_released_at_exit = -1;
static unsigned long kmalloc_frees_before;
static struct kunit *current_test_in_suite_init = (struct kunit *)1;

static void record_release(void *ctx)
{
	if (nr_released < (int)ARRAY_SIZE(release_order))
		release_order[nr_released] = (int)(long)ctx;
	nr_released++;
}

static int resource_suite_init(struct kunit_suite *suite)
{
	(void)suite;
	current_test_in_suite_init = kunit_get_current_test();
	return 0;
}

static void resource_exit(struct kunit *test)
{
	(void)test;
	if (nr_released_at_exit < 0)
		nr_released_at_exit = nr_released;
}

static void actions_registered(struct kunit *test)
{
	for (long i = 1; i <= 3; i++)
		KUNIT_ASSERT_EQ(test,
				kunit_add_action(test, record_release, (void *)i),
				0);
	KUNIT_EXPECT_EQ(test, nr_released, 0);
}

/* Linux's kunit_cleanup() order: after exit(), newest first. */
static void actions_ran_after_exit_newest_first(struct kunit *test)
{
	KUNIT_EXPECT_EQ(test, nr_released_at_exit, 0);
	KUNIT_ASSERT_EQ(test, nr_released, 3);
	KUNIT_EXPECT_EQ(test, release_order[0], 3);
	KUNIT_EXPECT_EQ(test, release_order[1], 2);
	KUNIT_EXPECT_EQ(test, release_order[2], 1);
}

static int nr_freed;

static void count_free(struct kunit_resource *res)
{
	(void)res;
	nr_freed++;
}

static void named_resource_freed_by_the_last_reference(struct kunit *test)
{
	static struct kunit_resource res, dup;
	static int value = 7;
	struct kunit_resource *found;

	nr_freed = 0;
	KUNIT_ASSERT_EQ(test,
			kunit_add_named_resource(test, NULL, count_free, &res,
						 "value", &value),
			0);
	KUNIT_EXPECT_EQ(test,
			kunit_add_named_resource(test, NULL, count_free, &dup,
						 "value", &value),
			-EEXIST);
	KUNIT_EXPECT_EQ(test,
			kunit_add_named_resource(test, NULL, count_free, &dup,
						 NULL, &value),
			-EINVAL);
	KUNIT_EXPECT_NULL(test, kunit_find_named_resource(test, "no-such-name"));
	found = kunit_find_named_resource(test, "value");
	KUNIT_ASSERT_PTR_EQ(test, found, &res);
	KUNIT_EXPECT_PTR_EQ(test, found->data, &value);
	kunit_remove_resource(test, &res);  /* the list's reference */
	KUNIT_EXPECT_EQ(test, nr_freed, 0); /* ours still holds it */
	KUNIT_EXPECT_NULL(test, kunit_find_named_resource(test, "value"));
	kunit_put_resource(found);
	KUNIT_EXPECT_EQ(test, nr_freed, 1);
}

static void action_removed_never_runs_released_runs_once(struct kunit *test)
{
	nr_released = 0;
	KUNIT_ASSERT_EQ(test, kunit_add_action(test, record_release, (void *)5),
			0);
	KUNIT_ASSERT_EQ(test, kunit_add_action(test, record_release, (void *)6),
			0);
	kunit_remove_action(test, record_release, (void *)5);
	kunit_release_action(test, record_release, (void *)6);
	KUNIT_EXPECT_EQ(test, nr_released, 1);
	KUNIT_EXPECT_EQ(test, release_order[0], 6);
	kunit_release_action(test, record_release, (void *)6); /* gone: nothing */
	KUNIT_EXPECT_EQ(test, nr_released, 1);
}

static unsigned long kmalloc_2k_frees(void)
{
	struct kmem_cache *s = kmem_cache_find("kmalloc-2k");

	return slub_stat_total(s, FREE_FASTPATH) +
	       slub_stat_total(s, FREE_SLOWPATH);
}

static void kunit_kmalloc_memory_allocated(struct kunit *test)
{
	u8 *z = kunit_kzalloc(test, 1500, GFP_KERNEL);
	u8 *c = kunit_kcalloc(test, 3, 500, GFP_KERNEL);
	u8 *p = kunit_kmalloc(test, 1500, GFP_KERNEL);

	KUNIT_ASSERT_NOT_NULL(test, kmem_cache_find("kmalloc-2k"));
	KUNIT_ASSERT_NOT_ERR_OR_NULL(test, z);
	KUNIT_ASSERT_NOT_ERR_OR_NULL(test, c);
	KUNIT_ASSERT_NOT_ERR_OR_NULL(test, p);
	for (int i = 0; i < 1500; i++)
		KUNIT_ASSERT_EQ_MSG(test, z[i] | c[i], 0, "byte %d", i);
	KUNIT_EXPECT_NULL(test, kunit_kmalloc_array(test, SIZE_MAX / 2 + 1, 4,
						    GFP_KERNEL));
	kmalloc_frees_before = kmalloc_2k_frees();
	kunit_kfree(test, p); /* now, and not again */
	KUNIT_EXPECT_EQ(test, kmalloc_2k_frees() - kmalloc_frees_before, 1ul);
	kmalloc_frees_before = kmalloc_2k_frees();
}

/* The two left (z and c) were kfree()d when that case ended. */
static void kunit_kmalloc_memory_freed_at_case_end(struct kunit *test)
{
	KUNIT_EXPECT_GE(test, kmalloc_2k_frees() - kmalloc_frees_before, 2ul);
}

static void current_test_is_the_case_only_inside_it(struct kunit *test)
{
	KUNIT_EXPECT_PTR_EQ(test, kunit_get_current_test(), test);
	KUNIT_EXPECT_NULL(test, current_test_in_suite_init);
}

static struct kunit_case kunit_resource_cases[] = {
	KUNIT_CASE(actions_registered),
	KUNIT_CASE(actions_ran_after_exit_newest_first),
	KUNIT_CASE(named_resource_freed_by_the_last_reference),
	KUNIT_CASE(action_removed_never_runs_released_runs_once),
	KUNIT_CASE(kunit_kmalloc_memory_allocated),
	KUNIT_CASE(kunit_kmalloc_memory_freed_at_case_end),
	KUNIT_CASE(current_test_is_the_case_only_inside_it),
	{}
};

static struct kunit_suite kunit_resource_suite = {
	.name = "kunit_resource",
	.suite_init = resource_suite_init,
	.exit = resource_exit,
	.test_cases = kunit_resource_cases,
};
kunit_test_suite(kunit_resource_suite);
