/* SPDX-License-Identifier: MIT */
/*
 * include/linux/args.h — counting a macro's variadic arguments.
 *
 * Implemented by: the preprocessor (no code).  Mirrors: <linux/args.h>.
 * COUNT_ARGS(...) is the number of its arguments (0 to 15), as a single
 * token usable in a name; CONCATENATE(a, b) pastes its arguments after
 * expanding them.  strscpy() uses the pair to accept an optional size.
 * Usable from every layer.
 */
#ifndef NODAL_ARGS_H
#define NODAL_ARGS_H

#define __COUNT_ARGS(_0, _1, _2, _3, _4, _5, _6, _7, _8, _9, _10, _11, _12, \
		     _13, _14, _15, _n, X...)                               \
	_n
#define COUNT_ARGS(X...) \
	__COUNT_ARGS(, ##X, 15, 14, 13, 12, 11, 10, 9, 8, 7, 6, 5, 4, 3, 2, 1, 0)

#ifndef __CONCAT /* glibc's <sys/cdefs.h> has it too (host tests) */
#define __CONCAT(a, b) a##b
#endif
#define CONCATENATE(a, b) __CONCAT(a, b)

#endif /* NODAL_ARGS_H */
