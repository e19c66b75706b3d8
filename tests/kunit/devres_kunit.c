// SPDX-License-Identifier: MIT
/*
 * tests/kunit/devres_kunit.c — KUnit suite for managed device resources
 * (mm/slub/devres.c) and KUnit's devices (tests/kunit/device.c).
 *
 * "devres_nodal": Linux's overflow_kunit uses devm_kmalloc() on a kunit
 * device but only checks that allocations succeed or saturate.  Here: the
 * release order (newest first, as a list model says), that each managed
 * block is freed exactly once (counted by SLUB's own free counters of the
 * block's kmalloc cache, not by devres), that a foreign pointer given to
 * devm_kfree() is refused and left alone, and that a device the case
 * never unregisters is released when the case ends.
 */
#include <kunit/device.h>
#include <linux/overflow.h>
#include <linux/slab.h>
#include <linux/string.h>

#define BLOCK 3000 /* with devres' header, a kmalloc-4k object */

static int order_log[8], order_n;

static void record(void *data)
{
	if (order_n < (int)ARRAY_SIZE(order_log))
		order_log[order_n++] = (int)(long)data;
}

static void actions_run_newest_first(struct kunit *test)
{
	struct device *dev = kunit_device_register(test, "devres-order");
	const int want[] = { 5, 3, 1 };

	KUNIT_ASSERT_FALSE(test, IS_ERR(dev));
	KUNIT_EXPECT_STREQ(test, dev_name(dev), "devres-order");
	order_n = 0;
	for (long i = 1; i <= 5; i++) {
		KUNIT_ASSERT_EQ(test, devm_add_action(dev, record, (void *)i), 0);
		KUNIT_ASSERT_NOT_NULL(test, devm_kzalloc(dev, 16, GFP_KERNEL));
	}
	devm_remove_action(dev, record, (void *)2L);  /* cancelled, not run */
	devm_release_action(dev, record, (void *)4L); /* run now */
	KUNIT_ASSERT_EQ(test, order_n, 1);
	KUNIT_EXPECT_EQ(test, order_log[0], 4);
	order_n = 0;
	kunit_device_unregister(test, dev);
	KUNIT_ASSERT_EQ(test, order_n, 3);
	KUNIT_EXPECT_EQ(test, memcmp(order_log, want, sizeof(want)), 0);
}

static unsigned long frees(struct kmem_cache *s)
{
	return slub_stat_total(s, FREE_FASTPATH) +
	       slub_stat_total(s, FREE_SLOWPATH);
}

static void memory_is_zeroed_and_freed_once(struct kunit *test)
{
	struct kmem_cache *s = kmem_cache_find("kmalloc-4k");
	struct device *dev = kunit_device_register(test, "devres-mem");
	unsigned char *p[4];
	unsigned long before;

	KUNIT_ASSERT_NOT_NULL(test, s);
	KUNIT_ASSERT_FALSE(test, IS_ERR(dev));
	before = frees(s);
	for (int i = 0; i < 4; i++) {
		p[i] = devm_kzalloc(dev, BLOCK, GFP_KERNEL);
		KUNIT_ASSERT_NOT_NULL(test, p[i]);
		KUNIT_EXPECT_EQ(test, (unsigned long)p[i] % 8, 0);
		for (int b = 0; b < BLOCK; b++)
			KUNIT_ASSERT_EQ(test, p[i][b], 0);
		memset(p[i], 0xa0 + i, BLOCK);
	}
	for (int i = 0; i < 4; i++) /* no block overlaps another */
		for (int b = 0; b < BLOCK; b++)
			KUNIT_ASSERT_EQ(test, p[i][b], 0xa0 + i);
	devm_kfree(dev, p[1]);
	KUNIT_EXPECT_EQ(test, frees(s) - before, 1);
	kunit_device_unregister(test, dev);
	KUNIT_EXPECT_EQ(test, frees(s) - before, 4);
}

static void bad_requests_are_refused(struct kunit *test)
{
	struct kmem_cache *s = kmem_cache_find("kmalloc-4k");
	struct device *dev = kunit_device_register(test, "devres-bad");
	volatile size_t huge = SIZE_MAX / 2;
	void *foreign = kmalloc(BLOCK, GFP_KERNEL);
	void *mine = devm_kmalloc(dev, BLOCK, GFP_KERNEL);
	unsigned long before;

	KUNIT_ASSERT_NOT_NULL(test, s);
	KUNIT_ASSERT_NOT_NULL(test, foreign);
	KUNIT_ASSERT_NOT_NULL(test, mine);
	KUNIT_EXPECT_NULL(test,
			  devm_kmalloc(dev, SIZE_MAX, GFP_KERNEL | __GFP_NOWARN));
	KUNIT_EXPECT_NULL(test, devm_kmalloc(dev, SIZE_MAX - 8,
					     GFP_KERNEL | __GFP_NOWARN));
	KUNIT_EXPECT_NULL(test, devm_kmalloc_array(dev, huge, 4, GFP_KERNEL));
	KUNIT_EXPECT_NULL(test, devm_kcalloc(dev, 3, huge, GFP_KERNEL));
	before = frees(s);
	devm_kfree(dev, foreign); /* a one-line message, nothing freed */
	devm_kfree(dev, NULL);
	KUNIT_EXPECT_EQ(test, frees(s) - before, 0); /* mine neither */
	kfree(foreign);
	devm_kfree(dev, mine);
	KUNIT_EXPECT_EQ(test, frees(s) - before, 2);
}

static bool released_at_case_end;

static void set_released(void *data)
{
	*(bool *)data = true;
}

static void device_left_registered(struct kunit *test)
{
	struct device *dev = kunit_device_register(test, "devres-left");

	KUNIT_ASSERT_FALSE(test, IS_ERR(dev));
	released_at_case_end = false;
	KUNIT_ASSERT_EQ(test,
			devm_add_action(dev, set_released, &released_at_case_end),
			0);
	KUNIT_EXPECT_FALSE(test, released_at_case_end);
}

/* Runs after device_left_registered (cases run in order). */
static void was_released_when_that_case_ended(struct kunit *test)
{
	KUNIT_EXPECT_TRUE(test, released_at_case_end);
}

static struct kunit_case devres_cases[] = {
	KUNIT_CASE(actions_run_newest_first),
	KUNIT_CASE(memory_is_zeroed_and_freed_once),
	KUNIT_CASE(bad_requests_are_refused),
	KUNIT_CASE(device_left_registered),
	KUNIT_CASE(was_released_when_that_case_ended),
	{}
};

static struct kunit_suite devres_suite = {
	.name = "devres_nodal",
	.test_cases = devres_cases,
};

kunit_test_suite(devres_suite);
