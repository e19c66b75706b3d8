/* SPDX-License-Identifier: MIT */
/*
 * lib/libgcc.c — the libgcc helpers that GCC calls for bit builtins.
 *
 * rv64imac has no count-leading-zeros, count-trailing-zeros or population-
 * count instruction (they come with Zbb), so GCC compiles __builtin_clz*(),
 * __builtin_ctz*() and __builtin_popcount*(), as used by <linux/bitops.h>, into
 * calls to these three functions; the 32-bit builtins widen and call the
 * same ones.  The kernel does not link libgcc (docs/design.md: -lgcc picks the
 * wrong multilib), so lib provides them.  Their names and types are GCC's
 * ABI, declared in <linux/libgcc.h>; they must not use the builtins they
 * implement, which would call themselves.
 */
#include <linux/libgcc.h>

/* Leading zeros by binary search: halve the window until the top bit. */
int __clzdi2(unsigned long x)
{
	unsigned int shift;
	int n = 0;

	for (shift = 32; shift; shift >>= 1) {
		if (!(x >> (64 - shift))) {	/* top @shift bits all zero */
			n += shift;
			x <<= shift;
		}
	}
	return n;			/* 63 for 0, which is undefined */
}

int __ctzdi2(unsigned long x)
{
	unsigned int shift;
	int n = 0;

	for (shift = 32; shift; shift >>= 1) {
		if (!(x << (64 - shift))) {	/* low @shift bits all zero */
			n += shift;
			x >>= shift;
		}
	}
	return n;			/* 63 for 0, which is undefined */
}

/* Count in parallel: bits per 2-bit field, then 4, then 8, then sum bytes. */
int __popcountdi2(unsigned long x)
{
	x -= (x >> 1) & 0x5555555555555555UL;
	x = (x & 0x3333333333333333UL) + ((x >> 2) & 0x3333333333333333UL);
	x = (x + (x >> 4)) & 0x0f0f0f0f0f0f0f0fUL;
	return (x * 0x0101010101010101UL) >> 56;
}

/*
 * Byte swaps: GCC recognises the shift-and-or idiom (libfdt's endian
 * conversions) and, with no Zbb rev8, calls these.  The loops below are
 * kept from being recognised as that same idiom, which would recurse.
 */
__attribute__((optimize("no-expensive-optimizations")))
u32 __bswapsi2(u32 x)
{
	u32 r = 0;

	for (int i = 0; i < 4; i++, x >>= 8)
		r = (r << 8) | (x & 0xff);
	return r;
}

__attribute__((optimize("no-expensive-optimizations")))
u64 __bswapdi2(u64 x)
{
	u64 r = 0;

	for (int i = 0; i < 8; i++, x >>= 8)
		r = (r << 8) | (x & 0xff);
	return r;
}
