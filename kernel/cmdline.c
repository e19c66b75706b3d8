/* SPDX-License-Identifier: MIT */
/*
 * kernel/cmdline.c — the boot command line: `name` and `name=value` words.
 *
 * Options are registered with cmdline_param() beside the code they steer
 * (include/linux/init.h).  Values may be double-quoted.  Unknown options are
 * named, with the closest known ones, and skipped: a typo must not stop a
 * boot, but must not pass silently either.
 */
#include <linux/init.h>
#include <linux/printk.h>
#include <linux/string.h>
#include <nodal/shell.h>

#define CMDLINE_MAX 1024

const char *saved_command_line = "";
static char cmdline_buf[CMDLINE_MAX];	/* [init] words, NUL-separated */

static const struct cmdline_param *find_param(const char *name)
{
	for (const struct cmdline_param *p = __cmdline_params_start;
	     p < __cmdline_params_end; p++)
		if (!strcmp(p->name, name))
			return p;
	return NULL;
}

static void report_unknown(const char *name)
{
	const struct cmdline_param *best = NULL;
	unsigned int best_d = 4;	/* suggest only close matches */

	for (const struct cmdline_param *p = __cmdline_params_start;
	     p < __cmdline_params_end; p++) {
		unsigned int d = str_edit_distance(name, p->name);

		if (d < best_d) {
			best_d = d;
			best = p;
		}
	}
	if (best)
		pr_warn("cmdline: unknown option '%s' ignored (did you mean '%s'?)\n",
			name, best->name);
	else
		pr_warn("cmdline: unknown option '%s' ignored\n", name);
}

/* Cut one word from *pos: name in *name, value (or NULL) in *val. */
static int next_word(char **pos, char **name, char **val)
{
	char *p = skip_spaces(*pos), *out;
	bool quoted = false;

	if (!*p)
		return 0;
	*name = p;
	*val = NULL;
	out = p;
	for (; *p && (quoted || *p != ' '); p++) {
		if (*p == '"') {
			quoted = !quoted;
			continue;
		}
		if (*p == '=' && !*val) {
			*out++ = 0;
			*val = out;
			continue;
		}
		*out++ = *p;
	}
	if (*p)
		p++;
	*out = 0;
	*pos = p;
	return quoted ? -1 : 1;
}

int parse_cmdline(const char *cmdline)
{
	char *pos = cmdline_buf, *name, *val;
	int rejected = 0, ret;

	saved_command_line = cmdline;
	if (strscpy(cmdline_buf, cmdline, sizeof(cmdline_buf)) < 0)
		pr_warn("cmdline: longer than %d bytes, cut\n", CMDLINE_MAX - 1);
	while ((ret = next_word(&pos, &name, &val)) != 0) {
		const struct cmdline_param *p;

		if (ret < 0) {
			pr_err("cmdline: unterminated quote in '%s': option ignored\n",
			       name);
			rejected++;
			continue;
		}
		p = find_param(name);
		if (!p) {
			report_unknown(name);
			rejected++;
			continue;
		}
		p->handler(val);
	}
	return rejected;
}
