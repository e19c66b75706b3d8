/* SPDX-License-Identifier: MIT */
/*
 * init/shell.c — the monitor shell on the serial console.
 *
 * Commands register themselves (include/nodal/shell.h).  A line may hold several
 * commands separated by ';'; words split at spaces, and double quotes keep
 * spaces in a word.  A command whose usage is empty takes no words: the
 * shell refuses any (EINVAL) before the command runs, so no command checks
 * that itself; a command with a usage checks its own words.  With `run="cmd; cmd"` on the command line the shell
 * runs those commands, then powers off: QEMU's exit status is 0 only if
 * every command succeeded (1 otherwise, or the status `poweroff N` gave).
 * Without it the shell reads lines typed on the console, polling the UART
 * once per timer tick (the kernel takes no UART interrupt); a typed line
 * longer than LINE_MAX - 1 characters is refused whole, never cut and run.
 */
#include <asm/machine.h>
#include <linux/delay.h>
#include <linux/errno.h>
#include <linux/init.h>
#include <linux/printk.h>
#include <linux/sort.h>
#include <linux/string.h>
#include <linux/timekeeping.h>
#include <nodal/shell.h>

#include "internal.h"

#define LINE_MAX	256
#define PROMPT		"nodal> "

extern const struct shell_cmd __shell_cmds_start[], __shell_cmds_end[];

static const char *run_commands;	/* [init] from run= */

static void parse_run(const char *val)
{
	run_commands = val ? val : "";
}
cmdline_param("run", parse_run, "run=\"cmd; cmd\": run commands, then power off");

#define for_each_shell_cmd(c) \
	for ((c) = __shell_cmds_start; (c) < __shell_cmds_end; (c)++)

static const struct shell_cmd *find_cmd(const char *name)
{
	const struct shell_cmd *c;

	for_each_shell_cmd(c)
		if (!strcmp(c->name, name))
			return c;
	return NULL;
}

/* Name up to three commands closest to @name (edit distance, then prefix). */
static void suggest(const char *name)
{
	const struct shell_cmd *c;
	char buf[128];
	int len = 0, shown = 0;

	for (unsigned int d = 0; d <= 3 && shown < 3; d++) {
		for_each_shell_cmd(c) {
			bool prefix = !strncmp(c->name, name, strlen(name)) ||
				      !strncmp(c->name, name, strlen(c->name));
			unsigned int dist = prefix ? 1 : str_edit_distance(name, c->name);

			if (dist != d || shown == 3)
				continue;
			len += scnprintf(buf + len, sizeof(buf) - len, "%s'%s'",
					 shown ? ", " : "", c->name);
			shown++;
		}
	}
	if (shown)
		console_printf("%s: unknown command; closest: %s (try 'help')\n",
			       name, buf);
	else
		console_printf("%s: unknown command (try 'help')\n", name);
}

/* Split @line into words in place; quotes group.  Return: argc or -EINVAL. */
static int split_words(char *line, char **argv)
{
	int argc = 0;
	char *p = line;

	for (;;) {
		char *out;
		bool quoted = false;

		p = skip_spaces(p);
		if (!*p)
			return argc;
		if (argc == SHELL_MAX_ARGS)
			return -E2BIG;
		argv[argc++] = out = p;
		for (; *p && (quoted || *p != ' '); p++) {
			if (*p == '"')
				quoted = !quoted;
			else
				*out++ = *p;
		}
		if (quoted)
			return -EINVAL;
		if (*p)
			p++;
		*out = 0;
	}
}

static int run_one(char *cmdline)
{
	char *argv[SHELL_MAX_ARGS + 1], shown[80];
	const struct shell_cmd *c;
	int argc;

	/* The line as typed, for the message: splitting rewrites it. */
	strscpy(shown, skip_spaces(cmdline), sizeof(shown));
	argc = split_words(cmdline, argv);
	if (argc == -E2BIG)
		console_printf("shell: more than %d words: '%s'\n",
			       SHELL_MAX_ARGS, shown);
	else if (argc < 0)
		console_printf("shell: unterminated quote: '%s'\n", shown);
	if (argc < 0)
		return argc;
	if (!argc)
		return 0;
	argv[argc] = NULL;
	c = find_cmd(argv[0]);
	if (!c) {
		suggest(argv[0]);
		return -ENOENT;
	}
	if (argc > 1 && !*c->usage) {
		console_printf("%s: takes no arguments, not '%s': EINVAL\n",
			       argv[0], argv[1]);
		return -EINVAL;
	}
	return c->fn(argc, argv);
}

int shell_run_line(char *line)
{
	int first_err = 0;
	char *cmd = line;

	while (cmd) {
		char *semi = strchr(cmd, ';');
		int err;

		if (semi)
			*semi = 0;
		err = run_one(cmd);
		if (err && !first_err)
			first_err = err;
		cmd = semi ? semi + 1 : NULL;
	}
	return first_err;
}

enum shell_key shell_line_key(struct shell_line *l, int c)
{
	if (c == '\r' || c == '\n') {
		bool refused = l->too_long;

		console_write("\n", 1);
		l->buf[refused ? 0 : l->len] = 0;
		l->len = 0;
		l->too_long = false;
		if (!refused)
			return SHELL_LINE_DONE;
		console_printf("shell: line longer than %zu characters: refused, nothing run\n",
			       l->size - 1);
		return SHELL_LINE_TOO_LONG;
	}
	if ((c == 0x7f || c == 0x08) && l->len && !l->too_long) {
		l->len--;
		console_write("\b \b", 3);
	} else if (c >= ' ' && c < 0x7f) {
		char ch = (char)c;

		if (l->len + 1 < l->size)
			l->buf[l->len++] = ch;
		else
			l->too_long = true; /* the rest is dropped, then refused */
		console_write(&ch, 1);
	}
	return SHELL_LINE_MORE;
}

/* Read a line with echo and backspace; polls every 10 ms, sleeping between.
 * Return: true for a line to run, false for one refused as too long. */
static bool read_line(char *buf, size_t size)
{
	struct shell_line l = { .buf = buf, .size = size };

	for (;;) {
		int c = console_getc();
		enum shell_key k;

		if (c < 0) {
			msleep(10);	/* the hart runs other tasks meanwhile */
			continue;
		}
		k = shell_line_key(&l, c);
		if (k != SHELL_LINE_MORE)
			return k == SHELL_LINE_DONE;
	}
}

static __noreturn void run_and_power_off(void)
{
	static char line[1024];
	int err;

	if (strscpy(line, run_commands, sizeof(line)) < 0 || !*skip_spaces(line)) {
		pr_err("shell: run= is empty or longer than %zu bytes\n",
		       sizeof(line) - 1);
		arch_machine_exit(1);
	}
	console_printf("run: %s\n", line);
	err = shell_run_line(line);
	console_printf("run: %s (status %d)\n", err ? "FAILED" : "done", err);
	arch_machine_exit(err ? 1 : 0);
}

int shell_thread(void *unused)
{
	static char line[LINE_MAX];	/* one shell task */

	(void)unused;

	pr_info("shell: ready after %llu ms; type 'help'\n",
		(unsigned long long)(ktime_get_ns() / 1000000));
	if (run_commands)
		run_and_power_off();
	if (strstr(saved_command_line, "run=")) {
		/* A script was meant; waiting at a prompt would hang it. */
		pr_err("shell: run= on the command line could not be parsed (unterminated quote?): powering off\n");
		arch_machine_exit(1);
	}
	for (;;) {
		int err;

		console_printf(PROMPT);
		if (!read_line(line, sizeof(line)))
			continue;
		err = shell_run_line(line);
		if (err && err != -ENOENT)
			console_printf("(status %d)\n", err);
	}
}

/* ---- built-in commands ---- */

static int cmp_cmd_names(const void *a, const void *b)
{
	const struct shell_cmd *x = *(const struct shell_cmd *const *)a;
	const struct shell_cmd *y = *(const struct shell_cmd *const *)b;

	return strcmp(x->name, y->name);
}

#define MAX_SHELL_CMDS	128

/* `help NAME`: one command's usage, summary and details. */
static int help_one(const char *name)
{
	const struct shell_cmd *c = find_cmd(name);

	if (!c) {
		suggest(name);
		return -ENOENT;
	}
	console_lock();
	console_printf("  %s %s\n  %s\n", c->name, c->usage, c->help);
	if (c->details)
		console_write(c->details, strlen(c->details));
	console_unlock();
	return 0;
}

static int cmd_help(int argc, char **argv)
{
	static const struct shell_cmd *sorted[MAX_SHELL_CMDS];	/* [shell CPU] */
	const struct shell_cmd *c;
	size_t n = 0;

	if (argc > 2) {
		console_printf(
			"help: too many words; usage: help [cmdline|COMMAND]\n");
		return -EINVAL;
	}
	if (argc > 1 && !strcmp(argv[1], "cmdline")) {
		for (const struct cmdline_param *p = __cmdline_params_start;
		     p < __cmdline_params_end; p++)
			console_printf("  %-20s %s\n", p->name, p->help);
		return 0;
	}
	if (argc > 1)
		return help_one(argv[1]);
	for_each_shell_cmd(c)
		if (n < MAX_SHELL_CMDS)
			sorted[n++] = c;
	sort(sorted, n, sizeof(sorted[0]), cmp_cmd_names, NULL);
	console_lock();
	for (size_t i = 0; i < n; i++) {
		char head[64];

		snprintf(head, sizeof(head), "%s %s", sorted[i]->name, sorted[i]->usage);
		console_printf("  %-30s %s\n", head, sorted[i]->help);
	}
	console_printf("  (commands separate with ';'; 'help cmdline' lists boot options, 'help NAME' one command)\n");
	console_unlock();
	return 0;
}
SHELL_COMMAND("help", cmd_help, "[cmdline|COMMAND]",
	      "list commands (or boot options, or one command in detail)");

static int cmd_poweroff(int argc, char **argv)
{
	unsigned int status = 0;

	if (argc > 2) {
		console_printf(
			"poweroff: too many words; usage: poweroff [status]: not powering off\n");
		return -EINVAL;
	}
	if (argc > 1 && (kstrtouint(argv[1], 0, &status) || status > 255)) {
		console_printf("poweroff: status must be 0..255, not '%s': not powering off\n",
			       argv[1]);
		return -EINVAL;
	}
	console_printf("poweroff: exiting with status %u\n", status);
	arch_machine_exit((int)status);
}
SHELL_COMMAND("poweroff", cmd_poweroff, "[status]", "stop the machine; QEMU exits with status");

/* An hour: longer is a typo, and would hang a run= script until its time-out. */
#define SLEEP_MAX_MS 3600000

static int cmd_sleep(int argc, char **argv)
{
	unsigned int ms;

	if (argc != 2) {
		console_printf("sleep: usage: sleep MS (one number)\n");
		return -EINVAL;
	}
	if (kstrtouint(argv[1], 0, &ms) || ms > SLEEP_MAX_MS) {
		console_printf("sleep: MS must be 0..%d milliseconds, not '%s'\n",
			       SLEEP_MAX_MS, argv[1]);
		return -EINVAL;
	}
	msleep(ms);
	return 0;
}
SHELL_COMMAND("sleep", cmd_sleep, "MS",
	      "sleep MS milliseconds, at most an hour (other tasks run meanwhile)");
