/* SPDX-License-Identifier: MIT */
/*
 * tests/kunit/random_kunit.c — KUnit suite for kernel/random.c's
 * get_random_*().
 *
 * "random": the numbers are unseeded, so the checks are the properties
 * that hold for every sequence: get_random_u32_below() stays below its
 * bound, reaches every value of a small range, and spreads evenly enough
 * (bounds 7 standard deviations wide, so a correct generator fails them
 * with probability below 1e-11); consecutive get_random_u64() values
 * differ (the counter never repeats and the mix is a bijection);
 * get_random_bytes() writes every byte it is asked for and no other.
 */
#include <kunit/test.h>
#include <linux/random.h>
#include <linux/string.h>

static void below_stays_below_its_bound(struct kunit *test)
{
	static const u32 ceils[] = { 1, 2, 3, 7, 1000, 0x80000001U, 0xffffffffU };

	for (unsigned int c = 0; c < ARRAY_SIZE(ceils); c++)
		for (int i = 0; i < 2000; i++)
			KUNIT_ASSERT_LT_MSG(test, get_random_u32_below(ceils[c]),
					    ceils[c], "ceil %u", ceils[c]);
	KUNIT_EXPECT_EQ(test, get_random_u32_below(1), 0U);
	KUNIT_EXPECT_EQ(test, get_random_u32_below(0), 0U);
}

static void below_reaches_every_value_evenly(struct kunit *test)
{
	unsigned int seen[7] = { 0 }, quarter[4] = { 0 };

	/* P(a value never drawn in 700) = 7 * (6/7)^700, about 1e-46. */
	for (int i = 0; i < 700; i++)
		seen[get_random_u32_below(7)]++;
	for (int v = 0; v < 7; v++)
		KUNIT_EXPECT_GT_MSG(test, seen[v], 0U, "value %d never drawn", v);

	/* 4000 draws of 4 values: mean 1000, standard deviation 27.4. */
	for (int i = 0; i < 4000; i++)
		quarter[get_random_u32_below(4)]++;
	for (int v = 0; v < 4; v++) {
		KUNIT_EXPECT_GT_MSG(test, quarter[v], 808U, "value %d", v);
		KUNIT_EXPECT_LT_MSG(test, quarter[v], 1192U, "value %d", v);
	}
}

static void u64_values_do_not_repeat(struct kunit *test)
{
	u64 v[64];

	for (int i = 0; i < 64; i++)
		v[i] = get_random_u64();
	for (int i = 0; i < 64; i++)
		for (int j = 0; j < i; j++)
			KUNIT_ASSERT_NE_MSG(test, v[i], v[j], "draws %d and %d",
					    j, i);
	/* The high half: about half of 64 words' top bits are set. */
	{
		int ones = 0;

		for (int i = 0; i < 64; i++)
			ones += get_random_u32() >> 31;
		KUNIT_EXPECT_GT(test, ones, 4);
		KUNIT_EXPECT_LT(test, ones, 60);
	}
}

/*
 * get_random_bytes() writes exactly @len bytes, every one of them: over 16
 * calls, each byte position of the range comes out non-zero at least once
 * (P(16 zero draws) = 2^-128), and the guard bytes around never change.
 */
static void bytes_fill_exactly_len(struct kunit *test)
{
	u8 buf[32], seen[32];

	for (size_t off = 0; off < 8; off++) {
		for (size_t len = 0; len + off + 8 <= sizeof(buf); len += 3) {
			memset(seen, 0, sizeof(seen));
			for (int round = 0; round < 16; round++) {
				memset(buf, 0, sizeof(buf));
				get_random_bytes(buf + off, len);
				for (size_t k = 0; k < sizeof(buf); k++)
					seen[k] |= buf[k];
			}
			for (size_t k = 0; k < sizeof(buf); k++)
				KUNIT_EXPECT_EQ_MSG(test, seen[k] != 0,
						    k >= off && k < off + len,
						    "off %zu len %zu byte %zu",
						    off, len, k);
		}
	}
}

static struct kunit_case random_cases[] = {
	KUNIT_CASE(below_stays_below_its_bound),
	KUNIT_CASE(below_reaches_every_value_evenly),
	KUNIT_CASE(u64_values_do_not_repeat),
	KUNIT_CASE(bytes_fill_exactly_len),
	{}
};

static struct kunit_suite random_suite = {
	.name = "random",
	.test_cases = random_cases,
};

kunit_test_suite(random_suite);
