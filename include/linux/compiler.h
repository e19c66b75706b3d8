/* SPDX-License-Identifier: MIT */
/*
 * include/linux/compiler.h — what the compiler is told: attributes, branch
 * hints, single-copy accesses and the compiler barrier.
 *
 * Implemented by: the compiler (no code).  Mirrors: <linux/compiler.h>,
 * <linux/compiler_attributes.h> and <asm-generic/rwonce.h>, a subset.
 * Differences from Linux: Linux's build force-includes compiler_types.h in
 * every file; here <linux/types.h> includes this header, so every file that
 * declares a u64 also has __aligned() and READ_ONCE().  READ_ONCE() of a
 * type wider than a word is not refused (riscv64 Linux tears it too, but
 * compile-time checks it); nothing here uses one.
 */
#ifndef NODAL_COMPILER_H
#define NODAL_COMPILER_H

#include <linux/kconfig.h>

#define __aligned(x)   __attribute__((aligned(x)))
#define __packed       __attribute__((packed))
#define __noreturn     __attribute__((noreturn))
#define __unused       __attribute__((unused))
#define __used	       __attribute__((used))
#define __weak	       __attribute__((weak))
#define __section(s)   __attribute__((section(s)))
#define __printf(a, b) __attribute__((format(printf, a, b)))
#ifndef __always_inline /* glibc defines it too (host tests) */
#define __always_inline inline __attribute__((always_inline))
#endif
#define noinline       __attribute__((noinline))
#define __must_check   __attribute__((warn_unused_result))
#define __maybe_unused __attribute__((unused))
#define __nonstring    __attribute__((__nonstring__))

/* Hide @var's value from the optimiser (it can no longer fold or bound it). */
#define OPTIMIZER_HIDE_VAR(var) __asm__("" : "=r"(var) : "0"(var))

#define __force /* sparse's annotation: nothing to the compiler */

/* __same_type(a, b): do @a and @b have compatible types? (a constant) */
#define __same_type(a, b) \
	__builtin_types_compatible_p(__typeof__(a), __typeof__(b))
/*
 * __must_be_array(a): 0 when @a is an array, a build error when it is a
 * pointer (an array and the address of its first element differ in type).
 */
#define __must_be_array(a) \
	((int)sizeof(struct { int : (-!!__same_type((a), &(a)[0])); }))

#define likely(x)   __builtin_expect(!!(x), 1)
#define unlikely(x) __builtin_expect(!!(x), 0)

/* Stops the compiler moving memory accesses across it; the CPU still may. */
#define barrier() __asm__ __volatile__("" ::: "memory")

/*
 * Whether @type is signed: its -1 compares below its 1.  An integer
 * constant expression for arithmetic types; false for bool, pointers and
 * enums whose constants are all non-negative (GCC gives those an unsigned
 * type), and for char on RISC-V, whose char is unsigned.
 */
#define is_signed_type(type)   (((type)(-1)) < (type)1)
#define is_unsigned_type(type) (!is_signed_type(type))

/* Whether @a and @b have the same type (qualifiers ignored). */
#define __same_type(a, b) \
	__builtin_types_compatible_p(__typeof__(a), __typeof__(b))

/*
 * The bytes from @p to the end of its object, or of the member @p points
 * at (__member_size), as far as the compiler can tell; SIZE_MAX if it
 * cannot.  Reads DEFINE_FLEX()'s on-stack size.
 */
#define __struct_size(p) __builtin_dynamic_object_size(p, 0)
#define __member_size(p) __builtin_dynamic_object_size(p, 1)

/*
 * __counted_by(member): the flexible array's length is in @member.  GCC 12
 * has no counted_by attribute, so this says it to the reader only (as
 * Linux without CONFIG_CC_HAS_COUNTED_BY).
 */
#define __counted_by(member)

/*
 * compiletime_assert() - a build error saying @msg unless @cond holds
 *
 * For conditions that are constant only once the compiler has folded
 * them (an inline function's argument, __builtin_constant_p()), which
 * _Static_assert cannot take: the call to the error-attributed function
 * survives only if @cond is false, and then the build fails.  Needs an
 * optimising build (the kernel's -O2).
 */
#define __compiletime_assert(cond, msg, id)                       \
	do {                                                      \
		extern void id(void) __attribute__((error(msg))); \
		if (!(cond))                                      \
			id();                                     \
	} while (0)
#define compiletime_assert(cond, msg) \
	__compiletime_assert(cond, msg, __UNIQUE_ID(__compiletime_assert_))

/*
 * One load or store of @x, neither torn (for a naturally aligned word),
 * merged, repeated nor moved across another READ_ONCE()/WRITE_ONCE() by the
 * compiler; ordering against other harts needs <asm/barrier.h>.
 */
#define READ_ONCE(x)	 (*(const volatile __typeof__(x) *)&(x))
#define WRITE_ONCE(x, v) (*(volatile __typeof__(x) *)&(x) = (v))

/* An identifier no other expansion uses: @prefix and a per-file counter. */
#define ___PASTE(a, b)	    a##b
#define __PASTE(a, b)	    ___PASTE(a, b)
#define __UNIQUE_ID(prefix) __PASTE(__PASTE(__UNIQUE_ID_, prefix), __COUNTER__)

#endif /* NODAL_COMPILER_H */
