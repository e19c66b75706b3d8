/* SPDX-License-Identifier: MIT */
/*
 * tests/kunit/bits_kunit.c — KUnit suites for the type-only bit headers
 * where Linux's own suites (test_bits, bitfield_kunit, cpumask_kunit,
 * overflow_kunit, run by `make linux-kunit`) do not reach.
 *
 * "bits_nodal": FIELD_PREP/GET/FIT/MAX and FIELD_PREP_CONST (bitfield_kunit
 * only tests the typed *_encode_bits family), the byte order of the
 * le/be encoders, the limits' values and types.
 * "overflow_nodal": check_*_overflow() and check_shl_overflow() over every
 * u8 and s8 operand pair against the result computed in int, and the
 * saturating size helpers, here, because overflow_kunit also needs vmalloc
 * and cannot run until it exists.
 * "cpumask_nodal": the walks and set operations of <linux/cpumask.h> on
 * sparse masks, each compared with a bit-by-bit model written here
 * (cpumask_kunit only uses the empty and the possible mask, whose
 * walks cannot tell a wrap from a plain walk).
 */
#include <kunit/test.h>
#include <linux/bitfield.h>
#include <linux/bits.h>
#include <linux/cpu.h>
#include <linux/cpumask.h>
#include <linux/limits.h>
#include <linux/overflow.h>
#include <linux/prandom.h>
#include <linux/string.h>

/* ---- bitfield ---- */

/* The model: a field's lowest bit and width found by testing each bit. */
static unsigned int model_shift(u64 mask)
{
	unsigned int s = 0;

	while (!(mask & (1ULL << s)))
		s++;
	return s;
}

static u64 model_max(u64 mask)
{
	u64 max = 0;

	for (unsigned int b = model_shift(mask); b < 64 && (mask >> b) & 1; b++)
		max = max * 2 + 1;
	return max;
}

#define CHECK_FIELD(test, mask)                                                   \
	do {                                                                      \
		u64 __max = model_max(mask);                                      \
		unsigned int __s = model_shift(mask);                             \
		for (u64 v = 0; v <= __max && v < 300; v++) {                     \
			KUNIT_EXPECT_EQ(test, (u64)FIELD_PREP(mask, v),           \
					v << __s);                                \
			KUNIT_EXPECT_EQ(test,                                     \
					(u64)FIELD_GET(mask, ~0ULL ^ ((__max ^ v) \
								      << __s)),   \
					v);                                       \
		}                                                                 \
		KUNIT_EXPECT_EQ(test, (u64)FIELD_MAX(mask), __max);               \
		KUNIT_EXPECT_TRUE(test, FIELD_FIT(mask, __max));                  \
		if (__max < U64_MAX >> __s)                                       \
			KUNIT_EXPECT_FALSE(test, FIELD_FIT(mask, __max + 1));     \
	} while (0)

static void field_macros_match_a_bit_model(struct kunit *test)
{
	CHECK_FIELD(test, 0x1ULL);
	CHECK_FIELD(test, 0xf0ULL);
	CHECK_FIELD(test, 0x1f8000ULL);
	CHECK_FIELD(test, GENMASK_ULL(63, 60));
	CHECK_FIELD(test, GENMASK_ULL(63, 0));
	CHECK_FIELD(test, GENMASK_ULL(40, 33));
	/* the result has the mask's type */
	KUNIT_EXPECT_EQ(test, sizeof(FIELD_GET((u8)0x30, 0xffffffffU)), 1);
	KUNIT_EXPECT_EQ(test, FIELD_GET((u8)0x30, 0xffffffffU), 3);
}

static const u32 const_field = FIELD_PREP_CONST(GENMASK(11, 8), 0xa);

static void field_prep_const_is_a_constant(struct kunit *test)
{
	KUNIT_EXPECT_EQ(test, const_field, 0xa00);
}

static void le_be_encoders_store_in_byte_order(struct kunit *test)
{
	__le32 le = le32_encode_bits(0x12, GENMASK(15, 8));
	__be32 be = be32_encode_bits(0x12, GENMASK(15, 8));
	u8 le_bytes[4], be_bytes[4];
	/* 0x1200: byte 1 counting from the least significant end */
	const u8 want_le[4] = { 0, 0x12, 0, 0 }, want_be[4] = { 0, 0, 0x12, 0 };

	memcpy(le_bytes, &le, 4);
	memcpy(be_bytes, &be, 4);
	KUNIT_EXPECT_EQ(test, memcmp(le_bytes, want_le, 4), 0);
	KUNIT_EXPECT_EQ(test, memcmp(be_bytes, want_be, 4), 0);
	KUNIT_EXPECT_EQ(test, be32_get_bits(be, GENMASK(15, 8)), 0x12);
	KUNIT_EXPECT_EQ(test, u16_replace_bits(0xffff, 0, 0x0ff0), 0xf00f);
}

static void limits_have_their_values_and_types(struct kunit *test)
{
	KUNIT_EXPECT_EQ(test, U8_MAX, 255);
	KUNIT_EXPECT_EQ(test, S8_MIN, -128);
	KUNIT_EXPECT_EQ(test, S16_MAX, 32767);
	KUNIT_EXPECT_EQ(test, U32_MAX, 4294967295ULL);
	KUNIT_EXPECT_EQ(test, S32_MIN, -2147483647LL - 1);
	KUNIT_EXPECT_EQ(test, S64_MAX, 9223372036854775807LL);
	KUNIT_EXPECT_EQ(test, (u64)S64_MIN, 1ULL << 63);
	KUNIT_EXPECT_EQ(test, SIZE_MAX, 18446744073709551615ULL);
	KUNIT_EXPECT_TRUE(test,
			  __builtin_types_compatible_p(__typeof__(U16_MAX), u16));
	KUNIT_EXPECT_TRUE(test,
			  __builtin_types_compatible_p(__typeof__(S8_MIN), s8));
	KUNIT_EXPECT_TRUE(test,
			  __builtin_types_compatible_p(__typeof__(U64_MAX), u64));
	KUNIT_EXPECT_EQ(test, BIT_ULL(40), 1ULL << 40);
	KUNIT_EXPECT_EQ(test, GENMASK(BITS_PER_LONG - 1, 0), ~0UL);
}

static struct kunit_case bits_cases[] = {
	KUNIT_CASE(field_macros_match_a_bit_model),
	KUNIT_CASE(field_prep_const_is_a_constant),
	KUNIT_CASE(le_be_encoders_store_in_byte_order),
	KUNIT_CASE(limits_have_their_values_and_types),
	{}
};

static struct kunit_suite bits_suite = {
	.name = "bits_nodal",
	.test_cases = bits_cases,
};

kunit_test_suite(bits_suite);

/* ---- overflow ---- */

/* Each u8/s8 pair: the flag says whether the int result leaves the type,
 * and the stored value is the int result cut to 8 bits. */
#define CHECK_ALL_PAIRS(test, T, lo, hi)                                       \
	do {                                                                   \
		for (int a = lo; a <= hi; a++)                                 \
			for (int b = lo; b <= hi; b++) {                       \
				int r[3] = { a + b, a - b, a * b };            \
				bool of[3];                                    \
				T d[3];                                        \
				of[0] = check_add_overflow((T)a, (T)b, &d[0]); \
				of[1] = check_sub_overflow((T)a, (T)b, &d[1]); \
				of[2] = check_mul_overflow((T)a, (T)b, &d[2]); \
				for (int k = 0; k < 3; k++) {                  \
					KUNIT_ASSERT_EQ(test, of[k],           \
							r[k]<lo || r[k]> hi);  \
					KUNIT_ASSERT_EQ(test, (u8)d[k],        \
							(u8)r[k]);             \
				}                                              \
			}                                                      \
	} while (0)

static void check_overflow_matches_int_arithmetic(struct kunit *test)
{
	CHECK_ALL_PAIRS(test, u8, 0, 255);
	CHECK_ALL_PAIRS(test, s8, -128, 127);
}

static void check_shl_overflow_matches_a_model(struct kunit *test)
{
	for (int a = -128; a <= 255; a++)
		for (int s = -2; s <= 10; s++) {
			bool valid = s >= 0 && s < 8;
			long r = valid ? a * (1L << s) : a;
			u8 du;
			s8 ds;

			if (a >= 0) {
				bool of = check_shl_overflow((u8)a, s, &du);

				KUNIT_ASSERT_EQ(test, of, !valid || r > 255);
				if (!of)
					KUNIT_ASSERT_EQ(test, du, r);
			}
			if (a <= 127) {
				bool of = check_shl_overflow((s8)a, s, &ds);

				KUNIT_ASSERT_EQ(test, of,
						!valid || a < 0 || r > 127);
				if (!of)
					KUNIT_ASSERT_EQ(test, ds, r);
			}
		}
}

struct flex {
	u32 n;
	u64 data[];
};

static void size_helpers_saturate(struct kunit *test)
{
	volatile size_t big = SIZE_MAX / 8 + 1, three = 3;

	KUNIT_EXPECT_EQ(test, size_mul(big, 8), SIZE_MAX);
	KUNIT_EXPECT_EQ(test, size_mul(three, 7), 21);
	KUNIT_EXPECT_EQ(test, size_add(SIZE_MAX - 1, three), SIZE_MAX);
	KUNIT_EXPECT_EQ(test, size_sub(three, 4), SIZE_MAX);
	KUNIT_EXPECT_EQ(test, size_sub(SIZE_MAX, 4), SIZE_MAX);
	KUNIT_EXPECT_EQ(test, size_sub(10, three), 7);
	KUNIT_EXPECT_EQ(test, struct_size_t(struct flex, data, three), 8 + 3 * 8);
	KUNIT_EXPECT_EQ(test, struct_size_t(struct flex, data, big), SIZE_MAX);
	KUNIT_EXPECT_EQ(test, array3_size(big, 2, 4), SIZE_MAX);
	KUNIT_EXPECT_EQ(test, type_max(s16), 32767);
	KUNIT_EXPECT_EQ(test, type_min(s16), -32768);
	KUNIT_EXPECT_EQ(test, type_max(u64), U64_MAX);
	KUNIT_EXPECT_TRUE(test, overflows_type(256, u8));
	KUNIT_EXPECT_FALSE(test, overflows_type(255, u8));
	KUNIT_EXPECT_TRUE(test, overflows_type(big * 8 - 1, u32));
}

static struct kunit_case overflow_cases[] = {
	KUNIT_CASE(check_overflow_matches_int_arithmetic),
	KUNIT_CASE(check_shl_overflow_matches_a_model),
	KUNIT_CASE(size_helpers_saturate),
	{}
};

static struct kunit_suite overflow_suite = {
	.name = "overflow_nodal",
	.test_cases = overflow_cases,
};

kunit_test_suite(overflow_suite);

/* ---- cpumask ---- */

/* A sparse mask: each id below @n kept with probability 1/@sparse. */
static void random_mask(struct cpumask *m, struct rnd_state *rnd,
			unsigned int n, unsigned int sparse)
{
	cpumask_clear(m);
	for (unsigned int i = 0; i < n; i++)
		if (prandom_u32_state(rnd) % sparse == 0)
			cpumask_set_cpu(i, m);
}

/* The model walks: every id tested in order, from @start round to below it. */
static unsigned int model_wrap(const struct cpumask *m, unsigned int start,
			       unsigned int *out)
{
	unsigned int n = 0;

	for (unsigned int k = 0; k < NR_CPUS; k++) {
		unsigned int i = (start + k) % NR_CPUS;

		if (start < NR_CPUS && cpumask_test_cpu(i, m))
			out[n++] = i;
		else if (start >= NR_CPUS && cpumask_test_cpu(k, m))
			out[n++] = k;
	}
	return n;
}

static void for_each_cpu_wrap_matches_a_model(struct kunit *test)
{
	static unsigned int want[NR_CPUS], got[NR_CPUS];
	struct rnd_state rnd;
	struct cpumask m;
	unsigned int cpu;

	prandom_seed_state(&rnd, 17);
	for (int round = 0; round < 40; round++) {
		random_mask(&m, &rnd, NR_CPUS, 1 + round % 9);
		if (round == 0)
			cpumask_clear(&m);
		for (unsigned int start = 0; start <= NR_CPUS + 1;
		     start += 1 + round % 5) {
			unsigned int n = model_wrap(&m, start, want), k = 0;

			for_each_cpu_wrap(cpu, &m, start) {
				KUNIT_ASSERT_LT(test, k, n);
				got[k++] = cpu;
			}
			KUNIT_ASSERT_EQ_MSG(test, k, n, "round %d start %u",
					    round, start);
			KUNIT_ASSERT_EQ_MSG(test,
					    memcmp(got, want, n * sizeof(*got)),
					    0, "round %d start %u", round, start);
		}
	}
}

static void and_andnot_walks_and_ops_match_a_model(struct kunit *test)
{
	struct cpumask a, b, r;
	struct rnd_state rnd;
	unsigned int cpu;

	prandom_seed_state(&rnd, 5);
	for (int round = 0; round < 40; round++) {
		unsigned int n_and = 0, n_andnot = 0, want_and = 0,
			     want_andnot = 0;
		unsigned int last = NR_CPUS, first_zero = NR_CPUS;

		random_mask(&a, &rnd, NR_CPUS, 1 + round % 4);
		random_mask(&b, &rnd, NR_CPUS, 1 + round % 3);
		for (unsigned int i = 0; i < NR_CPUS; i++) {
			bool x = cpumask_test_cpu(i, &a),
			     y = cpumask_test_cpu(i, &b);

			want_and += x && y;
			want_andnot += x && !y;
			if (x)
				last = i;
			if (!x && first_zero == NR_CPUS)
				first_zero = i;
		}
		for_each_cpu_and(cpu, &a, &b) {
			KUNIT_EXPECT_TRUE(test, cpumask_test_cpu(cpu, &a) &&
							cpumask_test_cpu(cpu, &b));
			n_and++;
		}
		for_each_cpu_andnot(cpu, &a, &b) {
			KUNIT_EXPECT_TRUE(test,
					  cpumask_test_cpu(cpu, &a) &&
						  !cpumask_test_cpu(cpu, &b));
			n_andnot++;
		}
		KUNIT_EXPECT_EQ(test, n_and, want_and);
		KUNIT_EXPECT_EQ(test, n_andnot, want_andnot);
		KUNIT_EXPECT_EQ(test, cpumask_and(&r, &a, &b), want_and != 0);
		KUNIT_EXPECT_EQ(test, cpumask_weight(&r), want_and);
		KUNIT_EXPECT_EQ(test, cpumask_andnot(&r, &a, &b),
				want_andnot != 0);
		KUNIT_EXPECT_EQ(test, cpumask_weight(&r), want_andnot);
		KUNIT_EXPECT_TRUE(test, cpumask_subset(&r, &a));
		KUNIT_EXPECT_EQ(test, cpumask_intersects(&r, &b), false);
		KUNIT_EXPECT_EQ(test, cpumask_last(&a), last);
		KUNIT_EXPECT_EQ(test, cpumask_first_zero(&a), first_zero);
	}
}

static void setall_full_and_any_but(struct kunit *test)
{
	struct cpumask m, one;

	KUNIT_ASSERT_GT(test, nr_cpu_ids, 0);
	KUNIT_ASSERT_LE(test, nr_cpu_ids, NR_CPUS);
	cpumask_setall(&m);
	KUNIT_EXPECT_TRUE(test, cpumask_full(&m));
	KUNIT_EXPECT_EQ(test, cpumask_weight(&m), nr_cpu_ids);
	KUNIT_EXPECT_TRUE(test, cpumask_equal(&m, cpu_possible_mask));
	KUNIT_EXPECT_EQ(test, cpumask_next_zero(-1, &m), nr_cpu_ids);
	cpumask_clear_cpu(nr_cpu_ids - 1, &m);
	KUNIT_EXPECT_FALSE(test, cpumask_full(&m));
	cpumask_clear(&one);
	cpumask_set_cpu(3, &one);
	KUNIT_EXPECT_EQ(test, cpumask_any_but(&one, 3), NR_CPUS);
	KUNIT_EXPECT_EQ(test, cpumask_any_but(&one, 0), 3);
	cpumask_set_cpu(70, &one);
	KUNIT_EXPECT_EQ(test, cpumask_any_but(&one, 3), 70);
	/* no hotplug: the calls change nothing */
	cpu_hotplug_disable();
	KUNIT_EXPECT_EQ(test, num_present_cpus(), num_possible_cpus());
	cpu_hotplug_enable();
}

static struct kunit_case cpumask_cases[] = {
	KUNIT_CASE(for_each_cpu_wrap_matches_a_model),
	KUNIT_CASE(and_andnot_walks_and_ops_match_a_model),
	KUNIT_CASE(setall_full_and_any_but),
	{}
};

static struct kunit_suite cpumask_suite = {
	.name = "cpumask_nodal",
	.test_cases = cpumask_cases,
};

kunit_test_suite(cpumask_suite);
