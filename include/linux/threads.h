/* SPDX-License-Identifier: MIT */
/*
 * include/linux/threads.h — the most CPUs the kernel is built for.
 *
 * Implemented by: this header (a constant).  Mirrors: <linux/threads.h>,
 * NR_CPUS only.  Differences from Linux: NR_CPUS is fixed, not a Kconfig
 * choice.
 */
#ifndef NODAL_THREADS_H
#define NODAL_THREADS_H

#define NR_CPUS 128 /* OpenSBI 1.1 starts at most 128 harts */

#endif /* NODAL_THREADS_H */
