/* SPDX-License-Identifier: MIT */
/*
 * include/linux/libgcc.h — the libgcc helpers GCC calls on its own.
 *
 * Implemented by: lib/libgcc.c.  Mirrors: <linux/libgcc.h> (Linux declares
 * the double-word shifts and multiplies a 32-bit machine needs; rv64imac
 * needs the bit scans and byte swaps below instead).  No file calls these by
 * name: GCC emits the calls for __builtin_clzl(), __builtin_ctzl(),
 * __builtin_popcountl() and byte-swap idioms on a core without Zbb.  They
 * are declared here so that they have a public header like every symbol
 * one folder links from another (docs/design.md §3.2, the symbol check);
 * their names and types are GCC's ABI ("di": a 64-bit argument, "si": 32).
 */
#ifndef NODAL_LIBGCC_H
#define NODAL_LIBGCC_H

#include <linux/types.h>

int __clzdi2(unsigned long x);	    /* leading zeros; 63 for 0 */
int __ctzdi2(unsigned long x);	    /* trailing zeros; 63 for 0 */
int __popcountdi2(unsigned long x); /* bits set */
u32 __bswapsi2(u32 x);		    /* bytes reversed */
u64 __bswapdi2(u64 x);

#endif /* NODAL_LIBGCC_H */
