/* SPDX-License-Identifier: MIT */
/*
 * mm/percpu/report.c — the `percpu` command: the unit size, the dynamic
 * area's use, and where each CPU's unit lies and on which node (theory in
 * percpu.c).  Text only; reads, changes nothing.
 */
#include <linux/percpu.h>
#include <linux/printk.h>
#include <linux/topology.h>
#include <nodal/shell.h>

#include "internal.h"

static int cmd_percpu(int argc, char **argv)
{
	unsigned long size = pcpu_unit_bytes();
	unsigned int cpu;

	(void)argc;
	(void)argv;
	console_lock();
	console_printf("unit %lu bytes: static %lu, dynamic %d (%lu in use)\n",
		       size, (unsigned long)percpu_area_size(),
		       PERCPU_DYNAMIC_SIZE, percpu_dynamic_used());
	for_each_possible_cpu(cpu) {
		unsigned long unit = (unsigned long)__per_cpu_start +
				     __per_cpu_offset[cpu];

		console_printf("cpu %3u node %d: unit [mem %#018lx-%#018lx] on node %d\n",
			       cpu, cpu_to_node(cpu), unit, unit + size - 1,
			       pcpu_unit_nid(cpu));
	}
	console_unlock();
	return 0;
}
SHELL_COMMAND("percpu", cmd_percpu, "",
	      "per-CPU units: where each CPU's copy lives");
