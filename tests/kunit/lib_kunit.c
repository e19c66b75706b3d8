/* SPDX-License-Identifier: MIT */
/*
 * tests/kunit/lib_kunit.c — KUnit suite for lib/: string, printf, sort,
 * random, as compiled into the kernel.
 *
 * "lib": the same functions are tested on the host under sanitizers
 * (tests/host/lib_test.c); this suite checks the kernel's build of them
 * (freestanding, -march=rv64imac, no libgcc surprises) on the behaviours
 * callers rely on: overlap in memmove(), truncation in strscpy() and
 * snprintf(), kstrto*() errors, glob_match(), sort() order and prandom
 * determinism.
 */
#include <kunit/test.h>
#include <limits.h>
#include <linux/errno.h>
#include <linux/prandom.h>
#include <linux/sort.h>
#include <linux/sprintf.h>
#include <linux/string.h>

/* ---- memory ---- */

static void memcpy_copies_exactly_n_bytes(struct kunit *test)
{
	char dst[8] = "zzzzzzz";

	KUNIT_EXPECT_PTR_EQ(test, memcpy(dst, "abc", 3), (void *)dst);
	KUNIT_EXPECT_EQ(test, memcmp(dst, "abczzzz", 8), 0);
	memcpy(dst, "q", 0);
	KUNIT_EXPECT_EQ(test, dst[0], 'a');
}

static void memmove_handles_overlap_both_ways(struct kunit *test)
{
	char buf[16];

	strscpy(buf, "0123456789", sizeof(buf));
	memmove(buf + 2, buf, 8);		/* forward overlap: copy from the end */
	KUNIT_EXPECT_EQ(test, memcmp(buf, "0101234567", 10), 0);

	strscpy(buf, "0123456789", sizeof(buf));
	memmove(buf, buf + 2, 8);		/* backward overlap */
	KUNIT_EXPECT_EQ(test, memcmp(buf, "2345678989", 10), 0);

	/* Longer than a word, misaligned: the word loop and the tail. */
	for (int i = 0; i < 16; i++)
		buf[i] = (char)i;
	memmove(buf + 1, buf, 15);
	for (int i = 1; i < 16; i++)
		KUNIT_EXPECT_EQ_MSG(test, buf[i], (char)(i - 1), "byte %d", i);
}

static void memset_fills_and_stops(struct kunit *test)
{
	unsigned char buf[24];

	memset(buf, 0xee, sizeof(buf));
	KUNIT_EXPECT_PTR_EQ(test, memset(buf + 3, 0x1ab, 17), (void *)(buf + 3));
	KUNIT_EXPECT_EQ(test, buf[2], 0xee);
	for (int i = 3; i < 20; i++)
		KUNIT_EXPECT_EQ_MSG(test, buf[i], 0xab, "byte %d", i);
	KUNIT_EXPECT_EQ(test, buf[20], 0xee);
}

static void memcmp_compares_unsigned_bytes(struct kunit *test)
{
	KUNIT_EXPECT_LT(test, memcmp("\x01", "\xff", 1), 0);
	KUNIT_EXPECT_GT(test, memcmp("ab\x80", "ab\x7f", 3), 0);
	KUNIT_EXPECT_EQ(test, memcmp("abc", "abd", 2), 0);
}

static void memchr_finds_first_within_n(struct kunit *test)
{
	const char *s = "abcabc";

	KUNIT_EXPECT_PTR_EQ(test, memchr(s, 'c', 6), (const void *)(s + 2));
	KUNIT_EXPECT_NULL(test, memchr(s, 'c', 2));
	KUNIT_EXPECT_PTR_EQ(test, memchr(s, 0, 7), (const void *)(s + 6));
}

/* ---- strings ---- */

static void strscpy_truncates_and_terminates(struct kunit *test)
{
	char dst[6];

	KUNIT_EXPECT_EQ(test, strscpy(dst, "abc", sizeof(dst)), 3);
	KUNIT_EXPECT_STREQ(test, dst, "abc");
	KUNIT_EXPECT_EQ(test, strscpy(dst, "abcde", sizeof(dst)), 5);
	KUNIT_EXPECT_EQ(test, strscpy(dst, "abcdefgh", sizeof(dst)), -E2BIG);
	KUNIT_EXPECT_STREQ(test, dst, "abcde");
	dst[0] = 'x';
	KUNIT_EXPECT_EQ(test, strscpy(dst, "abc", 0), -E2BIG);
	KUNIT_EXPECT_EQ(test, dst[0], 'x');
}

static void string_searches_find_first_and_last(struct kunit *test)
{
	const char *s = "spinlock.trylock";

	KUNIT_EXPECT_PTR_EQ(test, strchr(s, 'l'), s + 4);
	KUNIT_EXPECT_PTR_EQ(test, strrchr(s, 'l'), s + 12);
	KUNIT_EXPECT_PTR_EQ(test, strchr(s, 0), s + 16);
	KUNIT_EXPECT_NULL(test, strchr(s, 'z'));
	KUNIT_EXPECT_PTR_EQ(test, strstr(s, "lock"), s + 4);
	KUNIT_EXPECT_NULL(test, strstr(s, "locks"));
	KUNIT_EXPECT_EQ(test, strnlen(s, 4), 4);
	KUNIT_EXPECT_EQ(test, strlen(s), 16);
	KUNIT_EXPECT_LT(test, strcmp("abc", "abd"), 0);
	KUNIT_EXPECT_EQ(test, strncmp("abc", "abd", 2), 0);
}

static void kstrtoul_rejects_malformed_and_overflow(struct kunit *test)
{
	unsigned long v = 7;
	unsigned int u = 7;
	int i = 7;

	KUNIT_EXPECT_EQ(test, kstrtoul("123", 10, &v), 0);
	KUNIT_EXPECT_EQ(test, v, 123);
	KUNIT_EXPECT_EQ(test, kstrtoul("0x1f", 0, &v), 0);
	KUNIT_EXPECT_EQ(test, v, 31);
	KUNIT_EXPECT_EQ(test, kstrtoul("017", 0, &v), 0);
	KUNIT_EXPECT_EQ(test, v, 15);
	KUNIT_EXPECT_EQ(test, kstrtoul("42\n", 10, &v), 0);
	KUNIT_EXPECT_EQ(test, v, 42);

	KUNIT_EXPECT_EQ(test, kstrtoul("", 10, &v), -EINVAL);
	KUNIT_EXPECT_EQ(test, kstrtoul("12a", 10, &v), -EINVAL);
	KUNIT_EXPECT_EQ(test, kstrtoul(" 1", 10, &v), -EINVAL);
	KUNIT_EXPECT_EQ(test, kstrtoul("-1", 10, &v), -EINVAL);
	KUNIT_EXPECT_EQ(test, kstrtoul("1", 1, &v), -EINVAL);
	KUNIT_EXPECT_EQ(test, kstrtoul("18446744073709551616", 10, &v), -ERANGE);
	KUNIT_EXPECT_EQ(test, v, 42);	/* untouched by the failures */

	KUNIT_EXPECT_EQ(test, kstrtoul("18446744073709551615", 10, &v), 0);
	KUNIT_EXPECT_EQ(test, v, ULONG_MAX);
	KUNIT_EXPECT_EQ(test, kstrtouint("4294967296", 10, &u), -ERANGE);
	KUNIT_EXPECT_EQ(test, u, 7U);
	KUNIT_EXPECT_EQ(test, kstrtoint("-2147483648", 10, &i), 0);
	KUNIT_EXPECT_EQ(test, i, INT_MIN);
	KUNIT_EXPECT_EQ(test, kstrtoint("2147483648", 10, &i), -ERANGE);
}

static void memparse_applies_binary_units(struct kunit *test)
{
	char *end;

	KUNIT_EXPECT_EQ(test, memparse("64M", &end), 64ULL << 20);
	KUNIT_EXPECT_EQ(test, *end, '\0');
	KUNIT_EXPECT_EQ(test, memparse("0x1000", NULL), 0x1000ULL);
	KUNIT_EXPECT_EQ(test, memparse("2g,rest", &end), 2ULL << 30);
	KUNIT_EXPECT_STREQ(test, end, ",rest");
}

/* ---- formatting ---- */

#define EXPECT_FORMAT(test, expected, fmt, ...) do {			\
	char __buf[64];							\
	int __len = snprintf(__buf, sizeof(__buf), fmt, ##__VA_ARGS__);	\
	KUNIT_EXPECT_STREQ_MSG(test, __buf, expected, "format %s", fmt); \
	KUNIT_EXPECT_EQ_MSG(test, __len, (int)strlen(expected), "format %s", fmt); \
} while (0)

static void snprintf_formats_like_c(struct kunit *test)
{
	EXPECT_FORMAT(test, "-42", "%d", -42);
	EXPECT_FORMAT(test, "4294967295", "%u", 4294967295U);
	EXPECT_FORMAT(test, "deadbeef12", "%lx", 0xdeadbeef12UL);
	EXPECT_FORMAT(test, "-9223372036854775808", "%lld", LLONG_MIN);
	EXPECT_FORMAT(test, "18446744073709551615", "%llu", ULLONG_MAX);
	EXPECT_FORMAT(test, "[ab      ]", "[%-8s]", "ab");
	EXPECT_FORMAT(test, "[      ab]", "[%8s]", "ab");
	EXPECT_FORMAT(test, "0000beef", "%08x", 0xbeef);
	EXPECT_FORMAT(test, "   -7", "%5d", -7);
	EXPECT_FORMAT(test, "-0007", "%05d", -7);
	EXPECT_FORMAT(test, "0x1f", "%#x", 0x1f);
	EXPECT_FORMAT(test, "abc", "%.3s", "abcdef");
	EXPECT_FORMAT(test, "  abc", "%*.*s", 5, 3, "abcdef");
	EXPECT_FORMAT(test, "x%y", "x%%y");
	EXPECT_FORMAT(test, "c=A", "c=%c", 'A');
	EXPECT_FORMAT(test, "7 7", "%zu %td", (size_t)7, (ptrdiff_t)7);
	EXPECT_FORMAT(test, "0x00000000deadbeef", "%p", (void *)0xdeadbeefUL);
	EXPECT_FORMAT(test, "0x0000000000000000", "%p", NULL);
}

static void snprintf_truncation_returns_full_length(struct kunit *test)
{
	char buf[5] = "zzzz";

	KUNIT_EXPECT_EQ(test, snprintf(buf, sizeof(buf), "%s", "hello world"), 11);
	KUNIT_EXPECT_STREQ(test, buf, "hell");
	KUNIT_EXPECT_EQ(test, snprintf(NULL, 0, "%d-%d", 12, 345), 6);
	KUNIT_EXPECT_EQ(test, scnprintf(buf, sizeof(buf), "%s", "hello world"), 4);
	KUNIT_EXPECT_EQ(test, scnprintf(buf, sizeof(buf), "ab"), 2);
	KUNIT_EXPECT_EQ(test, scnprintf(buf, 0, "ab"), 0);
	buf[0] = 'q';
	KUNIT_EXPECT_EQ(test, snprintf(buf, 0, "abc"), 3);
	KUNIT_EXPECT_EQ(test, buf[0], 'q');
}

/* ---- glob ---- */

static void glob_match_follows_shell_rules(struct kunit *test)
{
	KUNIT_EXPECT_TRUE(test, glob_match("*", ""));
	KUNIT_EXPECT_TRUE(test, glob_match("spin*", "spinlock"));
	KUNIT_EXPECT_TRUE(test, glob_match("trylock*", "trylock_fails_when_held_elsewhere"));
	KUNIT_EXPECT_FALSE(test, glob_match("spin", "spinlock"));
	KUNIT_EXPECT_TRUE(test, glob_match("sp?nlock", "spinlock"));
	KUNIT_EXPECT_FALSE(test, glob_match("sp?nlock", "splock"));
	KUNIT_EXPECT_TRUE(test, glob_match("*lock", "spinlock"));
	KUNIT_EXPECT_TRUE(test, glob_match("[a-c]x", "bx"));
	KUNIT_EXPECT_FALSE(test, glob_match("[a-c]x", "dx"));
	KUNIT_EXPECT_TRUE(test, glob_match("[!a-c]x", "dx"));
	KUNIT_EXPECT_TRUE(test, glob_match("a*b*c", "aXXbYYc"));
	KUNIT_EXPECT_FALSE(test, glob_match("a*b*c", "aXXbYY"));
	KUNIT_EXPECT_TRUE(test, glob_match("\\*", "*"));
	KUNIT_EXPECT_FALSE(test, glob_match("\\*", "x"));
}

/* ---- sort ---- */

static int cmp_int(const void *a, const void *b)
{
	int x = *(const int *)a, y = *(const int *)b;

	return (x > y) - (x < y);
}

static unsigned int nr_swaps;

static void swap_int(void *a, void *b, int size)
{
	int t = *(int *)a;

	(void)size;
	*(int *)a = *(int *)b;
	*(int *)b = t;
	nr_swaps++;
}

static void sort_orders_with_duplicates_and_negatives(struct kunit *test)
{
	int v[] = { 5, -3, 9, 0, 5, INT_MIN, 2, INT_MAX, -3, 1, 7 };
	const int sorted[] = { INT_MIN, -3, -3, 0, 1, 2, 5, 5, 7, 9, INT_MAX };
	int one = 4;

	sort(v, ARRAY_SIZE(v), sizeof(v[0]), cmp_int, NULL);
	for (size_t i = 0; i < ARRAY_SIZE(v); i++)
		KUNIT_EXPECT_EQ_MSG(test, v[i], sorted[i], "index %zu", i);
	sort(&one, 1, sizeof(one), cmp_int, NULL);
	KUNIT_EXPECT_EQ(test, one, 4);
	sort(NULL, 0, sizeof(int), cmp_int, NULL);	/* nothing to touch */
}

static void sort_uses_given_swap(struct kunit *test)
{
	int v[] = { 3, 1, 2 };

	nr_swaps = 0;
	sort(v, ARRAY_SIZE(v), sizeof(v[0]), cmp_int, swap_int);
	KUNIT_EXPECT_EQ(test, v[0], 1);
	KUNIT_EXPECT_EQ(test, v[1], 2);
	KUNIT_EXPECT_EQ(test, v[2], 3);
	KUNIT_EXPECT_GT(test, nr_swaps, 0U);
}

/* ---- random ---- */

static void prandom_same_seed_same_sequence(struct kunit *test)
{
	struct rnd_state a, b, c;

	prandom_seed_state(&a, 42);
	prandom_seed_state(&b, 42);
	prandom_seed_state(&c, 43);
	for (int i = 0; i < 100; i++)
		KUNIT_EXPECT_EQ_MSG(test, prandom_u64_state(&a), prandom_u64_state(&b),
				    "draw %d", i);
	prandom_seed_state(&a, 42);
	KUNIT_EXPECT_NE(test, prandom_u64_state(&a), prandom_u64_state(&c));
	prandom_seed_state(&a, 0);
	KUNIT_EXPECT_NE(test, prandom_u64_state(&a) | prandom_u64_state(&a), 0ULL);
}

static void prandom_u32_is_high_half_and_below_is_bounded(struct kunit *test)
{
	struct rnd_state a, b;

	prandom_seed_state(&a, 7);
	prandom_seed_state(&b, 7);
	KUNIT_EXPECT_EQ(test, prandom_u32_state(&a), (u32)(prandom_u64_state(&b) >> 32));
	for (int i = 0; i < 1000; i++)
		KUNIT_EXPECT_LT(test, prandom_u32_below(&a, 10), 10U);
	KUNIT_EXPECT_EQ(test, prandom_u32_below(&a, 0), 0U);
	KUNIT_EXPECT_EQ(test, prandom_u32_below(&a, 1), 0U);
}

static struct kunit_case lib_cases[] = {
	KUNIT_CASE(memcpy_copies_exactly_n_bytes),
	KUNIT_CASE(memmove_handles_overlap_both_ways),
	KUNIT_CASE(memset_fills_and_stops),
	KUNIT_CASE(memcmp_compares_unsigned_bytes),
	KUNIT_CASE(memchr_finds_first_within_n),
	KUNIT_CASE(strscpy_truncates_and_terminates),
	KUNIT_CASE(string_searches_find_first_and_last),
	KUNIT_CASE(kstrtoul_rejects_malformed_and_overflow),
	KUNIT_CASE(memparse_applies_binary_units),
	KUNIT_CASE(snprintf_formats_like_c),
	KUNIT_CASE(snprintf_truncation_returns_full_length),
	KUNIT_CASE(glob_match_follows_shell_rules),
	KUNIT_CASE(sort_orders_with_duplicates_and_negatives),
	KUNIT_CASE(sort_uses_given_swap),
	KUNIT_CASE(prandom_same_seed_same_sequence),
	KUNIT_CASE(prandom_u32_is_high_half_and_below_is_bounded),
	{}
};

static struct kunit_suite lib_suite = {
	.name = "lib",
	.test_cases = lib_cases,
};

kunit_test_suite(lib_suite);
