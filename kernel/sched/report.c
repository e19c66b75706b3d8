/* SPDX-License-Identifier: MIT */
/*
 * kernel/sched/report.c — `ps`: every task with its hart, state, switches, run
 * time and memory policy; `ps -m`: pages each task placed on each node.
 *
 * A report (docs/style.md): it reads tasks under the task list's lock through
 * for_each_task() and changes nothing.  Tasks are copied out first, then
 * printed, so the console is never written with the lock held.
 */
#include <linux/errno.h>
#include <linux/mempolicy.h>
#include <linux/printk.h>
#include <linux/sched.h>
#include <linux/slab.h>
#include <linux/string.h>
#include <linux/topology.h>
#include <nodal/shell.h>

#define PS_MAX	256

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

static int cmd_ps(int argc, char **argv)
{
	bool mem = argc > 1 && !strcmp(argv[1], "-m");
	struct ps_snapshot snap = { .rows = kcalloc(PS_MAX, sizeof(struct ps_row),
						    GFP_KERNEL) };
	int nid;

	if (argc > 2 || (argc == 2 && !mem)) {
		console_printf("ps: usage: ps [-m]\n");
		kfree(snap.rows);
		return -EINVAL;
	}
	if (!snap.rows)
		return -ENOMEM;
	for_each_task(take_row, &snap);
	console_lock();
	if (mem) {
		console_printf("%5s %4s %-16s", "PID", "CPU", "COMMAND");
		for_each_online_node(nid)
			console_printf("  pages@N%d", nid);
		console_printf("\n");
	} else {
		console_printf("%5s %4s %4s %1s %9s %9s %10s %-16s %s\n", "PID",
			       "CPU", "NODE", "S", "VOLCSW", "INVOLCSW",
			       "TIME(ms)", "COMMAND", "POLICY");
	}
	for (unsigned int i = 0; i < snap.n; i++) {
		struct ps_row *r = &snap.rows[i];

		if (mem) {
			console_printf("%5d %4d %-16s", r->pid, r->cpu, r->comm);
			for_each_online_node(nid)
				console_printf(" %10lu", r->pages[nid]);
			console_printf("\n");
			continue;
		}
		console_printf("%5d %4d %4d %c %9llu %9llu %10llu %-16s %s\n",
			       r->pid, r->cpu, cpu_to_node(r->cpu), r->state,
			       (unsigned long long)r->nvcsw,
			       (unsigned long long)r->nivcsw,
			       (unsigned long long)(r->exec_ns / 1000000),
			       r->comm, r->policy);
	}
	console_printf("JSON-BEGIN ps\n{\"report\":\"ps\",\"tasks\":[");
	for (unsigned int i = 0; i < snap.n; i++) {
		struct ps_row *r = &snap.rows[i];

		console_printf("%s{\"pid\":%d,\"cpu\":%d,\"state\":\"%c\",\"comm\":\"%s\",\"policy\":\"%s\",\"nvcsw\":%llu,\"nivcsw\":%llu,\"time_ns\":%llu,\"pages\":[",
			       i ? "," : "", r->pid, r->cpu, r->state, r->comm,
			       r->policy, (unsigned long long)r->nvcsw,
			       (unsigned long long)r->nivcsw,
			       (unsigned long long)r->exec_ns);
		for (nid = 0; nid < (int)nr_node_ids; nid++)
			console_printf("%s%lu", nid ? "," : "", r->pages[nid]);
		console_printf("]}");
	}
	console_printf("]}\nJSON-END\n");
	console_unlock();
	kfree(snap.rows);
	return 0;
}
SHELL_COMMAND("ps", cmd_ps, "[-m]",
	      "tasks: hart, state, switches, run time, policy; -m: pages placed per node");
