/* SPDX-License-Identifier: MIT */
/*
 * include/nodal/shell.h — monitor shell commands.
 *
 * Implemented by: init/shell.c, which runs the commands.  No Linux
 * counterpart (its nearest relatives are /proc files and the magic SysRq
 * keys).  A command is registered where it is implemented, through a
 * linker section: this header is the record and the macro alone, so every
 * layer may register commands without calling up into init/.
 */
#ifndef NODAL_SHELL_H
#define NODAL_SHELL_H

#include <linux/types.h>

#define SHELL_MAX_ARGS	16

struct shell_cmd {
	const char *name;
	int (*fn)(int argc, char **argv);	/* 0 or a negative errno */
	/* "" takes no words: the shell refuses any before calling fn */
	const char *usage;	/* arguments, e.g. "[reset]" */
	const char *help;	/* one line for `help` */
	const char *details;	/* more for `help NAME`, or NULL */
};

#define SHELL_COMMAND(cname, func, cusage, chelp)			\
	SHELL_COMMAND_DETAILED(cname, func, cusage, chelp, NULL)

/* A command whose `help NAME` prints @cdetails (lines ending in '\n'). */
#define SHELL_COMMAND_DETAILED(cname, func, cusage, chelp, cdetails)	\
	static const struct shell_cmd __shell_cmd_##func		\
	__used __section(".shell_cmds") __aligned(8) = {		\
		.name = cname, .fn = func, .usage = cusage, .help = chelp, \
		.details = cdetails,					\
	}

#endif /* NODAL_SHELL_H */
