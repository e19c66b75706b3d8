/* SPDX-License-Identifier: MIT */
/*
 * mm/buddy/fail_page_alloc.c — fault injection for the page allocator:
 * Linux's fail_page_alloc attribute, its knobs and boot options.
 *
 * __alloc_pages_slowpath() asks should_fail_alloc_page() before it looks
 * at any free list (Linux asks in prepare_alloc_pages()); while the
 * probability is 0 the inline fast path pays one load and one branch to
 * know it need not ask.  An injected failure returns NULL as a real one
 * does, but is counted by the attribute, not as an allocation failure
 * (Linux's warn_alloc() does not see it either).  Linux's defaults
 * (min-order 1, allocations that may wait ignored) leave every order-0
 * GFP_KERNEL allocation alone; `fail_page_alloc.min-order=0
 * fail_page_alloc.ignore-gfp-wait=N` fails those too.
 *
 * Boot options: fail_page_alloc=<interval>,<probability>,<space>,<times>
 * and fail_page_alloc.KNOB=VALUE for every knob of the `faults` command.
 */
#include <linux/fault-inject.h>
#include <linux/gfp.h>
#include <linux/init.h>

struct fail_page_alloc_attr fail_page_alloc = {
	.attr = FAULT_ATTR_INITIALIZER("fail_page_alloc"),
	.ignore_gfp_highmem = true,
	.ignore_gfp_reclaim = true,
	.min_order = 1,
};

static const struct fault_knob fail_page_alloc_knobs[] = {
	{ "min-order", FAULT_KNOB_U32, &fail_page_alloc.min_order,
	  MAX_PAGE_ORDER + 1 },
	{ "ignore-gfp-wait", FAULT_KNOB_BOOL,
	  &fail_page_alloc.ignore_gfp_reclaim, 1 },
	{ "ignore-gfp-highmem", FAULT_KNOB_BOOL,
	  &fail_page_alloc.ignore_gfp_highmem, 1 },
};
FAULT_GROUP("page", &fail_page_alloc.attr, fail_page_alloc_knobs);

bool should_fail_alloc_page(gfp_t gfp_mask, unsigned int order)
{
	int flags = 0;

	if (order < READ_ONCE(fail_page_alloc.min_order))
		return false;
	if (gfp_mask & __GFP_NOFAIL)
		return false;
	if (READ_ONCE(fail_page_alloc.ignore_gfp_highmem) &&
	    (gfp_mask & __GFP_HIGHMEM))
		return false;
	if (READ_ONCE(fail_page_alloc.ignore_gfp_reclaim) &&
	    (gfp_mask & __GFP_DIRECT_RECLAIM))
		return false;
	if (gfp_mask & __GFP_NOWARN)
		flags |= FAULT_NOWARN;
	return should_fail_ex(&fail_page_alloc.attr, 1L << order, flags);
}

/* ---- boot options ---- */

#define PAGE_GROUP (fault_find_group("page"))
#define FAIL_PAGE_OPTION(knob, fn)                        \
	static void fn(const char *val)                   \
	{                                                 \
		fault_boot_option(PAGE_GROUP, knob, val); \
	}                                                 \
	cmdline_param("fail_page_alloc." knob, fn,        \
		      "fail_page_alloc's " knob " (see help faults)")

static void parse_fail_page_alloc(const char *val)
{
	fault_boot_attr(PAGE_GROUP, val);
}
cmdline_param(
	"fail_page_alloc", parse_fail_page_alloc,
	"fail_page_alloc=<interval>,<probability %>,<space>,<times>: inject page allocation failures");
FAIL_PAGE_OPTION("min-order", parse_fpa_min_order);
FAIL_PAGE_OPTION("ignore-gfp-wait", parse_fpa_ignore_wait);
FAIL_PAGE_OPTION("ignore-gfp-highmem", parse_fpa_ignore_highmem);
FAIL_PAGE_OPTION("verbose", parse_fpa_verbose);
FAIL_PAGE_OPTION("task-filter", parse_fpa_task_filter);
FAIL_PAGE_OPTION("verbose_ratelimit_interval_ms", parse_fpa_rl_interval);
FAIL_PAGE_OPTION("verbose_ratelimit_burst", parse_fpa_rl_burst);
