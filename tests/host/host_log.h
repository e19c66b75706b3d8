/* SPDX-License-Identifier: MIT */
/*
 * tests/host/host_log.h — what host builds of kernel files printed.
 *
 * tests/host/printk.c keeps every printk() line (level and text, without
 * the newline) since the last host_log_clear(), up to HOST_LOG_LINES of
 * them; later lines are only counted.  Each line must end in exactly one
 * newline and fit HOST_LOG_LEN bytes, as a kernel log line does:
 * host_log_bad counts the lines that did not.
 */
#ifndef HOST_LOG_H
#define HOST_LOG_H

#define HOST_LOG_LINES 64
#define HOST_LOG_LEN   512 /* the kernel's printk line limit */

struct host_log_line {
	int level;		 /* 0..7 from KERN_*, -1 if the line had none */
	char text[HOST_LOG_LEN]; /* without its newline */
};

extern struct host_log_line host_log[HOST_LOG_LINES];
extern int host_log_len; /* lines printed, kept or not */
extern int host_log_bad; /* lines without one final newline, or cut */

/** host_log_clear() - forget every line */
void host_log_clear(void);

#endif /* HOST_LOG_H */
