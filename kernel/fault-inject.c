/* SPDX-License-Identifier: MIT */
/*
 * kernel/fault-inject.c — fault injection: decide whether a call should
 * fail, by Linux's rules, and the settings of every attribute.
 *
 * Overview     An attribute (struct fault_attr) says when a kind of call
 *              fails: fail_page_alloc (mm/buddy/fail_page_alloc.c) for the
 *              page allocator, failslab (mm/slub/failslab.c) for slab
 *              allocations.  The hook of each asks should_fail_ex(), which
 *              applies Linux's rules in Linux's order
 *              (docs/linux-facts.md §12):
 *              probability 0 → no; task-filter and current not marked → no;
 *              times 0 → no; space larger than the call's size → the size
 *              is taken from space, no; interval N > 1 → only every Nth
 *              call that got this far may fail; then a draw below 100
 *              fails the call when it is below probability.  A failure
 *              takes one from times (unless -1), is counted, and is
 *              reported as verbose asks, rate-limited by
 *              verbose_ratelimit_interval_ms/_burst (0 ms: not limited, as
 *              in Linux, whose default is the same).  Example: interval 3,
 *              probability 100, space 0, times 2: calls 3 and 6 fail, no
 *              other.
 *
 *              Each attribute registers a struct fault_group (its `faults`
 *              name and its own knobs) in the .fault_groups section; the
 *              boot options `NAME=` and `NAME.KNOB=` and the `faults`
 *              command (fault_report.c) set attributes through it.
 *
 * Locking      None.  Settings are single words written whole
 *              (WRITE_ONCE) and read racily, as Linux's debugfs files are;
 *              times, space, the interval count and the injected count
 *              change atomically, so two harts never both take the last
 *              of times.  The rate limit is a trylock: a message that
 *              finds it taken is held back, as in Linux.
 *
 * Random       The draw comes from one global counter, advanced
 *              atomically by the golden ratio and mixed by seeding
 *              prandom (splitmix64): lock-free, no per-CPU state to seed.
 *
 * Linux        lib/fault-inject.c: should_fail_ex, setup_fault_attr,
 *              fail_dump, the debugfs files.  Nodal differs: no fail_nth,
 *              no stack trace filter, no debugfs (boot options and the
 *              `faults` command), an injected count per attribute.
 */
#include <asm/stacktrace.h>
#include <limits.h>
#include <linux/errno.h>
#include <linux/fault-inject.h>
#include <linux/init.h>
#include <linux/preempt.h>
#include <linux/prandom.h>
#include <linux/printk.h>
#include <linux/sched.h>
#include <linux/sprintf.h>
#include <linux/string.h>
#include <linux/timekeeping.h>

static u64 fault_rnd_ctr; /* [atomic] */

/* A draw in [0, 100): Linux's get_random_u32_below(100). */
static u32 fault_draw_percent(void)
{
	u64 x = __atomic_add_fetch(&fault_rnd_ctr, 0x9e3779b97f4a7c15ULL,
				   __ATOMIC_RELAXED);
	struct rnd_state st;

	prandom_seed_state(&st, x);
	return prandom_u32_below(&st, 100);
}

/* Linux's __ratelimit(): burst messages per interval, the rest held back. */
static bool fault_ratelimit(struct fault_attr *attr)
{
	static int busy; /* [atomic] trylock */
	u64 interval = (u64)READ_ONCE(attr->ratelimit_interval_ms) * 1000000ULL;
	u64 now = ktime_get_ns();
	bool ok;

	if (!interval)
		return true;
	if (__atomic_exchange_n(&busy, 1, __ATOMIC_ACQUIRE))
		return false;
	if (!attr->rl_begin_ns || now - attr->rl_begin_ns >= interval) {
		if (attr->rl_missed)
			pr_warn("FAULT_INJECTION: %s: %u callbacks suppressed\n",
				attr->dname, attr->rl_missed);
		attr->rl_begin_ns = now;
		attr->rl_printed = 0;
		attr->rl_missed = 0;
	}
	ok = attr->rl_printed < READ_ONCE(attr->ratelimit_burst);
	if (ok)
		attr->rl_printed++;
	else
		attr->rl_missed++;
	__atomic_store_n(&busy, 0, __ATOMIC_RELEASE);
	return ok;
}

static void fail_dump(struct fault_attr *attr)
{
	unsigned long verbose = READ_ONCE(attr->verbose);

	if (!verbose || !fault_ratelimit(attr))
		return;
	pr_notice("FAULT_INJECTION: forcing a failure.\n"
		  "name %s, interval %lu, probability %lu, space %d, times %d\n",
		  attr->dname, READ_ONCE(attr->interval),
		  READ_ONCE(attr->probability), READ_ONCE(attr->space),
		  READ_ONCE(attr->times));
	if (verbose > 1)
		dump_stack();
}

static bool fail_task(void)
{
	return !in_interrupt() && READ_ONCE(current->make_it_fail);
}

/* times: take one unless it is 0 (nothing left) or -1 (no limit). */
static bool take_one_time(struct fault_attr *attr)
{
	int t = __atomic_load_n(&attr->times, __ATOMIC_RELAXED);

	while (t != 0) {
		if (t == -1)
			return true;
		if (__atomic_compare_exchange_n(&attr->times, &t, t - 1, false,
						__ATOMIC_RELAXED, __ATOMIC_RELAXED))
			return true;
	}
	return false;
}

/* space: while it exceeds @size, take @size from it and let the call pass. */
static bool space_left(struct fault_attr *attr, long size)
{
	int s = __atomic_load_n(&attr->space, __ATOMIC_RELAXED);

	while (s > size) {
		if (__atomic_compare_exchange_n(&attr->space, &s, (int)(s - size),
						false, __ATOMIC_RELAXED,
						__ATOMIC_RELAXED))
			return true;
	}
	return false;
}

bool should_fail_ex(struct fault_attr *attr, long size, int flags)
{
	unsigned long probability = READ_ONCE(attr->probability);
	unsigned long interval = READ_ONCE(attr->interval);

	if (!probability)
		return false;
	if (READ_ONCE(attr->task_filter) && !fail_task())
		return false;
	if (!__atomic_load_n(&attr->times, __ATOMIC_RELAXED))
		return false;
	if (space_left(attr, size))
		return false;
	if (interval > 1 &&
	    __atomic_add_fetch(&attr->count, 1, __ATOMIC_RELAXED) % interval)
		return false;
	if (probability <= fault_draw_percent())
		return false;
	if (!take_one_time(attr))
		return false; /* another hart took the last one */
	__atomic_fetch_add(&attr->injected, 1, __ATOMIC_RELAXED);
	if (!(flags & FAULT_NOWARN))
		fail_dump(attr);
	return true;
}

bool should_fail(struct fault_attr *attr, long size)
{
	return should_fail_ex(attr, size, 0);
}

/* ---- settings ---- */

/* Parse one signed number of "a,b,c,d" at *s, up to ',' or the end. */
static int next_field(const char **s, long long *v, bool last)
{
	char buf[24];
	const char *end = strchr(*s, ',');
	size_t len = end ? (size_t)(end - *s) : strlen(*s);

	if ((end && last) || (!end && !last) || len == 0 || len >= sizeof(buf))
		return -EINVAL;
	memcpy(buf, *s, len);
	buf[len] = 0;
	*s += len + (end ? 1 : 0);
	return kstrtoll(buf, 10, v);
}

int setup_fault_attr(struct fault_attr *attr, const char *str)
{
	long long interval, probability, space, times;
	const char *s = str ? str : "";

	if (next_field(&s, &interval, false) ||
	    next_field(&s, &probability, false) || next_field(&s, &space, false) ||
	    next_field(&s, &times, true) || interval < 1 ||
	    interval > INT_MAX || probability < 0 || probability > 100 ||
	    space < 0 || space > INT_MAX || times < -1 || times > INT_MAX) {
		pr_err("FAULT_INJECTION: %s: '%s' is not <interval>,<probability>,<space>,<times> (interval 1.., probability 0..100, space 0.., times -1..): refused\n",
		       attr->dname, str ? str : "(nothing)");
		WRITE_ONCE(attr->probability, 0);
		return -EINVAL;
	}
	WRITE_ONCE(attr->interval, (unsigned long)interval);
	__atomic_store_n(&attr->times, (int)times, __ATOMIC_RELAXED);
	__atomic_store_n(&attr->space, (int)space, __ATOMIC_RELAXED);
	__atomic_store_n(&attr->count, 0, __ATOMIC_RELAXED);
	WRITE_ONCE(attr->probability, (unsigned long)probability);
	return 0;
}

/* "min_order" and "min-order" are one name, as in Linux's parameters. */
static bool knob_is(const char *a, const char *b)
{
	for (; *a && *b; a++, b++)
		if (*a != *b &&
		    !((*a == '_' || *a == '-') && (*b == '_' || *b == '-')))
			return false;
	return *a == *b;
}

static int parse_bool(const char *val, bool *res)
{
	if (!val)
		return -EINVAL;
	if (!strcmp(val, "Y") || !strcmp(val, "y") || !strcmp(val, "1")) {
		*res = true;
		return 0;
	}
	if (!strcmp(val, "N") || !strcmp(val, "n") || !strcmp(val, "0")) {
		*res = false;
		return 0;
	}
	return -EINVAL;
}

static int parse_range(const char *val, long long min, long long max,
		       long long *res)
{
	long long v;

	if (!val || kstrtoll(val, 0, &v) || v < min || v > max)
		return -EINVAL;
	*res = v;
	return 0;
}

/* The knobs every attribute has: 0 done, -EINVAL bad value, -ENOENT not one. */
static int set_common(struct fault_attr *attr, const char *knob,
		      const char *val, const char **range)
{
	long long v;
	bool b;

	if (knob_is(knob, "task-filter")) {
		*range = "Y or N";
		if (parse_bool(val, &b))
			return -EINVAL;
		WRITE_ONCE(attr->task_filter, b);
		return 0;
	}
#define NUMBER_KNOB(kname, lo, hi, field, type)                            \
	if (knob_is(knob, kname)) {                                        \
		*range = #lo ".." #hi;                                     \
		if (parse_range(val, lo, hi, &v))                          \
			return -EINVAL;                                    \
		__atomic_store_n(&attr->field, (type)v, __ATOMIC_RELAXED); \
		return 0;                                                  \
	}
	NUMBER_KNOB("probability", 0, 100, probability, unsigned long)
	NUMBER_KNOB("interval", 1, INT_MAX, interval, unsigned long)
	NUMBER_KNOB("times", -1, INT_MAX, times, int)
	NUMBER_KNOB("space", 0, INT_MAX, space, int)
	NUMBER_KNOB("verbose", 0, 2, verbose, unsigned long)
	NUMBER_KNOB("verbose_ratelimit_interval_ms", 0, 3600000,
		    ratelimit_interval_ms, unsigned int)
	NUMBER_KNOB("verbose_ratelimit_burst", 0, 1000000, ratelimit_burst,
		    unsigned int)
#undef NUMBER_KNOB
	return -ENOENT;
}

static int set_own(const struct fault_group *g, const char *knob,
		   const char *val, const char **range, char *buf, size_t len)
{
	for (unsigned int i = 0; i < g->nr_knobs; i++) {
		const struct fault_knob *k = &g->knobs[i];
		long long v;
		bool b;

		if (!knob_is(knob, k->name))
			continue;
		if (k->type == FAULT_KNOB_BOOL) {
			*range = "Y or N";
			if (parse_bool(val, &b))
				return -EINVAL;
			WRITE_ONCE(*(bool *)k->value, b);
			return 0;
		}
		scnprintf(buf, len, "0..%u", k->max);
		*range = buf;
		if (parse_range(val, 0, k->max, &v))
			return -EINVAL;
		WRITE_ONCE(*(u32 *)k->value, (u32)v);
		return 0;
	}
	return -ENOENT;
}

int fault_group_set(const struct fault_group *g, const char *knob,
		    const char *val, const char *who)
{
	const char *range = "";
	char buf[24];
	int err = set_common(g->attr, knob, val, &range);

	if (err == -ENOENT)
		err = set_own(g, knob, val, &range, buf, sizeof(buf));
	if (err == -ENOENT) {
		pr_err("%s: %s has no knob '%s' (see help faults)\n", who,
		       g->attr->dname, knob);
		return -EINVAL;
	}
	if (err)
		pr_err("%s: %s.%s=%s: want %s; unchanged\n", who,
		       g->attr->dname, knob, val ? val : "(nothing)", range);
	return err;
}

/* [init] a refused boot option keeps the attribute off (fault_boot_option) */
static bool boot_refused[FAULT_MAX_GROUPS];

static unsigned int group_index(const struct fault_group *g)
{
	return (unsigned int)(g - __fault_groups_start);
}

static void refuse_at_boot(const struct fault_group *g)
{
	if (group_index(g) < FAULT_MAX_GROUPS)
		boot_refused[group_index(g)] = true;
	WRITE_ONCE(g->attr->probability, 0);
	pr_err("FAULT_INJECTION: %s stays off (a boot option was refused)\n",
	       g->attr->dname);
}

void fault_boot_option(const struct fault_group *g, const char *knob,
		       const char *val)
{
	if (fault_group_set(g, knob, val, "cmdline"))
		refuse_at_boot(g);
	else if (group_index(g) < FAULT_MAX_GROUPS && boot_refused[group_index(g)])
		WRITE_ONCE(g->attr->probability, 0);
}

void fault_boot_attr(const struct fault_group *g, const char *val)
{
	if (setup_fault_attr(g->attr, val))
		refuse_at_boot(g);
	else if (group_index(g) < FAULT_MAX_GROUPS && boot_refused[group_index(g)])
		WRITE_ONCE(g->attr->probability, 0);
}

const struct fault_group *fault_find_group(const char *name)
{
	for (const struct fault_group *g = __fault_groups_start;
	     g < __fault_groups_end; g++)
		if (!strcmp(g->name, name) || !strcmp(g->attr->dname, name))
			return g;
	return NULL;
}

unsigned long fault_injected(const struct fault_group *g)
{
	return __atomic_load_n(&g->attr->injected, __ATOMIC_RELAXED);
}

static u32 knob_get(const struct fault_knob *k)
{
	return k->type == FAULT_KNOB_BOOL ? READ_ONCE(*(bool *)k->value) :
					    READ_ONCE(*(u32 *)k->value);
}

static void knob_put(const struct fault_knob *k, u32 v)
{
	if (k->type == FAULT_KNOB_BOOL)
		WRITE_ONCE(*(bool *)k->value, v != 0);
	else
		WRITE_ONCE(*(u32 *)k->value, v);
}

void fault_save(struct fault_settings *saved)
{
	unsigned int i = 0;

	for (const struct fault_group *g = __fault_groups_start;
	     g < __fault_groups_end && i < FAULT_MAX_GROUPS; g++, i++) {
		saved->attr[i] = *g->attr;
		for (unsigned int k = 0; k < g->nr_knobs && k < FAULT_MAX_KNOBS;
		     k++)
			saved->knob[i][k] = knob_get(&g->knobs[k]);
	}
}

/* Settings only: the counts (injected, interval's count) go on. */
void fault_restore(const struct fault_settings *saved)
{
	unsigned int i = 0;

	for (const struct fault_group *g = __fault_groups_start;
	     g < __fault_groups_end && i < FAULT_MAX_GROUPS; g++, i++) {
		const struct fault_attr *s = &saved->attr[i];
		struct fault_attr *a = g->attr;

		WRITE_ONCE(a->probability, 0); /* off while half restored */
		for (unsigned int k = 0; k < g->nr_knobs && k < FAULT_MAX_KNOBS;
		     k++)
			knob_put(&g->knobs[k], saved->knob[i][k]);
		WRITE_ONCE(a->interval, s->interval);
		__atomic_store_n(&a->times, s->times, __ATOMIC_RELAXED);
		__atomic_store_n(&a->space, s->space, __ATOMIC_RELAXED);
		WRITE_ONCE(a->verbose, s->verbose);
		WRITE_ONCE(a->task_filter, s->task_filter);
		WRITE_ONCE(a->ratelimit_interval_ms, s->ratelimit_interval_ms);
		WRITE_ONCE(a->ratelimit_burst, s->ratelimit_burst);
		WRITE_ONCE(a->probability, s->probability);
	}
}
