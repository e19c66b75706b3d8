/* SPDX-License-Identifier: MIT */
/*
 * mm/mempolicy/report.c — the `policy` shell command: show and set the
 * shell task's memory policy and the interleave weights, the pages the task
 * placed per node, and `policy alloc`, the experiment that allocates pages
 * under the policy and shows where they landed.
 *
 * A report on top of the page allocator and the policies (theory in
 * mempolicy.c); it reads them through <linux/mempolicy.h>.  Each
 * subcommand prints through the report API (<nodal/report.h>): text, then
 * one JSON line between "JSON-BEGIN policy" and "JSON-END" from the same
 * calls and one table of fields; `policy alloc` prints numastat's table
 * (numastat_emit(), <nodal/page_stats.h>).  Bad input names the input, the
 * errno and the rule, changes nothing and fails the command.
 */
#include <linux/errno.h>
#include <linux/gfp.h>
#include <linux/mempolicy.h>
#include <linux/mmzone.h>
#include <linux/printk.h>
#include <linux/sched.h>
#include <linux/smp.h>
#include <linux/string.h>
#include <linux/topology.h>
#include <nodal/page_stats.h>
#include <nodal/report.h>
#include <nodal/shell.h>

#define POLICY_ALLOC_MAX	10000000UL	/* blocks per `policy alloc` */

static const char *const mode_macros[MPOL_MAX] = {
	"MPOL_DEFAULT", "MPOL_PREFERRED", "MPOL_BIND", "MPOL_INTERLEAVE",
	"MPOL_LOCAL", "MPOL_PREFERRED_MANY", "MPOL_WEIGHTED_INTERLEAVE",
};

static const char *errno_name(int err)
{
	switch (err) {
	case -EINVAL:	return "EINVAL";
	case -ERANGE:	return "ERANGE";
	case -ENOMEM:	return "ENOMEM";
	default:	return "error";
	}
}

/* ---- the fields every subcommand prints from ---- */

enum {
	F_ACTION,
	F_POLICY,
	F_TASK,
	F_PID,
	F_CPU,
	F_NODE,
	F_MODE,
	F_MODE_MACRO,
	F_MODE_VALUE,
	F_FLAGS,
	F_IL_PREV,
	F_IL_WEIGHT,
	F_NEXT_NODE,
	F_WEIGHT_NODE,
	F_WEIGHT,
	F_PAGES_NODE,
	F_PAGES,
	NR_FIELDS
};

static const struct report_field fields[NR_FIELDS] = {
	[F_ACTION] = { "action", NULL },
	[F_POLICY] = { "policy", "policy: %s\n" },
	[F_TASK] = { "task", "task: %s" },
	[F_PID] = { "pid", " (pid %lld)" },
	[F_CPU] = { "cpu", " on cpu %lld" },
	[F_NODE] = { "node", ", node %lld\n" },
	[F_MODE] = { "mode", NULL },	       /* mpol_mode_name() */
	[F_MODE_MACRO] = { NULL, "mode: %s" }, /* the MPOL_ macro */
	[F_MODE_VALUE] = { "mode_value", " (%lld)" },
	[F_FLAGS] = { "flags", NULL }, /* text: in words */
	[F_IL_PREV] = { "il_prev", "cursor: il_prev %lld" },
	[F_IL_WEIGHT] = { "il_weight", ", il_weight %llu" },
	[F_NEXT_NODE] = { "next_node", ", next node %lld" },
	[F_WEIGHT_NODE] = { "node", " node%llu" },
	[F_WEIGHT] = { "weight", "=%llu" },
	[F_PAGES_NODE] = { "node", " node%llu" },
	[F_PAGES] = { "pages", " %llu" },
};

/* The nodes of @mask as a JSON list (the text shows them as a node list). */
static void emit_json_nodes(struct report *r, const char *key,
			    const nodemask_t *mask)
{
	int nid;

	report_list(r, key);
	for_each_node_mask(nid, *mask)
		report_list_u64(r, NULL, nid);
	report_list_end(r);
}

static void print_flag_words(struct report *r, unsigned int flags)
{
	if (!(flags & MPOL_MODE_FLAGS))
		report_text(r, " (no flags)");
	if (flags & MPOL_F_STATIC_NODES)
		report_text(r, " | MPOL_F_STATIC_NODES");
	if (flags & MPOL_F_RELATIVE_NODES)
		report_text(r, " | MPOL_F_RELATIVE_NODES");
	if (flags & MPOL_F_NUMA_BALANCING)
		report_text(r, " | MPOL_F_NUMA_BALANCING");
}

/* "weights: node0=1 node1=3"; the JSON's is a record per node. */
static void emit_weights(struct report *r)
{
	int nid;

	report_text(r, "weights:");
	report_list(r, "weights");
	for_each_online_node(nid) {
		report_object(r, NULL);
		report_u64(r, &fields[F_WEIGHT_NODE], nid);
		report_u64(r, &fields[F_WEIGHT], get_il_weight(nid));
		report_object_end(r);
	}
	report_list_end(r);
	report_text(r, "\n");
}

/* "pages placed by this task: node0 12 node1 4 (total 16)". */
static void emit_pages(struct report *r, const struct task_struct *me)
{
	unsigned long total = 0;
	int nid;

	report_text(r, "pages placed by this task:");
	report_list(r, "pages");
	for_each_online_node(nid) {
		report_object(r, NULL);
		report_u64(r, &fields[F_PAGES_NODE], nid);
		report_u64(r, &fields[F_PAGES], me->numa_pages[nid]);
		report_object_end(r);
		total += me->numa_pages[nid];
	}
	report_list_end(r);
	report_text(r, " (total %lu)\n", total);
}

/* "task: shell (pid 4)", in `policy` and `policy stats`. */
static void emit_task(struct report *r, const struct task_struct *me)
{
	report_str(r, &fields[F_TASK], me->comm);
	report_s64(r, &fields[F_PID], me->pid);
}

/* ---- policy (show) ---- */

/* What `policy` shows, read once. */
struct policy_view {
	const char *action;		/* "show", "set" */
	struct mempolicy *pol;		/* the task's, or &default_policy */
	char str[MPOL_STR_LEN];		/* numa_maps form */
	int mode;			/* get_mempolicy(): mode | flags */
	nodemask_t requested;		/* get_mempolicy()'s nodes */
	int next;			/* next interleave node, or -1 */
	int cpu, node;			/* where the shell task runs */
};

static void get_policy_view(struct policy_view *v)
{
	int m;

	v->pol = get_task_policy(current);
	v->next = -1;
	v->cpu = smp_processor_id();
	v->node = numa_node_id();
	get_mempolicy(&v->mode, &v->requested, 0);
	m = v->mode & ~MPOL_MODE_FLAGS;
	if (m == MPOL_INTERLEAVE || m == MPOL_WEIGHTED_INTERLEAVE)
		get_mempolicy(&v->next, NULL, MPOL_F_NODE);
	mpol_to_str(v->str, sizeof(v->str), v->pol);
}

/* "mode: MPOL_BIND (2) | MPOL_F_STATIC_NODES", "nodes: 1 (get_mempolicy: 1)" */
static void emit_mode(struct report *r, const struct policy_view *v)
{
	int m = v->mode & ~MPOL_MODE_FLAGS;
	char eff[16], req[16];

	report_str(r, &fields[F_MODE], mpol_mode_name(m));
	report_str(r, &fields[F_MODE_MACRO], mode_macros[m]);
	report_s64(r, &fields[F_MODE_VALUE], m);
	report_s64(r, &fields[F_FLAGS], v->mode & MPOL_MODE_FLAGS);
	print_flag_words(r, (unsigned int)v->mode);
	nodelist_scnprintf(eff, sizeof(eff), v->pol->nodes);
	nodelist_scnprintf(req, sizeof(req), v->requested);
	report_text(r, "\nnodes: %s (get_mempolicy: %s)\n", *eff ? eff : "none",
		    *req ? req : "none");
	emit_json_nodes(r, "nodes", &v->pol->nodes);
	emit_json_nodes(r, "get_mempolicy_nodes", &v->requested);
}

static void policy_emit(struct report *r, void *arg)
{
	const struct policy_view *v = arg;
	struct task_struct *me = current;
	int m = v->mode & ~MPOL_MODE_FLAGS;

	report_str(r, &fields[F_ACTION], v->action);
	report_str(r, &fields[F_POLICY], v->str);
	emit_task(r, me);
	report_s64(r, &fields[F_CPU], v->cpu);
	report_s64(r, &fields[F_NODE], v->node);
	emit_mode(r, v);
	report_s64(r, &fields[F_IL_PREV], me->il_prev);
	report_u64(r, &fields[F_IL_WEIGHT], me->il_weight);
	if (v->next >= 0 || !report_is_text(r))
		report_s64(r, &fields[F_NEXT_NODE], v->next);
	report_text(r, "\n");
	if (m == MPOL_WEIGHTED_INTERLEAVE || !report_is_text(r))
		emit_weights(r);
	emit_pages(r, me);
}

static void print_policy(const char *action)
{
	struct policy_view v = { .action = action };

	get_policy_view(&v);
	report_print("policy", policy_emit, &v);
}

/* ---- policy set ---- */

/* "MODE[=FLAGS][:NODES]" or "MODE[=FLAGS] NODES". */
static int policy_set(int argc, char **argv)
{
	char spec[64];
	const char *why = "";
	nodemask_t nodes;
	int mode, err;

	if (argc < 3 || argc > 4) {
		console_printf("policy set: usage: policy set MODE[=FLAGS][:NODES] | MODE[=FLAGS] NODES\n");
		return -EINVAL;
	}
	if (argc == 4 && strchr(argv[2], ':')) {
		console_printf("policy set: nodes given twice ('%s' and '%s'): EINVAL\n",
			       argv[2], argv[3]);
		return -EINVAL;
	}
	if (snprintf(spec, sizeof(spec), "%s%s%s", argv[2], argc == 4 ? ":" : "",
		     argc == 4 ? argv[3] : "") >= (int)sizeof(spec)) {
		console_printf("policy set: '%s' is too long: EINVAL\n", argv[2]);
		return -EINVAL;
	}
	err = mpol_parse(spec, &mode, &nodes, &why);
	if (!err)
		err = set_mempolicy_explain(mode, &nodes, &why);
	if (err) {
		console_printf("policy set %s: %s: %s; policy unchanged\n", spec,
			       errno_name(err), why);
		return err;
	}
	print_policy("set");
	return 0;
}

/* ---- policy weights ---- */

/* "N=W": node and weight, checked as mpol_set_il_weight() would. */
static int parse_weight(const char *arg, unsigned int *node, unsigned int *weight)
{
	char buf[16];
	char *eq;

	if (strscpy(buf, arg, sizeof(buf)) < 0)
		return -EINVAL;
	eq = strchr(buf, '=');
	if (!eq)
		return -EINVAL;
	*eq = 0;
	if (kstrtouint(buf, 10, node) || kstrtouint(eq + 1, 0, weight))
		return -EINVAL;
	if (*node >= MAX_NUMNODES || !node_possible((int)*node) || *weight > 255)
		return -EINVAL;
	return 0;
}

static void weights_emit(struct report *r, void *arg)
{
	(void)arg;
	report_str(r, &fields[F_ACTION], "weights");
	emit_weights(r);
}

static int policy_weights(int argc, char **argv)
{
	unsigned int node[SHELL_MAX_ARGS], weight[SHELL_MAX_ARGS];
	int i, n = argc - 2;

	for (i = 0; i < n; i++) {
		if (parse_weight(argv[i + 2], &node[i], &weight[i])) {
			console_printf("policy weights: '%s': EINVAL: want NODE=WEIGHT, an online node and 0..255 (0: default 1); weights unchanged\n",
				       argv[i + 2]);
			return -EINVAL;
		}
	}
	for (i = 0; i < n; i++)
		mpol_set_il_weight((int)node[i], weight[i]);
	report_print("policy", weights_emit, NULL);
	return 0;
}

/* ---- policy stats ---- */

static void stats_emit(struct report *r, void *arg)
{
	const struct task_struct *me = arg;

	report_str(r, &fields[F_ACTION], "stats");
	emit_task(r, me);
	report_text(r, "\n");
	emit_pages(r, me);
}

static int policy_stats(int argc, char **argv)
{
	struct task_struct *me = current;

	if (argc > 3 || (argc == 3 && strcmp(argv[2], "reset"))) {
		console_printf("policy stats: usage: policy stats [reset]\n");
		return -EINVAL;
	}
	if (argc == 3)
		memset(me->numa_pages, 0, sizeof(me->numa_pages));
	report_print("policy", stats_emit, me);
	return 0;
}

/* ---- policy alloc: the experiment ---- */

struct held_block {
	struct held_block *next;
};

struct alloc_run {
	unsigned long requested, allocated;	/* blocks */
	unsigned int order;
	char policy[MPOL_STR_LEN];		/* numa_maps form */
	int cpu, node;				/* where it ran */
	unsigned long pages[MAX_NUMNODES];	/* pages landed per node */
	unsigned long events[MAX_NUMNODES][NR_VM_NUMA_EVENT_ITEMS]; /* deltas */
};

static void snapshot_numa_events(unsigned long ev[MAX_NUMNODES][NR_VM_NUMA_EVENT_ITEMS])
{
	int nid;

	for_each_online_node(nid)
		for (int i = 0; i < NR_VM_NUMA_EVENT_ITEMS; i++)
			ev[nid][i] = node_numa_event_state(nid, i);
}

/* Allocate up to run->requested blocks, note where they land, free them. */
static void run_allocations(struct alloc_run *run)
{
	unsigned long before[MAX_NUMNODES][NR_VM_NUMA_EVENT_ITEMS] = { { 0 } };
	struct held_block *held = NULL;
	int nid;

	snapshot_numa_events(before);
	while (run->allocated < run->requested) {
		struct page *page = alloc_pages(GFP_KERNEL, run->order);
		struct held_block *h;

		if (!page)
			break;
		run->pages[page_to_nid(page)] += 1UL << run->order;
		h = page_address(page);
		h->next = held;
		held = h;
		run->allocated++;
	}
	snapshot_numa_events(run->events);
	for_each_online_node(nid)
		for (int i = 0; i < NR_VM_NUMA_EVENT_ITEMS; i++)
			run->events[nid][i] -= before[nid][i];
	while (held) {
		struct held_block *next = held->next;

		free_pages((unsigned long)held, run->order);
		held = next;
	}
}

enum { A_REQUESTED, A_ORDER, A_POLICY, A_ALLOCATED, A_FAILED, NR_A_FIELDS };

static const struct report_field alloc_fields[NR_A_FIELDS] = {
	[A_REQUESTED] = { "requested", "policy alloc: %llu" },
	[A_ORDER] = { "order", " x order %llu" },
	[A_POLICY] = { "policy", " under %s" },
	[A_ALLOCATED] = { "allocated", "%llu allocated" },
	[A_FAILED] = { "failed", NULL },
};

/*
 * "policy alloc: 64 x order 0 under interleave:0-1 on cpu 0 (node 0): 64
 * allocated, all freed", then numastat's table of the run's deltas with
 * the pages placed as its first row.
 */
static void alloc_emit(struct report *r, void *arg)
{
	const struct alloc_run *run = arg;
	bool short_of = run->allocated < run->requested;

	report_str(r, &fields[F_ACTION], "alloc");
	report_u64(r, &alloc_fields[A_REQUESTED], run->requested);
	report_u64(r, &alloc_fields[A_ORDER], run->order);
	report_str(r, &alloc_fields[A_POLICY], run->policy);
	report_text(r, " on cpu %d (node %d): ", run->cpu, run->node);
	report_u64(r, &alloc_fields[A_ALLOCATED], run->allocated);
	report_text(r, "%s, all freed\n",
		    short_of ? " (stopped at the first failure)" : "");
	report_u64(r, &alloc_fields[A_FAILED], short_of);
	numastat_emit(r, run->events,
		      &(struct numastat_row){ "pages", run->pages });
	report_text(r,
		    "(numastat rows: change during the run, one event per allocation)\n");
}

static int policy_alloc(int argc, char **argv)
{
	struct alloc_run run = { .order = 0 };

	if (argc < 3 || argc > 4 || kstrtoul(argv[2], 0, &run.requested) ||
	    !run.requested || run.requested > POLICY_ALLOC_MAX ||
	    (argc == 4 && (kstrtouint(argv[3], 0, &run.order) ||
			   run.order > MAX_PAGE_ORDER))) {
		console_printf("policy alloc: usage: policy alloc N [ORDER] (N 1..%lu, ORDER 0..%d): EINVAL\n",
			       POLICY_ALLOC_MAX, MAX_PAGE_ORDER);
		return -EINVAL;
	}
	mpol_to_str(run.policy, sizeof(run.policy), current->mempolicy);
	run.cpu = smp_processor_id();
	run.node = numa_node_id();
	run_allocations(&run);
	report_print("policy", alloc_emit, &run);
	return run.allocated < run.requested ? -ENOMEM : 0;
}

/* ---- the command ---- */

static int cmd_policy(int argc, char **argv)
{
	if (argc == 1) {
		print_policy("show");
		return 0;
	}
	if (!strcmp(argv[1], "set"))
		return policy_set(argc, argv);
	if (!strcmp(argv[1], "weights"))
		return policy_weights(argc, argv);
	if (!strcmp(argv[1], "stats"))
		return policy_stats(argc, argv);
	if (!strcmp(argv[1], "alloc"))
		return policy_alloc(argc, argv);
	console_printf("policy: unknown subcommand '%s' (try 'help policy'): EINVAL\n",
		       argv[1]);
	return -EINVAL;
}
SHELL_COMMAND_DETAILED("policy", cmd_policy, "[SUBCOMMAND ...]",
	"this task's memory policy: show, set, weights, pages per node, experiment",
	"  policy                     show the policy, its nodes, the interleave cursor\n"
	"                             and the pages this task placed per node\n"
	"  policy set MODE[=FLAGS][:NODES]   or   policy set MODE[=FLAGS] NODES\n"
	"      MODE  default | local | preferred | bind | interleave |\n"
	"            preferred_many | weighted_interleave\n"
	"      FLAGS static | relative | balancing (MPOL_F_*_NODES, NUMA_BALANCING)\n"
	"      NODES a node list: 1, 0-1, 0,2\n"
	"      e.g. policy set interleave 0-1; policy set bind=static:1;\n"
	"           policy set preferred_many:0,2; policy set local\n"
	"  policy weights [NODE=WEIGHT ...]  weighted interleave's weights, 1..255;\n"
	"                             0 restores the default (1); as Linux's\n"
	"                             /sys/kernel/mm/mempolicy/weighted_interleave/nodeN\n"
	"  policy stats [reset]       pages this task's alloc_pages() placed per node\n"
	"  policy alloc N [ORDER]     allocate N blocks of 2^ORDER pages under the\n"
	"                             policy, show where they landed and the numastat\n"
	"                             changes, free them (fails if not all N fit)\n"
	"  Bad input is refused with its errno (EINVAL) and changes nothing.\n");
