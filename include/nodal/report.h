/* SPDX-License-Identifier: MIT */
/*
 * include/nodal/report.h — a report prints a text table and a JSON line
 * from the same calls.
 *
 * Implemented by: kernel/report.c.  No Linux counterpart: Linux's /proc
 * files print text only (seq_file); Nodal's shell commands print Linux's
 * text layout for people, then the same figures as one JSON line between
 * "JSON-BEGIN <name>" and "JSON-END" for host tools (tools/study,
 * tools/bench, tools/run-tests).
 *
 * A report is a function that emits its values through this API; the
 * caller of report_print() runs it twice, once for the text and once for
 * the JSON, so both come from the same calls and every JSON key is written
 * once, in the report's table of fields:
 *
 *	static const struct report_field slab_fields[] = {
 *		[F_NAME]   = { "name",        "%-17s" },
 *		[F_ACTIVE] = { "active_objs", " %6llu" },
 *	};
 *	static void slabinfo_emit(struct report *r, void *arg)
 *	{
 *		report_list(r, "caches");
 *		for each cache:
 *			report_item(r);
 *			report_str(r, &slab_fields[F_NAME], s->name);
 *			report_u64(r, &slab_fields[F_ACTIVE], active);
 *			report_item_end(r);		(text: ends the line)
 *		report_list_end(r);
 *	}
 *	report_print("slabinfo", slabinfo_emit, NULL);
 *
 * The rule: snapshot, then report_print().  The emit function runs twice,
 * so a report whose figures can change between the passes (a counter,
 * a free count, a list length: anything another hart or an interrupt
 * updates) reads them once, into a snapshot, before it calls
 * report_print(), and its emit function prints only from that snapshot
 * and from what is fixed after boot (node and CPU numbering, sizes,
 * distances); then the text and the JSON agree.  Only a report whose
 * figures nothing else changes while it prints (a task's own policy and
 * page counts, the result of a finished run) may read them in place.
 *
 * A field with a NULL text format is JSON only, one with a NULL key text
 * only (lock_stat's averages); report_text() prints in the text pass only
 * (headings, rules, Linux's extra lines).  Lists and items shape the JSON;
 * in the text pass an item ends its line.  A report whose Linux layout is
 * transposed (numastat: counters as rows) may ask report_is_text() and
 * walk its data the other way for the text, still through its one table
 * of fields; so may a report whose text shows less than its JSON (`meminfo
 * 1` prints one node, its JSON every node).
 *
 * Misuse is a bug in the report, warned once (WARN_ON_ONCE) and kept from
 * spreading: a close with nothing open writes nothing; lists and objects
 * nested more than REPORT_MAX_DEPTH - 1 deep still close in order (a comma
 * may go missing inside them); a container left open at the end is
 * warned about after the line.  A NULL string prints as JSON's null.
 */
#ifndef NODAL_REPORT_H
#define NODAL_REPORT_H

#include <linux/types.h>

#define REPORT_MAX_DEPTH    6
#define REPORT_MAX_DECIMALS 9

/* One value of a report: its JSON key and its text format. */
struct report_field {
	const char *key; /* JSON key (Linux's name where Linux has one), NULL: text only */
	const char *fmt; /* printf format of the text column, NULL: JSON only */
};

struct report {
	const char *name;	      /* JSON-BEGIN name and "report" value */
	bool json;		      /* this pass prints the JSON line */
	int depth;		      /* open lists and objects */
	bool first[REPORT_MAX_DEPTH]; /* no value yet at this depth */
};

typedef void (*report_emit_t)(struct report *r, void *arg);

/**
 * report_print() - run @emit for the text, then for the JSON line
 * @name: the report's name: "JSON-BEGIN @name", and {"report":"@name",...}
 * @emit: prints the report's values through the report_*() calls
 *
 * Holds the console for both passes, so the report is never interleaved
 * with other harts' lines; @emit must not sleep, take the console, or take
 * a lock that another hart may hold while it prints (a zone or list lock:
 * validators print under them), and prints live figures only from a
 * snapshot taken before, into @arg (the rule above).
 * Context: task or interrupt, any interrupt state.
 */
void report_print(const char *name, report_emit_t emit, void *arg);

/** report_is_text() - is this the text pass? (for transposed layouts) */
static inline bool report_is_text(const struct report *r)
{
	return !r->json;
}

/* Values.  Text: printf(field->fmt, value); JSON: "key":value. */
void report_u64(struct report *r, const struct report_field *f, u64 v);
void report_s64(struct report *r, const struct report_field *f, s64 v);
void report_bool(struct report *r, const struct report_field *f, bool v);
/* JSON escapes '"', '\\' and control characters; NULL is null. */
void report_str(struct report *r, const struct report_field *f, const char *s);
/* Nanoseconds: text as microseconds with two decimals (lock_stat's
 * layout; the format takes a string), JSON as integer nanoseconds. */
void report_usec(struct report *r, const struct report_field *f, u64 ns);
/*
 * A decimal fraction without floating point: @v counts units of
 * 10^-@decimals (24100 with 2 is 241.00, the caller rounds as it likes).
 * Text: the digits as a string through the format; JSON: the same digits
 * as a number.  @decimals is at most REPORT_MAX_DECIMALS.
 */
void report_fixed(struct report *r, const struct report_field *f, u64 v,
		  unsigned int decimals);

/* A bare value inside a list ("free":[1,2,3]); text: printf(fmt, v). */
void report_list_u64(struct report *r, const char *fmt, u64 v);

/* Structure: JSON lists and objects; in the text pass an item ends its line. */
void report_list(struct report *r, const char *key);   /* "key":[ */
void report_list_end(struct report *r);		       /* ] */
void report_object(struct report *r, const char *key); /* "key":{ */
void report_object_end(struct report *r);	       /* } */
void report_item(struct report *r);		       /* { in a list */
void report_item_end(struct report *r);		       /* }, text: \n */

/** report_text() - printf in the text pass only */
__printf(2, 3) void report_text(struct report *r, const char *fmt, ...);

#endif /* NODAL_REPORT_H */
