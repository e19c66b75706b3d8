// SPDX-License-Identifier: MIT
/*
 * tests/kunit/device.c — devices owned by a KUnit case
 * (<kunit/device.h>).
 *
 * A kunit device is one kmalloc() block: the struct device and a copy of
 * its name.  Registering adds a deferred action to the case that releases
 * the device's resources (devres_release_all()) and frees the block, so
 * it runs at the case's end with the case's other resources, newest
 * first; unregistering runs that action now.
 */
#include <kunit/device.h>
#include <linux/errno.h>
#include <linux/slab.h>
#include <linux/string.h>

struct kunit_device {
	struct device dev;
	char name[]; /* dev.init_name points here */
};

static void kunit_device_release(void *ctx)
{
	struct kunit_device *kdev = ctx;

	devres_release_all(&kdev->dev);
	kfree(kdev);
}

struct device *kunit_device_register(struct kunit *test, const char *name)
{
	size_t len = strlen(name) + 1;
	struct kunit_device *kdev;

	kdev = kmalloc(sizeof(*kdev) + len, GFP_KERNEL);
	if (!kdev)
		return ERR_PTR(-ENOMEM);
	memcpy(kdev->name, name, len);
	device_initialize(&kdev->dev, kdev->name);
	if (kunit_add_action_or_reset(test, kunit_device_release, kdev))
		return ERR_PTR(-ENOMEM);
	return &kdev->dev;
}

void kunit_device_unregister(struct kunit *test, struct device *dev)
{
	kunit_release_action(test, kunit_device_release,
			     container_of(dev, struct kunit_device, dev));
}
