/* SPDX-License-Identifier: MIT */
/*
 * include/linux/string.h — memory and string functions, number parsing, matching.
 *
 * Implemented by: lib/string.c.  Mirrors: <linux/string.h>, plus kstrto*()
 * from <linux/kstrtox.h>, memparse() from <linux/cmdline.h> and glob_match()
 * from <linux/glob.h>, gathered here because lib has one string file.
 * Differences from Linux:
 *  - no strcpy(), strncpy() or strlcpy(): strscpy() is the way to copy a
 *    string into a bounded buffer (strcat() and strncat() are here, as
 *    Linux still has them, for code brought from Linux);
 *  - strlcat() with a destination not terminated within @count returns
 *    @count + strlen(@src) and writes nothing (BSD's rule), where Linux
 *    BUG()s;
 *  - strncasecmp() returns the difference of the lower-cased bytes where
 *    it stops; Linux's, when one string ends first, of the bytes as they
 *    are (the sign is the same);
 *  - strtomem*() and memtostr*() take their arrays' sizes with sizeof(),
 *    where Linux uses __builtin_object_size(): the same for arrays, and a
 *    build error for a pointer either way;
 *  - "space" (skip_spaces(), strim()) is ASCII " \t\n\v\f\r" only;
 *  - kstrto*() return -EINVAL for a base other than 0 or 2..16;
 *  - memparse() saturates at ULLONG_MAX where Linux's wraps around;
 *  - str_edit_distance() is Nodal's own, for the shell's "did you mean".
 *
 * strcasecmp() and strncasecmp() fold case as Linux's do, through
 * <linux/ctype.h>: ASCII and Latin-1 letters, so above 0x7f they differ
 * from glibc's C locale.
 *
 * Every function here is a pure computation on its arguments: callable in
 * any context, with interrupts on or off; none takes a lock or allocates.
 * GCC may emit calls to memcpy(), memmove(), memset() and memcmp() on its
 * own (structure copies, large initialisers), so those names must exist.
 */
#ifndef NODAL_STRING_H
#define NODAL_STRING_H

#include <linux/args.h>
#include <linux/errno.h> /* -E2BIG, which strscpy() returns */
#include <linux/minmax.h>
#include <linux/types.h>
#include <limits.h> /* ULONG_MAX ...: Linux's string.h brings them too */

/** memcpy() - copy @n bytes from @src to @dst; the areas must not overlap */
void *memcpy(void *dst, const void *src, size_t n);
/** memmove() - copy @n bytes from @src to @dst; the areas may overlap */
void *memmove(void *dst, const void *src, size_t n);
/** memset() - fill @n bytes at @s with the byte @c; returns @s */
void *memset(void *s, int c, size_t n);
/** memcmp() - compare @n bytes as unsigned chars; <0, 0 or >0 */
int memcmp(const void *a, const void *b, size_t n);
/** memchr() - first byte @c in the @n bytes at @s, or NULL */
void *memchr(const void *s, int c, size_t n);

/** strlen() - length of @s, not counting the terminating NUL */
size_t strlen(const char *s);
/** strnlen() - length of @s, but at most @max (reads no further) */
size_t strnlen(const char *s, size_t max);
/** strcmp() - compare two strings as unsigned chars; <0, 0 or >0 */
int strcmp(const char *a, const char *b);
/** strncmp() - strcmp() of at most the first @n characters */
int strncmp(const char *a, const char *b, size_t n);
/** strchr() - first @c in @s, or NULL; strchr(s, 0) finds the NUL */
char *strchr(const char *s, int c);
/** strrchr() - last @c in @s, or NULL; strrchr(s, 0) finds the NUL */
char *strrchr(const char *s, int c);
/** strstr() - first occurrence of @needle in @haystack, or NULL */
char *strstr(const char *haystack, const char *needle);
/** strspn() - length of the prefix of @s made only of bytes in @accept */
size_t strspn(const char *s, const char *accept);
/** strcspn() - length of the prefix of @s made of no byte in @reject */
size_t strcspn(const char *s, const char *reject);

/**
 * sized_strscpy() - copy a string into a bounded buffer, always terminated
 * @dst: destination buffer
 * @src: NUL-terminated source; must not overlap @dst
 * @size: size of @dst in bytes
 *
 * Copies as much of @src as fits and, when @size > 0, always writes the
 * terminating NUL.  Bytes of @dst after the NUL are left alone.  Called as
 * strscpy(dst, src, size), or strscpy(dst, src) when @dst is an array
 * (its size is then sizeof(dst)).
 * Context: any.
 * Return: the length copied (strlen(@dst)), or -E2BIG if @src did not fit
 * or @size is 0.
 */
ssize_t sized_strscpy(char *dst, const char *src, size_t size);

/**
 * sized_strscpy_pad() - strscpy(), then NUL bytes to the end of @dst
 * @dst: destination buffer
 * @src: NUL-terminated source; must not overlap @dst
 * @size: size of @dst in bytes
 *
 * As sized_strscpy(); when @src fits, every byte of @dst after the copied
 * string is set to 0.  Called as strscpy_pad(dst, src[, size]).
 * Context: any.
 * Return: as sized_strscpy().
 */
ssize_t sized_strscpy_pad(char *dst, const char *src, size_t size);

#define __strscpy0(dst, src, ...) \
	sized_strscpy(dst, src, sizeof(dst) + __must_be_array(dst))
#define __strscpy1(dst, src, size) sized_strscpy(dst, src, size)
#define __strscpy_pad0(dst, src, ...) \
	sized_strscpy_pad(dst, src, sizeof(dst) + __must_be_array(dst))
#define __strscpy_pad1(dst, src, size) sized_strscpy_pad(dst, src, size)

/* strscpy(dst, src[, size]) - see sized_strscpy() */
#define strscpy(dst, src, ...) \
	CONCATENATE(__strscpy, COUNT_ARGS(__VA_ARGS__))(dst, src, __VA_ARGS__)
/* strscpy_pad(dst, src[, size]) - see sized_strscpy_pad() */
#define strscpy_pad(dst, src, ...)                          \
	CONCATENATE(__strscpy_pad, COUNT_ARGS(__VA_ARGS__)) \
	(dst, src, __VA_ARGS__)

/** strcat() - append @src to the string @dst, which must have room; @dst */
char *strcat(char *dst, const char *src);
/**
 * strncat() - append at most @count bytes of @src, then a NUL, to @dst
 * @dst: NUL-terminated string with room for strlen(@dst) + @count + 1 bytes
 * @src: source; stops at its NUL or after @count bytes
 * @count: most bytes to take from @src
 *
 * Context: any.
 * Return: @dst.
 */
char *strncat(char *dst, const char *src, size_t count);
/**
 * strlcat() - append @src to @dst in a buffer of @count bytes
 * @dst: NUL-terminated string in a buffer of @count bytes
 * @src: NUL-terminated source
 * @count: size of the whole buffer at @dst
 *
 * Appends what fits, leaving room for the NUL, and terminates.  If @dst has
 * no NUL in its first @count bytes, nothing is written (see above).
 * Context: any.
 * Return: the length of the string it tried to make: strlen(@dst) (at most
 * @count) + strlen(@src); truncated if that is >= @count.
 */
size_t strlcat(char *dst, const char *src, size_t count);

/** strcasecmp() - strcmp() ignoring case (see <linux/ctype.h>'s tolower) */
int strcasecmp(const char *a, const char *b);
/** strncasecmp() - strcasecmp() of at most the first @len characters */
int strncasecmp(const char *a, const char *b, size_t len);
/** strnchr() - first @c in the first @count bytes of @s (the NUL included), or NULL */
char *strnchr(const char *s, size_t count, int c);
/** strchrnul() - first @c in @s, or the terminating NUL if none */
char *strchrnul(const char *s, int c);
/** strnchrnul() - strchrnul() within the first @count bytes; else @s + @count */
char *strnchrnul(const char *s, size_t count, int c);
/** strpbrk() - first byte of @s that is one of @accept, or NULL */
char *strpbrk(const char *s, const char *accept);
/**
 * strsep() - split off the next token of *@s
 * @s: pointer to the string to split; advanced past the delimiter, or set to
 *	NULL after the last token
 * @delim: the delimiter bytes; each one found is overwritten by a NUL
 *
 * Empty tokens are returned (two delimiters in a row give ""), unlike
 * strtok().
 * Context: any.
 * Return: the token, or NULL if *@s was NULL.
 */
char *strsep(char **s, const char *delim);

/** memset16() - store @v in @count 16-bit words at @s; returns @s */
void *memset16(u16 *s, u16 v, size_t count);
/** memset32() - store @v in @count 32-bit words at @s; returns @s */
void *memset32(u32 *s, u32 v, size_t count);
/** memset64() - store @v in @count 64-bit words at @s; returns @s */
void *memset64(u64 *s, u64 v, size_t count);

/**
 * memcpy_and_pad() - copy a buffer and fill the rest of the destination
 * @dst: destination of @dst_len bytes
 * @dst_len: size of @dst
 * @src: source of @count bytes
 * @count: bytes to copy; at most @dst_len are
 * @pad: byte stored in @dst after the copy, up to @dst_len
 *
 * Context: any.
 */
void memcpy_and_pad(void *dst, size_t dst_len, const void *src, size_t count,
		    int pad);

/*
 * The copies between strings and fixed-size character arrays that are not
 * NUL-terminated ("__nonstring": device names, on-disk labels).  Their
 * arrays' sizes come from the arrays themselves, so @dest (and @src for
 * memtostr*) must be arrays, which the build checks: where Linux reads the
 * size with __builtin_object_size(), Nodal takes sizeof() of the array.
 *
 * strtomem(dest, src): copy the string @src into the array @dest without
 *	a NUL, truncating it to the array; bytes after the copy are left alone.
 * strtomem_pad(dest, src, pad): the same, filling the rest with @pad.
 * memtostr(dest, src): copy the characters of the array @src, up to its
 *	first NUL or its end, into the array @dest as a NUL-terminated string,
 *	truncated to fit; bytes after the NUL are left alone.
 * memtostr_pad(dest, src): the same, filling the rest of @dest with NULs.
 */
#define __array_or_unknown_size(a) __builtin_object_size(a, 1)
#define strtomem_pad(dest, src, pad)                                           \
	do {                                                                   \
		const size_t _dest_len = sizeof(dest) + __must_be_array(dest); \
		const size_t _src_len = __array_or_unknown_size(src);          \
                                                                               \
		memcpy_and_pad(dest, _dest_len, src,                           \
			       strnlen(src, min(_src_len, _dest_len)), pad);   \
	} while (0)
#define strtomem(dest, src)                                                    \
	do {                                                                   \
		const size_t _dest_len = sizeof(dest) + __must_be_array(dest); \
		const size_t _src_len = __array_or_unknown_size(src);          \
                                                                               \
		memcpy(dest, src, strnlen(src, min(_src_len, _dest_len)));     \
	} while (0)
/* memtostr() and memtostr_pad(), above; @pad: NULs to the end of @dest. */
#define __memtostr(dest, src, pad, name)                                        \
	do {                                                                    \
		const size_t _dest_len = sizeof(dest) + __must_be_array(dest);  \
		const size_t _src_len = sizeof(src) + __must_be_array(src);     \
		const size_t _copy_len = min(_dest_len - 1,                     \
					     strnlen(src, _src_len));           \
                                                                                \
		_Static_assert(sizeof(dest) > 0 && sizeof(src) > 0,             \
			       name "() needs non-empty arrays");               \
		memcpy(dest, src, _copy_len);                                   \
		memset(&dest[_copy_len], 0, (pad) ? _dest_len - _copy_len : 1); \
	} while (0)
#define memtostr(dest, src)	__memtostr(dest, src, 0, "memtostr")
#define memtostr_pad(dest, src) __memtostr(dest, src, 1, "memtostr_pad")

/*
 * memset_after(obj, v, member): set every byte of *@obj after @member
 * (padding included) to @v.  memset_startat(obj, v, member): the same from
 * @member's first byte.  Both return what memset() returns: the address
 * of the first byte set.
 */
#define memset_after(obj, v, member)                                       \
	memset((u8 *)(obj) + offsetofend(__typeof__(*(obj)), member), (v), \
	       sizeof(*(obj)) - offsetofend(__typeof__(*(obj)), member))
#define memset_startat(obj, v, member)                                  \
	memset((u8 *)(obj) + offsetof(__typeof__(*(obj)), member), (v), \
	       sizeof(*(obj)) - offsetof(__typeof__(*(obj)), member))

/**
 * skip_spaces() - skip leading white space
 * @s: string
 *
 * Context: any.
 * Return: the first character of @s that is not a space (maybe the NUL).
 */
char *skip_spaces(const char *s);

/**
 * strim() - remove leading and trailing white space
 * @s: string, modified in place
 *
 * Trailing spaces are cut by writing a NUL after the last other character;
 * leading ones are skipped, not moved.
 * Context: any.
 * Return: the first character of @s that is not a space.
 */
char *strim(char *s);

/**
 * kstrtoull() - parse a whole string as an unsigned number
 * @s: the string: an optional '+', digits, and at most one trailing '\n'
 * @base: 2..16, or 0 to choose by prefix: "0x" hex, "0" octal, else decimal
 *	(with base 16 an "0x" prefix is also allowed)
 * @res: where the value goes; written only on success
 *
 * Unlike strtoul(), leading spaces, a trailing remainder or an empty string
 * are errors.  kstrtoul() and kstrtouint() are the same for smaller types.
 * Context: any.
 * Return: 0; -EINVAL for a malformed string or bad @base; -ERANGE if the
 * value does not fit in the type.
 */
int kstrtoull(const char *s, unsigned int base, unsigned long long *res);
int kstrtoul(const char *s, unsigned int base, unsigned long *res);
int kstrtouint(const char *s, unsigned int base, unsigned int *res);

/**
 * kstrtoll() - parse a whole string as a signed number
 * @s: the string: an optional '-' or '+', then as for kstrtoull()
 * @base: as for kstrtoull()
 * @res: where the value goes; written only on success
 *
 * kstrtol() and kstrtoint() are the same for smaller types.
 * Context: any.
 * Return: 0, -EINVAL or -ERANGE, as for kstrtoull().
 */
int kstrtoll(const char *s, unsigned int base, long long *res);
int kstrtol(const char *s, unsigned int base, long *res);
int kstrtoint(const char *s, unsigned int base, int *res);

/**
 * memparse() - parse a size with an optional binary unit: "64M", "0x1000"
 * @ptr: the string; the number's base is chosen by prefix as for base 0 of
 *	kstrtoull(), and one of K M G T P E (either case) may follow it
 * @retptr: if not NULL, set to the first character not parsed
 *
 * Parses as much as it can and stops; the caller checks *@retptr.  With no
 * digits the value is 0 (and, as in Linux, a unit letter is still skipped).
 * Context: any.
 * Return: the size in bytes, or ULLONG_MAX if it does not fit in 64 bits.
 */
unsigned long long memparse(const char *ptr, char **retptr);

/* The longest strings str_edit_distance() compares. */
#define STR_EDIT_DISTANCE_MAX	63

/**
 * str_edit_distance() - Levenshtein distance between two strings
 * @a: first string
 * @b: second string
 *
 * The least number of one-character insertions, deletions and substitutions
 * that turn @a into @b; case matters.  Uses O(strlen(@b)) stack bytes.
 * Context: any.
 * Return: the distance, or UINT_MAX if either string is longer than
 * STR_EDIT_DISTANCE_MAX characters.
 */
unsigned int str_edit_distance(const char *a, const char *b);

/**
 * glob_match() - shell-style wildcard match of a whole string
 * @pat: pattern: '*' any run of characters, '?' any one character,
 *	'[...]' one character of a set of characters and ranges ("[a-z_]"),
 *	inverted by a leading '!'; a ']' first in the set is a member; '\'
 *	makes the next character ordinary; a '[' with no closing ']' is ordinary
 * @str: string to match; '/' and a leading '.' are ordinary characters
 *
 * Same language as Linux's glob_match().  Runs in O(strlen(@pat) *
 * strlen(@str)) time at worst, without recursion.
 * Context: any.
 * Return: true if @pat matches all of @str.
 */
bool glob_match(const char *pat, const char *str);

#endif /* NODAL_STRING_H */
