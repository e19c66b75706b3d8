/* SPDX-License-Identifier: MIT */
/*
 * kernel/smp/lock_stat.c — the `lockstat` command: Linux's /proc/lock_stat
 * v0.4 table, then one JSON line.
 *
 * A report on top of the lock classes (theory in spinlock.c): it takes a
 * racy snapshot of every class (lock_class_snapshot()), sorts the classes
 * by contentions, most first, and prints each through the report API
 * (<nodal/report.h>), so the table's columns and the JSON keys come from
 * one table of fields.  Times are kept in nanoseconds; the text prints
 * them as microseconds with two decimals, as lock_stat does, the JSON as
 * nanoseconds.  The contention points (where waiters waited, where the
 * holders had taken the lock) are text only, as in Linux.
 */
#include <linux/errno.h>
#include <linux/printk.h>
#include <linux/sort.h>
#include <linux/spinlock.h>
#include <linux/sprintf.h>
#include <linux/string.h>
#include <nodal/report.h>
#include <nodal/shell.h>

#include "internal.h"

#define LOCK_STAT_WIDTH (40 + 1 + 12 * 15)

enum {
	F_NAME,
	F_CON_BOUNCES,
	F_CONTENTIONS,
	F_WAIT_MIN,
	F_WAIT_MAX,
	F_WAIT_TOTAL,
	F_WAIT_AVG,
	F_ACQ_BOUNCES,
	F_ACQUISITIONS,
	F_HOLD_MIN,
	F_HOLD_MAX,
	F_HOLD_TOTAL,
	F_HOLD_AVG,
	NR_FIELDS
};

/* JSON keys, then /proc/lock_stat's column titles and widths. */
static const struct report_field fields[NR_FIELDS] = {
	[F_NAME] = { "name", "%40s:" },
	[F_CON_BOUNCES] = { "con_bounces", "%14llu" },
	[F_CONTENTIONS] = { "contentions", " %14llu" },
	[F_WAIT_MIN] = { "wait_min_ns", " %14s" },
	[F_WAIT_MAX] = { "wait_max_ns", " %14s" },
	[F_WAIT_TOTAL] = { "wait_total_ns", " %14s" },
	[F_WAIT_AVG] = { NULL, " %14s" },
	[F_ACQ_BOUNCES] = { "acq_bounces", " %14llu" },
	[F_ACQUISITIONS] = { "acquisitions", " %14llu" },
	[F_HOLD_MIN] = { "hold_min_ns", " %14s" },
	[F_HOLD_MAX] = { "hold_max_ns", " %14s" },
	[F_HOLD_TOTAL] = { "hold_total_ns", " %14s" },
	[F_HOLD_AVG] = { NULL, " %14s" },
};

static const char *const titles[NR_FIELDS] = {
	"class name",	"con-bounces",	  "contentions",  "waittime-min",
	"waittime-max", "waittime-total", "waittime-avg", "acq-bounces",
	"acquisitions", "holdtime-min",	  "holdtime-max", "holdtime-total",
	"holdtime-avg",
};

static const struct report_field enabled_field = { "enabled", NULL };

struct lock_stat_rows {
	const char *filter; /* only classes whose name contains it */
	int nr;		    /* classes with acquisitions */
	struct lock_class_snapshot rows[MAX_LOCK_CLASSES];
};

static struct lock_stat_rows stat_rows; /* [stat_print_lock] */
static DEFINE_SPINLOCK(stat_print_lock);

/* Most contended first; equal ones in registration order. */
static int cmp_rows(const void *a, const void *b)
{
	const struct lock_class_snapshot *x = a, *y = b;

	if (x->st.contentions != y->st.contentions)
		return x->st.contentions < y->st.contentions ? 1 : -1;
	return x->id - y->id;
}

/*
 * The classes below @nr_ids that the filter keeps and that were taken,
 * most contended first.  @nr_ids is read before stat_print_lock is taken,
 * so a first `lockstat` does not list its own lock.
 */
static void take_snapshot(struct lock_stat_rows *t, int nr_ids)
{
	struct lock_class_snapshot *row;

	t->nr = 0;
	for (int id = 0; id < nr_ids && t->nr < MAX_LOCK_CLASSES; id++) {
		row = &t->rows[t->nr];
		if (lock_class_snapshot(id, row))
			break;
		if (t->filter && (!id || !strstr(row->name, t->filter)))
			continue;
		if (row->st.acquisitions)
			t->nr++;
	}
	sort(t->rows, t->nr, sizeof(t->rows[0]), cmp_rows, NULL);
}

static void print_rule(struct report *r, char c)
{
	char line[LOCK_STAT_WIDTH + 2];

	memset(line, c, LOCK_STAT_WIDTH);
	line[LOCK_STAT_WIDTH] = '\n';
	line[LOCK_STAT_WIDTH + 1] = 0;
	report_text(r, "%s", line);
}

static void print_header(struct report *r)
{
	report_text(r, "lock_stat version 0.4\n");
	print_rule(r, '-');
	report_text(r, "%40s", titles[0]);
	for (int i = 1; i < NR_FIELDS; i++)
		report_text(r, " %14s", titles[i]);
	report_text(r, "\n");
	print_rule(r, '-');
	report_text(r, "\n");
}

/* Text only: the call sites, as lock_stat lists them under a contended class. */
static void print_points(struct report *r, const char *name,
			 const struct lock_point *points)
{
	for (int i = 0; i < NR_POINTS && points[i].ip; i++) {
		char addr[32], sym[96];

		snprintf(addr, sizeof(addr), "[<%016lx>]", points[i].ip);
		sprint_symbol(sym, sizeof(sym), points[i].ip);
		report_text(r, "%40s %14llu %29s %s\n", name,
			    (unsigned long long)points[i].count, addr, sym);
	}
}

static void print_contention_points(struct report *r,
				    const struct lock_class_snapshot *row)
{
	char dashes[41];
	size_t n = min(strlen(row->name), (size_t)40);

	memset(dashes, '-', n);
	dashes[n] = 0;
	report_text(r, "%40s\n", dashes);
	print_points(r, row->name, row->contention);
	report_text(r, "%40s\n", dashes);
	print_points(r, row->name, row->contending);
}

/* min, max, total and average of @nr events. */
static void emit_times(struct report *r, int first, u64 min_ns, u64 max_ns,
		       u64 total_ns, u64 nr)
{
	report_usec(r, &fields[first], min_ns);
	report_usec(r, &fields[first + 1], max_ns);
	report_usec(r, &fields[first + 2], total_ns);
	report_usec(r, &fields[first + 3], nr ? total_ns / nr : 0);
}

static void emit_row(struct report *r, const struct lock_class_snapshot *row)
{
	const struct lock_class_stats *s = &row->st;

	report_item(r);
	report_str(r, &fields[F_NAME], row->name);
	report_u64(r, &fields[F_CON_BOUNCES], s->con_bounces);
	report_u64(r, &fields[F_CONTENTIONS], s->contentions);
	emit_times(r, F_WAIT_MIN, s->wait_min_ns, s->wait_max_ns,
		   s->wait_total_ns, s->contentions);
	report_u64(r, &fields[F_ACQ_BOUNCES], s->acq_bounces);
	report_u64(r, &fields[F_ACQUISITIONS], s->acquisitions);
	emit_times(r, F_HOLD_MIN, s->hold_min_ns, s->hold_max_ns,
		   s->hold_total_ns, s->acquisitions);
	report_item_end(r);
	if (s->contentions)
		print_contention_points(r, row);
	report_text(r, "\n");
	print_rule(r, '.');
	report_text(r, "\n");
}

static void lock_stat_emit(struct report *r, void *arg)
{
	struct lock_stat_rows *t = arg;

	print_header(r);
	report_bool(r, &enabled_field, lock_stat_enabled);
	report_list(r, "classes");
	for (int i = 0; i < t->nr; i++)
		emit_row(r, &t->rows[i]);
	report_list_end(r);
}

int lock_stat_print(const char *filter)
{
	int nr_ids = lock_class_count(), nr;

	spin_lock(&stat_print_lock);
	stat_rows.filter = filter;
	take_snapshot(&stat_rows, nr_ids);
	report_print("lock_stat", lock_stat_emit, &stat_rows);
	nr = stat_rows.nr;
	spin_unlock(&stat_print_lock);
	return nr;
}

static int cmd_lockstat(int argc, char **argv)
{
	if (argc > 2) {
		console_printf(
			"lockstat: too many words; usage: lockstat [reset|FILTER]\n");
		return -EINVAL;
	}
	if (argc == 2 && !strcmp(argv[1], "reset")) {
		lock_stat_reset();
		console_printf("lockstat: counters cleared\n");
		return 0;
	}
	if (!lock_stat_print(argc == 2 ? argv[1] : NULL) && argc == 2) {
		console_printf("lockstat: no lock class whose name contains '%s' has been taken\n",
			       argv[1]);
		return -ENOENT;
	}
	return 0;
}
SHELL_COMMAND_DETAILED(
	"lockstat", cmd_lockstat, "[reset|FILTER]",
	"lock_stat v0.4 table sorted by contentions, then JSON",
	"  Every lock class taken since boot (or since `lockstat reset`), in\n"
	"  /proc/lock_stat's layout; times in microseconds.  FILTER keeps the\n"
	"  classes whose name contains it (`lockstat zone`); if none has been\n"
	"  taken, the command fails.  `lockstat=off` on the command line stops\n"
	"  the counting (the table stays empty).\n");
