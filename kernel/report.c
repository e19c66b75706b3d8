/* SPDX-License-Identifier: MIT */
/*
 * kernel/report.c — reports as a text table and a JSON line from the same
 * calls (include/nodal/report.h).
 *
 * report_print() holds the console and runs the report's emit function
 * twice.  In the text pass each value is printed with its field's format
 * and the structure calls print nothing but the end of an item's line; in
 * the JSON pass the values become "key":value pairs, commas go where
 * first[depth] says a value came before, and the whole document is one
 * line between the JSON-BEGIN and JSON-END markers.  Formatting goes
 * through console_printf() a value at a time, so a report of any length
 * needs no buffer.  No state outside the caller's struct report: reports
 * may run on several harts at once (the console serialises their output).
 */
#include <linux/bug.h>
#include <linux/printk.h>
#include <linux/sprintf.h>
#include <nodal/report.h>

/*
 * Whether the current container has no value yet.  Past REPORT_MAX_DEPTH
 * (warned when the container opened) the deepest slot serves them all: the
 * brackets still balance, a comma may go missing.
 */
static bool *first_at_depth(struct report *r)
{
	return &r->first[min(r->depth, REPORT_MAX_DEPTH - 1)];
}

/* The separator before a new value or container at the current depth. */
static void json_sep(struct report *r)
{
	bool *first = first_at_depth(r);

	if (!*first)
		console_write(",", 1);
	*first = false;
}

/* @s as a JSON string; NULL as null. */
static void json_string(const char *s)
{
	char buf[8];

	if (!s) {
		console_write("null", 4);
		return;
	}
	console_write("\"", 1);
	for (; *s; s++) {
		unsigned char c = *s;

		if (c == '"' || c == '\\') {
			buf[0] = '\\';
			buf[1] = c;
			console_write(buf, 2);
		} else if (c < 0x20) {
			console_write(buf,
				      scnprintf(buf, sizeof(buf), "\\u%04x", c));
		} else {
			console_write((const char *)s, 1);
		}
	}
	console_write("\"", 1);
}

/* "key": (or nothing inside a list), after the separator. */
static void json_key(struct report *r, const char *key)
{
	json_sep(r);
	if (key) {
		json_string(key);
		console_write(":", 1);
	}
}

/*
 * The pass @f prints in: text needs a format, JSON a key.  On true in the
 * JSON pass, the key has been written and the value is due.
 */
static bool field_in_pass(struct report *r, const struct report_field *f)
{
	if (!r->json)
		return f->fmt;
	if (!f->key)
		return false;
	json_key(r, f->key);
	return true;
}

static void open_container(struct report *r, const char *key, char c)
{
	if (!r->json)
		return;
	json_key(r, key);
	console_write(&c, 1);
	WARN_ON_ONCE(r->depth + 1 == REPORT_MAX_DEPTH); /* nested too deep */
	r->depth++;
	*first_at_depth(r) = true;
}

/* A close with nothing open is refused: the line's own braces stay paired. */
static void close_container(struct report *r, char c)
{
	if (!r->json || WARN_ON_ONCE(!r->depth))
		return;
	console_write(&c, 1);
	r->depth--;
}

void report_print(const char *name, report_emit_t emit, void *arg)
{
	struct report r = { .name = name };

	console_lock();
	emit(&r, arg);
	r = (struct report){ .name = name, .json = true, .first = { true } };
	console_printf("JSON-BEGIN %s\n{", name);
	report_str(&r, &(struct report_field){ "report", NULL }, name);
	emit(&r, arg);
	WARN_ON_ONCE(r.depth);
	console_printf("}\nJSON-END\n");
	console_unlock();
}

void report_u64(struct report *r, const struct report_field *f, u64 v)
{
	if (field_in_pass(r, f))
		console_printf(r->json ? "%llu" : f->fmt, (unsigned long long)v);
}

void report_s64(struct report *r, const struct report_field *f, s64 v)
{
	if (field_in_pass(r, f))
		console_printf(r->json ? "%lld" : f->fmt, (long long)v);
}

void report_bool(struct report *r, const struct report_field *f, bool v)
{
	if (field_in_pass(r, f))
		console_printf(r->json ? "%s" : f->fmt,
			       r->json ? (v ? "true" : "false") :
					 (v ? "yes" : "no"));
}

void report_str(struct report *r, const struct report_field *f, const char *s)
{
	if (!field_in_pass(r, f))
		return;
	if (r->json)
		json_string(s);
	else
		console_printf(f->fmt, s);
}

void report_usec(struct report *r, const struct report_field *f, u64 ns)
{
	char us[24];

	if (!field_in_pass(r, f))
		return;
	if (r->json) {
		console_printf("%llu", (unsigned long long)ns);
		return;
	}
	ns += 5; /* rounded to hundredths of a microsecond */
	snprintf(us, sizeof(us), "%llu.%02u", (unsigned long long)(ns / 1000),
		 (unsigned int)(ns % 1000) / 10);
	console_printf(f->fmt, us);
}

void report_fixed(struct report *r, const struct report_field *f, u64 v,
		  unsigned int decimals)
{
	char digits[32];
	u64 scale = 1;

	if (!field_in_pass(r, f))
		return;
	if (WARN_ON_ONCE(decimals > REPORT_MAX_DECIMALS))
		decimals = REPORT_MAX_DECIMALS;
	for (unsigned int i = 0; i < decimals; i++)
		scale *= 10;
	if (decimals)
		snprintf(digits, sizeof(digits), "%llu.%0*llu",
			 (unsigned long long)(v / scale), (int)decimals,
			 (unsigned long long)(v % scale));
	else
		snprintf(digits, sizeof(digits), "%llu", (unsigned long long)v);
	console_printf(r->json ? "%s" : f->fmt, digits);
}

void report_list_u64(struct report *r, const char *fmt, u64 v)
{
	if (!r->json) {
		if (fmt)
			console_printf(fmt, (unsigned long long)v);
		return;
	}
	json_sep(r);
	console_printf("%llu", (unsigned long long)v);
}

void report_list(struct report *r, const char *key)
{
	open_container(r, key, '[');
}

void report_list_end(struct report *r)
{
	close_container(r, ']');
}

void report_object(struct report *r, const char *key)
{
	open_container(r, key, '{');
}

void report_object_end(struct report *r)
{
	close_container(r, '}');
}

void report_item(struct report *r)
{
	open_container(r, NULL, '{');
}

void report_item_end(struct report *r)
{
	if (!r->json) {
		console_write("\n", 1);
		return;
	}
	close_container(r, '}');
}

void report_text(struct report *r, const char *fmt, ...)
{
	char buf[512];
	va_list ap;
	int len;

	if (r->json)
		return;
	va_start(ap, fmt);
	len = vscnprintf(buf, sizeof(buf), fmt, ap);
	va_end(ap);
	console_write(buf, len);
}
