/* SPDX-License-Identifier: MIT */
/*
 * include/linux/kern_levels.h — the log levels a printk() format starts with.
 *
 * Implemented by: this header alone (constants).  Mirrors:
 * <linux/kern_levels.h>.  A level is the Start Of Header byte and a digit,
 * 0 (most urgent) to 7, pasted before the format: printk(KERN_ERR "...").
 * Differences from Linux: no KERN_CONT and no KERN_DEFAULT (every printk()
 * call prints whole lines) and no LOGLEVEL_SCHED.
 */
#ifndef NODAL_KERN_LEVELS_H
#define NODAL_KERN_LEVELS_H

#define KERN_SOH       "\001"
#define KERN_SOH_ASCII '\001'

#define KERN_EMERG   KERN_SOH "0" /* the machine stops */
#define KERN_ALERT   KERN_SOH "1"
#define KERN_CRIT    KERN_SOH "2"
#define KERN_ERR     KERN_SOH "3" /* an operation failed */
#define KERN_WARNING KERN_SOH "4" /* a surprise the kernel survives */
#define KERN_NOTICE  KERN_SOH "5"
#define KERN_INFO    KERN_SOH "6" /* what the kernel is doing */
#define KERN_DEBUG   KERN_SOH "7" /* not printed (CONSOLE_LOGLEVEL_DEFAULT) */

/* The digits as numbers. */
#define LOGLEVEL_EMERG	 0
#define LOGLEVEL_ALERT	 1
#define LOGLEVEL_CRIT	 2
#define LOGLEVEL_ERR	 3
#define LOGLEVEL_WARNING 4
#define LOGLEVEL_NOTICE	 5
#define LOGLEVEL_INFO	 6
#define LOGLEVEL_DEBUG	 7

#endif /* NODAL_KERN_LEVELS_H */
