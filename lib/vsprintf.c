/* SPDX-License-Identifier: MIT */
/*
 * lib/vsprintf.c — printf-style formatting into a bounded buffer.
 *
 * One pass over the format: literal text is copied, and each conversion is
 * parsed into a struct fmt_spec, then printed.  All output goes through
 * put_char(), which counts every character but stores only those that fit:
 * truncation needs no path of its own, and the count is C's return value.
 * The API and its differences from Linux are in include/linux/sprintf.h.
 */
#include <linux/sprintf.h>
#include <linux/string.h>

/*
 * Widths and precisions are capped so that every length sum below fits in
 * an int; no real buffer comes near it.
 */
#define FIELD_MAX	(1 << 24)

/* Flag characters, in the order of their bits below. */
static const char flag_chars[] = "-0+ #";

enum {
	FLAG_LEFT	= 1 << 0,	/* '-': pad on the right */
	FLAG_ZERO	= 1 << 1,	/* '0': pad numbers with zeros */
	FLAG_PLUS	= 1 << 2,	/* '+': '+' on non-negative numbers */
	FLAG_SPACE	= 1 << 3,	/* ' ': ' ' on them, if no '+' */
	FLAG_ALT	= 1 << 4,	/* '#': 0x before hex, 0 before octal */
};

enum fmt_length {
	LEN_INT,			/* none: int */
	LEN_CHAR,			/* hh */
	LEN_SHORT,			/* h */
	LEN_LONG,			/* l */
	LEN_LLONG,			/* ll */
	LEN_SIZE,			/* z: size_t */
	LEN_PTRDIFF,			/* t: ptrdiff_t */
	LEN_INTMAX,			/* j: intmax_t */
};

struct fmt_spec {
	unsigned int flags;		/* FLAG_* */
	int width;			/* minimum field width; 0 if none */
	int precision;			/* digits, or chars of %s; -1 if none */
	enum fmt_length length;		/* integer argument's type */
	char conv;			/* conversion character */
};

struct outbuf {
	char *buf;			/* destination */
	size_t size;			/* bytes of buf we may store */
	size_t len;			/* characters produced, stored or not */
	size_t from; /* characters before this one: not stored */
};

static void put_char(struct outbuf *o, char c)
{
	if (o->len >= o->from && o->len - o->from < o->size)
		o->buf[o->len - o->from] = c;
	o->len++;
}

static void put_chars(struct outbuf *o, const char *s, size_t n)
{
	while (n--)
		put_char(o, *s++);
}

static void put_padding(struct outbuf *o, char c, int n)
{
	while (n-- > 0)
		put_char(o, c);
}

static inline bool is_digit(char c)
{
	return c >= '0' && c <= '9';
}

/* A width or precision: digits in the format, or an int argument for '*'. */
static int parse_field(const char **fmt, va_list *ap)
{
	int n = 0;

	if (**fmt == '*') {
		(*fmt)++;
		n = va_arg(*ap, int);
		/* -FIELD_MAX, not INT_MIN, keeps the caller's negation safe */
		return n < -FIELD_MAX ? -FIELD_MAX : min(n, FIELD_MAX);
	}
	for (; is_digit(**fmt); (*fmt)++)
		n = min(n * 10 + (**fmt - '0'), FIELD_MAX);
	return n;
}

/* Parse a length modifier, if any, into *@len; return what follows it. */
static const char *parse_length(const char *fmt, enum fmt_length *len)
{
	switch (*fmt) {
	case 'h':
		if (fmt[1] == 'h') {
			*len = LEN_CHAR;
			return fmt + 2;
		}
		*len = LEN_SHORT;
		return fmt + 1;
	case 'l':
		if (fmt[1] == 'l') {
			*len = LEN_LLONG;
			return fmt + 2;
		}
		*len = LEN_LONG;
		return fmt + 1;
	case 'z':
		*len = LEN_SIZE;
		return fmt + 1;
	case 't':
		*len = LEN_PTRDIFF;
		return fmt + 1;
	case 'j':
		*len = LEN_INTMAX;
		return fmt + 1;
	default:
		*len = LEN_INT;
		return fmt;
	}
}

/*
 * Parse the conversion at @fmt, just after its '%', into @sp; fetch any '*'
 * arguments.  Return a pointer to the conversion character.
 */
static const char *parse_spec(const char *fmt, struct fmt_spec *sp,
			      va_list *ap)
{
	const char *flag;

	sp->flags = 0;
	while (*fmt && (flag = strchr(flag_chars, *fmt))) {
		sp->flags |= 1 << (flag - flag_chars);
		fmt++;
	}

	sp->width = parse_field(&fmt, ap);
	if (sp->width < 0) {		/* a negative '*' width means '-' */
		sp->flags |= FLAG_LEFT;
		sp->width = -sp->width;
	}

	sp->precision = -1;
	if (*fmt == '.') {
		int precision;

		fmt++;
		precision = parse_field(&fmt, ap);
		if (precision >= 0)	/* a negative '*' means none */
			sp->precision = precision;
	}

	fmt = parse_length(fmt, &sp->length);
	sp->conv = *fmt;
	return fmt;
}

static long long fetch_signed(enum fmt_length length, va_list *ap)
{
	switch (length) {
	case LEN_CHAR:
		return (signed char)va_arg(*ap, int);
	case LEN_SHORT:
		return (short)va_arg(*ap, int);
	case LEN_LONG:
		return va_arg(*ap, long);
	case LEN_LLONG:
		return va_arg(*ap, long long);
	case LEN_SIZE:
		return va_arg(*ap, ssize_t);
	case LEN_PTRDIFF:
		return va_arg(*ap, ptrdiff_t);
	case LEN_INTMAX:
		return va_arg(*ap, intmax_t);
	default:
		return va_arg(*ap, int);
	}
}

static unsigned long long fetch_unsigned(enum fmt_length length, va_list *ap)
{
	switch (length) {
	case LEN_CHAR:
		return (unsigned char)va_arg(*ap, unsigned int);
	case LEN_SHORT:
		return (unsigned short)va_arg(*ap, unsigned int);
	case LEN_LONG:
		return va_arg(*ap, unsigned long);
	case LEN_LLONG:
		return va_arg(*ap, unsigned long long);
	case LEN_SIZE:
		return va_arg(*ap, size_t);
	case LEN_PTRDIFF:
		return (size_t)va_arg(*ap, ptrdiff_t);
	case LEN_INTMAX:
		return va_arg(*ap, uintmax_t);
	default:
		return va_arg(*ap, unsigned int);
	}
}

/* The "0x" of %#x and %p; %#x of zero has none, as C says. */
static const char *number_prefix(const struct fmt_spec *sp,
				 unsigned long long num)
{
	if (sp->conv == 'p' || (sp->conv == 'x' && num && sp->flags & FLAG_ALT))
		return "0x";
	if (sp->conv == 'X' && num && sp->flags & FLAG_ALT)
		return "0X";
	return "";
}

/*
 * Print @num (its magnitude; @sign is '-', '+', ' ' or 0) as C does: the
 * precision is a minimum number of digits, so "%.0d" of 0 prints none; the
 * '0' flag pads between sign or prefix and digits, unless a precision or
 * '-' is given; "%#o" makes sure the first digit is 0.
 */
static void put_number(struct outbuf *o, const struct fmt_spec *sp,
		       unsigned long long num, char sign)
{
	const char *digit_chars = sp->conv == 'X' ? "0123456789ABCDEF"
						  : "0123456789abcdef";
	unsigned int base = sp->conv == 'o' ? 8 : sp->conv == 'u' ||
			    sp->conv == 'd' || sp->conv == 'i' ? 10 : 16;
	const char *prefix = number_prefix(sp, num);
	char digits[22];		/* 2^64 - 1 in octal */
	int nr_digits = 0, zeros, pad;

	for (; num; num /= base)
		digits[nr_digits++] = digit_chars[num % base];

	zeros = max((sp->precision < 0 ? 1 : sp->precision) - nr_digits, 0);
	if (base == 8 && sp->flags & FLAG_ALT && !zeros)
		zeros = 1;	/* digits[] never ends in a 0: add one */

	pad = sp->width - (!!sign + (int)strlen(prefix) + zeros + nr_digits);
	if ((sp->flags & (FLAG_ZERO | FLAG_LEFT)) == FLAG_ZERO &&
	    sp->precision < 0 && pad > 0) {
		zeros += pad;
		pad = 0;
	}

	if (!(sp->flags & FLAG_LEFT))
		put_padding(o, ' ', pad);
	if (sign)
		put_char(o, sign);
	put_chars(o, prefix, strlen(prefix));
	put_padding(o, '0', zeros);
	while (nr_digits)
		put_char(o, digits[--nr_digits]);
	if (sp->flags & FLAG_LEFT)
		put_padding(o, ' ', pad);
}

static void put_signed(struct outbuf *o, const struct fmt_spec *sp,
		       long long v)
{
	char sign = 0;

	if (v < 0)
		sign = '-';
	else if (sp->flags & FLAG_PLUS)
		sign = '+';
	else if (sp->flags & FLAG_SPACE)
		sign = ' ';
	/* negate as unsigned: no overflow at LLONG_MIN */
	put_number(o, sp, v < 0 ? 0 - (unsigned long long)v :
				  (unsigned long long)v, sign);
}

/* %s and %c: @n characters, space-padded to the width. */
static void put_text(struct outbuf *o, const struct fmt_spec *sp,
		     const char *s, size_t n)
{
	int pad = n < (size_t)sp->width ? sp->width - (int)n : 0;

	if (!(sp->flags & FLAG_LEFT))
		put_padding(o, ' ', pad);
	put_chars(o, s, n);
	if (sp->flags & FLAG_LEFT)
		put_padding(o, ' ', pad);
}

/* Print one conversion; false if it is unknown. */
static bool put_conversion(struct outbuf *o, struct fmt_spec *sp, va_list *ap)
{
	const char *s;
	size_t n;
	char c;

	switch (sp->conv) {
	case 'd':
	case 'i':
		put_signed(o, sp, fetch_signed(sp->length, ap));
		return true;
	case 'u':
	case 'o':
	case 'x':
	case 'X':
		put_number(o, sp, fetch_unsigned(sp->length, ap), 0);
		return true;
	case 'p':
		sp->precision = 2 * sizeof(void *);	/* every hex digit */
		put_number(o, sp, (uintptr_t)va_arg(*ap, void *), 0);
		return true;
	case 'c':
		c = va_arg(*ap, int);
		put_text(o, sp, &c, 1);
		return true;
	case 's':
		s = va_arg(*ap, const char *);
		if (!s)
			s = "(null)";
		/* strnlen(): with a precision, @s need not be terminated */
		n = sp->precision < 0 ? (size_t)-1 : (size_t)sp->precision;
		put_text(o, sp, s, strnlen(s, n));
		return true;
	case '%':
		put_char(o, '%');
		return true;
	default:
		return false;
	}
}

int vsnprintf(char *buf, size_t size, const char *fmt, va_list ap)
{
	return vsnprintf_from(buf, size, 0, fmt, ap);
}

int vsnprintf_from(char *buf, size_t size, size_t from, const char *fmt, va_list ap)
{
	struct outbuf o = { .buf = buf, .size = size, .len = 0, .from = from };
	struct fmt_spec sp;
	va_list args;

	va_copy(args, ap);	/* a local va_list: its address is portable */
	for (;;) {
		const char *text = fmt;

		while (*fmt && *fmt != '%')
			fmt++;
		put_chars(&o, text, fmt - text);
		if (!*fmt)
			break;
		fmt = parse_spec(fmt + 1, &sp, &args);
		if (!put_conversion(&o, &sp, &args))
			break;
		fmt++;
	}
	va_end(args);

	if (size)
		buf[min(o.len - min(o.len, from), size - 1)] = '\0';
	return o.len;
}

int snprintf(char *buf, size_t size, const char *fmt, ...)
{
	va_list ap;
	int len;

	va_start(ap, fmt);
	len = vsnprintf(buf, size, fmt, ap);
	va_end(ap);
	return len;
}

int vsprintf(char *buf, const char *fmt, va_list ap)
{
	return vsnprintf(buf, INT_MAX, fmt, ap);
}

int sprintf(char *buf, const char *fmt, ...)
{
	va_list ap;
	int len;

	va_start(ap, fmt);
	len = vsnprintf(buf, INT_MAX, fmt, ap);
	va_end(ap);
	return len;
}

int vscnprintf(char *buf, size_t size, const char *fmt, va_list ap)
{
	int len = vsnprintf(buf, size, fmt, ap);

	if ((size_t)len < size)
		return len;
	return size ? size - 1 : 0;
}

int scnprintf(char *buf, size_t size, const char *fmt, ...)
{
	va_list ap;
	int len;

	va_start(ap, fmt);
	len = vscnprintf(buf, size, fmt, ap);
	va_end(ap);
	return len;
}
