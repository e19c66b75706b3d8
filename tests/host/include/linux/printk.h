/* SPDX-License-Identifier: MIT */
/*
 * tests/host/include/linux/printk.h — the kernel's printk API for host builds.
 *
 * Host builds of kernel files (mm/numa/dt_scan.c) put tests/host/include
 * first on the include path, so their <linux/printk.h> is this one: the
 * same KERN_* levels and pr_*() macros as include/linux/printk.h, with
 * printk() in tests/host/printk.c, which formats each line with the C
 * library and keeps it for the test to read (tests/host/host_log.h).
 * Nothing in this folder is built into the kernel.
 */
#ifndef HOST_LINUX_PRINTK_H
#define HOST_LINUX_PRINTK_H

#define KERN_SOH     "\001"
#define KERN_EMERG   KERN_SOH "0"
#define KERN_ERR     KERN_SOH "3"
#define KERN_WARNING KERN_SOH "4"
#define KERN_NOTICE  KERN_SOH "5"
#define KERN_INFO    KERN_SOH "6"
#define KERN_DEBUG   KERN_SOH "7"

__attribute__((format(printf, 1, 2))) int printk(const char *fmt, ...);

#define pr_emerg(fmt, ...)  printk(KERN_EMERG fmt, ##__VA_ARGS__)
#define pr_err(fmt, ...)    printk(KERN_ERR fmt, ##__VA_ARGS__)
#define pr_warn(fmt, ...)   printk(KERN_WARNING fmt, ##__VA_ARGS__)
#define pr_notice(fmt, ...) printk(KERN_NOTICE fmt, ##__VA_ARGS__)
#define pr_info(fmt, ...)   printk(KERN_INFO fmt, ##__VA_ARGS__)
#define pr_debug(fmt, ...)  printk(KERN_DEBUG fmt, ##__VA_ARGS__)

#endif /* HOST_LINUX_PRINTK_H */
