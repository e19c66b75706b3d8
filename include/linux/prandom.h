/* SPDX-License-Identifier: MIT */
/*
 * include/linux/prandom.h — a small seeded pseudo-random generator for tests.
 *
 * Implemented by: lib/random.c.  Mirrors: <linux/prandom.h>, the rnd_state
 * part.  Differences from Linux: the generator is xoroshiro128++ seeded by
 * splitmix64, not LFSR113, so a seed gives other numbers than on Linux;
 * prandom_u64_state() and prandom_u32_below() are Nodal's (the latter is
 * the seeded form of Linux's get_random_u32_below()).  There is no
 * unseeded, entropy-backed get_random_*(): Nodal has no entropy source.
 *
 * A seed fixes the whole sequence, so a stress test that prints its seed
 * can be rerun exactly.  Not for anything that must be unpredictable.
 * Each rnd_state belongs to one user: the functions take no lock.
 */
#ifndef NODAL_RANDOM_H
#define NODAL_RANDOM_H

#include <linux/types.h>

struct rnd_state {
	u64 s[2];			/* generator state; never all zero */
};

/**
 * prandom_seed_state() - seed a generator
 * @st: state to initialise
 * @seed: any value, 0 included
 *
 * Context: any.
 */
void prandom_seed_state(struct rnd_state *st, u64 seed);

/**
 * prandom_u64_state() - next 64 pseudo-random bits
 * @st: seeded state, advanced by one step
 *
 * Context: any; the caller serialises uses of one @st.
 * Return: a number uniform over all 64-bit values.
 */
u64 prandom_u64_state(struct rnd_state *st);

/**
 * prandom_u32_state() - next 32 pseudo-random bits
 * @st: seeded state, advanced by one step
 *
 * Context: any; the caller serialises uses of one @st.
 * Return: the high half of what prandom_u64_state() would have returned.
 */
u32 prandom_u32_state(struct rnd_state *st);

/**
 * prandom_u32_below() - pseudo-random number in [0, @ceil)
 * @st: seeded state, advanced by one step or (rarely) a few
 * @ceil: bound
 *
 * Exactly uniform (no modulo bias).
 * Context: any; the caller serialises uses of one @st.
 * Return: a number below @ceil, or 0 if @ceil is 0.
 */
u32 prandom_u32_below(struct rnd_state *st, u32 ceil);

#endif /* NODAL_RANDOM_H */
