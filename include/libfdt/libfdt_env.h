/* SPDX-License-Identifier: MIT */
/*
 * include/libfdt/libfdt_env.h — what libfdt needs from a freestanding kernel.
 *
 * libfdt's sources are extracted from Debian's linux-source-6.12 tarball at
 * build time (never committed) and compiled against this header instead of
 * the hosted one they ship: fixed-width types, big-endian conversions,
 * INT_MAX, and the string functions of lib/.  Only the kernel build puts
 * include/libfdt on its include path; host tests use the system libfdt.
 */
#ifndef LIBFDT_ENV_H
#define LIBFDT_ENV_H

#include <limits.h>
#include <linux/string.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

typedef uint16_t fdt16_t;
typedef uint32_t fdt32_t;
typedef uint64_t fdt64_t;

/*
 * Byte swaps written out: without Zbb, __builtin_bswap*() become calls to
 * libgcc, which the kernel does not link.
 */
static inline uint16_t fdt_swab16(uint16_t x)
{
	return (uint16_t)((x << 8) | (x >> 8));
}

static inline uint32_t fdt_swab32(uint32_t x)
{
	return (x << 24) | ((x & 0xff00) << 8) | ((x >> 8) & 0xff00) | (x >> 24);
}

static inline uint64_t fdt_swab64(uint64_t x)
{
	return ((uint64_t)fdt_swab32((uint32_t)x) << 32) | fdt_swab32(x >> 32);
}

static inline uint16_t fdt16_to_cpu(fdt16_t x)
{
	return fdt_swab16(x);
}

static inline fdt16_t cpu_to_fdt16(uint16_t x)
{
	return fdt_swab16(x);
}

static inline uint32_t fdt32_to_cpu(fdt32_t x)
{
	return fdt_swab32(x);
}

static inline fdt32_t cpu_to_fdt32(uint32_t x)
{
	return fdt_swab32(x);
}

static inline uint64_t fdt64_to_cpu(fdt64_t x)
{
	return fdt_swab64(x);
}

static inline fdt64_t cpu_to_fdt64(uint64_t x)
{
	return fdt_swab64(x);
}

#endif /* LIBFDT_ENV_H */
