/* SPDX-License-Identifier: MIT */
/*
 * include/linux/err.h — error values carried in pointers (ERR_PTR).
 *
 * Type-only.  Mirrors: <linux/err.h> of Linux 6.12, same names and rule:
 * the last MAX_ERRNO addresses of the address space (-4095 .. -1 as an
 * unsigned long) are never valid pointers, so a function returning a
 * pointer may return -errno in it instead.
 */
#ifndef NODAL_LINUX_ERR_H
#define NODAL_LINUX_ERR_H

#include <linux/compiler.h>
#include <linux/types.h>

#define MAX_ERRNO 4095

#define IS_ERR_VALUE(x) \
	unlikely((unsigned long)(void *)(x) >= (unsigned long)-MAX_ERRNO)

/* ERR_PTR() - the pointer that carries @error (a negative errno) */
static inline void *__must_check ERR_PTR(long error)
{
	return (void *)error;
}

/* PTR_ERR() - the errno that @ptr carries (meaningful if IS_ERR(@ptr)) */
static inline long __must_check PTR_ERR(const void *ptr)
{
	return (long)ptr;
}

/* IS_ERR() - does @ptr carry an errno? */
static inline bool __must_check IS_ERR(const void *ptr)
{
	return IS_ERR_VALUE((unsigned long)ptr);
}

/* IS_ERR_OR_NULL() - is @ptr NULL or an errno? */
static inline bool __must_check IS_ERR_OR_NULL(const void *ptr)
{
	return unlikely(!ptr) || IS_ERR_VALUE((unsigned long)ptr);
}

/* ERR_CAST() - the same error pointer, as another pointer type */
static inline void *__must_check ERR_CAST(const void *ptr)
{
	return (void *)ptr;
}

/* PTR_ERR_OR_ZERO() - the errno @ptr carries, or 0 for a real pointer */
static inline int __must_check PTR_ERR_OR_ZERO(const void *ptr)
{
	return IS_ERR(ptr) ? (int)PTR_ERR(ptr) : 0;
}

#endif /* NODAL_LINUX_ERR_H */
