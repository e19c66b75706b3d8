/* SPDX-License-Identifier: MIT */
/*
 * include/linux/kref.h — reference counts that call a release function
 * when the last reference goes.
 *
 * Implemented by: this header (inline), warning through kernel/'s
 * WARN_ON_ONCE.  Mirrors: <linux/kref.h> over <linux/refcount.h>'s
 * semantics: a count that would go below zero, or a kref_get() on a
 * released object (count 0), warns once and leaves the count saturated
 * rather than wrapping (a use-after-free made visible, never a double
 * release).  Differences from Linux: struct kref holds a plain int updated
 * with fully ordered atomics (no refcount_t/atomic_t types; read it with
 * kref_read()); the saturation value is INT_MIN/2, not REFCOUNT_SATURATED.
 */
#ifndef NODAL_KREF_H
#define NODAL_KREF_H

#include <linux/bug.h>
#include <linux/compiler.h>
#include <linux/types.h>

struct kref {
	int refcount; /* [atomic] references held */
};

/* What a misused count is parked at: far from 0 in both directions. */
#define KREF_SATURATED (-(1 << 30))

#define KREF_INIT(n)            \
	{                       \
		.refcount = (n) \
	}

/** kref_init() - one reference, the caller's */
static inline void kref_init(struct kref *kref)
{
	__atomic_store_n(&kref->refcount, 1, __ATOMIC_RELAXED);
}

/** kref_read() - the current count (stale as soon as it is read) */
static inline unsigned int kref_read(const struct kref *kref)
{
	return (unsigned int)__atomic_load_n(&kref->refcount, __ATOMIC_RELAXED);
}

/** kref_get() - one more reference; the caller must already hold one */
static inline void kref_get(struct kref *kref)
{
	int old = __atomic_fetch_add(&kref->refcount, 1, __ATOMIC_RELAXED);

	if (WARN_ON_ONCE(old <= 0)) /* a get on a released object */
		__atomic_store_n(&kref->refcount, KREF_SATURATED,
				 __ATOMIC_RELAXED);
}

/**
 * kref_put() - drop a reference; the last one calls @release(@kref)
 *
 * Return: 1 if @release was called (the object is gone), 0 otherwise.
 */
static inline int kref_put(struct kref *kref, void (*release)(struct kref *kref))
{
	int old = __atomic_fetch_sub(&kref->refcount, 1, __ATOMIC_RELEASE);

	if (old == 1) {
		__atomic_thread_fence(__ATOMIC_ACQUIRE);
		release(kref);
		return 1;
	}
	if (WARN_ON_ONCE(old <= 0)) /* underflow: a put too many */
		__atomic_store_n(&kref->refcount, KREF_SATURATED,
				 __ATOMIC_RELAXED);
	return 0;
}

/**
 * kref_get_unless_zero() - take a reference unless the count is already 0
 * (the object is being released)
 *
 * Return: 1 if a reference was taken, 0 if not.
 */
static inline int kref_get_unless_zero(struct kref *kref)
{
	int old = __atomic_load_n(&kref->refcount, __ATOMIC_RELAXED);

	do {
		if (old <= 0)
			return 0;
	} while (!__atomic_compare_exchange_n(&kref->refcount, &old, old + 1,
					      false, __ATOMIC_ACQUIRE,
					      __ATOMIC_RELAXED));
	return 1;
}

#endif /* NODAL_KREF_H */
