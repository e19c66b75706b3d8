/* SPDX-License-Identifier: MIT */
/*
 * include/asm/byteorder.h — conversions between the CPU's byte order and
 * a stated one.
 *
 * Implemented by: the compiler (no code; the byte swaps are GCC builtins,
 * which call lib/libgcc.c's __bswapsi2()/__bswapdi2() on cores without
 * Zbb).  Mirrors: <asm/byteorder.h> with <linux/byteorder/little_endian.h>
 * and <uapi/linux/swab.h>, a subset.  RISC-V is little-endian, so the
 * cpu_to_le*() family only changes the type, and the cpu_to_be*() family
 * reverses the bytes.  The __le and __be types are <linux/types.h>'s.
 * Usable from every layer.
 */
#ifndef NODAL_ASM_BYTEORDER_H
#define NODAL_ASM_BYTEORDER_H

#include <linux/types.h>

#define __LITTLE_ENDIAN 1234

#define swab16(x) ((u16)__builtin_bswap16((u16)(x)))
#define swab32(x) ((u32)__builtin_bswap32((u32)(x)))
#define swab64(x) ((u64)__builtin_bswap64((u64)(x)))

#define cpu_to_le16(x) ((__le16)(u16)(x))
#define cpu_to_le32(x) ((__le32)(u32)(x))
#define cpu_to_le64(x) ((__le64)(u64)(x))
#define le16_to_cpu(x) ((u16)(__le16)(x))
#define le32_to_cpu(x) ((u32)(__le32)(x))
#define le64_to_cpu(x) ((u64)(__le64)(x))

#define cpu_to_be16(x) ((__be16)swab16(x))
#define cpu_to_be32(x) ((__be32)swab32(x))
#define cpu_to_be64(x) ((__be64)swab64(x))
#define be16_to_cpu(x) swab16((__be16)(x))
#define be32_to_cpu(x) swab32((__be32)(x))
#define be64_to_cpu(x) swab64((__be64)(x))

#endif /* NODAL_ASM_BYTEORDER_H */
