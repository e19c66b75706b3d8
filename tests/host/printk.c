/* SPDX-License-Identifier: MIT */
/*
 * tests/host/printk.c — printk() for host builds of kernel files.
 *
 * The kernel's own <linux/printk.h> declares it (the architecture's inline
 * functions it pulls in are never called here, so they compile for the
 * host).  Formats with the C library's vsnprintf() (the format attribute
 * on the declaration has the compiler check every call against its
 * arguments), and keeps the line in host_log[] for the test to read and
 * print.  See tests/host/host_log.h.
 */
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include <linux/printk.h>

#include "host_log.h"

struct host_log_line host_log[HOST_LOG_LINES];
int host_log_len;
int host_log_bad;

void host_log_clear(void)
{
	host_log_len = 0;
	host_log_bad = 0;
}

int printk(const char *fmt, ...)
{
	char line[HOST_LOG_LEN];
	int level = -1, len;
	va_list ap;

	if (fmt[0] == KERN_SOH_ASCII && fmt[1] >= '0' && fmt[1] <= '7') {
		level = fmt[1] - '0';
		fmt += 2;
	}
	va_start(ap, fmt);
	len = vsnprintf(line, sizeof(line), fmt, ap);
	va_end(ap);
	if (len < 0)
		line[0] = '\0';
	if (len < 1 || len >= HOST_LOG_LEN || line[len - 1] != '\n' ||
	    memchr(line, '\n', (size_t)len - 1))
		host_log_bad++;
	else
		line[len - 1] = '\0';
	if (host_log_len < HOST_LOG_LINES) {
		host_log[host_log_len].level = level;
		memcpy(host_log[host_log_len].text, line, sizeof(line));
	}
	host_log_len++;
	return len;
}
