/* SPDX-License-Identifier: MIT */
/*
 * init/internal.h — private to init/: the shell's entry points for
 * start_kernel().
 */
#ifndef NODAL_INIT_INTERNAL_H
#define NODAL_INIT_INTERNAL_H

#include <linux/types.h>

/**
 * shell_run_line() - split @line at ';' and run each command in order
 *
 * Context: the shell's CPU, interrupts on.  Return: 0 if every command
 * succeeded, else the first failure's (negative) status.
 */
int shell_run_line(char *line);

/* A line being typed: its characters so far, and whether it outgrew buf. */
struct shell_line {
	char *buf;
	size_t size; /* of buf: at most size - 1 characters */
	size_t len;
	bool too_long;
};

enum shell_key { SHELL_LINE_MORE, SHELL_LINE_DONE, SHELL_LINE_TOO_LONG };

/**
 * shell_line_key() - one typed character @c into @l
 *
 * Printable characters are kept (and echoed) while they fit; backspace
 * takes one back; Enter ends the line.  A line that outgrew the buffer is
 * refused whole when it ends: its characters past the buffer are read
 * and dropped until Enter, so none of them starts a command.  Return:
 * SHELL_LINE_DONE (buf holds the line), SHELL_LINE_TOO_LONG (the line is
 * refused, l is reset), else SHELL_LINE_MORE.
 */
enum shell_key shell_line_key(struct shell_line *l, int c);

/** shell_thread() - the shell task: the interactive shell, or `run=` then
 * power off (never returns) */
int shell_thread(void *unused);

#endif /* NODAL_INIT_INTERNAL_H */
