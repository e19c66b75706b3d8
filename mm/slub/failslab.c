/* SPDX-License-Identifier: MIT */
/*
 * mm/slub/failslab.c — fault injection for slab allocations: Linux's
 * failslab attribute, its knobs, boot options, and which caches carry
 * SLAB_FAILSLAB.
 *
 * Every kmem_cache_alloc()/kmalloc() from a cache asks should_failslab()
 * before its fast path (Linux asks in slab_pre_alloc_hook()); while the
 * probability is 0 the fast path pays one load and one branch.  An
 * injected failure returns NULL with no "unable to allocate" warning
 * (none in Linux either) and is counted by the attribute.  With
 * cache-filter=Y only caches with SLAB_FAILSLAB fail: a cache gets it
 * from its creator's flags, or from the boot option
 * `failslab.caches=NAME[,NAME...]` (Linux: writing 1 to
 * /sys/kernel/slab/NAME/failslab), applied when the cache is created.
 *
 * Boot options: failslab=<interval>,<probability>,<space>,<times>,
 * failslab.KNOB=VALUE for every knob of the `faults` command, and
 * failslab.caches=.
 */
#include <linux/fault-inject.h>
#include <linux/gfp.h>
#include <linux/init.h>
#include <linux/printk.h>
#include <linux/slab.h>
#include <linux/string.h>

#include "internal.h"

struct failslab_attr failslab = {
	.attr = FAULT_ATTR_INITIALIZER("failslab"),
	.ignore_gfp_reclaim = true,
	.cache_filter = false,
};

static const struct fault_knob failslab_knobs[] = {
	{ "ignore-gfp-wait", FAULT_KNOB_BOOL, &failslab.ignore_gfp_reclaim, 1 },
	{ "cache-filter", FAULT_KNOB_BOOL, &failslab.cache_filter, 1 },
};
FAULT_GROUP("slab", &failslab.attr, failslab_knobs);

bool should_failslab(struct kmem_cache *s, gfp_t gfpflags)
{
	int flags = 0;

	if (unlikely(slub_is_kmem_cache(s))) /* the bootstrap cache */
		return false;
	if (gfpflags & __GFP_NOFAIL)
		return false;
	if (READ_ONCE(failslab.ignore_gfp_reclaim) &&
	    (gfpflags & __GFP_DIRECT_RECLAIM))
		return false;
	if (READ_ONCE(failslab.cache_filter) && !(s->flags & SLAB_FAILSLAB))
		return false;
	if (gfpflags & __GFP_NOWARN)
		flags |= FAULT_NOWARN;
	return should_fail_ex(&failslab.attr, s->object_size, flags);
}

/* ---- which caches carry SLAB_FAILSLAB ---- */

#define FAILSLAB_CACHES_MAX 128
static char failslab_caches[FAILSLAB_CACHES_MAX]; /* [init] "a,b,c" */

unsigned long failslab_cache_flags(const char *name, unsigned long flags)
{
	const char *p = failslab_caches;
	size_t len = strlen(name);

	while (*p) {
		const char *end = strchr(p, ',');
		size_t n = end ? (size_t)(end - p) : strlen(p);

		if (n == len && !strncmp(p, name, n))
			return flags | SLAB_FAILSLAB;
		p += n + (end ? 1 : 0);
	}
	return flags;
}

/* ---- boot options ---- */

#define SLAB_GROUP (fault_find_group("slab"))
#define FAILSLAB_OPTION(knob, fn)                         \
	static void fn(const char *val)                   \
	{                                                 \
		fault_boot_option(SLAB_GROUP, knob, val); \
	}                                                 \
	cmdline_param("failslab." knob, fn,               \
		      "failslab's " knob " (see help faults)")

static void parse_failslab(const char *val)
{
	fault_boot_attr(SLAB_GROUP, val);
}
cmdline_param(
	"failslab", parse_failslab,
	"failslab=<interval>,<probability %>,<space>,<times>: inject slab allocation failures");
FAILSLAB_OPTION("ignore-gfp-wait", parse_failslab_ignore_wait);
FAILSLAB_OPTION("cache-filter", parse_failslab_cache_filter);
FAILSLAB_OPTION("verbose", parse_failslab_verbose);
FAILSLAB_OPTION("task-filter", parse_failslab_task_filter);
FAILSLAB_OPTION("verbose_ratelimit_interval_ms", parse_failslab_rl_interval);
FAILSLAB_OPTION("verbose_ratelimit_burst", parse_failslab_rl_burst);

static void parse_failslab_caches(const char *val)
{
	if (!val || !*val ||
	    strscpy(failslab_caches, val, sizeof(failslab_caches)) < 0) {
		failslab_caches[0] = 0;
		pr_err("cmdline: failslab.caches=%s: want NAME[,NAME...] of at most %d characters; no cache marked\n",
		       val ? val : "(nothing)", FAILSLAB_CACHES_MAX - 1);
	}
}
cmdline_param(
	"failslab.caches", parse_failslab_caches,
	"failslab.caches=A,B: caches created with SLAB_FAILSLAB (for failslab.cache-filter=Y)");
