/* SPDX-License-Identifier: MIT */
/*
 * include/linux/printk.h — kernel log lines and console output.
 *
 * Implemented by: kernel/printk.c; dump_stack() comes from <asm/stacktrace.h>.
 * Mirrors: <linux/printk.h>; the levels are <linux/kern_levels.h>.
 * Differences from Linux: no ring buffer — a line goes straight to the
 * polled console; the console log level is fixed (KERN_DEBUG lines are not
 * printed); console_printf() writes text without the log prefix, as
 * Linux's /proc files are read without one.
 *
 * A log line reads "[    1.234567] h3  message": seconds since boot from
 * the `time` CSR and the hart id, in a fixed width so that tools (KUnit's
 * parser among them) can strip it.  One printk() call is printed whole,
 * under the console lock: lines from different harts never interleave.
 */
#ifndef NODAL_PRINTK_H
#define NODAL_PRINTK_H

#include <asm/processor.h>
#include <asm/stacktrace.h>
#include <linux/kern_levels.h>
#include <linux/sprintf.h>
#include <linux/types.h>
#include <stdarg.h>

/* A line prints if its level is below this: all but KERN_DEBUG. */
#define CONSOLE_LOGLEVEL_DEFAULT 7
/* The level of a line whose format names none. */
#define MESSAGE_LOGLEVEL_DEFAULT LOGLEVEL_WARNING

/**
 * printk() - print a log line (or several) with the time and hart prefix
 * @fmt: printf format, optionally starting with a KERN_* level
 *
 * Context: any, interrupts on or off, including trap handlers.  A message
 * of any length is printed whole, a 512-byte buffer at a time under one
 * console_lock hold.  Return: bytes of message text.
 */
__printf(1, 2) int printk(const char *fmt, ...);
__printf(1, 0) int vprintk(const char *fmt, va_list ap);

/**
 * console_printf() - print text as it is, with no prefix
 *
 * Context: any.  One call is written whole, of any length, under the
 * console lock.  Return: bytes of text.
 */
__printf(1, 2) int console_printf(const char *fmt, ...);
/** console_write() - write @len bytes under the console lock */
void console_write(const char *s, size_t len);

/**
 * console_lock() - hold the console across several writes (a report)
 *
 * Recursive on one CPU: printk() and console_printf() inside still work.
 * Context: any; other CPUs' output waits until console_unlock().
 */
void console_lock(void);
void console_unlock(void);

/** console_getc() - one byte typed on the console, or -1 */
int console_getc(void);

/**
 * printk_ratelimit_ok() - may a rate-limited message print now?
 * @last_ns: the caller's static timestamp of its last printed message
 * @interval_ns: minimum time between two
 */
bool printk_ratelimit_ok(u64 *last_ns, u64 interval_ns);

#define pr_emerg(fmt, ...)	printk(KERN_EMERG fmt, ##__VA_ARGS__)
#define pr_err(fmt, ...)	printk(KERN_ERR fmt, ##__VA_ARGS__)
#define pr_warn(fmt, ...)	printk(KERN_WARNING fmt, ##__VA_ARGS__)
#define pr_notice(fmt, ...)	printk(KERN_NOTICE fmt, ##__VA_ARGS__)
#define pr_info(fmt, ...)	printk(KERN_INFO fmt, ##__VA_ARGS__)
#define pr_debug(fmt, ...)	printk(KERN_DEBUG fmt, ##__VA_ARGS__)

#define pr_warn_ratelimited(fmt, ...) ({				\
	static u64 __rl_last;						\
	if (printk_ratelimit_ok(&__rl_last, 1000000000ULL))		\
		pr_warn(fmt, ##__VA_ARGS__);				\
})

/**
 * sprint_symbol() - format @addr as "name+0xoff/0xsize" (or the hex address)
 *
 * Implemented by kernel/kallsyms.c.  Return: length written.
 */
int sprint_symbol(char *buf, size_t size, unsigned long addr);

#endif /* NODAL_PRINTK_H */
