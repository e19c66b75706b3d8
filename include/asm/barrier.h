/* SPDX-License-Identifier: MIT */
/*
 * include/asm/barrier.h — memory barriers and atomics for portable code.
 *
 * Implemented by: arch/riscv (inline; RVWMO fences, AMOs through the
 * compiler's __atomic builtins, which emit amo*.w/d and lr/sc on rv64ia).
 * Mirrors: <asm/barrier.h> and <linux/atomic.h> (a subset, over plain
 * integers rather than atomic_t, with Linux's argument order).
 */
#ifndef NODAL_ASM_BARRIER_H
#define NODAL_ASM_BARRIER_H

#include <linux/types.h>

#define mb()	__asm__ __volatile__("fence rw, rw" ::: "memory")
#define rmb()	__asm__ __volatile__("fence r, r" ::: "memory")
#define wmb()	__asm__ __volatile__("fence w, w" ::: "memory")
#define smp_mb()  mb()
#define smp_rmb() rmb()
#define smp_wmb() wmb()

#define smp_load_acquire(p)	__atomic_load_n(p, __ATOMIC_ACQUIRE)
#define smp_store_release(p, v)	__atomic_store_n(p, v, __ATOMIC_RELEASE)

/*
 * Linux's argument order: the operand @i first, the variable @v (here a
 * pointer to a plain integer, not an atomic_t *) second.  Value-returning
 * atomics are fully ordered, as in Linux; atomic_inc() and atomic_dec()
 * are unordered.
 */
#define atomic_fetch_add(i, v)	__atomic_fetch_add(v, i, __ATOMIC_SEQ_CST)
#define atomic_add_return(i, v) __atomic_add_fetch(v, i, __ATOMIC_SEQ_CST)
#define atomic_fetch_or(i, v)	__atomic_fetch_or(v, i, __ATOMIC_SEQ_CST)
#define atomic_fetch_and(i, v)	__atomic_fetch_and(v, i, __ATOMIC_SEQ_CST)
#define atomic_inc(v)		((void)__atomic_fetch_add(v, 1, __ATOMIC_RELAXED))
#define atomic_dec(v)		((void)__atomic_fetch_sub(v, 1, __ATOMIC_RELAXED))
#define xchg(p, v)		__atomic_exchange_n(p, v, __ATOMIC_SEQ_CST)

/* cmpxchg(p, old, new): returns the value found; stored iff it was old. */
#define cmpxchg(p, o, n) ({						\
	__typeof__(*(p)) __old = (o);					\
	__atomic_compare_exchange_n(p, &__old, n, false,		\
				    __ATOMIC_SEQ_CST, __ATOMIC_SEQ_CST);\
	__old; })

#define try_cmpxchg(p, po, n)						\
	__atomic_compare_exchange_n(p, po, n, false,			\
				    __ATOMIC_SEQ_CST, __ATOMIC_SEQ_CST)

#endif /* NODAL_ASM_BARRIER_H */
