/* SPDX-License-Identifier: MIT */
/*
 * kernel/sched/report.c — `ps`: every task with its hart, state, switches,
 * run time and memory policy; `ps -m`: pages each task placed on each node.
 *
 * A report (docs/design.md §3.2, rule 6): it reads tasks under the task
 * list's lock through for_each_task() and changes nothing.  Tasks are
 * copied out first, then printed through the report API
 * (<nodal/report.h>), so the console is never taken with the lock held,
 * and the text and the JSON line come from the same calls.
 */
#include <linux/errno.h>
#include <linux/mempolicy.h>
#include <linux/printk.h>
#include <linux/sched.h>
#include <linux/slab.h>
#include <linux/string.h>
#include <linux/topology.h>
#include <nodal/report.h>
#include <nodal/shell.h>

#define PS_MAX 256

struct ps_row {
	int pid, cpu;
	char state;
	char comm[TASK_COMM_LEN];
	char policy[48];
	u64 nvcsw, nivcsw, exec_ns;
	unsigned long pages[MAX_NUMNODES];
};

struct ps_snapshot {
	struct ps_row *rows;
	unsigned int n;
	bool mem; /* ps -m */
};

static void take_row(struct task_struct *p, void *arg)
{
	struct ps_snapshot *snap = arg;
	struct ps_row *r;

	if (snap->n == PS_MAX)
		return;
	r = &snap->rows[snap->n++];
	r->pid = p->pid;
	r->cpu = p->cpu;
	r->state = task_state_char(p);
	memcpy(r->comm, p->comm, sizeof(r->comm));
	mpol_to_str(r->policy, sizeof(r->policy), p->mempolicy);
	r->nvcsw = READ_ONCE(p->nvcsw);
	r->nivcsw = READ_ONCE(p->nivcsw);
	r->exec_ns = READ_ONCE(p->sum_exec_ns);
	for (int nid = 0; nid < MAX_NUMNODES; nid++)
		r->pages[nid] = READ_ONCE(p->numa_pages[nid]);
}

enum {
	P_PID,
	P_CPU,
	P_NODE,
	P_STATE,
	P_NVCSW,
	P_NIVCSW,
	P_TIME_MS,
	P_TIME_NS,
	P_COMM,
	P_POLICY,
	NR_P_FIELDS
};

/* ps's columns; ps -m keeps PID, CPU and COMMAND, then pages per node. */
static const struct report_field ps_fields[NR_P_FIELDS] = {
	[P_PID] = { "pid", "%5lld" },	   [P_CPU] = { "cpu", " %4lld" },
	[P_NODE] = { NULL, " %4lld" },	   [P_STATE] = { "state", " %s" },
	[P_NVCSW] = { "nvcsw", " %9llu" }, [P_NIVCSW] = { "nivcsw", " %9llu" },
	[P_TIME_MS] = { NULL, " %10llu" }, [P_TIME_NS] = { "time_ns", NULL },
	[P_COMM] = { "comm", " %-16s" },   [P_POLICY] = { "policy", " %s" },
};

static void ps_header(struct report *r, bool mem)
{
	int nid;

	if (!mem) {
		report_text(r, "%5s %4s %4s %1s %9s %9s %10s %-16s %s\n", "PID",
			    "CPU", "NODE", "S", "VOLCSW", "INVOLCSW",
			    "TIME(ms)", "COMMAND", "POLICY");
		return;
	}
	report_text(r, "%5s %4s %-16s", "PID", "CPU", "COMMAND");
	for_each_online_node(nid)
		report_text(r, "  pages@N%d", nid);
	report_text(r, "\n");
}

/* Pages placed per node id: the JSON lists every id, `ps -m` the online. */
static void emit_pages(struct report *r, const struct ps_row *t, bool mem)
{
	report_list(r, "pages");
	for (int nid = 0; nid < (int)nr_node_ids; nid++)
		if (!report_is_text(r) || (mem && node_online(nid)))
			report_list_u64(r, " %10llu", t->pages[nid]);
	report_list_end(r);
}

static void emit_task(struct report *r, const struct ps_row *t, bool mem)
{
	char state[2] = { t->state, 0 };
	bool full = !mem || !report_is_text(r); /* ps -m shows less */

	report_item(r);
	report_s64(r, &ps_fields[P_PID], t->pid);
	report_s64(r, &ps_fields[P_CPU], t->cpu);
	if (full) {
		report_s64(r, &ps_fields[P_NODE], cpu_to_node(t->cpu));
		report_str(r, &ps_fields[P_STATE], state);
		report_u64(r, &ps_fields[P_NVCSW], t->nvcsw);
		report_u64(r, &ps_fields[P_NIVCSW], t->nivcsw);
		report_u64(r, &ps_fields[P_TIME_MS], t->exec_ns / 1000000);
		report_u64(r, &ps_fields[P_TIME_NS], t->exec_ns);
	}
	report_str(r, &ps_fields[P_COMM], t->comm);
	if (full)
		report_str(r, &ps_fields[P_POLICY], t->policy);
	emit_pages(r, t, mem);
	report_item_end(r);
}

static void ps_emit(struct report *r, void *arg)
{
	const struct ps_snapshot *snap = arg;

	ps_header(r, snap->mem);
	report_list(r, "tasks");
	for (unsigned int i = 0; i < snap->n; i++)
		emit_task(r, &snap->rows[i], snap->mem);
	report_list_end(r);
}

static int cmd_ps(int argc, char **argv)
{
	bool mem = argc > 1 && !strcmp(argv[1], "-m");
	struct ps_snapshot snap = { .mem = mem };

	if (argc > 2 || (argc == 2 && !mem)) {
		console_printf("ps: usage: ps [-m]\n");
		return -EINVAL;
	}
	snap.rows = kcalloc(PS_MAX, sizeof(struct ps_row), GFP_KERNEL);
	if (!snap.rows)
		return -ENOMEM;
	for_each_task(take_row, &snap);
	report_print("ps", ps_emit, &snap);
	kfree(snap.rows);
	return 0;
}
SHELL_COMMAND(
	"ps", cmd_ps, "[-m]",
	"tasks: hart, state, switches, run time, policy; -m: pages placed per node");
