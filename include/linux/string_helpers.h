/* SPDX-License-Identifier: MIT */
/*
 * include/linux/string_helpers.h — sizes for humans, escaping and
 * unescaping, case conversion.
 *
 * Implemented by: lib/string_helpers.c (the inline ones here).  Mirrors:
 * <linux/string_helpers.h>, the part without allocation or files:
 * string_get_size(), string_unescape*(), string_escape_mem() and
 * string_escape_str*(), string_upper()/string_lower(),
 * string_is_terminated().  Not provided: parse_int_array_user(),
 * kstrdup_quotable*(), kstrdup_and_replace(), kasprintf_strarray().
 * Character classes are <linux/ctype.h>'s (Latin-1 letters are printable).
 * Every function is a pure computation on its arguments: any context.
 */
#ifndef NODAL_STRING_HELPERS_H
#define NODAL_STRING_HELPERS_H

#include <linux/bitops.h>
#include <linux/ctype.h>
#include <linux/string.h>
#include <linux/types.h>

/* string_is_terminated() - is there a NUL in the first @len bytes of @s? */
static inline bool string_is_terminated(const char *s, int len)
{
	return memchr(s, '\0', len) != NULL;
}

/* What string_get_size() prints: the base, then modifier bits. */
enum string_size_units {
	STRING_UNITS_10, /* powers of 1000: kB, MB ... */
	STRING_UNITS_2,	 /* powers of 1024: KiB, MiB ... */
	STRING_UNITS_MASK = BIT(0),

	STRING_UNITS_NO_SPACE = BIT(30), /* "1.00kB", not "1.00 kB" */
	STRING_UNITS_NO_BYTES = BIT(31), /* "1.00 k", not "1.00 kB" */
};

/**
 * string_get_size() - a size in blocks, as 3 significant figures and a unit
 * @size: number of blocks
 * @blk_size: bytes per block (1 for a size in bytes); 0 means size 0
 * @units: STRING_UNITS_10 or STRING_UNITS_2, with modifier bits
 * @buf: output, always terminated when @len > 0
 * @len: size of @buf; the output is truncated to fit (as Linux, allow at
 *	least 9 bytes; "1023 KiB" with its NUL is 9)
 *
 * @size * @blk_size is computed without overflow (both are reduced to 32
 * bits first, losing only digits that are not printed) and rounded half up
 * to 3 significant figures: 1100 bytes is "1.10 kB" or "1.07 KiB".
 * Return: the length of the whole string, as snprintf() returns it.
 */
int string_get_size(u64 size, u64 blk_size, const enum string_size_units units,
		    char *buf, int len);

#define UNESCAPE_SPACE	 BIT(0) /* \f \n \r \t \v */
#define UNESCAPE_OCTAL	 BIT(1) /* \NNN, up to 3 digits, value < 256 */
#define UNESCAPE_HEX	 BIT(2) /* \xHH, 1 or 2 digits */
#define UNESCAPE_SPECIAL BIT(3) /* \" \\ \a \e */
#define UNESCAPE_ANY \
	(UNESCAPE_SPACE | UNESCAPE_OCTAL | UNESCAPE_HEX | UNESCAPE_SPECIAL)
#define UNESCAPE_ALL_MASK (BIT(4) - 1)

/**
 * string_unescape() - replace escape sequences with the bytes they stand for
 * @src: NUL-terminated source
 * @dst: destination; may be @src itself (the output is never longer)
 * @size: size of @dst, NUL included; 0 means unlimited
 * @flags: which UNESCAPE_* classes to decode; other escapes stay as they are
 *
 * A '\' that starts no sequence of an enabled class is copied with what
 * follows it.  With \NNN, a digit that would take the value to 256 or more
 * is not part of the sequence ("\777" is "?7").
 * Return: the length of the output, not counting its NUL.
 */
int string_unescape(char *src, char *dst, size_t size, unsigned int flags);

static inline int string_unescape_inplace(char *buf, unsigned int flags)
{
	return string_unescape(buf, buf, 0, flags);
}

static inline int string_unescape_any(char *src, char *dst, size_t size)
{
	return string_unescape(src, dst, size, UNESCAPE_ANY);
}

static inline int string_unescape_any_inplace(char *buf)
{
	return string_unescape_any(buf, buf, 0);
}

#define ESCAPE_SPACE	BIT(0) /* \f \n \r \t \v */
#define ESCAPE_SPECIAL	BIT(1) /* \\ \a \e \" */
#define ESCAPE_NULL	BIT(2) /* \0 */
#define ESCAPE_OCTAL	BIT(3) /* \NNN: any byte */
#define ESCAPE_ANY	(ESCAPE_SPACE | ESCAPE_OCTAL | ESCAPE_SPECIAL | ESCAPE_NULL)
#define ESCAPE_NP	BIT(4) /* leave printable bytes alone */
#define ESCAPE_ANY_NP	(ESCAPE_ANY | ESCAPE_NP)
#define ESCAPE_HEX	BIT(5) /* \xHH: any byte (ESCAPE_OCTAL wins) */
#define ESCAPE_NA	BIT(6) /* leave ASCII bytes alone */
#define ESCAPE_NAP	BIT(7) /* leave printable ASCII bytes alone */
#define ESCAPE_APPEND	BIT(8) /* @only is escaped in addition, not only */
#define ESCAPE_ALL_MASK (BIT(9) - 1)

/**
 * string_escape_mem() - escape bytes as the flags say
 * @src: source bytes
 * @isz: number of them (a NUL is an ordinary byte)
 * @dst: destination; nothing is written at or past @dst + @osz
 * @osz: size of @dst
 * @flags: the ESCAPE_* classes to escape and the ones to leave alone
 * @only: NULL or "": every byte is a candidate.  Else, without
 *	ESCAPE_APPEND, only the bytes of @only are escaped; with it, they are
 *	escaped even when ESCAPE_NP, ESCAPE_NA or ESCAPE_NAP would leave them.
 *	The NUL byte counts as a member of every non-empty @only.
 *
 * Each byte goes through, in order: left alone (not in @only; or by
 * ESCAPE_NAP, ESCAPE_NP, ESCAPE_NA), or escaped by the first class that
 * has a sequence for it (SPACE, SPECIAL, NULL, OCTAL, HEX), or left alone.
 * The output is not NUL-terminated.
 * Return: the length of the whole output, even if more than @osz.
 */
int string_escape_mem(const char *src, size_t isz, char *dst, size_t osz,
		      unsigned int flags, const char *only);

static inline int string_escape_mem_any_np(const char *src, size_t isz, char *dst,
					   size_t osz, const char *only)
{
	return string_escape_mem(src, isz, dst, osz, ESCAPE_ANY_NP, only);
}

static inline int string_escape_str(const char *src, char *dst, size_t sz,
				    unsigned int flags, const char *only)
{
	return string_escape_mem(src, strlen(src), dst, sz, flags, only);
}

static inline int string_escape_str_any_np(const char *src, char *dst,
					   size_t sz, const char *only)
{
	return string_escape_str(src, dst, sz, ESCAPE_ANY_NP, only);
}

/* string_upper() - copy @src to @dst upper-cased (NUL included) */
static inline void string_upper(char *dst, const char *src)
{
	do
		*dst++ = toupper(*src);
	while (*src++);
}

/* string_lower() - copy @src to @dst lower-cased (NUL included) */
static inline void string_lower(char *dst, const char *src)
{
	do
		*dst++ = tolower(*src);
	while (*src++);
}

#endif /* NODAL_STRING_HELPERS_H */
