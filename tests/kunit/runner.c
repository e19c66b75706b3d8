/* SPDX-License-Identifier: MIT */
/*
 * tests/kunit/runner.c — the KUnit runner: runs registered suites, prints KTAP.
 *
 * Overview     Test files register suites of cases (include/kunit/test.h)
 *              in the .kunit_test_suites section.  kunit_run_all() runs
 *              the ones a glob selects, on the calling hart, one case at a
 *              time, and prints the results as KTAP version 1 in Linux's
 *              exact layout, so that tools/testing/kunit/kunit.py parses a
 *              Nodal boot log as it parses a Linux one.  The shell command
 *              `test [glob]` calls it; `test list` names what is there.
 *
 * Structures   __kunit_suites_start[] .. __kunit_suites_end[]: pointers to
 *              struct kunit_suite, each holding an array of struct
 *              kunit_case ending with an empty entry.  A running case is a
 *              struct kunit on the runner's stack; its abort_buf points at
 *              the recovery point (struct arch_jmp_buf) of kunit_try():
 *
 *                kunit_run_all ─▶ run_suite ─▶ run_case ─▶ kunit_try
 *                                                 setjmp ◀─┐ │ arms
 *                      KUNIT_ASSERT_*, kunit_skip: longjmp ┤ ▼
 *                      CPU exception (traps.c):   recover ─┘ init, case
 *
 * Locking      None of its own: one run at a time (kunit_running, taken
 *              with an atomic exchange).  A failure report holds the
 *              console lock across its lines so that they stay together
 *              when other harts print.
 *
 * Per-CPU      The recovery point is armed on the runner's hart only
 *              (arch_fault_catch() is per-CPU): faults on other harts, in
 *              cross-calls a case makes, are not caught.
 *
 * Paths        Per case: note nr_warnings and the interrupt state, set
 *              current->kunit_test, then under kunit_try() run init() and
 *              the case, then exit() under its own kunit_try(), then
 *              release the case's resources (resource.c) under a third.  A fault, an init() error, a
 *              WARN or a changed interrupt state fails the case; the run
 *              always goes on with the next case.
 *
 * Linux        lib/kunit/test.c (kunit_run_tests, the KTAP lines),
 *              lib/kunit/executor.c (the top-level plan, filter globs,
 *              the list action), lib/kunit/assert.c (failure messages),
 *              lib/kunit/try-catch.c.  Nodal differs: no kthread per case
 *              and no timeout (setjmp and the trap handler's recovery
 *              instead; the watchdog reports a hung case), no
 *              parameters, no attributes but "module" and speed.
 */
#include <asm/setjmp.h>
#include <kunit/test-bug.h>
#include <kunit/test.h>
#include <linux/bug.h>
#include <linux/errno.h>
#include <linux/irqflags.h>
#include <linux/printk.h>
#include <linux/sched.h>
#include <linux/smp.h>
#include <linux/string.h>
#include <nodal/shell.h>

extern struct kunit_suite *const __kunit_suites_start[];
extern struct kunit_suite *const __kunit_suites_end[];

#define for_each_kunit_suite(p) \
	for ((p) = __kunit_suites_start; (p) < __kunit_suites_end; (p)++)

#define KUNIT_GLOB_MAX	128
#define KUNIT_MSG_MAX	256

/* What arch_setjmp() returns at a recovery point. */
enum kunit_try_result {
	KUNIT_TRY_RAN = 0,	/* the function returned */
	KUNIT_TRY_FAULTED = 1,	/* the trap handler recovered (traps.c: a0 = 1) */
	KUNIT_TRY_ABORTED = 2,	/* an assertion or kunit_skip() ended it */
};

struct kunit_result_stats {
	unsigned long passed, failed, skipped, total;
};

/* A parsed "suite.case" glob. */
struct kunit_filter {
	char suite_glob[KUNIT_GLOB_MAX];
	const char *case_glob;		/* into suite_glob, after the '.' */
};

static int kunit_running;		/* [atomic] 1 while a run is in progress */

/* ---- recovery points ---- */

typedef void (*kunit_try_fn)(struct kunit *test, void *ctx);

/*
 * Run @fn(@test, @ctx) with a recovery point armed for faults and aborts,
 * then re-arm the enclosing one (none outside a case).  After a longjmp
 * only values fixed before arch_setjmp() may be used: the arguments,
 * @outer and @irqs_were_on, which are never written afterwards.
 * Return: a kunit_try_result.
 */
static noinline int kunit_try(struct kunit *test, kunit_try_fn fn, void *ctx)
{
	struct arch_jmp_buf *outer = test->abort_buf;
	bool irqs_were_on = !irqs_disabled();
	struct arch_jmp_buf buf;
	int ret;

	ret = arch_setjmp(&buf);
	if (ret == KUNIT_TRY_RAN) {
		WRITE_ONCE(test->abort_buf, &buf);
		arch_fault_catch(&buf);
		fn(test, ctx);
	}
	arch_fault_catch(outer);
	WRITE_ONCE(test->abort_buf, outer);
	/* An abort or a fault may leave from inside an irq-off section. */
	if (ret != KUNIT_TRY_RAN) {
		if (irqs_were_on)
			local_irq_enable();
		else
			local_irq_disable();
	}
	return ret;
}

void __kunit_abort(struct kunit *test)
{
	struct arch_jmp_buf *buf = READ_ONCE(test->abort_buf);

	if (buf && smp_processor_id() == test->cpu)
		arch_longjmp(buf, KUNIT_TRY_ABORTED);
	/* Another hart's stack cannot be unwound from here. */
	kunit_err(test, "cpu %u cannot end the case (it runs on cpu %u): going on",
		  smp_processor_id(), test->cpu);
}

struct catch_ctx {
	void (*fn)(struct kunit *test);
};

static void call_catching(struct kunit *test, void *ctx)
{
	((struct catch_ctx *)ctx)->fn(test);
}

bool kunit_run_case_catching(struct kunit *test, void (*fn)(struct kunit *test))
{
	struct catch_ctx ctx = { .fn = fn };

	if (WARN_ON(smp_processor_id() != test->cpu))
		return false;	/* the recovery point would be another hart's */
	return kunit_try(test, call_catching, &ctx) == KUNIT_TRY_FAULTED;
}

/* ---- failure reports, in lib/kunit/assert.c's words ---- */

/* First line; the caller then prints the details and calls report_end(). */
static void report_start(struct kunit *test, const struct kunit_loc *loc,
			 enum kunit_assert_type type)
{
	kunit_set_failure(test);
	console_lock();
	kunit_err(test, "%s FAILED at %s:%d",
		  type == KUNIT_ASSERTION ? "ASSERTION" : "EXPECTATION",
		  loc->file, loc->line);
}

/* The test writer's message, if any, on its own line. */
__printf(1, 0) static void report_end(const char *fmt, va_list ap)
{
	if (fmt) {
		char msg[KUNIT_MSG_MAX];

		vscnprintf(msg, sizeof(msg), fmt, ap);
		printk(KERN_ERR KUNIT_SUBTEST_INDENT "%s\n", msg);
	}
	console_unlock();
}

/* As Linux: an operand written as the very number it holds is not repeated. */
static bool is_literal(const char *text, unsigned long long value, bool is_signed)
{
	char buf[24];

	if (is_signed)
		snprintf(buf, sizeof(buf), "%lld", (long long)value);
	else
		snprintf(buf, sizeof(buf), "%llu", value);
	return !strcmp(text, buf);
}

static bool is_str_literal(const char *text, const char *value)
{
	size_t len = strlen(text);

	return value && len >= 2 && text[0] == '"' && text[len - 1] == '"' &&
	       strlen(value) == len - 2 && !strncmp(text + 1, value, len - 2);
}

static void print_int_operand(const char *text, unsigned long long value,
			      bool is_signed)
{
	if (is_literal(text, value, is_signed))
		return;
	if (is_signed)
		printk(KERN_ERR KUNIT_SUBSUBTEST_INDENT "%s == %lld (0x%llx)\n",
		       text, (long long)value, value);
	else
		printk(KERN_ERR KUNIT_SUBSUBTEST_INDENT "%s == %llu (0x%llx)\n",
		       text, value, value);
}

static void print_expected(const struct kunit_binary_text *text)
{
	printk(KERN_ERR KUNIT_SUBTEST_INDENT "Expected %s %s %s, but\n",
	       text->left_text, text->operation, text->right_text);
}

void __kunit_fail_msg(struct kunit *test, const struct kunit_loc *loc,
		      enum kunit_assert_type type, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	report_start(test, loc, type);
	report_end(fmt, ap);
	va_end(ap);
}

void __kunit_fail_unary(struct kunit *test, const struct kunit_loc *loc,
			enum kunit_assert_type type, const char *condition,
			bool expected_true, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	report_start(test, loc, type);
	printk(KERN_ERR KUNIT_SUBTEST_INDENT "Expected %s to be %s, but is %s\n",
	       condition, expected_true ? "true" : "false",
	       expected_true ? "false" : "true");
	report_end(fmt, ap);
	va_end(ap);
}

void __kunit_fail_binary(struct kunit *test, const struct kunit_loc *loc,
			 enum kunit_assert_type type,
			 const struct kunit_binary_text *text,
			 unsigned long long left, bool left_signed,
			 unsigned long long right, bool right_signed,
			 const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	report_start(test, loc, type);
	print_expected(text);
	print_int_operand(text->left_text, left, left_signed);
	print_int_operand(text->right_text, right, right_signed);
	report_end(fmt, ap);
	va_end(ap);
}

void __kunit_fail_ptr(struct kunit *test, const struct kunit_loc *loc,
		      enum kunit_assert_type type,
		      const struct kunit_binary_text *text,
		      const void *left, const void *right, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	report_start(test, loc, type);
	print_expected(text);
	printk(KERN_ERR KUNIT_SUBSUBTEST_INDENT "%s == %p\n", text->left_text, left);
	printk(KERN_ERR KUNIT_SUBSUBTEST_INDENT "%s == %p\n", text->right_text, right);
	report_end(fmt, ap);
	va_end(ap);
}

static void print_str_operand(const char *text, const char *value)
{
	if (is_str_literal(text, value))
		return;
	if (value)
		printk(KERN_ERR KUNIT_SUBSUBTEST_INDENT "%s == \"%s\"\n", text, value);
	else
		printk(KERN_ERR KUNIT_SUBSUBTEST_INDENT "%s == NULL\n", text);
}

void __kunit_fail_str(struct kunit *test, const struct kunit_loc *loc,
		      enum kunit_assert_type type,
		      const struct kunit_binary_text *text,
		      const char *left, const char *right, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	report_start(test, loc, type);
	print_expected(text);
	print_str_operand(text->left_text, left);
	print_str_operand(text->right_text, right);
	report_end(fmt, ap);
	va_end(ap);
}

void __kunit_fail_ptr_not_err(struct kunit *test, const struct kunit_loc *loc,
			      enum kunit_assert_type type, const char *text,
			      const void *ptr, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	report_start(test, loc, type);
	if (!ptr)
		printk(KERN_ERR KUNIT_SUBTEST_INDENT
		       "Expected %s is not null, but is\n",
		       text);
	else
		printk(KERN_ERR KUNIT_SUBTEST_INDENT
		       "Expected %s is not error, but is: %ld\n",
		       text, PTR_ERR(ptr));
	report_end(fmt, ap);
	va_end(ap);
}

/* 16 bytes a line; bytes that differ from @other are shown as <xx>. */
static void print_mem_operand(const char *text, const u8 *mem, const u8 *other,
			      size_t size)
{
	char line[16 * 5 + 1];

	if (!mem) {
		printk(KERN_ERR KUNIT_SUBSUBTEST_INDENT "%s == NULL\n", text);
		return;
	}
	printk(KERN_ERR KUNIT_SUBSUBTEST_INDENT "%s ==\n", text);
	for (size_t i = 0; i < size; i += 16) {
		int pos = 0;

		for (size_t j = i; j < size && j < i + 16; j++) {
			bool diff = other && mem[j] != other[j];

			pos += scnprintf(line + pos, sizeof(line) - (size_t)pos,
					 diff ? "<%02x>" : " %02x ", mem[j]);
		}
		printk(KERN_ERR KUNIT_SUBSUBTEST_INDENT "%s\n", line);
	}
}

void __kunit_fail_mem(struct kunit *test, const struct kunit_loc *loc,
		      enum kunit_assert_type type,
		      const struct kunit_binary_text *text, const void *left,
		      const void *right, size_t size, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	report_start(test, loc, type);
	print_expected(text);
	print_mem_operand(text->left_text, left, right, size);
	print_mem_operand(text->right_text, right, left, size);
	report_end(fmt, ap);
	va_end(ap);
}

/* ---- selecting suites and cases ---- */

/* "all" or NULL: everything; "s" : suites matching s; "s.c": their cases c. */
static int parse_filter(struct kunit_filter *f, const char *glob)
{
	char *dot;

	if (!glob || !strcmp(glob, "all"))
		glob = "*";
	if (strscpy(f->suite_glob, glob, sizeof(f->suite_glob)) < 0)
		return -E2BIG;
	dot = strchr(f->suite_glob, '.');
	if (dot)
		*dot = 0;
	f->case_glob = dot ? dot + 1 : "*";
	return 0;
}

static bool suite_selected(const struct kunit_filter *f,
			   const struct kunit_suite *suite)
{
	return glob_match(f->suite_glob, suite->name);
}

static bool case_selected(const struct kunit_filter *f,
			  const struct kunit_case *test_case)
{
	return glob_match(f->case_glob, test_case->name);
}

static size_t nr_selected_cases(const struct kunit_filter *f,
				struct kunit_suite *suite)
{
	struct kunit_case *test_case;
	size_t nr = 0;

	if (!suite_selected(f, suite))
		return 0;
	kunit_suite_for_each_test_case(suite, test_case)
		nr += case_selected(f, test_case);
	return nr;
}

/* Linux's KBUILD_MODNAME for a one-file test: its name without ".c". */
static const char *module_name(const struct kunit_suite *suite, char *buf,
			       size_t size)
{
	const char *file = suite->test_cases[0].file, *slash, *dot;

	if (!file)
		return NULL;
	slash = strrchr(file, '/');
	file = slash ? slash + 1 : file;
	dot = strrchr(file, '.');
	scnprintf(buf, size, "%.*s", (int)(dot ? (size_t)(dot - file) : strlen(file)),
		  file);
	return buf;
}

/* ---- running one case ---- */

static void case_body(struct kunit *test, void *ctx)
{
	struct kunit_suite *suite = test->suite;

	(void)ctx;
	if (suite->init) {
		int err = suite->init(test);

		if (err) {
			kunit_err(test, "failed to initialize: %d", err);
			kunit_set_failure(test);
			return;
		}
	}
	test->test_case->run_case(test);
}

static void case_exit(struct kunit *test, void *ctx)
{
	(void)ctx;
	test->suite->exit(test);
}

static void cleanup_body(struct kunit *test, void *ctx)
{
	(void)ctx;
	kunit_cleanup_resources(test);
}

/* Release the case's resources, after exit(), as Linux's kunit_cleanup(). */
static void run_cleanup(struct kunit *test)
{
	int ret = kunit_try(test, cleanup_body, NULL);

	if (ret != KUNIT_TRY_RAN) {
		kunit_err(test, "releasing its resources %s",
			  ret == KUNIT_TRY_FAULTED ? "faulted (see report above)" :
						     "aborted");
		kunit_set_failure(test);
	}
}

/* Failures the case cannot see itself: a changed irq state, a WARN. */
static void check_case_side_effects(struct kunit *test, bool irqs_were_on,
				    unsigned long warnings_before)
{
	unsigned long warnings = READ_ONCE(nr_warnings) - warnings_before;

	if (irqs_disabled() == irqs_were_on) {
		kunit_err(test, "returned with interrupts %s (they were %s)",
			  irqs_were_on ? "off" : "on", irqs_were_on ? "on" : "off");
		kunit_set_failure(test);
		if (irqs_were_on)
			local_irq_enable();
		else
			local_irq_disable();
	}
	if (warnings) {
		kunit_err(test, "%lu WARN%s fired during the case (see above)",
			  warnings, warnings > 1 ? "s" : "");
		kunit_set_failure(test);
	}
}

/* "ok 3 name", "not ok 3 name", "ok 3 name # SKIP reason", as Linux. */
static void print_result(unsigned int indent, enum kunit_status status,
			 size_t number, const char *name, const char *comment)
{
	bool skipped = status == KUNIT_SKIPPED;

	pr_info("%*s%s %zu %s%s%s\n", indent, "",
		status == KUNIT_FAILURE ? "not ok" : "ok", number, name,
		skipped ? " # SKIP " : "", skipped ? comment : "");
}

/* Run one case and print its result line.  Return: its status. */
static enum kunit_status run_case(struct kunit_suite *suite,
				  struct kunit_case *test_case, size_t number)
{
	unsigned long warnings_before = READ_ONCE(nr_warnings);
	bool irqs_were_on = !irqs_disabled();
	struct kunit test = {
		.name = test_case->name,
		.status = KUNIT_SUCCESS,
		.cpu = smp_processor_id(),
		.suite = suite,
		.test_case = test_case,
	};

	spin_lock_init(&test.lock);
	INIT_LIST_HEAD(&test.resources);
	WRITE_ONCE(current->kunit_test, &test);
	if (kunit_try(&test, case_body, NULL) == KUNIT_TRY_FAULTED) {
		kunit_err(&test, "fault caught (see report above)");
		kunit_set_failure(&test);
	}
	if (suite->exit) {
		int ret = kunit_try(&test, case_exit, NULL);

		if (ret != KUNIT_TRY_RAN) {
			kunit_err(&test, "exit() %s", ret == KUNIT_TRY_FAULTED ?
				  "faulted (see report above)" : "aborted");
			kunit_set_failure(&test);
		}
	}
	run_cleanup(&test);
	WRITE_ONCE(current->kunit_test, NULL);
	check_case_side_effects(&test, irqs_were_on, warnings_before);
	test_case->status = READ_ONCE(test.status);
	print_result(KUNIT_INDENT_LEN, test_case->status, number,
		     test_case->name, test.status_comment);
	return test_case->status;
}

/* ---- running one suite ---- */

struct suite_call {
	int err;		/* what suite_init() returned */
};

static void suite_init_body(struct kunit *ctx_test, void *ctx)
{
	struct kunit_suite *suite = ctx_test->suite;

	((struct suite_call *)ctx)->err = suite->suite_init(suite);
}

static void suite_exit_body(struct kunit *ctx_test, void *ctx)
{
	(void)ctx;
	ctx_test->suite->suite_exit(ctx_test->suite);
}

/*
 * suite_init() and suite_exit() get no struct kunit, but they run under a
 * recovery point too, through one named after the suite.  Return: 0, the
 * error suite_init() returned, or -EFAULT if it faulted.
 */
static int call_suite_hook(struct kunit_suite *suite, kunit_try_fn fn,
			   const char *what)
{
	struct kunit ctx_test = {
		.name = suite->name,
		.cpu = smp_processor_id(),
		.suite = suite,
	};
	struct suite_call call = { .err = 0 };
	int ret = kunit_try(&ctx_test, fn, &call);

	if (ret == KUNIT_TRY_RAN)
		return call.err;
	kunit_err(&ctx_test, "%s %s", what, ret == KUNIT_TRY_FAULTED ?
		  "faulted (see report above)" : "aborted");
	return -EFAULT;
}

static void update_stats(struct kunit_result_stats *stats,
			 enum kunit_status status)
{
	stats->passed += status == KUNIT_SUCCESS;
	stats->failed += status == KUNIT_FAILURE;
	stats->skipped += status == KUNIT_SKIPPED;
	stats->total++;
}

static void add_stats(struct kunit_result_stats *total,
		      const struct kunit_result_stats *add)
{
	total->passed += add->passed;
	total->failed += add->failed;
	total->skipped += add->skipped;
	total->total += add->total;
}

/* Linux prints a suite's counts only when it has more than one case. */
static void print_suite_stats(const struct kunit_suite *suite,
			      const struct kunit_result_stats *s)
{
	if (s->total <= 1)
		return;
	pr_info("# %s: pass:%lu fail:%lu skip:%lu total:%lu\n", suite->name,
		s->passed, s->failed, s->skipped, s->total);
	pr_info("# Totals: pass:%lu fail:%lu skip:%lu total:%lu\n",
		s->passed, s->failed, s->skipped, s->total);
}

static void print_suite_start(const struct kunit_suite *suite, size_t nr_cases)
{
	char module[64];

	pr_info(KUNIT_SUBTEST_INDENT "KTAP version 1\n");
	pr_info(KUNIT_SUBTEST_INDENT "# Subtest: %s\n", suite->name);
	if (module_name(suite, module, sizeof(module)))
		pr_info(KUNIT_SUBTEST_INDENT "# module: %s\n", module);
	pr_info(KUNIT_SUBTEST_INDENT "1..%zu\n", nr_cases);
}

/* A suite fails if a case did, passes if one passed, else is skipped. */
static enum kunit_status suite_status(const struct kunit_result_stats *s)
{
	if (s->failed)
		return KUNIT_FAILURE;
	return s->passed ? KUNIT_SUCCESS : KUNIT_SKIPPED;
}

/*
 * Run @suite's selected cases as KTAP subtest @number; add their results
 * to @totals.  A suite whose suite_init() fails prints no subtest, as in
 * Linux, and its cases count as failed in @totals: they could not run.  A
 * suite_exit() that faults counts as one more failure.
 */
static void run_suite(struct kunit_suite *suite, const struct kunit_filter *f,
		      size_t number, struct kunit_result_stats *totals)
{
	size_t nr_cases = nr_selected_cases(f, suite), n = 0;
	struct kunit_result_stats stats = { 0 };
	struct kunit_case *test_case;
	enum kunit_status status;
	bool exit_failed = false;

	suite->suite_init_err = 0;
	if (suite->suite_init) {
		suite->suite_init_err = call_suite_hook(suite, suite_init_body,
							"suite_init()");
		if (suite->suite_init_err) {
			pr_err(KUNIT_SUBTEST_INDENT "# %s: failed to initialize (%d)\n",
			       suite->name, suite->suite_init_err);
			goto out_exit;
		}
	}
	print_suite_start(suite, nr_cases);
	kunit_suite_for_each_test_case(suite, test_case)
		if (case_selected(f, test_case))
			update_stats(&stats, run_case(suite, test_case, ++n));
out_exit:
	/* As in Linux, suite_exit() runs even after suite_init() failed. */
	if (suite->suite_exit)
		exit_failed = call_suite_hook(suite, suite_exit_body,
					      "suite_exit()") != 0;
	if (suite->suite_init_err) {
		stats.failed = stats.total = nr_cases;
		status = KUNIT_FAILURE;
	} else {
		print_suite_stats(suite, &stats);
		status = exit_failed ? KUNIT_FAILURE : suite_status(&stats);
	}
	print_result(0, status, number, suite->name, "");
	stats.failed += exit_failed;
	add_stats(totals, &stats);
}

/* ---- the whole run ---- */

int kunit_run_all(const char *glob)
{
	struct kunit_result_stats totals = { 0 };
	struct kunit_suite *const *suite;
	struct kunit_filter filter;
	size_t nr_suites = 0, n = 0;
	int err;

	err = parse_filter(&filter, glob);
	if (err) {
		pr_err("kunit: glob too long: '%s'\n", glob);
		return err;
	}
	for_each_kunit_suite(suite)
		nr_suites += nr_selected_cases(&filter, *suite) > 0;
	if (!nr_suites) {
		pr_err("kunit: no test matches '%s' (try 'test list')\n",
		       glob ?: "all");
		return -ENOENT;
	}
	if (__atomic_exchange_n(&kunit_running, 1, __ATOMIC_ACQUIRE)) {
		pr_err("kunit: tests are already running\n");
		return -EBUSY;
	}
	WRITE_ONCE(kunit_hooks.find_named_resource, kunit_find_named_resource);
	WRITE_ONCE(kunit_hooks.put_resource, kunit_put_resource);
	pr_info("KTAP version 1\n");
	pr_info("1..%zu\n", nr_suites);
	for_each_kunit_suite(suite)
		if (nr_selected_cases(&filter, *suite))
			run_suite(*suite, &filter, ++n, &totals);
	pr_info("kunit: %zu suites, pass:%lu fail:%lu skip:%lu\n", nr_suites,
		totals.passed, totals.failed, totals.skipped);
	__atomic_store_n(&kunit_running, 0, __ATOMIC_RELEASE);
	return totals.failed ? -EIO : 0;
}

/* As Linux's kunit.action=list: "suite", then "suite.case" per case. */
static int kunit_list(const char *glob)
{
	struct kunit_suite *const *suite;
	struct kunit_case *test_case;
	struct kunit_filter filter;
	size_t nr = 0;

	if (parse_filter(&filter, glob))
		return -E2BIG;
	for_each_kunit_suite(suite) {
		if (!nr_selected_cases(&filter, *suite))
			continue;
		console_printf("%s\n", (*suite)->name);
		kunit_suite_for_each_test_case(*suite, test_case) {
			if (case_selected(&filter, test_case)) {
				console_printf("%s.%s\n", (*suite)->name,
					       test_case->name);
				nr++;
			}
		}
	}
	if (!nr) {
		console_printf("kunit: no test matches '%s'\n", glob ?: "all");
		return -ENOENT;
	}
	return 0;
}

static int cmd_test(int argc, char **argv)
{
	if (argc > 1 && !strcmp(argv[1], "list") && argc <= 3)
		return kunit_list(argc == 3 ? argv[2] : NULL);
	if (argc > 2) {
		console_printf("usage: test [all | suite-glob[.case-glob] | list [glob]]\n");
		return -EINVAL;
	}
	return kunit_run_all(argc == 2 ? argv[1] : NULL);
}
SHELL_COMMAND("test", cmd_test, "[all|GLOB|list [GLOB]]",
	      "run KUnit suites (KTAP output), or list them");
