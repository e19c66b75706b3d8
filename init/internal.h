/* SPDX-License-Identifier: MIT */
/*
 * init/internal.h — private to init/: the shell's entry points for
 * start_kernel().
 */
#ifndef NODAL_INIT_INTERNAL_H
#define NODAL_INIT_INTERNAL_H

/**
 * shell_run_line() - split @line at ';' and run each command in order
 *
 * Context: the shell's CPU, interrupts on.  Return: 0 if every command
 * succeeded, else the first failure's (negative) status.
 */
int shell_run_line(char *line);

/** shell_thread() - the shell task: the interactive shell, or `run=` then
 * power off (never returns) */
int shell_thread(void *unused);

#endif /* NODAL_INIT_INTERNAL_H */
