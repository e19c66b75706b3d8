/* SPDX-License-Identifier: MIT */
/*
 * include/linux/kernel.h — the catch-all: what a Linux file that includes
 * <linux/kernel.h> alone expects to have.
 *
 * Implemented by: the headers it includes; it declares nothing itself.
 * Mirrors: <linux/kernel.h>, which gathers the basic types and helpers
 * (ARRAY_SIZE(), ALIGN(), container_of(), min() ...), the bit operations,
 * kstrto*(), sprintf(), panic() and printk().  Nodal keeps each in its own
 * header (<linux/types.h>, <linux/bitops.h>, <linux/string.h>,
 * <linux/sprintf.h>, <linux/panic.h>, <linux/printk.h>) and this one
 * includes them.  Differences from Linux:
 * it is kernel/'s (panic() and printk() are), so lib/ cannot include it as
 * Linux's lib/ does: lib/ includes <linux/types.h> and lib/'s own headers;
 * no might_sleep(), no hex or word-part helpers.
 */
#ifndef NODAL_KERNEL_H
#define NODAL_KERNEL_H

#include <linux/bitops.h>
#include <linux/limits.h>
#include <linux/panic.h>
#include <linux/printk.h>
#include <linux/sprintf.h>
#include <linux/string.h>
#include <linux/types.h>

#endif /* NODAL_KERNEL_H */
