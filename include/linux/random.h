/* SPDX-License-Identifier: MIT */
/*
 * include/linux/random.h — unseeded random numbers for tests and sampling.
 *
 * Implemented by: kernel/random.c.  Mirrors: <linux/random.h>,
 * get_random_u32(), get_random_u64(), get_random_bytes() and
 * get_random_u32_below().
 * Differences from Linux: Nodal has no entropy source, so these are NOT
 * cryptographic: the numbers are splitmix64's sequence from a start taken
 * from the clock at the first call (a different sequence each boot, but a
 * predictable one).  For a repeatable sequence, seed a struct rnd_state
 * (<linux/prandom.h>).  Lock-free: callable in any context, on any CPU at
 * once; concurrent callers get different numbers.
 */
#ifndef NODAL_LINUX_RANDOM_H
#define NODAL_LINUX_RANDOM_H

#include <linux/types.h>

/** get_random_u64() - 64 random bits (see above: not cryptographic) */
u64 get_random_u64(void);

/** get_random_u32() - 32 random bits: the high half of get_random_u64() */
u32 get_random_u32(void);

/**
 * get_random_bytes() - fill @buf with @len random bytes
 * @buf: destination, any alignment
 * @len: number of bytes
 *
 * Each 8 bytes come from one get_random_u64() (not cryptographic).
 * Context: any.
 */
void get_random_bytes(void *buf, size_t len);

/**
 * get_random_u32_below() - random number in [0, @ceil)
 * @ceil: bound
 *
 * Exactly uniform (no modulo bias), by the same method as
 * prandom_u32_below().
 * Context: any.
 * Return: a number below @ceil; 0 if @ceil is 0 (Linux's callers must not
 * pass 0).
 */
u32 get_random_u32_below(u32 ceil);

#endif /* NODAL_LINUX_RANDOM_H */
