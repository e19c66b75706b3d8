/* SPDX-License-Identifier: MIT */
/*
 * include/linux/types.h — fixed-width integer types and basic kernel types.
 *
 * Implemented by: the compiler (no code).  Mirrors: <linux/types.h>.
 * Differences from Linux: none intended; only the subset Nodal uses.
 * Usable from every layer, lib included.
 */
#ifndef NODAL_TYPES_H
#define NODAL_TYPES_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

typedef uint8_t u8;
typedef uint16_t u16;
typedef uint32_t u32;
typedef uint64_t u64;
typedef int8_t s8;
typedef int16_t s16;
typedef int32_t s32;
typedef int64_t s64;

typedef long ssize_t;
typedef u64 phys_addr_t;
typedef unsigned int gfp_t;

#define __aligned(x)	__attribute__((aligned(x)))
#define __packed	__attribute__((packed))
#define __noreturn	__attribute__((noreturn))
#define __unused	__attribute__((unused))
#define __used		__attribute__((used))
#define __weak		__attribute__((weak))
#define __section(s)	__attribute__((section(s)))
#define __printf(a, b)	__attribute__((format(printf, a, b)))
#ifndef __always_inline	/* glibc defines it too (host tests) */
#define __always_inline	inline __attribute__((always_inline))
#endif
#define noinline	__attribute__((noinline))
#define likely(x)	__builtin_expect(!!(x), 1)
#define unlikely(x)	__builtin_expect(!!(x), 0)

#define ARRAY_SIZE(a)	(sizeof(a) / sizeof((a)[0]))
#define ALIGN(x, a)	(((x) + ((a) - 1)) & ~((__typeof__(x))(a) - 1))
#define ALIGN_DOWN(x, a) ((x) & ~((__typeof__(x))(a) - 1))
#define IS_ALIGNED(x, a) (((x) & ((__typeof__(x))(a) - 1)) == 0)
#define DIV_ROUND_UP(n, d) (((n) + (d) - 1) / (d))
/*
 * min(), max(), clamp(), as Linux's <linux/minmax.h>: each argument is
 * evaluated once, into a local of its own type, and the two sides of a
 * comparison must agree in signedness (after the usual promotions) unless
 * one is a non-negative integer constant: min(-1, 1U) is a build error,
 * not 1U.  min_t() and max_t() compare in a named type.
 */
#define ___PASTE(a, b)	    a##b
#define __PASTE(a, b)	    ___PASTE(a, b)
#define __UNIQUE_ID(prefix) __PASTE(__PASTE(__unique_, prefix), __COUNTER__)

/* Is @x an integer constant expression?  (Only then is the null pointer
 * constant's type void *, and the conditional's type int *.) */
#define __is_constexpr(x) \
	(sizeof(int) == sizeof(*(8 ? ((void *)((long)(x)*0l)) : (int *)8)))
#define __is_signed_expr(x) ((__typeof__((x) + 0))-1 < 1)
#define __is_nonneg_const(x)                                                  \
	(__builtin_choose_expr(__is_constexpr(x) && __is_signed_expr(x), (x), \
			       -1) >= 0)
#define __minmax_ok(x, y)                                                      \
	(__is_signed_expr(x) == __is_signed_expr(y) || __is_nonneg_const(x) || \
	 __is_nonneg_const(y))

#define __cmp_once(name, op, x, y, ux, uy)                                    \
	({                                                                    \
		__auto_type ux = (x);                                         \
		__auto_type uy = (y);                                         \
		_Static_assert(__minmax_ok(x, y),                             \
			       #name "(" #x ", " #y "): signedness differs"); \
		ux op uy ? ux : uy;                                           \
	})

#define min(x, y)	   __cmp_once(min, <, x, y, __UNIQUE_ID(x_), __UNIQUE_ID(y_))
#define max(x, y)	   __cmp_once(max, >, x, y, __UNIQUE_ID(x_), __UNIQUE_ID(y_))
#define min_t(type, x, y)  min((type)(x), (type)(y))
#define max_t(type, x, y)  max((type)(x), (type)(y))
#define clamp(val, lo, hi) min(max(val, lo), hi)
#define max3(x, y, z)	   max(max(x, y), z)

#define container_of(ptr, type, member) \
	((type *)((char *)(ptr) - offsetof(type, member)))

#define READ_ONCE(x)	(*(const volatile __typeof__(x) *)&(x))
#define WRITE_ONCE(x, v) (*(volatile __typeof__(x) *)&(x) = (v))
#define barrier()	__asm__ __volatile__("" ::: "memory")

#define __stringify_1(x) #x
#define __stringify(x)	__stringify_1(x)

#endif /* NODAL_TYPES_H */
