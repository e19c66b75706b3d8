/* SPDX-License-Identifier: MIT */
/*
 * include/linux/build_bug.h — assertions checked by the compiler.
 *
 * Implemented by: the compiler (no code).  Mirrors: <linux/build_bug.h>.
 * BUILD_BUG_ON() is a statement; BUILD_BUG_ON_ZERO() an expression worth
 * 0 (an int) when its condition is false, usable inside other constant
 * expressions (GENMASK()'s argument check), and a build error when it is
 * true.  Both need a condition the compiler can evaluate.  Usable from
 * every layer.
 */
#ifndef NODAL_BUILD_BUG_H
#define NODAL_BUILD_BUG_H

/* A bit-field of negative width does not compile: the error is the check. */
#define BUILD_BUG_ON_ZERO(e) ((int)(sizeof(struct { int : (-!!(e)); })))

#define BUILD_BUG_ON_MSG(cond, msg) _Static_assert(!(cond), msg)
#define BUILD_BUG_ON(cond)	    _Static_assert(!(cond), #cond)

/* static_assert(expr) or static_assert(expr, "why"), as C11 with the
 * message optional. */
#define static_assert(expr, ...)	__static_assert(expr, ##__VA_ARGS__, #expr)
#define __static_assert(expr, msg, ...) _Static_assert(expr, msg)

#endif /* NODAL_BUILD_BUG_H */
