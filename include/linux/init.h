/* SPDX-License-Identifier: MIT */
/*
 * include/linux/init.h — boot-time registration: command-line options.
 *
 * Implemented by: kernel/cmdline.c.  Mirrors: <linux/init.h> (__setup,
 * early_param).  An option is registered where it is used, through a
 * linker section, so no central list needs editing.  Usable from every
 * layer but lib.
 */
#ifndef NODAL_INIT_H
#define NODAL_INIT_H

#include <linux/types.h>

/*
 * Section tags of boot-only code and data.  Nodal never frees its boot
 * code, so they place nothing: __init code stays callable after boot.
 */
#define __init
#define __initdata
#define __initconst
#define __exit

struct cmdline_param {
	const char *name;		/* option name, before any '=' */
	void (*handler)(const char *val);	/* val: NULL for a bare flag */
	const char *help;		/* one line for `help cmdline` */
};

/**
 * cmdline_param() - register option @pname, handled by @fn(value)
 *
 * @fn runs while the command line is parsed, on the boot hart, before any
 * other hart starts and before the allocators exist: it may only record.
 */
#define cmdline_param(pname, fn, helptext)				\
	static const struct cmdline_param __param_##fn			\
	__used __section(".cmdline_params") __aligned(8) = {		\
		.name = pname, .handler = fn, .help = helptext,		\
	}

extern const struct cmdline_param __cmdline_params_start[];
extern const struct cmdline_param __cmdline_params_end[];

/**
 * parse_cmdline() - run the handler of every option in @cmdline
 *
 * Syntax: space-separated `name` or `name=value`; a value may be double
 * quoted to hold spaces (`run="test all; harts"`).  An unknown option or
 * an unterminated quote is reported and skipped.
 * Return: number of options rejected.
 */
int parse_cmdline(const char *cmdline);

/** saved_command_line - the boot command line, as the device tree gave it */
extern const char *saved_command_line;

#endif /* NODAL_INIT_H */
