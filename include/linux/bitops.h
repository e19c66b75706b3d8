/* SPDX-License-Identifier: MIT */
/*
 * include/linux/bitops.h — bit scans, powers of two and non-atomic bitmaps.
 *
 * Implemented by: this header (static inline; the compiler's bit builtins
 * call lib/libgcc.c on cores without Zbb).  Mirrors: <linux/bitops.h>,
 * <linux/log2.h>, <linux/bitmap.h> and <linux/find.h>, a subset.
 * Differences from Linux:
 *  - only the non-atomic bit operations (__set_bit(), __clear_bit()): a
 *    bitmap shared between harts needs a lock around them;
 *  - ilog2() is a function for run-time values, not a constant expression;
 *  - roundup_pow_of_two(0) is 1 and rounddown_pow_of_two(0) is 0, where
 *    Linux leaves both undefined.
 *
 * A bitmap is an array of unsigned long; bit n is bit n % BITS_PER_LONG of
 * word n / BITS_PER_LONG.  Bits of the last word past the bitmap's size may
 * hold anything: the functions below ignore them.
 */
#ifndef NODAL_BITOPS_H
#define NODAL_BITOPS_H

#include <linux/bits.h>
#include <linux/types.h>

#define BITS_TO_LONGS(nr)	DIV_ROUND_UP(nr, BITS_PER_LONG)
#define DECLARE_BITMAP(name, bits) unsigned long name[BITS_TO_LONGS(bits)]

/** fls() - find last (most significant) set bit: fls(1) = 1, fls(0) = 0 */
static inline int fls(unsigned int x)
{
	return x ? 32 - __builtin_clz(x) : 0;
}

/** fls64() - fls() of a 64-bit value: fls64(1ULL << 63) = 64, fls64(0) = 0 */
static inline int fls64(u64 x)
{
	return x ? 64 - __builtin_clzll(x) : 0;
}

/** __fls() - index of the most significant set bit; undefined for 0 */
static inline unsigned long __fls(unsigned long x)
{
	return BITS_PER_LONG - 1 - __builtin_clzl(x);
}

/** __ffs() - index of the least significant set bit; undefined for 0 */
static inline unsigned long __ffs(unsigned long x)
{
	return __builtin_ctzl(x);
}

/** __ffs64() - index of the least significant set bit of a u64; undefined for 0 */
static inline unsigned long __ffs64(u64 word)
{
	return __builtin_ctzll(word);
}

/**
 * ffs() - find first (least significant) set bit: ffs(1) = 1, ffs(0) = 0
 *
 * Not __builtin_ffs(): without Zbb, GCC turns it into a call to ffs().
 */
static inline int ffs(int x)
{
	return x ? __builtin_ctz(x) + 1 : 0;
}

/** ilog2() - floor(log2(@n)); -1 for 0 */
static inline int ilog2(u64 n)
{
	return fls64(n) - 1;
}

/** is_power_of_2() - true if @n is a power of two (0 is not) */
static inline bool is_power_of_2(unsigned long n)
{
	return n && !(n & (n - 1));
}

/** roundup_pow_of_two() - smallest power of two >= @n; @n <= 2^63 */
static inline unsigned long roundup_pow_of_two(unsigned long n)
{
	return n <= 1 ? 1 : 1UL << fls64(n - 1);
}

/** rounddown_pow_of_two() - largest power of two <= @n; 0 for 0 */
static inline unsigned long rounddown_pow_of_two(unsigned long n)
{
	return n ? 1UL << __fls(n) : 0;
}

static inline unsigned int __hweight32(u32 w)
{
	return __builtin_popcount(w);
}

/**
 * hweight32() - number of set bits ("Hamming weight") of the low 32 bits
 *
 * A macro, as Linux's, so a wider argument is cut to its low 32 bits
 * without a warning (bitfield_kunit passes 64-bit masks).
 */
#define hweight32(w) __hweight32((u32)(w))

/** hweight64() - number of set bits ("Hamming weight") */
static inline unsigned int hweight64(u64 w)
{
	return __builtin_popcountll(w);
}

/** hweight_long() - number of set bits ("Hamming weight") */
static inline unsigned int hweight_long(unsigned long w)
{
	return __builtin_popcountl(w);
}

/** __set_bit() - set bit @nr of @addr; not atomic */
static inline void __set_bit(unsigned long nr, unsigned long *addr)
{
	addr[BIT_WORD(nr)] |= BIT_MASK(nr);
}

/** __clear_bit() - clear bit @nr of @addr; not atomic */
static inline void __clear_bit(unsigned long nr, unsigned long *addr)
{
	addr[BIT_WORD(nr)] &= ~BIT_MASK(nr);
}

/** test_bit() - whether bit @nr of @addr is set */
static inline bool test_bit(unsigned long nr, const unsigned long *addr)
{
	return addr[BIT_WORD(nr)] & BIT_MASK(nr);
}

/*
 * The first bit >= @offset set in (@a ^ @inv_a) & (@b ^ @inv_b), @b NULL
 * meaning all ones: one scan for find_next_bit(), _zero_bit(), _and_bit()
 * and _andnot_bit().  @inv_* is 0 or ~0UL.
 */
static inline unsigned long __find_next_bit2(
	const unsigned long *a, const unsigned long *b, unsigned long size,
	unsigned long offset, unsigned long inv_a, unsigned long inv_b)
{
	unsigned long idx = BIT_WORD(offset), word;

	if (offset >= size)
		return size;
	word = (a[idx] ^ inv_a) & (b ? b[idx] ^ inv_b : ~0UL);
	word &= ~0UL << (offset % BITS_PER_LONG);
	while (!word) {
		if (++idx * BITS_PER_LONG >= size)
			return size;
		word = (a[idx] ^ inv_a) & (b ? b[idx] ^ inv_b : ~0UL);
	}
	/* a hit in the last word may lie past @size */
	return min(idx * BITS_PER_LONG + __ffs(word), size);
}

/* Find the next bit >= @offset that differs from @invert's (0 or ~0UL). */
static inline unsigned long __find_next_bit(
	const unsigned long *addr, unsigned long size, unsigned long offset,
	unsigned long invert)
{
	return __find_next_bit2(addr, NULL, size, offset, invert, 0);
}

/**
 * find_next_bit() - first set bit at or after @offset
 * @addr: bitmap
 * @size: bitmap size in bits
 * @offset: first bit to look at
 *
 * Return: its index, or @size if there is none (or @offset >= @size).
 */
static inline unsigned long find_next_bit(const unsigned long *addr,
					  unsigned long size,
					  unsigned long offset)
{
	return __find_next_bit(addr, size, offset, 0);
}

/** find_next_zero_bit() - as find_next_bit(), for a clear bit */
static inline unsigned long find_next_zero_bit(const unsigned long *addr,
					       unsigned long size,
					       unsigned long offset)
{
	return __find_next_bit(addr, size, offset, ~0UL);
}

/** find_first_bit() - first set bit, or @size if none */
static inline unsigned long find_first_bit(const unsigned long *addr,
					   unsigned long size)
{
	return __find_next_bit(addr, size, 0, 0);
}

/** find_first_zero_bit() - first clear bit, or @size if none */
static inline unsigned long find_first_zero_bit(const unsigned long *addr,
						unsigned long size)
{
	return __find_next_bit(addr, size, 0, ~0UL);
}

/** find_next_and_bit() - first bit at or after @offset set in both; @size if none */
static inline unsigned long find_next_and_bit(
	const unsigned long *addr1, const unsigned long *addr2,
	unsigned long size, unsigned long offset)
{
	return __find_next_bit2(addr1, addr2, size, offset, 0, 0);
}

/** find_next_andnot_bit() - first bit at or after @offset set in @addr1, clear in @addr2 */
static inline unsigned long find_next_andnot_bit(
	const unsigned long *addr1, const unsigned long *addr2,
	unsigned long size, unsigned long offset)
{
	return __find_next_bit2(addr1, addr2, size, offset, 0, ~0UL);
}

/** find_last_bit() - last set bit among bits 0 .. @size - 1, or @size if none */
static inline unsigned long find_last_bit(const unsigned long *addr,
					  unsigned long size)
{
	unsigned long idx = BITS_TO_LONGS(size), word;

	if (!size)
		return size;
	word = addr[--idx];
	if (size % BITS_PER_LONG)
		word &= BIT(size % BITS_PER_LONG) - 1;
	while (!word) {
		if (!idx)
			return size;
		word = addr[--idx];
	}
	return idx * BITS_PER_LONG + __fls(word);
}

/**
 * find_next_bit_wrap() - first set bit at or after @offset, else the first
 * one below it (the search wraps once); @size if none is set
 */
static inline unsigned long find_next_bit_wrap(
	const unsigned long *addr, unsigned long size, unsigned long offset)
{
	unsigned long bit = find_next_bit(addr, size, offset);

	if (bit < size || !offset)
		return bit;
	bit = find_first_bit(addr, min(offset, size));
	return bit < offset ? bit : size;
}

/* The bit after @n in the wrapped walk that started at @start; @size at
 * its end (back below @start after wrapping). */
static inline unsigned long __for_each_wrap(const unsigned long *addr,
					    unsigned long size,
					    unsigned long start, unsigned long n)
{
	unsigned long bit;

	if (n > start) { /* still in the first lap, at or above @start */
		bit = find_next_bit(addr, size, n);
		if (bit < size)
			return bit;
		n = 0;
	}
	bit = find_next_bit(addr, min(start, size), n);
	return bit < start ? bit : size;
}

/* Each set bit once: from @start up, then from 0 to below @start. */
#define for_each_set_bit_wrap(bit, addr, size, start)             \
	for ((bit) = find_next_bit_wrap((addr), (size), (start)); \
	     (bit) < (size);                                      \
	     (bit) = __for_each_wrap((addr), (size), (start), (bit) + 1))

#define for_each_set_bit(bit, addr, size)				\
	for ((bit) = find_first_bit(addr, size); (bit) < (size);	\
	     (bit) = find_next_bit(addr, size, (bit) + 1))

/** bitmap_zero() - clear bits 0 .. @nbits - 1 (and the rest of the word) */
static inline void bitmap_zero(unsigned long *dst, unsigned int nbits)
{
	unsigned int i;

	for (i = 0; i < BITS_TO_LONGS(nbits); i++)
		dst[i] = 0;
}

/** bitmap_full() - whether bits 0 .. @nbits - 1 are all set */
static inline bool bitmap_full(const unsigned long *src, unsigned int nbits)
{
	return find_first_zero_bit(src, nbits) >= nbits;
}

/** bitmap_weight() - number of set bits among bits 0 .. @nbits - 1 */
static inline unsigned int bitmap_weight(const unsigned long *src,
					 unsigned int nbits)
{
	unsigned int i, w = 0;

	for (i = 0; i < nbits / BITS_PER_LONG; i++)
		w += hweight_long(src[i]);
	if (nbits % BITS_PER_LONG)
		w += hweight_long(src[i] & (BIT(nbits % BITS_PER_LONG) - 1));
	return w;
}

#endif /* NODAL_BITOPS_H */
