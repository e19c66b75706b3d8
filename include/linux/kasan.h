/* SPDX-License-Identifier: MIT */
/*
 * include/linux/kasan.h — the Kernel Address Sanitizer's calls, without it.
 *
 * Type-only.  Mirrors: <linux/kasan.h> of Linux 6.12 built without
 * CONFIG_KASAN, which is what Nodal always is: the calls a test makes
 * around a deliberate out-of-bounds access do nothing.
 */
#ifndef NODAL_LINUX_KASAN_H
#define NODAL_LINUX_KASAN_H

/* Stop (start) KASAN reporting in the current task: nothing to stop. */
static inline void kasan_disable_current(void)
{
}
static inline void kasan_enable_current(void)
{
}

#endif /* NODAL_LINUX_KASAN_H */
