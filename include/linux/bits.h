/* SPDX-License-Identifier: MIT */
/*
 * include/linux/bits.h — single bits and contiguous masks.
 *
 * Implemented by: the compiler (no code).  Mirrors: <linux/bits.h> with
 * <vdso/bits.h> and <uapi/linux/bits.h>.  GENMASK(h, l) is bits l..h of
 * an unsigned long, both ends included; GENMASK_ULL() the same in an
 * unsigned long long and GENMASK_U128() in an unsigned __int128 (riscv64
 * has one: CONFIG_ARCH_SUPPORTS_INT128).  When both ends are constants and
 * l > h, GENMASK_INPUT_CHECK() makes it a build error; with run-time ends
 * it checks nothing and is 0, as in Linux.  h must be below the type's
 * width.  Usable from every layer.
 */
#ifndef NODAL_BITS_H
#define NODAL_BITS_H

#include <linux/build_bug.h>
#include <linux/minmax.h> /* __is_constexpr() */

#define CONFIG_ARCH_SUPPORTS_INT128 1

#define BITS_PER_BYTE	   8
#define BITS_PER_LONG	   (__SIZEOF_LONG__ * 8)
#define BITS_PER_LONG_LONG 64
#define BIT(nr)		   (1UL << (nr))
#define BIT_ULL(nr)	   (1ULL << (nr))
#define BIT_MASK(nr)	   (1UL << ((nr) % BITS_PER_LONG))
#define BIT_WORD(nr)	   ((nr) / BITS_PER_LONG)
#define BIT_ULL_MASK(nr)   (1ULL << ((nr) % BITS_PER_LONG_LONG))
#define BIT_ULL_WORD(nr)   ((nr) / BITS_PER_LONG_LONG)

/* 0, or a build error when l and h are constants with l > h. */
#define GENMASK_INPUT_CHECK(h, l) \
	(BUILD_BUG_ON_ZERO(       \
		__builtin_choose_expr(__is_constexpr((l) > (h)), (l) > (h), 0)))

/* All ones shifted right so bit h is the top one, anded with all ones
 * shifted left so bit l is the bottom one. */
#define __GENMASK(h, l) ((~0UL >> (BITS_PER_LONG - 1 - (h))) & (~0UL << (l)))
#define __GENMASK_ULL(h, l) \
	((~0ULL >> (BITS_PER_LONG_LONG - 1 - (h))) & (~0ULL << (l)))
#define __GENMASK_U128(h, l) \
	((~(unsigned __int128)0 >> (127 - (h))) & (~(unsigned __int128)0 << (l)))

#define GENMASK(h, l)	   (GENMASK_INPUT_CHECK(h, l) + __GENMASK(h, l))
#define GENMASK_ULL(h, l)  (GENMASK_INPUT_CHECK(h, l) + __GENMASK_ULL(h, l))
#define GENMASK_U128(h, l) (GENMASK_INPUT_CHECK(h, l) + __GENMASK_U128(h, l))

#endif /* NODAL_BITS_H */
