/* SPDX-License-Identifier: MIT */
/*
 * lib/random.c — seeded pseudo-random numbers: xoroshiro128++.
 *
 * xoroshiro128++ (Blackman and Vigna, "Scrambled linear pseudorandom number
 * generators", 2021) keeps 128 bits of state, has period 2^128 - 1 and passes
 * the usual statistical batteries in all its output bits, with only adds,
 * shifts and rotates.  The state must not be all zero; seeding fills it with
 * two outputs of splitmix64, which maps its counter one-to-one to outputs
 * and so never returns zero twice in a row.  The API is in include/linux/prandom.h.
 */
#include <linux/prandom.h>

static inline u64 rotl64(u64 x, unsigned int k)
{
	return (x << k) | (x >> (64 - k));
}

/* Steele, Lea and Flood's splitmix64: advance *@x and mix it. */
static u64 splitmix64(u64 *x)
{
	u64 z = (*x += 0x9e3779b97f4a7c15ULL);

	z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
	z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
	return z ^ (z >> 31);
}

void prandom_seed_state(struct rnd_state *st, u64 seed)
{
	st->s[0] = splitmix64(&seed);
	st->s[1] = splitmix64(&seed);
}

u64 prandom_u64_state(struct rnd_state *st)
{
	u64 s0 = st->s[0], s1 = st->s[1];
	u64 result = rotl64(s0 + s1, 17) + s0;

	s1 ^= s0;
	st->s[0] = rotl64(s0, 49) ^ s1 ^ (s1 << 21);
	st->s[1] = rotl64(s1, 28);
	return result;
}

u32 prandom_u32_state(struct rnd_state *st)
{
	return prandom_u64_state(st) >> 32;
}

u32 prandom_u32_below(struct rnd_state *st, u32 ceil)
{
	/*
	 * Lemire's method: for a 32-bit x, the high half of x * ceil is in
	 * [0, ceil), each result coming from 2^32 / ceil values of x, rounded
	 * down or up.  Rejecting the x whose low half is below 2^32 mod ceil
	 * removes exactly the surplus, one x from each result that had one.
	 * That bound costs a division, needed only when the low half is below
	 * ceil: rarely, for a small ceil.
	 */
	u64 m;

	if (!ceil)
		return 0;
	m = (u64)prandom_u32_state(st) * ceil;
	if ((u32)m < ceil) {
		u32 surplus = -ceil % ceil;	/* 2^32 mod ceil */

		while ((u32)m < surplus)
			m = (u64)prandom_u32_state(st) * ceil;
	}
	return m >> 32;
}
