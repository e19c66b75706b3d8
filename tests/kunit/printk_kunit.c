/* SPDX-License-Identifier: MIT */
/*
 * tests/kunit/printk_kunit.c — KUnit suite for printk().
 *
 * "printk": lines printed by every hart at once come out whole, and
 * printk() returns the length of the message it formatted.
 *
 * Torn lines cannot be seen from inside: the console is write-only.  So
 * concurrent_lines_are_never_torn only makes every online hart print
 * TORTURE_LINES lines at the same time and checks in the kernel that they
 * all finished; the host checks the log (tools/run-tests).  Every log line
 * that contains "printk-torture" must match, in full (after the trailing
 * "\r" of the serial console is removed), the extended regular expression
 *
 *   ^\[ *[0-9]+\.[0-9]{6}\] h[0-9]+ +printk-torture cpu=[0-9]+ seq=[0-9]+ ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789abcd$
 *
 * and there must be TORTURE_LINES of them per online CPU, seq 0 to
 * TORTURE_LINES - 1 in order (the host counts the CPUs from "smp: Brought
 * up N CPUs").  A line cut by another hart's output, or two lines run
 * together, fails the regex.  Nothing else in the kernel may print the
 * string "printk-torture": the check would take it for a torn line.
 *
 * long_lines_are_printed_whole prints lines longer than printk's buffer,
 * through console_printf() and printk(), and one printk() of many lines;
 * the host checks each came out whole, with its newline (tools/run-tests,
 * LONG_LINE_* there): a cut one, or one run into the next line, fails.
 */
#include <asm/barrier.h>
#include <asm/processor.h>
#include <kunit/test.h>
#include <linux/cpumask.h>
#include <linux/printk.h>
#include <linux/smp.h>
#include <linux/string.h>
#include <linux/timekeeping.h>

#define TORTURE_LINES		200	/* per CPU */
#define TORTURE_PAYLOAD		"ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789abcd"
/*
 * Only a bound against a hang: the console lock is a ticket lock, and on an
 * oversubscribed host (16 harts on 2 cores) each contended hand-over can
 * take a host time slice, tens of milliseconds.
 */
#define TORTURE_TIMEOUT_NS	(120ULL * 1000000000ULL)

_Static_assert(sizeof(TORTURE_PAYLOAD) - 1 == 40, "the host check expects 40 chars");

struct torture_cpu {
	unsigned int lines;		/* lines printed so far */
	unsigned int bad_returns;	/* printk() calls that returned a wrong length */
	unsigned int done;		/* 1 once all lines are printed */
};

static struct torture_cpu torture[NR_CPUS];	/* [the CPU itself] */

static void print_torture_lines(void *info)
{
	struct torture_cpu *t = &torture[smp_processor_id()];
	unsigned int cpu = smp_processor_id();

	(void)info;
	for (unsigned int seq = 0; seq < TORTURE_LINES; seq++) {
		int expected = snprintf(NULL, 0, "printk-torture cpu=%u seq=%u %s\n",
					cpu, seq, TORTURE_PAYLOAD);

		if (printk("printk-torture cpu=%u seq=%u %s\n", cpu, seq,
			   TORTURE_PAYLOAD) != expected)
			t->bad_returns++;
		WRITE_ONCE(t->lines, seq + 1);
	}
	smp_store_release(&t->done, 1U);
}

static unsigned int nr_torture_done(void)
{
	unsigned int cpu, nr = 0;

	for_each_online_cpu(cpu)
		nr += smp_load_acquire(&torture[cpu].done);
	return nr;
}

static void concurrent_lines_are_never_torn(struct kunit *test)
{
	unsigned int cpu;
	u64 deadline;

	memset(torture, 0, sizeof(torture));
	/*
	 * No wait: the other harts print from their IPI handlers while this
	 * one prints its own share, then polls, bounded, for the rest.
	 */
	on_each_cpu(print_torture_lines, NULL, false);
	deadline = ktime_get_ns() + TORTURE_TIMEOUT_NS;
	while (nr_torture_done() < num_online_cpus() && ktime_get_ns() < deadline)
		cpu_relax();

	for_each_online_cpu(cpu) {
		KUNIT_EXPECT_TRUE_MSG(test, smp_load_acquire(&torture[cpu].done),
				      "cpu %u printed %u of %u lines in %llu s", cpu,
				      READ_ONCE(torture[cpu].lines), TORTURE_LINES,
				      TORTURE_TIMEOUT_NS / 1000000000ULL);
		KUNIT_EXPECT_EQ_MSG(test, READ_ONCE(torture[cpu].bad_returns), 0U,
				    "cpu %u", cpu);
	}
}

/* Lines start with "    # " so that KTAP readers take them for comments. */
static void printk_returns_formatted_length(struct kunit *test)
{
	static const char text[] = "    # printk: length check 42 -7 abc ff\n";

	KUNIT_EXPECT_EQ(test, printk("    # printk: length check %d %d %s %x\n",
				     42, -7, "abc", 0xff), (int)strlen(text));
	/* The level marker is not part of the message. */
	KUNIT_EXPECT_EQ(test, printk(KERN_INFO "    # printk: with a level\n"),
			(int)strlen("    # printk: with a level\n"));
	/* A message without its newline still prints a whole line. */
	KUNIT_EXPECT_EQ(test, printk("    # printk: no newline"),
			(int)strlen("    # printk: no newline"));
}

#define LONG_DIGITS 150 /* "0123456789" this many times: 1500 characters */
#define MANY_LINES  20

static void long_lines_are_printed_whole(struct kunit *test)
{
	static char digits[LONG_DIGITS * 10 + 1]; /* [the case's task] */
	static const char line[] =
		"    # printk-lines %02d of %d ABCDEFGHIJKLMNOPQRSTUVWXYZ\n";
	static char many[MANY_LINES * sizeof(line)];
	int len = 0, want;

	for (int i = 0; i < LONG_DIGITS * 10; i++)
		digits[i] = (char)('0' + i % 10);
	want = (int)strlen("    # printk-long console_printf  END\n") +
	       LONG_DIGITS * 10;
	KUNIT_EXPECT_EQ(test,
			console_printf("    # printk-long console_printf %s END\n",
				       digits),
			want);
	want = (int)strlen("    # printk-long printk  END\n") + LONG_DIGITS * 10;
	KUNIT_EXPECT_EQ(test, printk("    # printk-long printk %s END\n", digits),
			want);
	for (int i = 1; i <= MANY_LINES; i++)
		len += scnprintf(many + len, sizeof(many) - len, line, i,
				 MANY_LINES);
	KUNIT_EXPECT_EQ(test, printk("%s", many), len);
}

static struct kunit_case printk_cases[] = {
	KUNIT_CASE(concurrent_lines_are_never_torn),
	KUNIT_CASE(long_lines_are_printed_whole),
	KUNIT_CASE(printk_returns_formatted_length),
	{}
};

static struct kunit_suite printk_suite = {
	.name = "printk",
	.test_cases = printk_cases,
};

kunit_test_suite(printk_suite);
