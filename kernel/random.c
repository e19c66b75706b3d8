/* SPDX-License-Identifier: MIT */
/*
 * kernel/random.c — get_random_*(): unseeded, lock-free random numbers.
 *
 * The API and what it does not promise are in include/linux/random.h.
 * splitmix64 is a counter advanced by a fixed odd step and a bijective mix
 * of the counter's value; here the counter is one atomic word, so every
 * call, on any CPU, takes its own step and gets its own number, with no
 * lock.  The counter starts at the clock of the first call (a race between
 * first calls leaves one clock value; either will do).
 */
#include <linux/random.h>
#include <linux/string.h>
#include <linux/timekeeping.h>

#define GOLDEN_GAMMA 0x9e3779b97f4a7c15ULL /* odd: visits every value */

static u64 random_counter;  /* [atomic] splitmix64's state */
static bool random_started; /* [atomic] random_counter is seeded */

/* splitmix64's mix: a bijection of 64-bit values with good avalanche. */
static u64 mix64(u64 z)
{
	z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
	z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
	return z ^ (z >> 31);
}

u64 get_random_u64(void)
{
	if (!__atomic_load_n(&random_started, __ATOMIC_ACQUIRE)) {
		u64 zero = 0;

		__atomic_compare_exchange_n(&random_counter, &zero,
					    ktime_get_ns(), false,
					    __ATOMIC_RELAXED, __ATOMIC_RELAXED);
		__atomic_store_n(&random_started, true, __ATOMIC_RELEASE);
	}
	return mix64(__atomic_add_fetch(&random_counter, GOLDEN_GAMMA,
					__ATOMIC_RELAXED));
}

u32 get_random_u32(void)
{
	return get_random_u64() >> 32;
}

void get_random_bytes(void *buf, size_t len)
{
	u8 *p = buf;
	u64 v;

	while (len) {
		size_t n = len < sizeof(v) ? len : sizeof(v);

		v = get_random_u64();
		memcpy(p, &v, n);
		p += n;
		len -= n;
	}
}

u32 get_random_u32_below(u32 ceil)
{
	/* Lemire's method, as lib/random.c's prandom_u32_below() explains. */
	u64 m;

	if (!ceil)
		return 0;
	m = (u64)get_random_u32() * ceil;
	if ((u32)m < ceil) {
		u32 surplus = -ceil % ceil; /* 2^32 mod ceil */

		while ((u32)m < surplus)
			m = (u64)get_random_u32() * ceil;
	}
	return m >> 32;
}
