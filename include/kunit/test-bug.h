/* SPDX-License-Identifier: MIT */
/*
 * include/kunit/test-bug.h — for code under test: which KUnit case runs?
 *
 * Type-only, with kernel/'s hook table (kernel/context.c).  Mirrors:
 * <kunit/test-bug.h> of Linux 6.12: kunit_get_current_test() is NULL
 * outside a case and in a task other than the case's (current->kunit_test,
 * set by the runner around each case).  Code below tests/ cannot call the
 * runner (docs/design.md §3.2 rule 5), so, as Linux does for built-in code,
 * it goes through kunit_hooks, which the runner fills before its first
 * case.  Nodal's table holds what SLUB's error hook needs: finding a named
 * resource and putting it back (Linux inlines those; Nodal's struct kunit
 * is tests/kunit/'s).
 */
#ifndef NODAL_KUNIT_TEST_BUG_H
#define NODAL_KUNIT_TEST_BUG_H

#include <linux/compiler.h>
#include <linux/sched.h>

struct kunit;
struct kunit_resource;

/* Filled by the runner (tests/kunit/runner.c); NULL members before it. */
extern struct kunit_hooks_table {
	struct kunit_resource *(*find_named_resource)(struct kunit *test,
						      const char *name);
	void (*put_resource)(struct kunit_resource *res);
} kunit_hooks;

/** kunit_get_current_test() - the case this task runs, or NULL */
static inline struct kunit *kunit_get_current_test(void)
{
	return READ_ONCE(current->kunit_test);
}

#endif /* NODAL_KUNIT_TEST_BUG_H */
