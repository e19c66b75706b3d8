/* SPDX-License-Identifier: MIT */
/*
 * include/linux/array_size.h — ARRAY_SIZE().
 *
 * Implemented by: the compiler (no code).  Mirrors: <linux/array_size.h>.
 * Nodal defines ARRAY_SIZE() in <linux/types.h>, which every file has; this
 * header exists for Linux code that includes it by name.  Differences from
 * Linux: ARRAY_SIZE() of a pointer is not refused at build time.  Usable
 * from every layer.
 */
#ifndef NODAL_ARRAY_SIZE_H
#define NODAL_ARRAY_SIZE_H

#include <linux/types.h>

#endif /* NODAL_ARRAY_SIZE_H */
