/* SPDX-License-Identifier: MIT */
/*
 * include/linux/minmax.h — min(), max() and clamp(), each argument
 * evaluated once.
 *
 * Implemented by: this header (macros).  Mirrors: <linux/minmax.h>, a
 * subset: min(), max(), clamp(), max3().  Each argument is read once, into
 * a local of its own type, so min(READ_ONCE(n), limit) loads n once, as in
 * Linux.  Differences from Linux:
 *  - no type check: Linux refuses at compile time to compare a signed with
 *    an unsigned value; here C's usual arithmetic conversions apply, as to
 *    a bare `<`;
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

#define __minmax_once(op, x, y, ux, uy) \
	({                              \
		__auto_type ux = (x);   \
		__auto_type uy = (y);   \
		ux op uy ? ux : uy;     \
	})

/** min() - the smaller of @x and @y, each evaluated once */
#define min(x, y) __minmax_once(<, x, y, __UNIQUE_ID(x_), __UNIQUE_ID(y_))
/** max() - the larger of @x and @y, each evaluated once */
#define max(x, y) __minmax_once(>, x, y, __UNIQUE_ID(x_), __UNIQUE_ID(y_))
/** clamp() - @val limited to [@lo, @hi], each evaluated once */
#define clamp(val, lo, hi) min(max(val, lo), hi)
/** max3() - the largest of three, each evaluated once */
#define max3(a, b, c) max(max(a, b), c)

#endif /* NODAL_MINMAX_H */
