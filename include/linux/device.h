/* SPDX-License-Identifier: MIT */
/*
 * include/linux/device.h — a device object and the resources it manages.
 *
 * Implemented by: mm/slub/devres.c.  Mirrors: <linux/device.h> and
 * <linux/device/devres.h>, the managed-resource subset.  Nodal has no
 * driver model: a struct device is only a name and the list of resources
 * ("devres") it owns.  devm_kmalloc() and its family allocate memory that
 * belongs to the device; devm_add_action() registers a function to call.
 * devres_release_all() (the device's owner calls it when the device goes:
 * kunit_device_unregister(), or the end of the KUnit case that registered
 * it) releases them all, newest first, as Linux does when a device is
 * released.  Context: the allocations may not sleep here (gfp is passed
 * to kmalloc()); each device's list has its own lock.
 */
#ifndef NODAL_DEVICE_H
#define NODAL_DEVICE_H

#include <linux/err.h>
#include <linux/gfp.h>
#include <linux/list.h>
#include <linux/spinlock.h>
#include <linux/types.h>

struct device {
	const char *init_name;	      /* [init] what dev_name() says */
	spinlock_t devres_lock;	      /* protects devres_head */
	struct list_head devres_head; /* [devres_lock] newest first */
};

/** dev_name() - the device's name */
static inline const char *dev_name(const struct device *dev)
{
	return dev->init_name;
}

/** device_initialize() - an empty device named @name (not copied) */
void device_initialize(struct device *dev, const char *name);

/** devres_release_all() - release every resource of @dev, newest first */
void devres_release_all(struct device *dev);

/**
 * devm_kmalloc() - kmalloc() memory that @dev owns
 *
 * Freed by devres_release_all() or devm_kfree().  Return: the memory,
 * or NULL (a @size too large for the header to be added is refused).
 */
void *devm_kmalloc(struct device *dev, size_t size, gfp_t gfp);

/** devm_kzalloc() - devm_kmalloc() of zeroed memory */
static inline void *devm_kzalloc(struct device *dev, size_t size, gfp_t gfp)
{
	return devm_kmalloc(dev, size, gfp | __GFP_ZERO);
}

/** devm_kmalloc_array() - @n elements of @size; NULL if n * size overflows */
void *devm_kmalloc_array(struct device *dev, size_t n, size_t size, gfp_t gfp);

/** devm_kcalloc() - devm_kmalloc_array() of zeroed memory */
static inline void *devm_kcalloc(struct device *dev, size_t n, size_t size,
				 gfp_t gfp)
{
	return devm_kmalloc_array(dev, n, size, gfp | __GFP_ZERO);
}

/**
 * devm_kfree() - free @p, a devm_kmalloc() allocation of @dev, now
 *
 * A @p that is not one (NULL included) is reported in one line and left
 * alone.
 */
void devm_kfree(struct device *dev, const void *p);

/**
 * devm_add_action() - call @action(@data) when @dev's resources go
 * Return: 0, or -ENOMEM.
 */
int devm_add_action(struct device *dev, void (*action)(void *), void *data);

/** devm_add_action_or_reset() - the same, calling @action now on -ENOMEM */
int devm_add_action_or_reset(struct device *dev, void (*action)(void *),
			     void *data);

/** devm_remove_action() - cancel the newest such action without calling it */
void devm_remove_action(struct device *dev, void (*action)(void *), void *data);

/** devm_release_action() - cancel the newest such action and call it now */
void devm_release_action(struct device *dev, void (*action)(void *), void *data);

#endif /* NODAL_DEVICE_H */
