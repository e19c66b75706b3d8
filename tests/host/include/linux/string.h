/* SPDX-License-Identifier: MIT */
/*
 * tests/host/include/linux/string.h — the kernel's string API for host
 * builds: the C library's <string.h>, which has every function the kernel
 * files built here use (see tests/host/include/linux/printk.h).
 */
#ifndef HOST_LINUX_STRING_H
#define HOST_LINUX_STRING_H

#include <string.h>

#endif /* HOST_LINUX_STRING_H */
