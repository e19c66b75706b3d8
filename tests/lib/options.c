/* SPDX-License-Identifier: MIT */
/*
 * tests/lib/options.c — KEY=VALUE numbers and hart lists, checked (what
 * each function promises: options.h).
 */
#include <linux/cpumask.h>
#include <linux/errno.h>
#include <linux/printk.h>
#include <linux/string.h>

#include "options.h"

int option_u64(const char *cmd, const char *key, const char *val, u64 min,
	       u64 max, u64 *res)
{
	u64 v;
	int err = kstrtoull(val, 0, &v);

	if (!err && (v < min || v > max))
		err = -ERANGE;
	if (err == -ERANGE)
		console_printf("%s: %s=%s outside %llu..%llu\n", cmd, key, val,
			       (unsigned long long)min, (unsigned long long)max);
	else if (err)
		console_printf("%s: %s=%s is not a number\n", cmd, key, val);
	else
		*res = v;
	return err;
}

int option_harts(const char *cmd, const char *key, const char *val,
		 unsigned int *cpus, unsigned int max)
{
	const char *s = val;
	unsigned int a, b, n = 0;
	int ret;

	while ((ret = cpulist_next_range(&s, &a, &b)) > 0) {
		for (unsigned int c = a; c <= b; c++) {
			if (!cpu_online(c)) {
				console_printf("%s: %s=%s: CPU %u is not online\n",
					       cmd, key, val, c);
				return -ENXIO;
			}
			if (n == max) {
				console_printf("%s: %s=%s: more than %u harts\n",
					       cmd, key, val, max);
				return -E2BIG;
			}
			cpus[n++] = c;
		}
	}
	if (ret == -ERANGE)
		console_printf("%s: %s=%s: CPU ids end at %d\n", cmd, key, val,
			       NR_CPUS - 1);
	else if (ret < 0 || !n)
		console_printf("%s: %s=%s is not a CPU list (0-3,6)\n", cmd,
			       key, val);
	return ret < 0 ? ret : n ? (int)n : -EINVAL;
}
