/* SPDX-License-Identifier: MIT */
/*
 * mm/mempolicy/report.c — the `policy` shell command: show and set the
 * shell task's memory policy and the interleave weights, the pages the task
 * placed per node, and `policy alloc`, the experiment that allocates pages
 * under the policy and shows where they landed.
 *
 * A report on top of the page allocator and the policies (theory in
 * mempolicy.c); it reads them through <linux/mempolicy.h>.  Each subcommand prints text, then one JSON line
 * between "JSON-BEGIN policy" and "JSON-END".  Bad input names the input,
 * the errno and the rule, changes nothing and fails the command.
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
#include <linux/vmstat.h>
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

/* ---- printing pieces ---- */

/* "[0,1]": the nodes of @mask as a JSON array. */
static void print_json_nodes(const nodemask_t *mask)
{
	const char *sep = "";
	int nid;

	console_printf("[");
	for_each_node_mask(nid, *mask) {
		console_printf("%s%d", sep, nid);
		sep = ",";
	}
	console_printf("]");
}

static void print_flag_words(unsigned int flags)
{
	if (!(flags & MPOL_MODE_FLAGS))
		console_printf(" (no flags)");
	if (flags & MPOL_F_STATIC_NODES)
		console_printf(" | MPOL_F_STATIC_NODES");
	if (flags & MPOL_F_RELATIVE_NODES)
		console_printf(" | MPOL_F_RELATIVE_NODES");
	if (flags & MPOL_F_NUMA_BALANCING)
		console_printf(" | MPOL_F_NUMA_BALANCING");
}

static void print_weights_text(void)
{
	int nid;

	console_printf("weights:");
	for_each_online_node(nid)
		console_printf(" node%d=%u", nid, get_il_weight(nid));
	console_printf("\n");
}

static void print_weights_json(void)
{
	const char *sep = "";
	int nid;

	console_printf("\"weights\":[");
	for_each_online_node(nid) {
		console_printf("%s{\"node\":%d,\"weight\":%u}", sep, nid,
			       get_il_weight(nid));
		sep = ",";
	}
	console_printf("]");
}

static void print_pages_json(const struct task_struct *me)
{
	const char *sep = "";
	int nid;

	console_printf("\"pages\":[");
	for_each_online_node(nid) {
		console_printf("%s{\"node\":%d,\"pages\":%lu}", sep, nid,
			       me->numa_pages[nid]);
		sep = ",";
	}
	console_printf("]");
}

static void print_pages_text(const struct task_struct *me)
{
	unsigned long total = 0;
	int nid;

	console_printf("pages placed by this task:");
	for_each_online_node(nid) {
		console_printf(" node%d %lu", nid, me->numa_pages[nid]);
		total += me->numa_pages[nid];
	}
	console_printf(" (total %lu)\n", total);
}

/* ---- policy (show) ---- */

/* What `policy` shows, read once. */
struct policy_view {
	struct mempolicy *pol;		/* the task's, or &default_policy */
	char str[MPOL_STR_LEN];		/* numa_maps form */
	int mode;			/* get_mempolicy(): mode | flags */
	nodemask_t requested;		/* get_mempolicy()'s nodes */
	int next;			/* next interleave node, or -1 */
};

static void get_policy_view(struct policy_view *v)
{
	int m;

	v->pol = get_task_policy(current);
	v->next = -1;
	get_mempolicy(&v->mode, &v->requested, 0);
	m = v->mode & ~MPOL_MODE_FLAGS;
	if (m == MPOL_INTERLEAVE || m == MPOL_WEIGHTED_INTERLEAVE)
		get_mempolicy(&v->next, NULL, MPOL_F_NODE);
	mpol_to_str(v->str, sizeof(v->str), v->pol);
}

static void print_policy_text(const struct policy_view *v)
{
	struct task_struct *me = current;
	int m = v->mode & ~MPOL_MODE_FLAGS;
	char eff[16], req[16];

	nodelist_scnprintf(eff, sizeof(eff), v->pol->nodes);
	nodelist_scnprintf(req, sizeof(req), v->requested);
	console_printf("policy: %s\n", v->str);
	console_printf("task: %s (pid %d) on cpu %d, node %d\n", me->comm,
		       me->pid, smp_processor_id(), numa_node_id());
	console_printf("mode: %s (%d)", mode_macros[m], m);
	print_flag_words((unsigned int)v->mode);
	console_printf("\nnodes: %s (get_mempolicy: %s)\n", *eff ? eff : "none",
		       *req ? req : "none");
	console_printf("cursor: il_prev %d, il_weight %u", me->il_prev,
		       me->il_weight);
	if (v->next >= 0)
		console_printf(", next node %d", v->next);
	console_printf("\n");
	if (m == MPOL_WEIGHTED_INTERLEAVE)
		print_weights_text();
	print_pages_text(me);
}

static void print_policy_json(const struct policy_view *v, const char *action)
{
	struct task_struct *me = current;
	int m = v->mode & ~MPOL_MODE_FLAGS;

	console_printf("JSON-BEGIN policy\n{\"report\":\"policy\",\"action\":\"%s\",\"task\":\"%s\",\"pid\":%d,\"cpu\":%d,\"node\":%d,\"policy\":\"%s\",\"mode\":\"%s\",\"mode_value\":%d,\"flags\":%d,\"nodes\":",
		       action, me->comm, me->pid, smp_processor_id(),
		       numa_node_id(), v->str, mpol_mode_name(m), m,
		       v->mode & MPOL_MODE_FLAGS);
	print_json_nodes(&v->pol->nodes);
	console_printf(",\"get_mempolicy_nodes\":");
	print_json_nodes(&v->requested);
	console_printf(",\"il_prev\":%d,\"il_weight\":%u,\"next_node\":%d,",
		       me->il_prev, me->il_weight, v->next);
	print_weights_json();
	console_printf(",");
	print_pages_json(me);
	console_printf("}\nJSON-END\n");
}

static void print_policy(const char *action)
{
	struct policy_view v;

	get_policy_view(&v);
	console_lock();
	print_policy_text(&v);
	print_policy_json(&v, action);
	console_unlock();
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
	console_lock();
	print_weights_text();
	console_printf("JSON-BEGIN policy\n{\"report\":\"policy\",\"action\":\"weights\",");
	print_weights_json();
	console_printf("}\nJSON-END\n");
	console_unlock();
	return 0;
}

/* ---- policy stats ---- */

static int policy_stats(int argc, char **argv)
{
	struct task_struct *me = current;

	if (argc > 3 || (argc == 3 && strcmp(argv[2], "reset"))) {
		console_printf("policy stats: usage: policy stats [reset]\n");
		return -EINVAL;
	}
	if (argc == 3)
		memset(me->numa_pages, 0, sizeof(me->numa_pages));
	console_lock();
	console_printf("task: %s (pid %d)\n", me->comm, me->pid);
	print_pages_text(me);
	console_printf("JSON-BEGIN policy\n{\"report\":\"policy\",\"action\":\"stats\",\"task\":\"%s\",\"pid\":%d,",
		       me->comm, me->pid);
	print_pages_json(me);
	console_printf("}\nJSON-END\n");
	console_unlock();
	return 0;
}

/* ---- policy alloc: the experiment ---- */

struct held_block {
	struct held_block *next;
};

struct alloc_run {
	unsigned long requested, allocated;	/* blocks */
	unsigned int order;
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

static void print_alloc_run(const struct alloc_run *run, const char *pol)
{
	int nid;

	console_lock();
	console_printf("policy alloc: %lu x order %u under %s on cpu %d (node %d): %lu allocated%s, all freed\n",
		       run->requested, run->order, pol, smp_processor_id(),
		       numa_node_id(), run->allocated,
		       run->allocated < run->requested ?
		       " (stopped at the first failure)" : "");
	console_printf("%16s", "");
	for_each_online_node(nid) {
		char head[16];

		snprintf(head, sizeof(head), "node%d", nid);
		console_printf("%16s", head);
	}
	console_printf("\n%-16s", "pages");
	for_each_online_node(nid)
		console_printf("%16lu", run->pages[nid]);
	console_printf("\n");
	for (int i = 0; i < NR_VM_NUMA_EVENT_ITEMS; i++) {
		console_printf("%-16s", numa_stat_names[i].numastat);
		for_each_online_node(nid)
			console_printf("%16lu", run->events[nid][i]);
		console_printf("\n");
	}
	console_printf("(numastat rows: change during the run, one event per allocation)\n");
	console_printf("JSON-BEGIN policy\n{\"report\":\"policy\",\"action\":\"alloc\",\"policy\":\"%s\",\"requested\":%lu,\"order\":%u,\"allocated\":%lu,\"failed\":%lu,\"nodes\":[",
		       pol, run->requested, run->order, run->allocated,
		       run->allocated < run->requested ? 1UL : 0UL);
	for_each_online_node(nid) {
		console_printf("%s{\"node\":%d,\"pages\":%lu",
			       nid == first_online_node ? "" : ",", nid,
			       run->pages[nid]);
		for (int i = 0; i < NR_VM_NUMA_EVENT_ITEMS; i++)
			console_printf(",\"%s\":%lu", numa_stat_names[i].numastat,
				       run->events[nid][i]);
		console_printf("}");
	}
	console_printf("]}\nJSON-END\n");
	console_unlock();
}

static int policy_alloc(int argc, char **argv)
{
	struct alloc_run run = { .order = 0 };
	char pol[MPOL_STR_LEN];

	if (argc < 3 || argc > 4 || kstrtoul(argv[2], 0, &run.requested) ||
	    !run.requested || run.requested > POLICY_ALLOC_MAX ||
	    (argc == 4 && (kstrtouint(argv[3], 0, &run.order) ||
			   run.order > MAX_PAGE_ORDER))) {
		console_printf("policy alloc: usage: policy alloc N [ORDER] (N 1..%lu, ORDER 0..%d): EINVAL\n",
			       POLICY_ALLOC_MAX, MAX_PAGE_ORDER);
		return -EINVAL;
	}
	mpol_to_str(pol, sizeof(pol), current->mempolicy);
	run_allocations(&run);
	print_alloc_run(&run, pol);
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
