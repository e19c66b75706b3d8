/* SPDX-License-Identifier: MIT */
/*
 * lib/string.c — memory and string functions, number parsing, matching.
 *
 * The API and its differences from Linux are in include/linux/string.h.  The mem*
 * functions move a word at a time when they can, because the kernel zeroes
 * and copies whole pages with them; the str* functions go byte by byte, since
 * reading a word past a string's NUL may run off the end of a mapping.
 */
#include <linux/ctype.h>
#include <linux/errno.h>
#include <linux/string.h>

/*
 * Words are accessed through a may_alias type: the kernel is built without
 * -fno-strict-aliasing, and these functions copy objects of every type.
 */
typedef unsigned long __attribute__((may_alias)) word_t;
#define WORD_SIZE	sizeof(word_t)

static inline bool is_word_aligned(const void *p)
{
	return ((uintptr_t)p & (WORD_SIZE - 1)) == 0;
}

/*
 * Word copies need @d and @s misaligned by the same amount, so that a byte
 * prologue aligns both.  Mutually misaligned copies (mostly strings) go byte
 * by byte: a misaligned word access on RISC-V may trap to the firmware for
 * emulation, which costs far more than it saves.
 */
static inline bool can_copy_words(const u8 *d, const u8 *s, size_t n)
{
	return n >= 2 * WORD_SIZE &&
	       (((uintptr_t)d ^ (uintptr_t)s) & (WORD_SIZE - 1)) == 0;
}

/* Copy upwards.  Also correct for overlapping areas with @d below @s. */
static void copy_forward(u8 *d, const u8 *s, size_t n)
{
	if (can_copy_words(d, s, n)) {
		for (; !is_word_aligned(d); n--)
			*d++ = *s++;
		for (; n >= 4 * WORD_SIZE; n -= 4 * WORD_SIZE) {
			word_t *dw = (word_t *)d;
			const word_t *sw = (const word_t *)s;
			word_t w0 = sw[0], w1 = sw[1], w2 = sw[2], w3 = sw[3];

			dw[0] = w0;
			dw[1] = w1;
			dw[2] = w2;
			dw[3] = w3;
			d += 4 * WORD_SIZE;
			s += 4 * WORD_SIZE;
		}
		for (; n >= WORD_SIZE; n -= WORD_SIZE) {
			*(word_t *)d = *(const word_t *)s;
			d += WORD_SIZE;
			s += WORD_SIZE;
		}
	}
	while (n--)
		*d++ = *s++;
}

/* Copy downwards, from the end.  Correct for overlaps with @d above @s. */
static void copy_backward(u8 *d, const u8 *s, size_t n)
{
	d += n;
	s += n;
	if (can_copy_words(d, s, n)) {
		for (; !is_word_aligned(d); n--)
			*--d = *--s;
		for (; n >= WORD_SIZE; n -= WORD_SIZE) {
			d -= WORD_SIZE;
			s -= WORD_SIZE;
			*(word_t *)d = *(const word_t *)s;
		}
	}
	while (n--)
		*--d = *--s;
}

void *memcpy(void *dst, const void *src, size_t n)
{
	copy_forward(dst, src, n);
	return dst;
}

void *memmove(void *dst, const void *src, size_t n)
{
	/*
	 * One unsigned comparison: dst - src wraps to a huge value when dst
	 * is below src, so this is "dst < src || dst >= src + n", the cases
	 * where copying upwards never overwrites a byte not yet read.
	 */
	if ((uintptr_t)dst - (uintptr_t)src >= n)
		copy_forward(dst, src, n);
	else
		copy_backward(dst, src, n);
	return dst;
}

void *memset(void *s, int c, size_t n)
{
	u8 *p = s;

	if (n >= 2 * WORD_SIZE) {
		word_t w = (u8)c * (~0UL / 0xff);	/* c in every byte */

		for (; !is_word_aligned(p); n--)
			*p++ = c;
		for (; n >= 4 * WORD_SIZE; n -= 4 * WORD_SIZE) {
			word_t *pw = (word_t *)p;

			pw[0] = w;
			pw[1] = w;
			pw[2] = w;
			pw[3] = w;
			p += 4 * WORD_SIZE;
		}
		for (; n >= WORD_SIZE; n -= WORD_SIZE) {
			*(word_t *)p = w;
			p += WORD_SIZE;
		}
	}
	while (n--)
		*p++ = c;
	return s;
}

int memcmp(const void *a, const void *b, size_t n)
{
	const u8 *p = a, *q = b;

	/* Skip equal words; the byte loop then finds the first difference. */
	if (is_word_aligned(p) && is_word_aligned(q)) {
		while (n >= WORD_SIZE &&
		       *(const word_t *)p == *(const word_t *)q) {
			p += WORD_SIZE;
			q += WORD_SIZE;
			n -= WORD_SIZE;
		}
	}
	for (; n; n--, p++, q++)
		if (*p != *q)
			return *p - *q;
	return 0;
}

void *memchr(const void *s, int c, size_t n)
{
	const u8 *p = s;

	for (; n; n--, p++)
		if (*p == (u8)c)
			return (void *)p;
	return NULL;
}

size_t strlen(const char *s)
{
	const char *p = s;

	while (*p)
		p++;
	return p - s;
}

size_t strnlen(const char *s, size_t max)
{
	const char *p = s;

	while (max-- && *p)
		p++;
	return p - s;
}

int strcmp(const char *a, const char *b)
{
	const u8 *p = (const u8 *)a, *q = (const u8 *)b;

	while (*p && *p == *q) {
		p++;
		q++;
	}
	return *p - *q;
}

int strncmp(const char *a, const char *b, size_t n)
{
	const u8 *p = (const u8 *)a, *q = (const u8 *)b;

	for (; n; n--, p++, q++) {
		if (*p != *q)
			return *p - *q;
		if (!*p)
			break;
	}
	return 0;
}

char *strchr(const char *s, int c)
{
	for (; *s != (char)c; s++)
		if (!*s)
			return NULL;
	return (char *)s;
}

char *strrchr(const char *s, int c)
{
	const char *last = NULL;

	do {
		if (*s == (char)c)
			last = s;
	} while (*s++);
	return (char *)last;
}

char *strstr(const char *haystack, const char *needle)
{
	size_t len = strlen(needle);

	/* strncmp() stops at the haystack's NUL, so no read runs past it. */
	for (; *haystack; haystack++)
		if (!strncmp(haystack, needle, len))
			return (char *)haystack;
	return len ? NULL : (char *)haystack;
}

size_t strspn(const char *s, const char *accept)
{
	size_t n = 0;

	while (s[n] && strchr(accept, s[n]))
		n++;
	return n;
}

size_t strcspn(const char *s, const char *reject)
{
	size_t n = 0;

	while (s[n] && !strchr(reject, s[n]))
		n++;
	return n;
}

ssize_t sized_strscpy(char *dst, const char *src, size_t size)
{
	size_t i;

	for (i = 0; i < size; i++) {
		dst[i] = src[i];
		if (!src[i])
			return i;
	}
	if (size)
		dst[size - 1] = '\0';
	return -E2BIG;
}

ssize_t sized_strscpy_pad(char *dst, const char *src, size_t size)
{
	ssize_t len = sized_strscpy(dst, src, size);

	if (len >= 0) /* it fitted: len < size, and dst[len] is the NUL */
		memset(dst + len + 1, 0, size - len - 1);
	return len;
}

char *strcat(char *dst, const char *src)
{
	char *end = dst + strlen(dst);

	while ((*end++ = *src++))
		;
	return dst;
}

char *strncat(char *dst, const char *src, size_t count)
{
	char *end = dst + strlen(dst);

	while (count-- && *src)
		*end++ = *src++;
	*end = '\0';
	return dst;
}

size_t strlcat(char *dst, const char *src, size_t count)
{
	size_t dlen = strnlen(dst, count), slen = strlen(src);
	size_t room;

	if (dlen == count) /* no NUL within the buffer: leave it alone */
		return count + slen;
	room = count - dlen - 1;
	if (slen < room)
		room = slen;
	memcpy(dst + dlen, src, room);
	dst[dlen + room] = '\0';
	return dlen + slen;
}

int strcasecmp(const char *a, const char *b)
{
	unsigned char c, d;

	do {
		c = tolower(*a++);
		d = tolower(*b++);
	} while (c == d && c);
	return c - d;
}

int strncasecmp(const char *a, const char *b, size_t len)
{
	unsigned char c = 0, d = 0;

	while (len--) {
		c = tolower(*a++);
		d = tolower(*b++);
		if (c != d || !c)
			break;
	}
	return c - d;
}

char *strnchr(const char *s, size_t count, int c)
{
	for (; count; count--, s++) {
		if (*s == (char)c)
			return (char *)s;
		if (!*s)
			break;
	}
	return NULL;
}

char *strchrnul(const char *s, int c)
{
	while (*s && *s != (char)c)
		s++;
	return (char *)s;
}

char *strnchrnul(const char *s, size_t count, int c)
{
	while (count-- && *s && *s != (char)c)
		s++;
	return (char *)s;
}

char *strpbrk(const char *s, const char *accept)
{
	s += strcspn(s, accept);
	return *s ? (char *)s : NULL;
}

char *strsep(char **s, const char *delim)
{
	char *token = *s, *end;

	if (!token)
		return NULL;
	end = token + strcspn(token, delim);
	if (*end) {
		*end = '\0';
		*s = end + 1;
	} else {
		*s = NULL;
	}
	return token;
}

/* One memsetN() for each width: a plain loop, which GCC vectorises. */
#define DEFINE_MEMSET_N(name, type)               \
	void *name(type *s, type v, size_t count) \
	{                                         \
		type *p = s;                      \
                                                  \
		while (count--)                   \
			*p++ = v;                 \
		return s;                         \
	}
DEFINE_MEMSET_N(memset16, u16)
DEFINE_MEMSET_N(memset32, u32)
DEFINE_MEMSET_N(memset64, u64)

void memcpy_and_pad(void *dst, size_t dst_len, const void *src, size_t count,
		    int pad)
{
	if (count >= dst_len) {
		memcpy(dst, src, dst_len);
		return;
	}
	memcpy(dst, src, count);
	memset((u8 *)dst + count, pad, dst_len - count);
}

static inline bool is_space(char c)
{
	return c == ' ' || (c >= '\t' && c <= '\r');	/* \t \n \v \f \r */
}

char *skip_spaces(const char *s)
{
	while (is_space(*s))
		s++;
	return (char *)s;
}

char *strim(char *s)
{
	char *end = s + strlen(s);

	while (end > s && is_space(end[-1]))
		end--;
	*end = '\0';
	return skip_spaces(s);
}

/*
 * Number parsing.  kstrto*() and memparse() share the prefix rules and the
 * digit loop; they differ in what they accept after the digits.
 */

/* Value of the hex digit @c, or 16 (not a digit in any base) if it is none. */
static unsigned int digit_value(char c)
{
	if (c >= '0' && c <= '9')
		return c - '0';
	c |= 0x20;	/* ASCII lower case; maps no other byte to a-f */
	if (c >= 'a' && c <= 'f')
		return c - 'a' + 10;
	return 16;
}

/*
 * Skip the base prefix of @s.  Base 0 becomes 16 for "0x" followed by a hex
 * digit, 8 for a leading "0", 10 otherwise; base 16 may carry an "0x".
 */
static const char *parse_radix(const char *s, unsigned int *base)
{
	bool hex_prefix = s[0] == '0' && (s[1] | 0x20) == 'x';

	if (*base == 0) {
		if (hex_prefix && digit_value(s[2]) < 16)
			*base = 16;
		else
			*base = s[0] == '0' ? 8 : 10;
	}
	if (*base == 16 && hex_prefix)
		s += 2;
	return s;
}

/*
 * Accumulate the digits at @s into *@res and return how many there were.
 * Digits after an overflow are still consumed, so that "99999999999999999999"
 * is reported as out of range rather than as malformed.
 */
static size_t parse_digits(const char *s, unsigned int base,
			   unsigned long long *res, bool *overflow)
{
	unsigned long long v = 0;
	unsigned int d;
	size_t n;

	*overflow = false;
	for (n = 0; (d = digit_value(s[n])) < base; n++) {
		if (v > (~0ULL - d) / base)
			*overflow = true;
		v = v * base + d;
	}
	*res = v;
	return n;
}

/* kstrtoull() without the '+': kstrtoll() must refuse "-+1". */
static int parse_ull(const char *s, unsigned int base, unsigned long long *res)
{
	unsigned long long v;
	bool overflow;
	size_t n;

	if (base == 1 || base > 16)
		return -EINVAL;
	s = parse_radix(s, &base);
	n = parse_digits(s, base, &v, &overflow);
	if (overflow)
		return -ERANGE;
	if (!n)
		return -EINVAL;
	s += n;
	if (*s == '\n')		/* as written by "echo 42 > file" */
		s++;
	if (*s)
		return -EINVAL;
	*res = v;
	return 0;
}

int kstrtoull(const char *s, unsigned int base, unsigned long long *res)
{
	if (*s == '+')
		s++;
	return parse_ull(s, base, res);
}

int kstrtoll(const char *s, unsigned int base, long long *res)
{
	unsigned long long v;
	int rc;

	if (*s != '-') {
		rc = kstrtoull(s, base, &v);
		if (rc)
			return rc;
		if (v > __LONG_LONG_MAX__)
			return -ERANGE;
		*res = v;
		return 0;
	}
	rc = parse_ull(s + 1, base, &v);
	if (rc)
		return rc;
	if (v > (unsigned long long)__LONG_LONG_MAX__ + 1)
		return -ERANGE;
	*res = (long long)-v;	/* GCC converts modulo 2^64: -2^63 is fine */
	return 0;
}

/* The narrower types go through the 64-bit parsers and a range check. */
#define DEFINE_KSTRTO_NARROW(name, type, wide, parse)			\
int name(const char *s, unsigned int base, type *res)			\
{									\
	wide v;								\
	int rc = parse(s, base, &v);					\
									\
	if (rc)								\
		return rc;						\
	if (v != (type)v)						\
		return -ERANGE;						\
	*res = (type)v;							\
	return 0;							\
}

DEFINE_KSTRTO_NARROW(kstrtoul, unsigned long, unsigned long long, kstrtoull)
DEFINE_KSTRTO_NARROW(kstrtouint, unsigned int, unsigned long long, kstrtoull)
DEFINE_KSTRTO_NARROW(kstrtol, long, long long, kstrtoll)
DEFINE_KSTRTO_NARROW(kstrtoint, int, long long, kstrtoll)

unsigned long long memparse(const char *ptr, char **retptr)
{
	static const char units[] = "KMGTPE";	/* 2^10, 2^20, ... 2^60 */
	const char *s, *unit;
	unsigned long long v;
	unsigned int base = 0, shift = 0;
	bool overflow;

	s = parse_radix(ptr, &base);
	s += parse_digits(s, base, &v, &overflow);
	/* memchr(), not strchr(): ' ' & ~0x20 is the NUL, found by strchr() */
	unit = memchr(units, *s & ~0x20, sizeof(units) - 1);	/* upper case */
	if (unit) {
		shift = 10 * (unit - units + 1);
		s++;
	}
	if (retptr)
		*retptr = (char *)s;
	if (overflow || v > (~0ULL >> shift))
		return ~0ULL;
	return v << shift;
}

/*
 * Matching.
 */

unsigned int str_edit_distance(const char *a, const char *b)
{
	/*
	 * The classic dynamic programme, keeping one row: before step i,
	 * row[j] is the distance between the first i - 1 characters of @a
	 * and the first j of @b.  Distances are at most 63, so bytes do.
	 */
	u8 row[STR_EDIT_DISTANCE_MAX + 1];
	size_t len_a = strnlen(a, STR_EDIT_DISTANCE_MAX + 1);
	size_t len_b = strnlen(b, STR_EDIT_DISTANCE_MAX + 1);
	size_t i, j;

	if (len_a > STR_EDIT_DISTANCE_MAX || len_b > STR_EDIT_DISTANCE_MAX)
		return ~0U;
	for (j = 0; j <= len_b; j++)
		row[j] = j;
	for (i = 1; i <= len_a; i++) {
		u8 diag = row[0];	/* old row[j - 1] */

		row[0] = i;
		for (j = 1; j <= len_b; j++) {
			/* substitute (or keep), delete, insert */
			u8 best = diag + (a[i - 1] != b[j - 1]);

			best = min(best, row[j] + 1);
			best = min(best, row[j - 1] + 1);
			diag = row[j];
			row[j] = best;
		}
	}
	return row[len_b];
}

/*
 * Match @c against the set at @p, just after its '['.  Return 1 or 0 and set
 * *@end after the closing ']', or return -1 if the set is never closed.
 */
static int glob_set(const char *p, unsigned char c, const char **end)
{
	bool invert = *p == '!', in = false;

	p += invert;
	do {			/* do: a ']' in first place is a member */
		unsigned char lo = *p++, hi = lo;

		if (!lo)
			return -1;
		if (p[0] == '-' && p[1] != ']') {	/* a range, not "a-]" */
			hi = p[1];
			if (!hi)
				return -1;
			p += 2;
		}
		in |= lo <= c && c <= hi;
	} while (*p != ']');
	*end = p + 1;
	return in != invert;
}

/*
 * Match the pattern element at @pat (anything but '*') against @c, which is
 * 0 at the end of the string.  Set *@ok and return the next element.  Only
 * the end of the pattern (or a trailing '\', as in Linux) matches the end.
 */
static const char *glob_one(const char *pat, unsigned char c, bool *ok)
{
	const char *end;
	int in;

	switch (*pat) {
	case '?':
		*ok = c != '\0';
		return pat + 1;
	case '[':
		in = glob_set(pat + 1, c, &end);
		if (in < 0)
			break;		/* never closed: an ordinary '[' */
		*ok = c && in;
		return end;
	case '\\':
		pat++;
		break;
	}
	*ok = (unsigned char)*pat == c;
	return *pat ? pat + 1 : pat;
}

bool glob_match(const char *pat, const char *str)
{
	/*
	 * Match left to right; on a mismatch, let the most recent '*' absorb
	 * one more character and retry from just after it.  Only the most
	 * recent star needs remembering: once a later star has matched, any
	 * way of matching the text before it is as good as any other, since
	 * that star can absorb whatever an earlier one would have.
	 */
	const char *star_pat = NULL, *star_str = NULL;

	for (;;) {
		unsigned char c = *str;
		bool ok;

		if (*pat == '*') {
			star_pat = ++pat;
			star_str = str;
			if (!*pat)
				return true;	/* a final '*' takes the rest */
			continue;
		}
		pat = glob_one(pat, c, &ok);
		if (ok) {
			if (!c)
				return true;
			str++;
			continue;
		}
		if (!c || !star_pat)
			return false;
		pat = star_pat;
		str = ++star_str;
	}
}
