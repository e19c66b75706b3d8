/* SPDX-License-Identifier: MIT */
/*
 * include/kunit/device.h — a device that lives as long as a KUnit case.
 *
 * Implemented by: tests/kunit/device.c.  Mirrors: <kunit/device.h>.
 * kunit_device_register() makes a struct device (<linux/device.h>) that
 * the case owns: when the case ends, however it ends (a failed assertion
 * included), its managed resources are released, devm allocations freed,
 * and the device itself freed, through a KUnit deferred action.
 * kunit_device_unregister() does that earlier.  Linux also puts the device
 * on a "kunit" bus in sysfs; Nodal has neither.
 */
#ifndef NODAL_KUNIT_DEVICE_H
#define NODAL_KUNIT_DEVICE_H

#include <kunit/test.h>
#include <linux/device.h>

/**
 * kunit_device_register() - a device named @name, owned by @test
 * Return: the device, or ERR_PTR(-ENOMEM).
 */
struct device *kunit_device_register(struct kunit *test, const char *name);

/** kunit_device_unregister() - release @dev and its resources now */
void kunit_device_unregister(struct kunit *test, struct device *dev);

#endif /* NODAL_KUNIT_DEVICE_H */
