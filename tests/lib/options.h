/* SPDX-License-Identifier: MIT */
/*
 * tests/lib/options.h — a shell command's KEY=VALUE numbers and hart
 * lists, each checked, with one wording of the refusals for `stress` and
 * `bench`.
 *
 * Implemented by: tests/lib/options.c.  No Linux counterpart: Linux's
 * module parameters (kernel_param_ops) refuse a bad value with -EINVAL and
 * leave the message to the caller.
 */
#ifndef NODAL_TESTS_OPTIONS_H
#define NODAL_TESTS_OPTIONS_H

#include <linux/types.h>

/**
 * option_u64() - @key=@val as a number in @min..@max
 * @cmd: the command, the message's first word ("stress")
 * @key: the option's name
 * @val: its value as typed: decimal, or hexadecimal with 0x
 * @min: the least value allowed
 * @max: the largest value allowed
 * @res: out: the number, written only when it is allowed
 *
 * Return: 0; or -EINVAL after printing "CMD: KEY=VAL is not a number",
 * -ERANGE after "CMD: KEY=VAL outside MIN..MAX" (a number past 2^64 - 1
 * included).
 */
int option_u64(const char *cmd, const char *key, const char *val, u64 min,
	       u64 max, u64 *res);

/**
 * option_harts() - @key=@val as a list of online CPUs, in the order given
 * @cmd: the command, the message's first word
 * @key: the option's name ("harts")
 * @val: a CPU list, 0-3,6; a CPU may repeat (0,0: two entries)
 * @cpus: out: the CPUs, one entry per CPU listed
 * @max: entries @cpus holds
 *
 * Return: the number of entries, 1..@max; or, after a message naming the
 * CPU or the limit: -EINVAL (not a list), -ERANGE (an id past NR_CPUS -
 * 1), -ENXIO (an offline CPU), -E2BIG (more than @max entries).
 */
int option_harts(const char *cmd, const char *key, const char *val,
		 unsigned int *cpus, unsigned int max);

#endif /* NODAL_TESTS_OPTIONS_H */
