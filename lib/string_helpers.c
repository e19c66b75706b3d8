/* SPDX-License-Identifier: MIT */
/*
 * lib/string_helpers.c — human-readable sizes, escaping and unescaping.
 *
 * The API is in include/linux/string_helpers.h.  string_get_size() keeps
 * Linux's arithmetic, digit for digit: both factors are first divided down
 * below 2^32 (counting the unit steps), multiplied, divided down below one
 * unit step keeping the last remainder, and that remainder (in thousandths)
 * is rounded half up to the digits that fit in 3 significant figures.  The
 * escapers write through a cursor that counts every byte but stores only
 * those that fit in the buffer, so a call with a short buffer (or none) returns
 * the length the output needs.
 */
#include <linux/ctype.h>
#include <linux/sprintf.h>
#include <linux/string.h>
#include <linux/string_helpers.h>

int string_get_size(u64 size, u64 blk_size, const enum string_size_units units,
		    char *buf, int len)
{
	static const char *const prefixes[2][9] = {
		[STRING_UNITS_10] = { "", "k", "M", "G", "T", "P", "E", "Z", "Y" },
		[STRING_UNITS_2] = { "", "Ki", "Mi", "Gi", "Ti", "Pi", "Ei",
				     "Zi", "Yi" },
	};
	static const unsigned int round_half[] = { 500, 50, 5 };
	unsigned int base = units & STRING_UNITS_MASK;
	unsigned int step = base == STRING_UNITS_2 ? 1024 : 1000;
	unsigned int steps = 0, decimals = 0, rem = 0, v;
	char frac[8] = "";

	if (!blk_size)
		size = 0;
	if (size) {
		for (; blk_size >> 32; steps++)
			blk_size /= step;
		for (; size >> 32; steps++)
			size /= step;
		size *= blk_size; /* both below 2^32: no overflow */
		for (; size >= step; steps++) {
			rem = size % step;
			size /= step;
		}
		/* 3 significant figures: 2 decimals below 10, 1 below 100 */
		for (v = size; v < 100 && decimals < 2; v *= 10)
			decimals++;
		if (base == STRING_UNITS_2)
			rem = (rem * 1000) >> 10; /* 1024ths to 1000ths */
		rem += round_half[decimals];
		if (rem >= 1000) {
			rem -= 1000;
			size++;
		}
		if (decimals) {
			snprintf(frac, sizeof(frac), ".%03u", rem);
			frac[decimals + 1] = '\0';
		}
	}
	return snprintf(buf, len, "%u%s%s%s%s", (u32)size, frac,
			units & STRING_UNITS_NO_SPACE ? "" : " ",
			steps < ARRAY_SIZE(prefixes[0]) ? prefixes[base][steps] :
							  "UNK",
			units & STRING_UNITS_NO_BYTES ? "" : "B");
}

/* The value of hexadecimal digit @c, or -1. */
static int hex_digit(char c)
{
	if (c >= '0' && c <= '9')
		return c - '0';
	c = _tolower(c);
	if (c >= 'a' && c <= 'f')
		return c - 'a' + 10;
	return -1;
}

/*
 * Decode the escape whose first character (after the '\') is at *@src into
 * *@out, if it is one of @flags' classes; advance *@src past it.
 */
static bool unescape_one(const char **src, char *out, unsigned int flags)
{
	static const char space_from[] = "nrtvf", space_to[] = "\n\r\t\v\f";
	static const char special_from[] = "\"\\ae", special_to[] = "\"\\\a\e";
	const char *s = *src, *hit;
	unsigned int v;
	int d;

	if ((flags & UNESCAPE_SPACE) && *s && (hit = strchr(space_from, *s))) {
		*out = space_to[hit - space_from];
		*src = s + 1;
		return true;
	}
	if ((flags & UNESCAPE_OCTAL) && isodigit(*s)) {
		/* Up to 3 digits, and none that would reach 256 or more. */
		for (v = *s++ - '0'; v < 32 && isodigit(*s) && s - *src < 3; s++)
			v = v * 8 + (*s - '0');
		*out = v;
		*src = s;
		return true;
	}
	if ((flags & UNESCAPE_HEX) && *s == 'x' && hex_digit(s[1]) >= 0) {
		v = hex_digit(s[1]);
		s += 2;
		d = hex_digit(*s);
		if (d >= 0) {
			v = v * 16 + d;
			s++;
		}
		*out = v;
		*src = s;
		return true;
	}
	if ((flags & UNESCAPE_SPECIAL) && *s && (hit = strchr(special_from, *s))) {
		*out = special_to[hit - special_from];
		*src = s + 1;
		return true;
	}
	return false;
}

int string_unescape(char *src, char *dst, size_t size, unsigned int flags)
{
	const char *s = src;
	char *out = dst;

	if (!size)
		size = SIZE_MAX;
	/* --size: one byte is always kept for the NUL. */
	while (*s && --size) {
		/* An escape needs a following character and 2 bytes of room. */
		if (s[0] == '\\' && s[1] && size > 1) {
			s++;
			size--;
			if (unescape_one(&s, out, flags)) {
				out++;
				continue;
			}
			*out++ = '\\';
		}
		*out++ = *s++;
	}
	*out = '\0';
	return out - dst;
}

/* The output: every byte is counted, those within @size stored. */
struct esc_out {
	char *dst;
	size_t size;
	size_t len;
};

static void put(struct esc_out *o, char c)
{
	if (o->len < o->size)
		o->dst[o->len] = c;
	o->len++;
}

/* The letter after '\' that escapes @c in @flags' named classes, or 0. */
static char escape_letter(unsigned char c, unsigned int flags)
{
	static const char space_from[] = "\n\r\t\v\f", space_to[] = "nrtvf";
	static const char special_from[] = "\\\a\e\"", special_to[] = "\\ae\"";
	const char *hit;

	if ((flags & ESCAPE_SPACE) && c && (hit = strchr(space_from, c)))
		return space_to[hit - space_from];
	if ((flags & ESCAPE_SPECIAL) && c && (hit = strchr(special_from, c)))
		return special_to[hit - special_from];
	if ((flags & ESCAPE_NULL) && !c)
		return '0';
	return 0;
}

/* Is @c left as it is, by @only or by the NP/NA/NAP flags? */
static bool escape_leaves(unsigned char c, unsigned int flags, const char *only)
{
	bool is_dict = only && *only;
	/* strchr() finds the terminator: NUL is in every dictionary. */
	bool in_dict = is_dict && strchr(only, c);
	bool append = flags & ESCAPE_APPEND;

	if (is_dict && !append && !in_dict)
		return true;
	if (append && in_dict)
		return false; /* NAP, NP and NA do not protect it */
	return ((flags & ESCAPE_NAP) && isascii(c) && isprint(c)) ||
	       ((flags & ESCAPE_NP) && isprint(c)) ||
	       ((flags & ESCAPE_NA) && isascii(c));
}

static void escape_one(struct esc_out *o, unsigned char c, unsigned int flags,
		       const char *only)
{
	static const char hex[] = "0123456789abcdef";
	char letter;

	if (escape_leaves(c, flags, only)) {
		put(o, c);
	} else if ((letter = escape_letter(c, flags))) {
		put(o, '\\');
		put(o, letter);
	} else if (flags & ESCAPE_OCTAL) {
		put(o, '\\');
		put(o, '0' + (c >> 6));
		put(o, '0' + ((c >> 3) & 7));
		put(o, '0' + (c & 7));
	} else if (flags & ESCAPE_HEX) {
		put(o, '\\');
		put(o, 'x');
		put(o, hex[c >> 4]);
		put(o, hex[c & 15]);
	} else {
		put(o, c);
	}
}

int string_escape_mem(const char *src, size_t isz, char *dst, size_t osz,
		      unsigned int flags, const char *only)
{
	struct esc_out o = { .dst = dst, .size = osz };

	while (isz--)
		escape_one(&o, *src++, flags, only);
	return o.len;
}
