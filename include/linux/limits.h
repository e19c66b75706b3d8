/* SPDX-License-Identifier: MIT */
/*
 * include/linux/limits.h — the ranges of the integer types.
 *
 * Implemented by: the compiler (no code).  Mirrors: <linux/limits.h> and
 * <vdso/limits.h>.  Each limit has its type: U32_MAX is a u32, S64_MIN an
 * s64, SIZE_MAX a size_t.  The C names Linux defines here too (INT_MAX,
 * ULONG_MAX, ...) come from the compiler's <limits.h>, which a
 * freestanding build has, with the same values.  Usable from every
 * layer.
 */
#ifndef NODAL_LIMITS_H
#define NODAL_LIMITS_H

#include <limits.h>
#include <linux/types.h>

#ifndef SIZE_MAX /* <stdint.h> names it too, with the same value */
#define SIZE_MAX (~(size_t)0)
#endif
#define SSIZE_MAX     ((ssize_t)(SIZE_MAX >> 1))
#define PHYS_ADDR_MAX (~(phys_addr_t)0)

#define U8_MAX	((u8)~0U)
#define S8_MAX	((s8)(U8_MAX >> 1))
#define S8_MIN	((s8)(-S8_MAX - 1))
#define U16_MAX ((u16)~0U)
#define S16_MAX ((s16)(U16_MAX >> 1))
#define S16_MIN ((s16)(-S16_MAX - 1))
#define U32_MAX ((u32)~0U)
#define U32_MIN ((u32)0)
#define S32_MAX ((s32)(U32_MAX >> 1))
#define S32_MIN ((s32)(-S32_MAX - 1))
#define U64_MAX ((u64)~0ULL)
#define S64_MAX ((s64)(U64_MAX >> 1))
#define S64_MIN ((s64)(-S64_MAX - 1))

#endif /* NODAL_LIMITS_H */
