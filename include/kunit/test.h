/* SPDX-License-Identifier: MIT */
/*
 * include/kunit/test.h — KUnit: in-kernel unit tests that report in KTAP.
 *
 * Implemented by: tests/kunit/runner.c (the runner and the `test` shell command).
 * Mirrors: <kunit/test.h> and <kunit/assert.h> of Linux 6.12, a subset
 * with the same names and meaning, so a Linux test case compiles here with
 * at most a different #include.  The output is KTAP version 1 exactly as
 * Linux prints it, so tools/testing/kunit/kunit.py parses a Nodal log.
 *
 * A test file defines cases (void fn(struct kunit *test)), lists them in a
 * suite and registers the suite through a linker section:
 *
 *	static void adds_small_numbers(struct kunit *test)
 *	{
 *		KUNIT_EXPECT_EQ(test, add(1, 1), 2);
 *	}
 *	static struct kunit_case add_cases[] = {
 *		KUNIT_CASE(adds_small_numbers),
 *		{}
 *	};
 *	static struct kunit_suite add_suite = {
 *		.name = "add",
 *		.test_cases = add_cases,
 *	};
 *	kunit_test_suite(add_suite);
 *
 * A failed KUNIT_EXPECT_*() reports and lets the case go on; a failed
 * KUNIT_ASSERT_*() reports and ends the case at once.  Each operand is
 * evaluated exactly once.
 *
 * Differences from Linux:
 *  - No kthread per case.  A case runs on the hart that runs the tests,
 *    after arch_setjmp() saved a recovery point; an assertion or kunit_skip()
 *    jumps back to it, and so does a CPU exception on that hart
 *    (arch_fault_catch()): the trap handler prints its report and the case
 *    fails with "fault caught".  A fault on another hart, in a cross-call
 *    the case made, is not caught: it panics as any kernel fault does.
 *  - Use KUNIT_EXPECT_*(), not KUNIT_ASSERT_*(), in cross-call callbacks.
 *    On another hart a failed assertion marks the case failed and returns
 *    like an expectation: that hart's stack cannot be unwound.  On the
 *    case's own hart (on_each_cpu() runs the callback there too) it ends
 *    the case in the middle of the cross-call, while other harts may still
 *    be running the callback on data in the abandoned stack frame.
 *  - Unwinding runs no destructor: a case aborted while it holds a lock
 *    leaves it so.  What it owns as resources (kunit_kmalloc(), deferred
 *    actions, <kunit/resource.h>) is released when it ends, as in Linux.
 *  - A WARN during a case, or a case that returns with the interrupt state
 *    changed, fails it (Linux only taints the kernel).
 *  - Not provided: parameterised cases, attributes other than speed (and
 *    no filter on it: slow cases run, as Linux runs them by default),
 *    debugfs logs, static stubs, kunit_test_init_section_suites().  The suite's module name printed in
 *    "# module:" is the test file's name without ".c".
 *  - Extras: kunit_run_case_catching() runs code that is meant to fault.
 */
#ifndef NODAL_KUNIT_TEST_H
#define NODAL_KUNIT_TEST_H

#include <kunit/resource.h>
#include <limits.h>
#include <linux/err.h>
#include <linux/gfp.h>
#include <linux/init.h>
#include <linux/kref.h>
#include <linux/list.h>
#include <linux/module.h>
#include <linux/printk.h>
#include <linux/slab.h>
#include <linux/spinlock.h>
#include <linux/string.h>
#include <linux/types.h>

struct arch_jmp_buf;

#define KUNIT_INDENT_LEN		4
#define KUNIT_SUBTEST_INDENT		"    "
#define KUNIT_SUBSUBTEST_INDENT		"        "
#define KUNIT_STATUS_COMMENT_SIZE	128

/* Where a case ends up; printed as "ok", "not ok", "ok ... # SKIP". */
enum kunit_status {
	KUNIT_SUCCESS,
	KUNIT_FAILURE,
	KUNIT_SKIPPED,
};

enum kunit_assert_type {
	KUNIT_ASSERTION,	/* a failure ends the case */
	KUNIT_EXPECTATION,	/* a failure is reported, the case goes on */
};

enum kunit_speed {
	KUNIT_SPEED_UNSET,
	KUNIT_SPEED_VERY_SLOW,
	KUNIT_SPEED_SLOW,
	KUNIT_SPEED_NORMAL,
};

struct kunit_suite;
struct kunit_case;

/**
 * struct kunit - one running case: its state and the user's private pointer
 * @priv: for the test writer, typically set by the suite's init()
 *
 * Everything but @priv belongs to the runner.  @status may be written from
 * any hart during the case (WRITE_ONCE), and is read once the case is over.
 */
struct kunit {
	void *priv;				/* [case] the test writer's */

	/* private: internal use only. */
	const char *name;			/* [init] the case's name */
	enum kunit_status status;		/* [atomic] result so far */
	char status_comment[KUNIT_STATUS_COMMENT_SIZE]; /* [runner hart] skip reason */
	struct arch_jmp_buf *abort_buf;		/* [runner hart] where an abort returns */
	unsigned int cpu;			/* [init] the hart running the case */
	struct kunit_suite *suite;		/* [init] */
	struct kunit_case *test_case;		/* [init] */
	spinlock_t lock;			/* guards resources */
	struct list_head resources; /* [lock] struct kunit_resource */
};

/**
 * struct kunit_case - one test: a function and its name
 * @run_case: the function; it makes expectations and assertions
 * @name: printed in the KTAP result line
 *
 * Create it with KUNIT_CASE(); end each array with an empty entry.
 */
struct kunit_case {
	void (*run_case)(struct kunit *test);
	const char *name;

	/* private: internal use only. */
	const char *file;		/* [init] source file, for "# module:" */
	enum kunit_status status;	/* [runner] result of the last run */
	enum kunit_speed speed;		/* [init] KUNIT_CASE_SLOW() */
};

#define KUNIT_CASE(test_name)						\
	{ .run_case = test_name, .name = #test_name, .file = __FILE__ }

/* A case marked slow (Linux's speed attribute); it runs like any other. */
#define KUNIT_CASE_SLOW(test_name)                                           \
	{                                                                    \
		.run_case = test_name, .name = #test_name, .file = __FILE__, \
		.speed = KUNIT_SPEED_SLOW                                    \
	}

/**
 * struct kunit_suite - a named set of cases with their set-up and tear-down
 * @name: the suite's name, unique (a glob selects suites by it)
 * @suite_init: run once before the first case; non-zero fails the suite
 * @suite_exit: run once after the last case, even if @suite_init failed
 * @init: run before every case; non-zero fails the case
 * @exit: run after every case, even if @init failed or the case aborted
 * @test_cases: the cases, ending with an empty entry
 */
struct kunit_suite {
	const char name[256];
	int (*suite_init)(struct kunit_suite *suite);
	void (*suite_exit)(struct kunit_suite *suite);
	int (*init)(struct kunit *test);
	void (*exit)(struct kunit *test);
	struct kunit_case *test_cases;

	/* private: internal use only. */
	int suite_init_err;		/* [runner] what suite_init returned */
};

#define kunit_suite_for_each_test_case(suite, test_case)		\
	for (test_case = (suite)->test_cases; test_case->run_case; test_case++)

#define ___KUNIT_CONCAT(a, b)	a##b
#define __KUNIT_CONCAT(a, b)	___KUNIT_CONCAT(a, b)

/*
 * Registration: an array of suite pointers in .kunit_test_suites, which
 * arch/riscv/kernel.ld gathers between __kunit_suites_start and
 * __kunit_suites_end, as Linux's kunit_test_suites() does.  The array is
 * const: the section sits in read-only data.
 */
#define __kunit_test_suites(unique_array, ...)				\
	static struct kunit_suite *const unique_array[]			\
	__aligned(sizeof(struct kunit_suite *))				\
	__used __section(".kunit_test_suites") = { __VA_ARGS__ }

/** kunit_test_suites() - register suites, given by address */
#define kunit_test_suites(__suites...)					\
	__kunit_test_suites(__KUNIT_CONCAT(__kunit_suites_, __COUNTER__),	\
			    ##__suites)

/** kunit_test_suite() - register one suite, given by name */
#define kunit_test_suite(suite)	kunit_test_suites(&suite)

/**
 * kunit_run_all() - run every registered suite (and case) matching @glob
 * @glob: "suite" or "suite.case" glob (glob_match syntax: * ? [...]);
 *	  NULL or "all" runs everything
 *
 * Prints KTAP version 1 through printk, then one summary line
 * "kunit: N suites, pass:P fail:F skip:S".
 * Context: one hart at a time (a second caller gets -EBUSY), interrupts
 * on, not from a test case.
 * Return: 0 if no case failed, -EIO if one did, -ENOENT if @glob matches
 * no case, -EBUSY if tests are already running.
 */
int kunit_run_all(const char *glob);

/**
 * kunit_run_case_catching() - run @fn(@test), surviving a fault in it
 * @test: the running case
 * @fn: code that may fault (a NULL load, a store to read-only memory)
 *
 * For cases that check that a fault IS taken: the trap handler reports the
 * fault, this returns true and the case goes on, still passing.  A failed
 * assertion inside @fn ends @fn only (the case is marked failed).
 * Context: the case's own hart (not a cross-call); the interrupt state is
 * restored when @fn faults.
 * Return: true if @fn faulted, false if it returned or aborted.
 */
bool kunit_run_case_catching(struct kunit *test, void (*fn)(struct kunit *test));

/* ---- status ---- */

static inline void kunit_set_failure(struct kunit *test)
{
	WRITE_ONCE(test->status, KUNIT_FAILURE);
}

/**
 * kunit_mark_skipped() - mark the case skipped and go on
 * @test: the running case
 * @fmt: the reason, printed after "# SKIP"
 *
 * As in Linux, whichever of kunit_mark_skipped() and a failure comes last
 * decides the case's status.
 */
#define kunit_mark_skipped(test, fmt, ...) do {				\
	WRITE_ONCE((test)->status, KUNIT_SKIPPED);			\
	scnprintf((test)->status_comment, KUNIT_STATUS_COMMENT_SIZE,	\
		  fmt, ##__VA_ARGS__);					\
} while (0)

/** kunit_skip() - mark the case skipped and end it now */
#define kunit_skip(test, fmt, ...) do {					\
	kunit_mark_skipped(test, fmt, ##__VA_ARGS__);			\
	__kunit_abort(test);						\
} while (0)

/* ---- messages ---- */

#define kunit_printk(lvl, test, fmt, ...)				\
	printk(lvl KUNIT_SUBTEST_INDENT "# %s: " fmt, (test)->name,	\
	       ##__VA_ARGS__)

/** kunit_info() - print "    # case: message" at KERN_INFO */
#define kunit_info(test, fmt, ...)  kunit_printk(KERN_INFO, test, fmt, ##__VA_ARGS__)
/** kunit_warn() - the same at KERN_WARNING */
#define kunit_warn(test, fmt, ...)  kunit_printk(KERN_WARNING, test, fmt, ##__VA_ARGS__)
/** kunit_err() - the same at KERN_ERR */
#define kunit_err(test, fmt, ...)   kunit_printk(KERN_ERR, test, fmt, ##__VA_ARGS__)

/* ---- assertion machinery (tests/kunit/runner.c); use the macros below ---- */

struct kunit_loc {
	const char *file;
	int line;
};

struct kunit_binary_text {
	const char *operation;	/* "==", "<", ... */
	const char *left_text;	/* the operands as written */
	const char *right_text;
};

/*
 * End the case: longjmp to its recovery point.  Off the case's hart it can
 * only report, and returns.  The static analyzer is told it never returns,
 * as on the case's hart, where every KUnit case runs its assertions: code
 * after a KUNIT_ASSERT relies on it, and would otherwise be reported as
 * dereferencing the NULL the assertion just ruled out.
 */
#ifdef __clang_analyzer__
#define __kunit_abort_noreturn	__attribute__((analyzer_noreturn))
#else
#define __kunit_abort_noreturn
#endif
void __kunit_abort(struct kunit *test) __kunit_abort_noreturn;

__printf(4, 5)
void __kunit_fail_msg(struct kunit *test, const struct kunit_loc *loc,
		      enum kunit_assert_type type, const char *fmt, ...);
__printf(6, 7)
void __kunit_fail_unary(struct kunit *test, const struct kunit_loc *loc,
			enum kunit_assert_type type, const char *condition,
			bool expected_true, const char *fmt, ...);
__printf(9, 10)
void __kunit_fail_binary(struct kunit *test, const struct kunit_loc *loc,
			 enum kunit_assert_type type,
			 const struct kunit_binary_text *text,
			 unsigned long long left, bool left_signed,
			 unsigned long long right, bool right_signed,
			 const char *fmt, ...);
__printf(7, 8)
void __kunit_fail_ptr(struct kunit *test, const struct kunit_loc *loc,
		      enum kunit_assert_type type,
		      const struct kunit_binary_text *text,
		      const void *left, const void *right, const char *fmt, ...);
__printf(7, 8)
void __kunit_fail_str(struct kunit *test, const struct kunit_loc *loc,
		      enum kunit_assert_type type,
		      const struct kunit_binary_text *text,
		      const char *left, const char *right, const char *fmt, ...);

/* Signedness of an integer operand, to print -1 rather than 2^64 - 1. */
#define __kunit_is_signed(x) _Generic((x),				\
	char: CHAR_MIN < 0, signed char: 1, short: 1, int: 1,		\
	long: 1, long long: 1, default: 0)

/*
 * The static descriptions keep the code at each call site to a compare and
 * a call; they are only read when the check fails.
 */
#define __KUNIT_LOC(name)						\
	static const struct kunit_loc name = { __FILE__, __LINE__ }

#define __KUNIT_END(test, type) do {					\
	if ((type) == KUNIT_ASSERTION)					\
		__kunit_abort(test);					\
} while (0)

#define KUNIT_FAIL_ASSERTION(test, type, fmt, ...) do {			\
	__KUNIT_LOC(__loc);						\
	__kunit_fail_msg(test, &__loc, type, fmt, ##__VA_ARGS__);	\
	__KUNIT_END(test, type);					\
} while (0)

#define KUNIT_UNARY_ASSERTION(test, type, cond_, expected_true_, fmt, ...) do { \
	if (likely(!!(cond_) == !!(expected_true_)))			\
		break;							\
	__KUNIT_LOC(__loc);						\
	__kunit_fail_unary(test, &__loc, type, #cond_, expected_true_,	\
			   fmt, ##__VA_ARGS__);				\
	__KUNIT_END(test, type);					\
} while (0)

/*
 * Integers: each operand is evaluated once into a temporary of its own
 * type, then both are converted to their common type (the usual arithmetic
 * conversions, what `left op right` would do) so that comparing, say, a
 * u64 with the literal 0 does not trip -Wsign-compare.
 */
#define KUNIT_BINARY_INT_ASSERTION(test, type, left, op, right, fmt, ...) do { \
	const __typeof__(left) __left = (left);				\
	const __typeof__(right) __right = (right);			\
	const __typeof__(__left + __right) __cl = __left, __cr = __right; \
	static const struct kunit_binary_text __text = {		\
		#op, #left, #right };					\
	if (likely(__cl op __cr))					\
		break;							\
	__KUNIT_LOC(__loc);						\
	__kunit_fail_binary(test, &__loc, type, &__text,		\
			    (unsigned long long)__left,			\
			    __kunit_is_signed(__left),			\
			    (unsigned long long)__right,		\
			    __kunit_is_signed(__right), fmt, ##__VA_ARGS__); \
	__KUNIT_END(test, type);					\
} while (0)

#define KUNIT_BINARY_PTR_ASSERTION(test, type, left, op, right, fmt, ...) do { \
	const void *const __left = (left);				\
	const void *const __right = (right);				\
	static const struct kunit_binary_text __text = {		\
		#op, #left, #right };					\
	if (likely(__left op __right))					\
		break;							\
	__KUNIT_LOC(__loc);						\
	__kunit_fail_ptr(test, &__loc, type, &__text, __left, __right,	\
			 fmt, ##__VA_ARGS__);				\
	__KUNIT_END(test, type);					\
} while (0)

/* Strings: NULL equals only NULL (Linux would fault on it). */
#define KUNIT_BINARY_STR_ASSERTION(test, type, left, op, right, fmt, ...) do { \
	const char *const __left = (left);				\
	const char *const __right = (right);				\
	static const struct kunit_binary_text __text = {		\
		#op, #left, #right };					\
	if (likely(__kunit_strcmp(__left, __right) op 0))		\
		break;							\
	__KUNIT_LOC(__loc);						\
	__kunit_fail_str(test, &__loc, type, &__text, __left, __right,	\
			 fmt, ##__VA_ARGS__);				\
	__KUNIT_END(test, type);					\
} while (0)

static inline int __kunit_strcmp(const char *a, const char *b)
{
	if (!a || !b)
		return a == b ? 0 : 1;
	return strcmp(a, b);
}

/* ---- the checks: EXPECT goes on after a failure, ASSERT ends the case ---- */

/** KUNIT_FAIL() - fail the case with a message, and go on */
#define KUNIT_FAIL(test, fmt, ...)					\
	KUNIT_FAIL_ASSERTION(test, KUNIT_EXPECTATION, fmt, ##__VA_ARGS__)
/** KUNIT_SUCCEED() - a no-op that documents a reached point */
#define KUNIT_SUCCEED(test)	do { (void)(test); } while (0)

#define KUNIT_EXPECT_TRUE(test, c)	KUNIT_EXPECT_TRUE_MSG(test, c, NULL)
#define KUNIT_EXPECT_TRUE_MSG(test, c, fmt, ...)			\
	KUNIT_UNARY_ASSERTION(test, KUNIT_EXPECTATION, c, true, fmt, ##__VA_ARGS__)
#define KUNIT_EXPECT_FALSE(test, c)	KUNIT_EXPECT_FALSE_MSG(test, c, NULL)
#define KUNIT_EXPECT_FALSE_MSG(test, c, fmt, ...)			\
	KUNIT_UNARY_ASSERTION(test, KUNIT_EXPECTATION, c, false, fmt, ##__VA_ARGS__)

#define KUNIT_EXPECT_EQ(test, l, r)	KUNIT_EXPECT_EQ_MSG(test, l, r, NULL)
#define KUNIT_EXPECT_EQ_MSG(test, l, r, fmt, ...)			\
	KUNIT_BINARY_INT_ASSERTION(test, KUNIT_EXPECTATION, l, ==, r, fmt, ##__VA_ARGS__)
#define KUNIT_EXPECT_NE(test, l, r)	KUNIT_EXPECT_NE_MSG(test, l, r, NULL)
#define KUNIT_EXPECT_NE_MSG(test, l, r, fmt, ...)			\
	KUNIT_BINARY_INT_ASSERTION(test, KUNIT_EXPECTATION, l, !=, r, fmt, ##__VA_ARGS__)
#define KUNIT_EXPECT_LT(test, l, r)	KUNIT_EXPECT_LT_MSG(test, l, r, NULL)
#define KUNIT_EXPECT_LT_MSG(test, l, r, fmt, ...)			\
	KUNIT_BINARY_INT_ASSERTION(test, KUNIT_EXPECTATION, l, <, r, fmt, ##__VA_ARGS__)
#define KUNIT_EXPECT_LE(test, l, r)	KUNIT_EXPECT_LE_MSG(test, l, r, NULL)
#define KUNIT_EXPECT_LE_MSG(test, l, r, fmt, ...)			\
	KUNIT_BINARY_INT_ASSERTION(test, KUNIT_EXPECTATION, l, <=, r, fmt, ##__VA_ARGS__)
#define KUNIT_EXPECT_GT(test, l, r)	KUNIT_EXPECT_GT_MSG(test, l, r, NULL)
#define KUNIT_EXPECT_GT_MSG(test, l, r, fmt, ...)			\
	KUNIT_BINARY_INT_ASSERTION(test, KUNIT_EXPECTATION, l, >, r, fmt, ##__VA_ARGS__)
#define KUNIT_EXPECT_GE(test, l, r)	KUNIT_EXPECT_GE_MSG(test, l, r, NULL)
#define KUNIT_EXPECT_GE_MSG(test, l, r, fmt, ...)			\
	KUNIT_BINARY_INT_ASSERTION(test, KUNIT_EXPECTATION, l, >=, r, fmt, ##__VA_ARGS__)

#define KUNIT_EXPECT_PTR_EQ(test, l, r)	KUNIT_EXPECT_PTR_EQ_MSG(test, l, r, NULL)
#define KUNIT_EXPECT_PTR_EQ_MSG(test, l, r, fmt, ...)			\
	KUNIT_BINARY_PTR_ASSERTION(test, KUNIT_EXPECTATION, l, ==, r, fmt, ##__VA_ARGS__)
#define KUNIT_EXPECT_PTR_NE(test, l, r)	KUNIT_EXPECT_PTR_NE_MSG(test, l, r, NULL)
#define KUNIT_EXPECT_PTR_NE_MSG(test, l, r, fmt, ...)			\
	KUNIT_BINARY_PTR_ASSERTION(test, KUNIT_EXPECTATION, l, !=, r, fmt, ##__VA_ARGS__)
#define KUNIT_EXPECT_NULL(test, p)	KUNIT_EXPECT_NULL_MSG(test, p, NULL)
#define KUNIT_EXPECT_NULL_MSG(test, p, fmt, ...)			\
	KUNIT_BINARY_PTR_ASSERTION(test, KUNIT_EXPECTATION, p, ==, NULL, fmt, ##__VA_ARGS__)
#define KUNIT_EXPECT_NOT_NULL(test, p)	KUNIT_EXPECT_NOT_NULL_MSG(test, p, NULL)
#define KUNIT_EXPECT_NOT_NULL_MSG(test, p, fmt, ...)			\
	KUNIT_BINARY_PTR_ASSERTION(test, KUNIT_EXPECTATION, p, !=, NULL, fmt, ##__VA_ARGS__)

#define KUNIT_EXPECT_STREQ(test, l, r)	KUNIT_EXPECT_STREQ_MSG(test, l, r, NULL)
#define KUNIT_EXPECT_STREQ_MSG(test, l, r, fmt, ...)			\
	KUNIT_BINARY_STR_ASSERTION(test, KUNIT_EXPECTATION, l, ==, r, fmt, ##__VA_ARGS__)
#define KUNIT_EXPECT_STRNEQ(test, l, r)	KUNIT_EXPECT_STRNEQ_MSG(test, l, r, NULL)
#define KUNIT_EXPECT_STRNEQ_MSG(test, l, r, fmt, ...)			\
	KUNIT_BINARY_STR_ASSERTION(test, KUNIT_EXPECTATION, l, !=, r, fmt, ##__VA_ARGS__)

/** KUNIT_ASSERT_FAILURE() - fail the case with a message, and end it */
#define KUNIT_ASSERT_FAILURE(test, fmt, ...)				\
	KUNIT_FAIL_ASSERTION(test, KUNIT_ASSERTION, fmt, ##__VA_ARGS__)

#define KUNIT_ASSERT_TRUE(test, c)	KUNIT_ASSERT_TRUE_MSG(test, c, NULL)
#define KUNIT_ASSERT_TRUE_MSG(test, c, fmt, ...)			\
	KUNIT_UNARY_ASSERTION(test, KUNIT_ASSERTION, c, true, fmt, ##__VA_ARGS__)
#define KUNIT_ASSERT_FALSE(test, c)	KUNIT_ASSERT_FALSE_MSG(test, c, NULL)
#define KUNIT_ASSERT_FALSE_MSG(test, c, fmt, ...)			\
	KUNIT_UNARY_ASSERTION(test, KUNIT_ASSERTION, c, false, fmt, ##__VA_ARGS__)

#define KUNIT_ASSERT_EQ(test, l, r)	KUNIT_ASSERT_EQ_MSG(test, l, r, NULL)
#define KUNIT_ASSERT_EQ_MSG(test, l, r, fmt, ...)			\
	KUNIT_BINARY_INT_ASSERTION(test, KUNIT_ASSERTION, l, ==, r, fmt, ##__VA_ARGS__)
#define KUNIT_ASSERT_NE(test, l, r)	KUNIT_ASSERT_NE_MSG(test, l, r, NULL)
#define KUNIT_ASSERT_NE_MSG(test, l, r, fmt, ...)			\
	KUNIT_BINARY_INT_ASSERTION(test, KUNIT_ASSERTION, l, !=, r, fmt, ##__VA_ARGS__)
#define KUNIT_ASSERT_LT(test, l, r)	KUNIT_ASSERT_LT_MSG(test, l, r, NULL)
#define KUNIT_ASSERT_LT_MSG(test, l, r, fmt, ...)			\
	KUNIT_BINARY_INT_ASSERTION(test, KUNIT_ASSERTION, l, <, r, fmt, ##__VA_ARGS__)
#define KUNIT_ASSERT_LE(test, l, r)	KUNIT_ASSERT_LE_MSG(test, l, r, NULL)
#define KUNIT_ASSERT_LE_MSG(test, l, r, fmt, ...)			\
	KUNIT_BINARY_INT_ASSERTION(test, KUNIT_ASSERTION, l, <=, r, fmt, ##__VA_ARGS__)
#define KUNIT_ASSERT_GT(test, l, r)	KUNIT_ASSERT_GT_MSG(test, l, r, NULL)
#define KUNIT_ASSERT_GT_MSG(test, l, r, fmt, ...)			\
	KUNIT_BINARY_INT_ASSERTION(test, KUNIT_ASSERTION, l, >, r, fmt, ##__VA_ARGS__)
#define KUNIT_ASSERT_GE(test, l, r)	KUNIT_ASSERT_GE_MSG(test, l, r, NULL)
#define KUNIT_ASSERT_GE_MSG(test, l, r, fmt, ...)			\
	KUNIT_BINARY_INT_ASSERTION(test, KUNIT_ASSERTION, l, >=, r, fmt, ##__VA_ARGS__)

#define KUNIT_ASSERT_PTR_EQ(test, l, r)	KUNIT_ASSERT_PTR_EQ_MSG(test, l, r, NULL)
#define KUNIT_ASSERT_PTR_EQ_MSG(test, l, r, fmt, ...)			\
	KUNIT_BINARY_PTR_ASSERTION(test, KUNIT_ASSERTION, l, ==, r, fmt, ##__VA_ARGS__)
#define KUNIT_ASSERT_PTR_NE(test, l, r)	KUNIT_ASSERT_PTR_NE_MSG(test, l, r, NULL)
#define KUNIT_ASSERT_PTR_NE_MSG(test, l, r, fmt, ...)			\
	KUNIT_BINARY_PTR_ASSERTION(test, KUNIT_ASSERTION, l, !=, r, fmt, ##__VA_ARGS__)
#define KUNIT_ASSERT_NULL(test, p)	KUNIT_ASSERT_NULL_MSG(test, p, NULL)
#define KUNIT_ASSERT_NULL_MSG(test, p, fmt, ...)			\
	KUNIT_BINARY_PTR_ASSERTION(test, KUNIT_ASSERTION, p, ==, NULL, fmt, ##__VA_ARGS__)
#define KUNIT_ASSERT_NOT_NULL(test, p)	KUNIT_ASSERT_NOT_NULL_MSG(test, p, NULL)
#define KUNIT_ASSERT_NOT_NULL_MSG(test, p, fmt, ...)			\
	KUNIT_BINARY_PTR_ASSERTION(test, KUNIT_ASSERTION, p, !=, NULL, fmt, ##__VA_ARGS__)

#define KUNIT_ASSERT_STREQ(test, l, r)	KUNIT_ASSERT_STREQ_MSG(test, l, r, NULL)
#define KUNIT_ASSERT_STREQ_MSG(test, l, r, fmt, ...)			\
	KUNIT_BINARY_STR_ASSERTION(test, KUNIT_ASSERTION, l, ==, r, fmt, ##__VA_ARGS__)
#define KUNIT_ASSERT_STRNEQ(test, l, r)	KUNIT_ASSERT_STRNEQ_MSG(test, l, r, NULL)
#define KUNIT_ASSERT_STRNEQ_MSG(test, l, r, fmt, ...)			\
	KUNIT_BINARY_STR_ASSERTION(test, KUNIT_ASSERTION, l, !=, r, fmt, ##__VA_ARGS__)

/* ---- memory the case owns (tests/kunit/resource.c) ---- */

/**
 * kunit_kmalloc_array() - kmalloc_array() freed when the case ends
 * Return: the memory, or NULL (overflow of @n * @size, no memory).
 */
void *kunit_kmalloc_array(struct kunit *test, size_t n, size_t size, gfp_t gfp);
/** kunit_kfree() - free @ptr (from kunit_kmalloc*()) now, not at the end */
void kunit_kfree(struct kunit *test, const void *ptr);

/** kunit_kmalloc() - kmalloc() freed when the case ends */
static inline void *kunit_kmalloc(struct kunit *test, size_t size, gfp_t gfp)
{
	return kunit_kmalloc_array(test, 1, size, gfp);
}

/** kunit_kzalloc() - zeroed kunit_kmalloc() */
static inline void *kunit_kzalloc(struct kunit *test, size_t size, gfp_t gfp)
{
	return kunit_kmalloc(test, size, gfp | __GFP_ZERO);
}

/** kunit_kcalloc() - zeroed kunit_kmalloc_array() */
static inline void *kunit_kcalloc(struct kunit *test, size_t n, size_t size,
				  gfp_t gfp)
{
	return kunit_kmalloc_array(test, n, size, gfp | __GFP_ZERO);
}

/* ---- more checks: error pointers, memory ---- */

__printf(6, 7) void __kunit_fail_ptr_not_err(
	struct kunit *test, const struct kunit_loc *loc,
	enum kunit_assert_type type, const char *text, const void *ptr,
	const char *fmt, ...);
__printf(8, 9) void __kunit_fail_mem(
	struct kunit *test, const struct kunit_loc *loc,
	enum kunit_assert_type type, const struct kunit_binary_text *text,
	const void *left, const void *right, size_t size, const char *fmt, ...);

/* Fails on NULL and on an ERR_PTR() value, printing which. */
#define KUNIT_PTR_NOT_ERR_OR_NULL_MSG_ASSERTION(test, type, ptr, fmt, ...)     \
	do {                                                                   \
		const void *const __ptr = (ptr);                               \
		if (likely(!IS_ERR_OR_NULL(__ptr)))                            \
			break;                                                 \
		__KUNIT_LOC(__loc);                                            \
		__kunit_fail_ptr_not_err(test, &__loc, type, #ptr, __ptr, fmt, \
					 ##__VA_ARGS__);                       \
		__KUNIT_END(test, type);                                       \
	} while (0)

/* @size bytes at @left and @right, compared with memcmp(); NULL fails. */
#define KUNIT_MEM_ASSERTION(test, type, left, op, right, size, fmt, ...)       \
	do {                                                                   \
		const void *const __left = (left);                             \
		const void *const __right = (right);                           \
		const size_t __size = (size);                                  \
		static const struct kunit_binary_text __text = { #op, #left,   \
								 #right };     \
		if (likely(__left && __right &&                                \
			   (memcmp(__left, __right, __size) op 0)))            \
			break;                                                 \
		__KUNIT_LOC(__loc);                                            \
		__kunit_fail_mem(test, &__loc, type, &__text, __left, __right, \
				 __size, fmt, ##__VA_ARGS__);                  \
		__KUNIT_END(test, type);                                       \
	} while (0)

#define KUNIT_EXPECT_NOT_ERR_OR_NULL(test, ptr) \
	KUNIT_EXPECT_NOT_ERR_OR_NULL_MSG(test, ptr, NULL)
#define KUNIT_EXPECT_NOT_ERR_OR_NULL_MSG(test, ptr, fmt, ...)                 \
	KUNIT_PTR_NOT_ERR_OR_NULL_MSG_ASSERTION(test, KUNIT_EXPECTATION, ptr, \
						fmt, ##__VA_ARGS__)
#define KUNIT_ASSERT_NOT_ERR_OR_NULL(test, ptr) \
	KUNIT_ASSERT_NOT_ERR_OR_NULL_MSG(test, ptr, NULL)
#define KUNIT_ASSERT_NOT_ERR_OR_NULL_MSG(test, ptr, fmt, ...)               \
	KUNIT_PTR_NOT_ERR_OR_NULL_MSG_ASSERTION(test, KUNIT_ASSERTION, ptr, \
						fmt, ##__VA_ARGS__)

#define KUNIT_EXPECT_MEMEQ(test, l, r, size) \
	KUNIT_EXPECT_MEMEQ_MSG(test, l, r, size, NULL)
#define KUNIT_EXPECT_MEMEQ_MSG(test, l, r, size, fmt, ...)                \
	KUNIT_MEM_ASSERTION(test, KUNIT_EXPECTATION, l, ==, r, size, fmt, \
			    ##__VA_ARGS__)
#define KUNIT_EXPECT_MEMNEQ(test, l, r, size) \
	KUNIT_EXPECT_MEMNEQ_MSG(test, l, r, size, NULL)
#define KUNIT_EXPECT_MEMNEQ_MSG(test, l, r, size, fmt, ...)               \
	KUNIT_MEM_ASSERTION(test, KUNIT_EXPECTATION, l, !=, r, size, fmt, \
			    ##__VA_ARGS__)
#define KUNIT_ASSERT_MEMEQ(test, l, r, size) \
	KUNIT_ASSERT_MEMEQ_MSG(test, l, r, size, NULL)
#define KUNIT_ASSERT_MEMEQ_MSG(test, l, r, size, fmt, ...)              \
	KUNIT_MEM_ASSERTION(test, KUNIT_ASSERTION, l, ==, r, size, fmt, \
			    ##__VA_ARGS__)
#define KUNIT_ASSERT_MEMNEQ(test, l, r, size) \
	KUNIT_ASSERT_MEMNEQ_MSG(test, l, r, size, NULL)
#define KUNIT_ASSERT_MEMNEQ_MSG(test, l, r, size, fmt, ...)             \
	KUNIT_MEM_ASSERTION(test, KUNIT_ASSERTION, l, !=, r, size, fmt, \
			    ##__VA_ARGS__)

#endif /* NODAL_KUNIT_TEST_H */
