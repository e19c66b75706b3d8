/* SPDX-License-Identifier: MIT */
/*
 * include/linux/bitfield.h — values packed into fields of a register.
 *
 * Implemented by: the compiler (no code).  Mirrors: <linux/bitfield.h>.
 * A field is named by its mask, a contiguous run of set bits (GENMASK()):
 * FIELD_PREP(mask, val) puts @val in the field, FIELD_GET(mask, reg) takes
 * it out, FIELD_FIT() says whether @val fits, FIELD_MAX() is the largest
 * value that does.  Their mask must be a compile-time constant, non-zero
 * and contiguous, and a constant @val must fit, or the build fails naming
 * the macro (compiletime_assert()).  FIELD_PREP_CONST() is FIELD_PREP() as
 * an integer constant expression (for initialisers), with the same checks
 * as _Static_assert-style build errors.
 *
 * The typed family u8/u16/u32/u64 and le/be 16/32/64 _encode_bits(),
 * _get_bits(), _replace_bits() and p_replace_bits() do the same with the
 * field given as a mask argument of the register's type, converting
 * byte order for le/be.  As in Linux, a constant value too wide for its
 * field, or a constant mask that is zero or not contiguous, is a build
 * error.  Difference from Linux: a mask known only at run time is not
 * checked (Linux fails to link); the suites pass constants.
 * Usable from every layer.
 */
#ifndef NODAL_BITFIELD_H
#define NODAL_BITFIELD_H

#include <asm/byteorder.h>
#include <linux/bitops.h>
#include <linux/build_bug.h>
#include <linux/types.h>

/* The index of the field's lowest bit. */
#define __bf_shf(x) __builtin_ctzll(x)

/* Whether the non-zero @m is one run of ones: adding its lowest bit
 * carries past the run and leaves none of @m's bits. */
#define __bf_contiguous(m) \
	((((u64)(m) + (1ULL << __bf_shf(m))) & (u64)(m)) == 0)

#define __BF_FIELD_CHECK(_mask, _reg, _val, _pfx)                                 \
	do {                                                                      \
		compiletime_assert(__builtin_constant_p(_mask),                   \
				   _pfx "mask is not constant");                  \
		compiletime_assert((_mask) != 0, _pfx "mask is zero");            \
		compiletime_assert(!__builtin_constant_p(_val) ||                 \
					   !(~((u64)(_mask) >> __bf_shf(_mask)) & \
					     (u64)(_val)),                        \
				   _pfx "value too large for the field");         \
		compiletime_assert((u64)(_mask) <= (u64)(__typeof__(_reg))~0ULL,  \
				   _pfx "type of reg too small for mask");        \
		compiletime_assert(__bf_contiguous(_mask),                        \
				   _pfx "mask is not contiguous");                \
	} while (0)

/** FIELD_MAX() - the largest value the field @_mask holds */
#define FIELD_MAX(_mask)                                            \
	({                                                          \
		__BF_FIELD_CHECK(_mask, 0ULL, 0ULL, "FIELD_MAX: "); \
		(__typeof__(_mask))((_mask) >> __bf_shf(_mask));    \
	})

/** FIELD_FIT() - whether @_val fits in the field @_mask */
#define FIELD_FIT(_mask, _val)                                                  \
	({                                                                      \
		__BF_FIELD_CHECK(_mask, 0ULL, 0ULL, "FIELD_FIT: ");             \
		!((((__typeof__(_mask))(_val)) << __bf_shf(_mask)) & ~(_mask)); \
	})

/** FIELD_PREP() - @_val placed in the field @_mask, other bits 0 */
#define FIELD_PREP(_mask, _val)                                           \
	({                                                                \
		__BF_FIELD_CHECK(_mask, 0ULL, _val, "FIELD_PREP: ");      \
		((__typeof__(_mask))(_val) << __bf_shf(_mask)) & (_mask); \
	})

/** FIELD_PREP_CONST() - FIELD_PREP() as an integer constant expression */
#define FIELD_PREP_CONST(_mask, _val)                                          \
	(BUILD_BUG_ON_ZERO((_mask) == 0) +                                     \
	 BUILD_BUG_ON_ZERO(!__bf_contiguous(_mask)) +                          \
	 BUILD_BUG_ON_ZERO(~((u64)(_mask) >> __bf_shf(_mask)) & (u64)(_val)) + \
	 (((__typeof__(_mask))(_val) << __bf_shf(_mask)) & (_mask)))

/** FIELD_GET() - the value in the field @_mask of @_reg */
#define FIELD_GET(_mask, _reg)                                              \
	({                                                                  \
		__BF_FIELD_CHECK(_mask, _reg, 0U, "FIELD_GET: ");           \
		(__typeof__(_mask))(((_reg) & (_mask)) >> __bf_shf(_mask)); \
	})

extern void __field_overflow(void)
	__attribute__((error("value doesn't fit into mask")));
extern void __bad_mask(void) __attribute__((error("bad bitfield mask")));

/* The field's lowest bit: multiplying by it shifts a value into place. */
static __always_inline u64 __field_multiplier(u64 field)
{
	if (__builtin_constant_p(field) &&
	    (!field || ((field + (field & -field)) & field)))
		__bad_mask();
	return field & -field;
}

/* The field shifted down to bit 0: the values it holds. */
static __always_inline u64 __field_mask(u64 field)
{
	return field / __field_multiplier(field);
}

#define ____MAKE_OP(name, type, base, to, from)                             \
	static __always_inline type name##_encode_bits(base v, base field)  \
	{                                                                   \
		if (__builtin_constant_p(v) && (v & ~__field_mask(field)))  \
			__field_overflow();                                 \
		return to((base)((v & __field_mask(field)) *                \
				 __field_multiplier(field)));               \
	}                                                                   \
	static __always_inline type name##_replace_bits(type old, base val, \
							base field)         \
	{                                                                   \
		return (old & ~to(field)) | name##_encode_bits(val, field); \
	}                                                                   \
	static __always_inline void name##p_replace_bits(type *p, base val, \
							 base field)        \
	{                                                                   \
		*p = (*p & ~to(field)) | name##_encode_bits(val, field);    \
	}                                                                   \
	static __always_inline base name##_get_bits(type v, base field)     \
	{                                                                   \
		return (from(v) & field) / __field_multiplier(field);       \
	}
#define __MAKE_OP(size)                                             \
	____MAKE_OP(le##size, __le##size, u##size, cpu_to_le##size, \
		    le##size##_to_cpu)                              \
	____MAKE_OP(be##size, __be##size, u##size, cpu_to_be##size, \
		    be##size##_to_cpu)                              \
	____MAKE_OP(u##size, u##size, u##size, , )
____MAKE_OP(u8, u8, u8, , )
__MAKE_OP(16)
__MAKE_OP(32)
__MAKE_OP(64)
#undef __MAKE_OP
#undef ____MAKE_OP

#endif /* NODAL_BITFIELD_H */
