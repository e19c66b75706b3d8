/* SPDX-License-Identifier: MIT */
/*
 * tests/bench/percpu_bench.c — percpu_counter: instructions per
 * this_cpu_inc() of a DEFINE_PER_CPU counter, the primitive every per-CPU
 * statistic of the allocators pays (runner: tests/bench/runner.c, method:
 * include/nodal/bench.h; the empty pass is the runner's bench_empty_pass()).
 */
#include <linux/percpu.h>
#include <nodal/bench.h>

static DEFINE_PER_CPU(unsigned long, bench_counter);	/* [cpu] */

static void percpu_counter_pass(struct bench *b, unsigned long n)
{
	(void)b;
	for (unsigned long i = 0; i < n; i++)
		this_cpu_inc(bench_counter);
}

static const struct benchmark percpu_counter = {
	.name = "percpu_counter",
	.help = "this_cpu_inc() of a per-CPU counter",
	.mode = BENCH_SINGLE, .unit = "inc", .ops_per_iter = 1,
	.iterations = 1000,
	.pass = percpu_counter_pass,
};
BENCH(percpu_counter);
