/* SPDX-License-Identifier: MIT */
/*
 * tests/host/report_test.c — kernel/report.c on the host: the text and the
 * JSON line a report prints, compared with what the report's calls must
 * give, written out by hand below.
 *
 * kernel/report.c is compiled unmodified with lib/'s renamed symbols
 * (lib_rename.h); this file supplies the console it prints to (a buffer)
 * and __warn() (counted).  Each case runs a report and compares the whole
 * output, so a missing comma, a wrong escape or a text column printed in
 * the JSON pass fails it.  Ends with "report_test: N passed, N failed".
 */
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include <nodal/report.h>

static char out[8192];
static size_t out_len;
static int console_depth, warnings, passed, failed;

void console_lock(void)
{
	console_depth++;
}
void console_unlock(void)
{
	console_depth--;
}

void console_write(const char *s, size_t len)
{
	if (out_len + len < sizeof(out)) {
		memcpy(out + out_len, s, len);
		out_len += len;
		out[out_len] = 0;
	}
}

int console_printf(const char *fmt, ...)
{
	char buf[1024];
	va_list ap;
	int len;

	va_start(ap, fmt);
	len = vsnprintf(buf, sizeof(buf), fmt, ap);
	va_end(ap);
	console_write(buf, (size_t)len);
	return len;
}

void __warn(const char *file, int line, const char *cond)
{
	fprintf(stderr, "warning at %s:%d: %s\n", file, line, cond);
	warnings++;
}

/* The whole output is @want, the console was let go, @warned warnings. */
static void expect_warned(const char *what, const char *want, int warned)
{
	if (!strcmp(out, want) && !console_depth && warnings == warned) {
		passed++;
		return;
	}
	failed++;
	printf("FAIL %s\n--- want (%d warnings)\n%s\n--- got\n%s\n--- console depth %d, warnings %d\n",
	       what, warned, want, out, console_depth, warnings);
}

static void expect(const char *what, const char *want)
{
	expect_warned(what, want, 0);
}

static void reset(void)
{
	out_len = 0;
	out[0] = 0;
	warnings = 0;
}

enum { F_NAME, F_COUNT, F_DELTA, F_WAIT, F_AVG, F_ON, NR_F };
static const struct report_field fields[NR_F] = {
	[F_NAME] = { "name", "%-8s" },	    [F_COUNT] = { "count", " %5llu" },
	[F_DELTA] = { "delta", " %+4lld" }, [F_WAIT] = { "wait_ns", " %8s" },
	[F_AVG] = { NULL, " avg=%s" }, /* text only */
	[F_ON] = { "enabled", NULL },  /* JSON only */
};

struct row {
	const char *name;
	u64 count;
	s64 delta;
	u64 wait_ns;
};

static void rows_emit(struct report *r, void *arg)
{
	const struct row *rows = arg;

	report_text(r, "name     count delta     wait\n");
	report_bool(r, &fields[F_ON], true);
	report_list(r, "rows");
	for (int i = 0; i < 2; i++) {
		report_item(r);
		report_str(r, &fields[F_NAME], rows[i].name);
		report_u64(r, &fields[F_COUNT], rows[i].count);
		report_s64(r, &fields[F_DELTA], rows[i].delta);
		report_usec(r, &fields[F_WAIT], rows[i].wait_ns);
		report_usec(r, &fields[F_AVG], rows[i].wait_ns / 2);
		report_item_end(r);
	}
	report_list_end(r);
}

/* A table of rows: text columns, JSON objects, text-only and JSON-only fields. */
static void table_of_rows(void)
{
	static const struct row rows[2] = {
		{ "zone", 12, -3, 1234 },
		{ "a\"b\\c\n", 0, 7, 999994 },
	};

	reset();
	report_print("rows", rows_emit, (void *)rows);
	expect("table_of_rows",
	       "name     count delta     wait\n"
	       "zone        12   -3     1.23 avg=0.62\n"
	       "a\"b\\c\n       0   +7   999.99 avg=500.00\n"
	       "JSON-BEGIN rows\n"
	       "{\"report\":\"rows\",\"enabled\":true,\"rows\":["
	       "{\"name\":\"zone\",\"count\":12,\"delta\":-3,\"wait_ns\":1234},"
	       "{\"name\":\"a\\\"b\\\\c\\u000a\",\"count\":0,\"delta\":7,\"wait_ns\":999994}]}\n"
	       "JSON-END\n");
}

static void nested_emit(struct report *r, void *arg)
{
	(void)arg;
	report_object(r, "zone");
	report_u64(r, &fields[F_COUNT], 5);
	report_list(r, "free");
	for (u64 o = 0; o < 3; o++)
		report_list_u64(r, " %llu", o * 10);
	report_list_end(r);
	report_object_end(r);
	report_list(r, "empty");
	report_list_end(r);
	report_text(r, "\n");
}

/* Objects and bare lists nest; an empty list stays valid JSON. */
static void nested_lists(void)
{
	reset();
	report_print("nested", nested_emit, NULL);
	expect("nested_lists",
	       "     5 0 10 20\n"
	       "JSON-BEGIN nested\n"
	       "{\"report\":\"nested\",\"zone\":{\"count\":5,\"free\":[0,10,20]},\"empty\":[]}\n"
	       "JSON-END\n");
}

static void members_emit(struct report *r, void *arg)
{
	static const struct report_field node = { "node", " node%llu" };
	static const struct report_field pages = { "pages", "=%llu" };

	(void)arg;
	report_text(r, "pages:");
	report_list(r, "pages");
	for (u64 n = 0; n < 2; n++) {
		report_object(r, NULL); /* inline: ends no line */
		report_u64(r, &node, n);
		report_u64(r, &pages, 10 + n);
		report_object_end(r);
	}
	report_list_end(r);
	report_text(r, "\n");
	report_list(r, "matrix");
	for (u64 a = 0; a < 2; a++) {
		report_text(r, "row%llu:", (unsigned long long)a);
		report_list(r, NULL);
		for (u64 b = 0; b <= a; b++)
			report_list_u64(r, " %llu", a * 2 + b);
		report_list_end(r);
		report_text(r, "\n");
	}
	report_list_end(r);
}

/* Members of a list without keys: objects on one text line, lists of lists. */
static void list_members(void)
{
	reset();
	report_print("members", members_emit, NULL);
	expect("list_members",
	       "pages: node0=10 node1=11\n"
	       "row0: 0\n"
	       "row1: 2 3\n"
	       "JSON-BEGIN members\n"
	       "{\"report\":\"members\",\"pages\":[{\"node\":0,\"pages\":10},"
	       "{\"node\":1,\"pages\":11}],\"matrix\":[[0],[2,3]]}\n"
	       "JSON-END\n");
}

static void fixed_emit(struct report *r, void *arg)
{
	static const struct report_field ratio = { "ratio", "[%6s]" };
	static const struct report_field whole = { "whole", " [%s]" };
	static const struct report_field tiny = { "tiny", " [%s]\n" };

	(void)arg;
	report_fixed(r, &ratio, 24100, 2);
	report_fixed(r, &whole, 7, 0);
	report_fixed(r, &tiny, 5, 3);
}

/* Fixed-point decimals: leading zeros of the fraction kept, no point for 0. */
static void fixed_point(void)
{
	reset();
	report_print("fixed", fixed_emit, NULL);
	expect("fixed_point",
	       "[241.00] [7] [0.005]\n"
	       "JSON-BEGIN fixed\n"
	       "{\"report\":\"fixed\",\"ratio\":241.00,\"whole\":7,\"tiny\":0.005}\n"
	       "JSON-END\n");
}

static void too_many_decimals_emit(struct report *r, void *arg)
{
	static const struct report_field f = { "v", "%s\n" };

	(void)arg;
	report_fixed(r, &f, 12345678901ULL, 10);
}

/* More decimals than REPORT_MAX_DECIMALS: warned, printed with the most. */
static void too_many_decimals(void)
{
	reset();
	report_print("dec", too_many_decimals_emit, NULL);
	expect_warned("too_many_decimals",
		      "12.345678901\n"
		      "JSON-BEGIN dec\n"
		      "{\"report\":\"dec\",\"v\":12.345678901}\n"
		      "JSON-END\n",
		      1);
}

static void unbalanced_emit(struct report *r, void *arg)
{
	(void)arg;
	report_list(r, "open");
}

/* A report that leaves a list open is warned about (and the console freed). */
static void unbalanced_is_warned(void)
{
	reset();
	report_print("bad", unbalanced_emit, NULL);
	expect_warned("unbalanced_is_warned",
		      "JSON-BEGIN bad\n"
		      "{\"report\":\"bad\",\"open\":[}\n"
		      "JSON-END\n",
		      1);
}

static const struct report_field value = { "v", "%llu\n" };

static void close_without_open_emit(struct report *r, void *arg)
{
	(void)arg;
	report_list_end(r);
	report_object_end(r);
	report_u64(r, &value, 1);
}

/*
 * Closing what was never opened is warned about and writes nothing: the
 * report's own braces stay paired and the value after it still prints.
 */
static void close_without_open_is_refused(void)
{
	reset();
	report_print("close", close_without_open_emit, NULL);
	expect_warned("close_without_open_is_refused",
		      "1\n"
		      "JSON-BEGIN close\n"
		      "{\"report\":\"close\",\"v\":1}\n"
		      "JSON-END\n",
		      1);
}

static void too_deep_emit(struct report *r, void *arg)
{
	(void)arg;
	report_list(r, "l");
	for (int i = 1; i < REPORT_MAX_DEPTH; i++)
		report_list(r, NULL);
	report_list_u64(r, "%llu\n", 7);
	for (int i = 0; i < REPORT_MAX_DEPTH; i++)
		report_list_end(r);
	report_u64(r, &value, 8);
}

/*
 * Lists nested REPORT_MAX_DEPTH deep, one more than the depth the API
 * keeps: warned once, and every bracket still closes where it should.
 */
static void nesting_too_deep_stays_balanced(void)
{
	reset();
	report_print("deep", too_deep_emit, NULL);
	expect_warned("nesting_too_deep_stays_balanced",
		      "7\n8\n"
		      "JSON-BEGIN deep\n"
		      "{\"report\":\"deep\",\"l\":[[[[[[7]]]]]],\"v\":8}\n"
		      "JSON-END\n",
		      1);
}

static void null_string_emit(struct report *r, void *arg)
{
	static const struct report_field name = { "name", "[%s]\n" };

	(void)arg;
	report_str(r, &name, NULL);
}

/* A NULL string is JSON's null, and the text printf's "(null)". */
static void null_string_is_json_null(void)
{
	reset();
	report_print("null", null_string_emit, NULL);
	expect("null_string_is_json_null",
	       "[(null)]\n"
	       "JSON-BEGIN null\n"
	       "{\"report\":\"null\",\"name\":null}\n"
	       "JSON-END\n");
}

int main(void)
{
	table_of_rows();
	nested_lists();
	list_members();
	fixed_point();
	too_many_decimals();
	unbalanced_is_warned();
	close_without_open_is_refused();
	nesting_too_deep_stays_balanced();
	null_string_is_json_null();
	printf("report_test: %d passed, %d failed\n", passed, failed);
	return failed ? 1 : 0;
}
