/* SPDX-License-Identifier: MIT */
/*
 * include/linux/hash.h — multiplicative hashing of integers and pointers.
 *
 * Implemented by: this header (inline).  Mirrors: <linux/hash.h> of Linux
 * 6.12, the generic (non-arch) functions.  Type-only: usable everywhere.
 *
 * Knuth's multiplicative hashing: multiply by a constant near 2^w / phi
 * (phi the golden ratio) and keep the top @bits bits of the w-bit product,
 * which depend on every bit of the key.  The constants are Linux's, so a
 * key lands in the same bucket as on Linux: GOLDEN_RATIO_32 is
 * 2^32 * (1 - 1/phi) rounded, GOLDEN_RATIO_64 the 64-bit one (see
 * docs/linux-facts.md §13).  @bits must be 1..32 (hash_32) or 1..64 (hash_64,
 * whose result still fits 32 bits only for @bits <= 32, as in Linux).
 */
#ifndef NODAL_HASH_H
#define NODAL_HASH_H

#include <linux/bitops.h>
#include <linux/compiler.h>
#include <linux/types.h>

#define GOLDEN_RATIO_32 0x61C88647
#define GOLDEN_RATIO_64 0x61C8864680B583EBull

#if BITS_PER_LONG == 32
#define GOLDEN_RATIO_PRIME   GOLDEN_RATIO_32
#define hash_long(val, bits) hash_32(val, bits)
#else
#define GOLDEN_RATIO_PRIME   GOLDEN_RATIO_64
#define hash_long(val, bits) hash_64(val, bits)
#endif

/** __hash_32() - the full 32-bit product, before the top bits are taken */
static inline u32 __hash_32(u32 val)
{
	return val * GOLDEN_RATIO_32;
}

/** hash_32() - top @bits bits of @val * GOLDEN_RATIO_32 (mod 2^32) */
static inline u32 hash_32(u32 val, unsigned int bits)
{
	return __hash_32(val) >> (32 - bits);
}

/** hash_64() - top @bits bits of @val * GOLDEN_RATIO_64 (mod 2^64) */
static __always_inline u32 hash_64(u64 val, unsigned int bits)
{
	return val * GOLDEN_RATIO_64 >> (64 - bits);
}

/** hash_ptr() - hash_long() of @ptr's address */
static inline u32 hash_ptr(const void *ptr, unsigned int bits)
{
	return hash_long((unsigned long)ptr, bits);
}

/** hash32_ptr() - @ptr's address folded to 32 bits (high half XOR low) */
static inline u32 hash32_ptr(const void *ptr)
{
	unsigned long val = (unsigned long)ptr;

#if BITS_PER_LONG == 64
	val ^= (val >> 32);
#endif
	return (u32)val;
}

#endif /* NODAL_HASH_H */
