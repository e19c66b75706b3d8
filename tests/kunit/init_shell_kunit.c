/* SPDX-License-Identifier: MIT */
/*
 * tests/kunit/init_shell_kunit.c — KUnit suite for the monitor shell's
 * line handling and its built-in commands, with bad input.
 *
 * "init_shell": lines run through shell_run_line() (init/internal.h) as
 * typed ones do.  Bad input must be refused with its status and change
 * nothing: a `poweroff` with a bad status or a word too many must not
 * stop the machine (the case would never report), a `sleep` past its
 * limit must not sleep (the run would hang until its time-out), and
 * `lockstat reset` with a word too many must leave the counters alone.
 * The messages go to the console between the KTAP lines.
 */
#include <kunit/test.h>
#include <linux/errno.h>
#include <linux/spinlock.h>
#include <linux/string.h>
#include <linux/timekeeping.h>

#include "../../init/internal.h"

static DEFINE_SPINLOCK(shell_kunit_lock); /* a class only this file takes */

/* Run @text as a typed line (the shell splits it in place, so copy it). */
static int run(const char *text)
{
	static char line[256]; /* [the case's task] */

	strscpy(line, text, sizeof(line));
	return shell_run_line(line);
}

/* A word too many is refused before the command does anything. */
static void extra_words_refused(struct kunit *test)
{
	KUNIT_EXPECT_EQ(test, run("help sleep poweroff"), -EINVAL);
	KUNIT_EXPECT_EQ(test, run("help cmdline x"), -EINVAL);
	KUNIT_EXPECT_EQ(test, run("poweroff 7 8"), -EINVAL);
	KUNIT_EXPECT_EQ(test, run("sleep 1 2"), -EINVAL);
	KUNIT_EXPECT_EQ(test, run("sleep"), -EINVAL);
	KUNIT_EXPECT_EQ(test, run("lockstat a b"), -EINVAL);
}

/* poweroff's status is 0..255; anything else leaves the machine running. */
static void poweroff_bad_status_refused(struct kunit *test)
{
	KUNIT_EXPECT_EQ(test, run("poweroff 256"), -EINVAL);
	KUNIT_EXPECT_EQ(test, run("poweroff -1"), -EINVAL);
	KUNIT_EXPECT_EQ(test, run("poweroff 7x"), -EINVAL);
}

/*
 * sleep takes 0..3600000 ms: past an hour, a negative number, a number
 * past 32 bits or a word is refused at once; a short sleep sleeps at
 * least that long.
 */
static void sleep_takes_up_to_an_hour(struct kunit *test)
{
	u64 t0;

	KUNIT_EXPECT_EQ(test, run("sleep 3600001"), -EINVAL);
	KUNIT_EXPECT_EQ(test, run("sleep 4294967295"), -EINVAL);
	KUNIT_EXPECT_EQ(test, run("sleep 99999999999"), -EINVAL);
	KUNIT_EXPECT_EQ(test, run("sleep -5"), -EINVAL);
	KUNIT_EXPECT_EQ(test, run("sleep soon"), -EINVAL);
	t0 = ktime_get_ns();
	KUNIT_EXPECT_EQ(test, run("sleep 20"), 0);
	KUNIT_EXPECT_GE(test, ktime_get_ns() - t0, 20000000ULL); /* 20 ms */
}

/* help NAME for a command, for the boot options, and for no command. */
static void help_names_one_command(struct kunit *test)
{
	KUNIT_EXPECT_EQ(test, run("help sleep"), 0);
	KUNIT_EXPECT_EQ(test, run("help cmdline"), 0);
	KUNIT_EXPECT_EQ(test, run("help no_such_command"), -ENOENT);
	KUNIT_EXPECT_EQ(test, run("no_such_command"), -ENOENT);
}

/*
 * `lockstat reset now` clears nothing; `lockstat reset` clears every
 * class; a filter that keeps no class taken fails, one that keeps this
 * file's class succeeds.
 */
static void lockstat_refuses_without_damage(struct kunit *test)
{
	struct lock_class_stats st;

	if (!lock_stat_enabled)
		kunit_skip(test, "lockstat=off");
	spin_lock(&shell_kunit_lock);
	spin_unlock(&shell_kunit_lock);
	KUNIT_EXPECT_EQ(test, run("lockstat reset now"), -EINVAL);
	KUNIT_ASSERT_EQ(test, lock_class_stats_read("shell_kunit_lock", &st), 0);
	KUNIT_EXPECT_GE(test, st.acquisitions, 1ULL);
	KUNIT_EXPECT_EQ(test, run("lockstat reset"), 0);
	KUNIT_ASSERT_EQ(test, lock_class_stats_read("shell_kunit_lock", &st), 0);
	KUNIT_EXPECT_EQ(test, st.acquisitions, 0ULL);
	KUNIT_EXPECT_EQ(test, run("lockstat shell_kunit_lock"), -ENOENT);
	spin_lock(&shell_kunit_lock);
	spin_unlock(&shell_kunit_lock);
	KUNIT_EXPECT_EQ(test, run("lockstat shell_kunit_lock"), 0);
	KUNIT_EXPECT_EQ(test, run("lockstat no_such_lock_class"), -ENOENT);
}

/*
 * A line: commands split at ';', the first failure's status returned,
 * the later commands run all the same; a word list past SHELL_MAX_ARGS
 * and an unterminated quote are refused whole.
 */
static void lines_split_and_refuse_bad_words(struct kunit *test)
{
	KUNIT_EXPECT_EQ(test, run("sleep 1; sleep x; sleep 1 2"), -EINVAL);
	KUNIT_EXPECT_EQ(test, run("; ;sleep 0;"), 0);
	KUNIT_EXPECT_EQ(test, run("help \"sleep"), -EINVAL);
	KUNIT_EXPECT_EQ(test, run("help \"sleep\""), 0);
	KUNIT_EXPECT_EQ(test, run("sleep 0 1 2 3 4 5 6 7 8 9 10 11 12 13 14 15"),
			-E2BIG);
}

/* Type @text into @l; return the key state after its last character. */
static enum shell_key type(struct shell_line *l, const char *text)
{
	enum shell_key k = SHELL_LINE_MORE;

	for (; *text; text++)
		k = shell_line_key(l, *text);
	return k;
}

/*
 * A typed line longer than the buffer (here 15 characters) is refused
 * whole when Enter comes — not cut to what fits and run — and the next
 * line is read afresh.  A line that fits, even exactly, is kept as typed.
 */
static void typed_line_too_long_refused_whole(struct kunit *test)
{
	char buf[16];
	struct shell_line l = { .buf = buf, .size = sizeof(buf) };

	KUNIT_EXPECT_EQ(test, type(&l, "poweroff 3     x"), SHELL_LINE_MORE);
	KUNIT_EXPECT_EQ(test, type(&l, "\r"), SHELL_LINE_TOO_LONG);
	KUNIT_EXPECT_EQ(test, type(&l, "sleep 0\r"), SHELL_LINE_DONE);
	KUNIT_EXPECT_STREQ(test, buf, "sleep 0");
	KUNIT_EXPECT_EQ(test, type(&l, "123456789012345\r"), SHELL_LINE_DONE);
	KUNIT_EXPECT_STREQ(test, buf, "123456789012345");
	/* A backspace cannot bring an over-long line back under the limit. */
	KUNIT_EXPECT_EQ(test, type(&l, "1234567890123456\b\b\r"),
			SHELL_LINE_TOO_LONG);
	KUNIT_EXPECT_EQ(test, type(&l, "ab\bc\r"), SHELL_LINE_DONE);
	KUNIT_EXPECT_STREQ(test, buf, "ac");
}

static struct kunit_case init_shell_cases[] = {
	KUNIT_CASE(extra_words_refused),
	KUNIT_CASE(poweroff_bad_status_refused),
	KUNIT_CASE(sleep_takes_up_to_an_hour),
	KUNIT_CASE(help_names_one_command),
	KUNIT_CASE(lockstat_refuses_without_damage),
	KUNIT_CASE(lines_split_and_refuse_bad_words),
	KUNIT_CASE(typed_line_too_long_refused_whole),
	{}
};

static struct kunit_suite init_shell_suite = {
	.name = "init_shell",
	.test_cases = init_shell_cases,
};
kunit_test_suite(init_shell_suite);
