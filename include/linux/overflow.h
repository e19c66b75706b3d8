/* SPDX-License-Identifier: MIT */
/*
 * include/linux/overflow.h — arithmetic that reports or saturates on
 * overflow, and the sizes of structures with a flexible array.
 *
 * Implemented by: the compiler (no code; GCC's __builtin_*_overflow()).
 * Mirrors: <linux/overflow.h>.  Usable from every layer.
 *
 * check_add/sub/mul_overflow(a, b, d) store the result of the operation,
 * taken with infinite precision and then wrapped to the type of *@d, and
 * return true when it did not fit; the three types may all differ.
 * wrapping_add/sub/mul(type, a, b) give the wrapped result in @type.
 * check_shl_overflow(a, s, d) stores @a << @s (or @a itself when @s is
 * negative or not below *@d's width) and is true unless the shift was
 * valid, nothing was lost and no negative value came in or out.
 *
 * size_add/sub/mul() are size_t arithmetic that saturates at SIZE_MAX and
 * stays there (a SIZE_MAX operand gives SIZE_MAX), so a size computed
 * from untrusted counts makes the allocator refuse instead of allocating
 * too little.  array_size(), array3_size(), flex_array_size(),
 * struct_size() and struct_size_t() build on them; with constant counts
 * they are constant expressions.  DEFINE_FLEX() and DEFINE_RAW_FLEX()
 * declare an on-stack structure with room for @count array elements.
 *
 * type_max()/type_min() take a type or an expression.  overflows_type(n,
 * T) says whether the value @n does not fit in @T (a constant expression
 * when @n is one); castable_to_type(n, T) is its negation for a constant
 * @n, and for a variable whether @n already has @T's type.
 */
#ifndef NODAL_OVERFLOW_H
#define NODAL_OVERFLOW_H

#include <linux/build_bug.h>
#include <linux/compiler.h>
#include <linux/limits.h>
#include <linux/minmax.h> /* __is_constexpr() */
#include <linux/types.h>

/* Half of the largest value: its top value bit alone.  Doubling it minus
 * one is the maximum, computed without overflowing the signed type. */
#define __type_half_max(T) ((T)1 << (8 * sizeof(T) - 1 - is_signed_type(T)))
#define __type_max(T)	   ((T)((__type_half_max(T) - 1) + __type_half_max(T)))
#define type_max(t)	   __type_max(__typeof__(t))
#define __type_min(T)	   ((T)((T)-type_max(T) - (T)1))
#define type_min(t)	   __type_min(__typeof__(t))

/* Written so that an unsigned @a gives no "always true" warning. */
#define is_non_negative(a) ((a) > 0 || (a) == 0)
#define is_negative(a)	   (!(is_non_negative(a)))

/* The overflow flag, which a caller must read. */
static inline bool __must_check __must_check_overflow(bool overflow)
{
	return unlikely(overflow);
}

#define check_add_overflow(a, b, d) \
	__must_check_overflow(__builtin_add_overflow(a, b, d))
#define check_sub_overflow(a, b, d) \
	__must_check_overflow(__builtin_sub_overflow(a, b, d))
#define check_mul_overflow(a, b, d) \
	__must_check_overflow(__builtin_mul_overflow(a, b, d))

#define __wrapping_op(op, type, a, b)                            \
	({                                                       \
		type __ovf_wrapped;                              \
		__builtin_##op##_overflow(a, b, &__ovf_wrapped); \
		__ovf_wrapped;                                   \
	})
#define wrapping_add(type, a, b) __wrapping_op(add, type, a, b)
#define wrapping_sub(type, a, b) __wrapping_op(sub, type, a, b)
#define wrapping_mul(type, a, b) __wrapping_op(mul, type, a, b)

/* @var op= @offset, wrapping in @var's type; @var evaluated once. */
#define __wrapping_assign(op, var, offset)                                       \
	({                                                                       \
		__typeof__(var) *__ovf_ptr = &(var);                             \
		*__ovf_ptr = wrapping_##op(__typeof__(var), *__ovf_ptr, offset); \
	})
#define wrapping_assign_add(var, offset) __wrapping_assign(add, var, offset)
#define wrapping_assign_sub(var, offset) __wrapping_assign(sub, var, offset)

#define check_shl_overflow(a, s, d)                                      \
	__must_check_overflow(({                                         \
		__typeof__(a) __ovf_a = (a);                             \
		__typeof__(s) __ovf_s = (s);                             \
		__typeof__(d) __ovf_d = (d);                             \
		unsigned long long __ovf_wide = __ovf_a;                 \
		/* an invalid count shifts by 0, so *d gets a, cut */    \
		unsigned int __ovf_sh =                                  \
			is_non_negative(__ovf_s) &&                      \
					(unsigned long long)__ovf_s <    \
						8 * sizeof(*__ovf_d) ?   \
				__ovf_s :                                \
				0;                                       \
		*__ovf_d = __ovf_wide << __ovf_sh;                       \
		(long long)__ovf_sh != (long long)__ovf_s ||             \
			is_negative(*__ovf_d) || is_negative(__ovf_a) || \
			(*__ovf_d >> __ovf_sh) != __ovf_a;               \
	}))

/* Does the constant @x lie outside @T's range?  Each comparison is made
 * in a type holding both sides: an unsigned @x only against the maximum,
 * a signed one below 0 for an unsigned @T. */
#define __overflows_type_constexpr(x, T)                                     \
	(is_unsigned_type(__typeof__(x)) ?                                   \
		 (unsigned long long)(x) > (unsigned long long)type_max(T) : \
	 is_unsigned_type(__typeof__(T)) ?                                   \
		 is_negative(x) || (unsigned long long)(x) >                 \
					   (unsigned long long)type_max(T) : \
		 (long long)(x) < (long long)type_min(T) ||                  \
			 (long long)(x) > (long long)type_max(T))

/* For a run-time @x: adding 0 in @T's type overflows exactly when @x
 * does not fit. */
#define __overflows_type(x, T)                              \
	({                                                  \
		__typeof__(T) __ovf_v = 0;                  \
		check_add_overflow((x), __ovf_v, &__ovf_v); \
	})

#define overflows_type(n, T)                                    \
	__builtin_choose_expr(__is_constexpr(n),                \
			      __overflows_type_constexpr(n, T), \
			      __overflows_type(n, T))

#define castable_to_type(n, T)                                   \
	__builtin_choose_expr(__is_constexpr(n),                 \
			      !__overflows_type_constexpr(n, T), \
			      __same_type(n, T))

/** size_mul() - @factor1 * @factor2, or SIZE_MAX if that overflows */
static inline size_t __must_check size_mul(size_t factor1, size_t factor2)
{
	size_t bytes;

	return check_mul_overflow(factor1, factor2, &bytes) ? SIZE_MAX : bytes;
}

/** size_add() - @addend1 + @addend2, or SIZE_MAX if that overflows */
static inline size_t __must_check size_add(size_t addend1, size_t addend2)
{
	size_t bytes;

	return check_add_overflow(addend1, addend2, &bytes) ? SIZE_MAX : bytes;
}

/**
 * size_sub() - @minuend - @subtrahend; SIZE_MAX if it goes below 0 or
 * either operand is SIZE_MAX (an earlier saturation stays saturated)
 */
static inline size_t __must_check size_sub(size_t minuend, size_t subtrahend)
{
	size_t bytes;

	if (minuend == SIZE_MAX || subtrahend == SIZE_MAX ||
	    check_sub_overflow(minuend, subtrahend, &bytes))
		return SIZE_MAX;
	return bytes;
}

#define array_size(a, b)     size_mul(a, b)
#define array3_size(a, b, c) size_mul(size_mul(a, b), c)

/** flex_array_size() - bytes of @count elements of @p's array @member */
#define flex_array_size(p, member, count)                           \
	__builtin_choose_expr(__is_constexpr(count),                \
			      (count) * sizeof(*(p)->member) +      \
				      __must_be_array((p)->member), \
			      size_mul(count,                       \
				       sizeof(*(p)->member) +       \
					       __must_be_array((p)->member)))

/** struct_size() - bytes of *@p with @count elements in its array @member */
#define struct_size(p, member, count)                                           \
	__builtin_choose_expr(__is_constexpr(count),                            \
			      sizeof(*(p)) + flex_array_size(p, member, count), \
			      size_add(sizeof(*(p)),                            \
				       flex_array_size(p, member, count)))

/** struct_size_t() - struct_size() of a type rather than a pointer */
#define struct_size_t(type, member, count) \
	struct_size((type *)NULL, member, count)

/* A union of the structure and enough bytes for it with @count elements,
 * and @name a pointer to it; @trailer is its initialiser. */
#define __DEFINE_FLEX(type, name, member, count, trailer...)          \
	_Static_assert(__builtin_constant_p(count),                   \
		       "on-stack flex array needs a constant count"); \
	union {                                                       \
		u8 bytes[struct_size_t(type, member, count)];         \
		type obj;                                             \
	} name##_u trailer;                                           \
	type *name = (type *)&name##_u

#define _DEFINE_FLEX(type, name, member, count, initializer...) \
	__DEFINE_FLEX(type, name, member, count, = { .obj initializer })

/** DEFINE_RAW_FLEX() - on-stack @type with @count elements, zeroed */
#define DEFINE_RAW_FLEX(type, name, member, count) \
	__DEFINE_FLEX(type, name, member, count, = {})

/** DEFINE_FLEX() - as DEFINE_RAW_FLEX(), with @COUNTER set to @COUNT */
#define DEFINE_FLEX(TYPE, NAME, MEMBER, COUNTER, COUNT)                   \
	_DEFINE_FLEX(TYPE, NAME, MEMBER, COUNT, = {                       \
							.COUNTER = COUNT, \
						})

#endif /* NODAL_OVERFLOW_H */
