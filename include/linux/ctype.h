/* SPDX-License-Identifier: MIT */
/*
 * include/linux/ctype.h — character classes and case conversion.
 *
 * Type-only: inline functions, usable everywhere.  Mirrors: <linux/ctype.h>,
 * with Linux's classes for all 256 byte values: ASCII as in the C locale,
 * and the upper half as ISO 8859-1 (Latin-1): 0xa0 is a space, 0xa1..0xbf
 * (and 0xd7, 0xf7) punctuation, 0xc0..0xde upper case, 0xdf..0xff lower
 * case, and 0x80..0x9f in no class at all (not even control).  So
 * isprint(0xe9) and toupper(0xe9) == 0xc9, where glibc's C locale says
 * "not printable" and leaves the byte alone.  Differences from Linux: the
 * classes are computed from those ranges instead of read from a _ctype[]
 * table, so there is no _ctype symbol.
 */
#ifndef NODAL_CTYPE_H
#define NODAL_CTYPE_H

#define _U  0x01 /* upper case letter */
#define _L  0x02 /* lower case letter */
#define _D  0x04 /* decimal digit */
#define _C  0x08 /* control character */
#define _P  0x10 /* punctuation */
#define _S  0x20 /* white space: \t \n \v \f \r, ' ' and 0xa0 */
#define _X  0x40 /* hexadecimal letter a-f, A-F */
#define _SP 0x80 /* the printable spaces ' ' and 0xa0 */

/* The class bits of byte @c, as Linux's _ctype[] holds them. */
static inline unsigned char __ismask(unsigned char c)
{
	if (c < 0x20)
		return c >= '\t' && c <= '\r' ? _C | _S : _C;
	if (c == ' ' || c == 0xa0)
		return _S | _SP;
	if (c >= '0' && c <= '9')
		return _D;
	if (c >= 'A' && c <= 'Z')
		return c <= 'F' ? _U | _X : _U;
	if (c >= 'a' && c <= 'z')
		return c <= 'f' ? _L | _X : _L;
	if (c == 0x7f)
		return _C;
	if (c < 0x7f)
		return _P;
	if (c < 0xa0)
		return 0;
	if (c < 0xc0 || c == 0xd7 || c == 0xf7)
		return _P;
	return c < 0xdf ? _U : _L;
}

#define isalnum(c)  ((__ismask(c) & (_U | _L | _D)) != 0)
#define isalpha(c)  ((__ismask(c) & (_U | _L)) != 0)
#define iscntrl(c)  ((__ismask(c) & (_C)) != 0)
#define isdigit(c)  ((unsigned int)((c) - '0') < 10)
#define isgraph(c)  ((__ismask(c) & (_P | _U | _L | _D)) != 0)
#define islower(c)  ((__ismask(c) & (_L)) != 0)
#define isprint(c)  ((__ismask(c) & (_P | _U | _L | _D | _SP)) != 0)
#define ispunct(c)  ((__ismask(c) & (_P)) != 0)
#define isspace(c)  ((__ismask(c) & (_S)) != 0)
#define isupper(c)  ((__ismask(c) & (_U)) != 0)
#define isxdigit(c) ((__ismask(c) & (_D | _X)) != 0)
#define isascii(c)  (((unsigned char)(c)) <= 0x7f)
#define toascii(c)  (((unsigned char)(c)) & 0x7f)

/* Upper case to lower case, Latin-1 letters included; others unchanged. */
static inline unsigned char __tolower(unsigned char c)
{
	return isupper(c) ? c - 'A' + 'a' : c;
}

/*
 * Lower case to upper case, by Linux's rule: every lower-case byte moves
 * down by 0x20, so 0xdf (sharp s) becomes 0xbf and 0xff becomes 0xdf.
 */
static inline unsigned char __toupper(unsigned char c)
{
	return islower(c) ? c - 'a' + 'A' : c;
}

#define tolower(c) __tolower(c)
#define toupper(c) __toupper(c)

/* ASCII-only lower case for a letter or digit: sets bit 5 of anything. */
static inline char _tolower(const char c)
{
	return c | 0x20;
}

/* isodigit() - is @c an octal digit 0-7? */
static inline int isodigit(const char c)
{
	return c >= '0' && c <= '7';
}

#endif /* NODAL_CTYPE_H */
