/* SPDX-License-Identifier: MIT */
/*
 * include/linux/types.h — fixed-width integer types and basic kernel types.
 *
 * Implemented by: the compiler (no code).  Mirrors: <linux/types.h>, the
 * subset Nodal uses.  Differences from Linux: it also brings
 * <linux/compiler.h> (attributes, READ_ONCE()) and <linux/minmax.h>, and
 * defines the helpers Linux spreads over <linux/array_size.h>,
 * <linux/align.h>, <linux/math.h>, <linux/container_of.h> and
 * <linux/stringify.h> and offsetofend() of <linux/stddef.h>, so that every file has what a Linux file has through
 * the force-included compiler_types.h and <linux/kernel.h>.
 * Usable from every layer, lib included.
 */
#ifndef NODAL_TYPES_H
#define NODAL_TYPES_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include <linux/compiler.h>
#include <linux/minmax.h>

typedef uint8_t u8;
typedef uint16_t u16;
typedef uint32_t u32;
typedef unsigned long long u64; /* as Linux: %llu on every arch */
typedef int8_t s8;
typedef int16_t s16;
typedef int32_t s32;
typedef long long s64;

/* Values in a stated byte order (<asm/byteorder.h> converts them). */
typedef u16 __le16;
typedef u16 __be16;
typedef u32 __le32;
typedef u32 __be32;
typedef u64 __le64;
typedef u64 __be64;

typedef long ssize_t;
typedef u64 phys_addr_t;
typedef unsigned int gfp_t;

#define ARRAY_SIZE(a)	(sizeof(a) / sizeof((a)[0]))
/* offsetofend(TYPE, MEMBER): the offset of the first byte after @MEMBER */
#define offsetofend(TYPE, MEMBER) \
	(offsetof(TYPE, MEMBER) + sizeof(((TYPE *)0)->MEMBER))
#define ALIGN(x, a)	(((x) + ((a) - 1)) & ~((__typeof__(x))(a) - 1))
#define ALIGN_DOWN(x, a) ((x) & ~((__typeof__(x))(a) - 1))
#define IS_ALIGNED(x, a) (((x) & ((__typeof__(x))(a) - 1)) == 0)
#define DIV_ROUND_UP(n, d) (((n) + (d) - 1) / (d))
#define container_of(ptr, type, member) \
	((type *)((char *)(ptr) - offsetof(type, member)))

#define __stringify_1(x) #x
#define __stringify(x)	__stringify_1(x)

#endif /* NODAL_TYPES_H */
