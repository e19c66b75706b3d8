/* SPDX-License-Identifier: MIT */
/*
 * include/linux/minmax.h — min(), max() and clamp(), each argument
 * evaluated once.
 *
 * Implemented by: this header (macros).  Mirrors: <linux/minmax.h>, a
 * subset: min(), max(), min_t(), max_t(), clamp(), max3().  Each argument
 * is read once, into a local of its own type, so min(READ_ONCE(n), limit)
 * loads n once, as in Linux; and, as in Linux, the two sides must agree in
 * signedness (after the usual promotions) unless one is a non-negative
 * integer constant: min(-1, 1U) is a build error, not 1U.  min_t() and
 * max_t() compare in a named type.  Differences from Linux:
 *  - the result is never an integer constant expression (Linux's is when
 *    both arguments are constants): write a plain ?: in an array size, a
 *    case label or a _Static_assert;
 *  - clamp() does not check lo <= hi; with lo > hi it gives hi.
 * Every file has these through <linux/types.h>, as Linux files have them
 * through <linux/kernel.h>.
 */
#ifndef NODAL_MINMAX_H
#define NODAL_MINMAX_H

#include <linux/compiler.h>

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

/** min() - the smaller of @x and @y, each evaluated once */
#define min(x, y) __cmp_once(min, <, x, y, __UNIQUE_ID(x_), __UNIQUE_ID(y_))
/** max() - the larger of @x and @y, each evaluated once */
#define max(x, y) __cmp_once(max, >, x, y, __UNIQUE_ID(x_), __UNIQUE_ID(y_))
/** min_t() - min() compared in @type */
#define min_t(type, x, y) min((type)(x), (type)(y))
/** max_t() - max() compared in @type */
#define max_t(type, x, y) max((type)(x), (type)(y))
/** clamp() - @val limited to [@lo, @hi], each evaluated once */
#define clamp(val, lo, hi) min(max(val, lo), hi)
/** max3() - the largest of three, each evaluated once */
#define max3(a, b, c) max(max(a, b), c)

#endif /* NODAL_MINMAX_H */
