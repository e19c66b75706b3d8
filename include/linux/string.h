/* SPDX-License-Identifier: MIT */
/*
 * include/linux/string.h — memory and string functions, number parsing, matching.
 *
 * Implemented by: lib/string.c.  Mirrors: <linux/string.h>, plus kstrto*()
 * from <linux/kstrtox.h>, memparse() from <linux/cmdline.h> and glob_match()
 * from <linux/glob.h>, gathered here because lib has one string file.
 * Differences from Linux:
 *  - no strcpy(), strcat(), strncpy() or strlcpy(): strscpy() is the one way
 *    to copy a string into a bounded buffer;
 *  - "space" (skip_spaces(), strim()) is ASCII " \t\n\v\f\r" only;
 *  - kstrto*() return -EINVAL for a base other than 0 or 2..16;
 *  - memparse() saturates at ULLONG_MAX where Linux's wraps around;
 *  - str_edit_distance() is Nodal's own, for the shell's "did you mean".
 *
 * Every function here is a pure computation on its arguments: callable in
 * any context, with interrupts on or off; none takes a lock or allocates.
 * GCC may emit calls to memcpy(), memmove(), memset() and memcmp() on its
 * own (structure copies, large initialisers), so those names must exist.
 */
#ifndef NODAL_STRING_H
#define NODAL_STRING_H

#include <linux/types.h>

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
 * strscpy() - copy a string into a bounded buffer, always terminated
 * @dst: destination buffer
 * @src: NUL-terminated source; must not overlap @dst
 * @size: size of @dst in bytes
 *
 * Copies as much of @src as fits and, when @size > 0, always writes the
 * terminating NUL.  Bytes of @dst after the NUL are left alone.
 * Context: any.
 * Return: the length copied (strlen(@dst)), or -E2BIG if @src did not fit
 * or @size is 0.
 */
ssize_t strscpy(char *dst, const char *src, size_t size);

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
