/* SPDX-License-Identifier: MIT */
/*
 * kernel/fault_report.c — the `faults` command: show and change the fault
 * injection attributes (kernel/fault-inject.c), Linux's
 * /sys/kernel/debug/fail_page_alloc/ and failslab/ in one command.
 *
 *   faults                          every attribute, one line each
 *   faults GROUP off                probability 0
 *   faults GROUP I,P,S,T            as the boot option NAME=I,P,S,T
 *   faults GROUP KNOB=VAL ...       knobs by their debugfs names
 *   faults reset                    the injected counts back to 0
 *
 * GROUP is `page` (fail_page_alloc) or `slab` (failslab).  A line with
 * any bad word changes nothing.
 */
#include <linux/errno.h>
#include <linux/fault-inject.h>
#include <linux/printk.h>
#include <linux/string.h>
#include <nodal/shell.h>

#define for_each_fault_group(g)                                  \
	for (const struct fault_group *g = __fault_groups_start; \
	     g < __fault_groups_end; g++)

static void show_group(const struct fault_group *g)
{
	const struct fault_attr *a = g->attr;
	char own[128];
	size_t len = 0;

	own[0] = 0;
	for (unsigned int i = 0; i < g->nr_knobs; i++) {
		const struct fault_knob *k = &g->knobs[i];

		if (k->type == FAULT_KNOB_BOOL)
			len += scnprintf(own + len, sizeof(own) - len, " %s=%c",
					 k->name,
					 READ_ONCE(*(bool *)k->value) ? 'Y' : 'N');
		else
			len += scnprintf(own + len, sizeof(own) - len, " %s=%u",
					 k->name, READ_ONCE(*(u32 *)k->value));
	}
	console_printf("%s (%s): probability=%lu interval=%lu space=%d times=%d verbose=%lu task-filter=%c verbose_ratelimit_interval_ms=%u verbose_ratelimit_burst=%u%s injected=%lu\n",
		       a->dname, g->name, READ_ONCE(a->probability),
		       READ_ONCE(a->interval), READ_ONCE(a->space),
		       READ_ONCE(a->times), READ_ONCE(a->verbose),
		       READ_ONCE(a->task_filter) ? 'Y' : 'N',
		       READ_ONCE(a->ratelimit_interval_ms),
		       READ_ONCE(a->ratelimit_burst), own, fault_injected(g));
}

/* One word for group @g: off, I,P,S,T or KNOB=VAL.  0 or -EINVAL. */
static int apply_word(const struct fault_group *g, char *word)
{
	char *val;

	if (!strcmp(word, "off")) {
		WRITE_ONCE(g->attr->probability, 0);
		return 0;
	}
	if (strchr(word, ','))
		return setup_fault_attr(g->attr, word);
	val = strchr(word, '=');
	if (!val) {
		console_printf("faults: '%s' is not off, I,P,S,T or KNOB=VALUE\n",
			       word);
		return -EINVAL;
	}
	*val++ = 0;
	return fault_group_set(g, word, val, "faults");
}

static int cmd_faults(int argc, char **argv)
{
	static struct fault_settings saved;
	const struct fault_group *g;

	if (argc == 2 && !strcmp(argv[1], "reset")) {
		for_each_fault_group(grp)
			__atomic_store_n(&grp->attr->injected, 0,
					 __ATOMIC_RELAXED);
		return 0;
	}
	if (argc > 1) {
		g = fault_find_group(argv[1]);
		if (!g) {
			console_printf("faults: no attribute '%s' (page, slab)\n",
				       argv[1]);
			return -EINVAL;
		}
		if (argc == 2) {
			console_printf("faults: %s: what to set? (help faults)\n",
				       argv[1]);
			return -EINVAL;
		}
		fault_save(&saved);
		for (int i = 2; i < argc; i++) {
			if (apply_word(g, argv[i])) {
				fault_restore(&saved);
				console_printf("faults: nothing changed\n");
				return -EINVAL;
			}
		}
	}
	for_each_fault_group(grp)
		show_group(grp);
	return 0;
}
SHELL_COMMAND_DETAILED(
	"faults", cmd_faults, "[reset | page|slab off|I,P,S,T|KNOB=VAL...]",
	"show or set fault injection (fail_page_alloc, failslab)",
	"  faults                     both attributes and the failures injected\n"
	"  faults page 1,10,0,-1      interval,probability %,space,times (-1: no limit)\n"
	"  faults slab off            stop injecting slab failures\n"
	"  faults page min-order=0 ignore-gfp-wait=N verbose=0\n"
	"  faults reset               injected counts to 0\n"
	"Knobs (Linux's debugfs names; '_' = '-'): probability 0..100,\n"
	"interval 1.., space 0.. (page: pages, slab: bytes), times -1..,\n"
	"verbose 0..2, task-filter Y/N, verbose_ratelimit_interval_ms,\n"
	"verbose_ratelimit_burst; page: min-order, ignore-gfp-wait,\n"
	"ignore-gfp-highmem; slab: ignore-gfp-wait, cache-filter.\n"
	"Boot options: fail_page_alloc=I,P,S,T failslab=I,P,S,T and\n"
	"fail_page_alloc.KNOB=V failslab.KNOB=V (failslab.caches=A,B:\n"
	"caches with SLAB_FAILSLAB for cache-filter).\n");
