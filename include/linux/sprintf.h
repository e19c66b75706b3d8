/* SPDX-License-Identifier: MIT */
/*
 * include/linux/sprintf.h — formatted output into a bounded buffer (snprintf).
 *
 * Implemented by: lib/vsprintf.c.  Mirrors: <linux/sprintf.h>.
 * Supported: the conversions d i u x X o c s p %, the flags - 0 + space #,
 * field width and precision (either may be '*'), and the length modifiers
 * hh h l ll z t j, all with C's meaning.
 * Differences from Linux:
 *  - no floating point, and none of Linux's %p extensions (%pS, %pK, ...):
 *    %p always prints "0x" and 16 hex digits, unhashed, and a letter after
 *    it is ordinary text;
 *  - sprintf() and vsprintf() exist for code brought from Linux (its
 *    tests use them); Nodal's own code uses the bounded ones;
 *  - as in Linux, an unknown conversion ends the output there, because the
 *    arguments after it can no longer be found.
 *
 * All functions are pure computations: callable in any context.
 */
#ifndef NODAL_PRINTF_H
#define NODAL_PRINTF_H

#include <linux/types.h>
#include <stdarg.h>

/**
 * vsnprintf() - format into a buffer, C99 style
 * @buf: destination; may be NULL if @size is 0
 * @size: size of @buf in bytes, including the terminating NUL
 * @fmt: format string
 * @ap: arguments
 *
 * Writes at most @size bytes, always NUL-terminated when @size > 0; bytes of
 * @buf past the NUL are left alone.
 * Context: any.
 * Return: the length the whole output would have (without the NUL), even
 * when it was cut: the output was cut if the return is >= @size.
 */
__printf(3, 0) int vsnprintf(char *buf, size_t size, const char *fmt,
			     va_list ap);

/**
 * vsnprintf_from() - vsnprintf() of the output from character @from on
 *
 * Stores the characters @from .. @from + @size - 2 of what vsnprintf()
 * would produce (fewer if it ends first), NUL-terminated when @size > 0: a
 * window, so that an output of any length can be written out in pieces
 * of a fixed buffer by formatting again (printk does).
 * Context: any.  Return: the length of the whole output, as vsnprintf().
 */
__printf(4, 0) int vsnprintf_from(char *buf, size_t size, size_t from,
				  const char *fmt, va_list ap);

/** snprintf() - vsnprintf() with the arguments inline */
__printf(3, 4) int snprintf(char *buf, size_t size, const char *fmt, ...);

/**
 * vsprintf() - vsnprintf() into a buffer the caller promises is big enough
 * @buf: destination, at least as long as the output plus its NUL
 * @fmt: format
 * @ap: arguments
 *
 * Bounded only by INT_MAX, as Linux's.  Nodal's own code uses snprintf().
 * Return: the length written, not counting the NUL.
 */
__printf(2, 0) int vsprintf(char *buf, const char *fmt, va_list ap);

/** sprintf() - vsprintf() with the arguments inline */
__printf(2, 3) int sprintf(char *buf, const char *fmt, ...);

/**
 * vscnprintf() - format into a buffer, returning what was stored
 * @buf: destination; may be NULL if @size is 0
 * @size: size of @buf in bytes, including the terminating NUL
 * @fmt: format string
 * @ap: arguments
 *
 * As vsnprintf(), but the return value is safe to add to a position in
 * @buf: "pos += scnprintf(buf + pos, size - pos, ...)" never passes the end.
 * Context: any.
 * Return: the number of characters stored in @buf, without the NUL; 0 if
 * @size is 0, at most @size - 1 otherwise.
 */
__printf(3, 0) int vscnprintf(char *buf, size_t size, const char *fmt,
			      va_list ap);

/** scnprintf() - vscnprintf() with the arguments inline */
__printf(3, 4) int scnprintf(char *buf, size_t size, const char *fmt, ...);

#endif /* NODAL_PRINTF_H */
