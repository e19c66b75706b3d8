/* SPDX-License-Identifier: MIT */
/*
 * kernel/sched/core.c — tasks, per-hart run queues, context switch.
 * (First step: every hart's boot context is its idle task, so `current`
 * is valid from the first instruction of start_kernel.)
 */
#include <sched.h>
#include <smp.h>
#include <printf.h>
#include <string.h>

static struct task_struct idle_tasks[NR_CPUS];
DEFINE_PER_CPU(struct task_struct *, current_task) = &idle_tasks[0];

static void init_idle(struct task_struct *idle, unsigned int cpu)
{
	idle->__state = TASK_RUNNING;
	idle->on_rq = true;
	idle->cpu = cpu;
	idle->il_prev = MAX_NUMNODES - 1;
	snprintf(idle->comm, sizeof(idle->comm), "idle/%u", cpu);
	INIT_LIST_HEAD(&idle->run_list);
	INIT_LIST_HEAD(&idle->tasks);
	this_cpu_write(current_task, idle);
}

void sched_init(void)
{
	init_idle(&idle_tasks[0], 0);
}

void sched_init_secondary(void)
{
	init_idle(&idle_tasks[raw_smp_processor_id()], raw_smp_processor_id());
}
