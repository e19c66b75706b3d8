// SPDX-License-Identifier: MIT
/*
 * mm/slub/devres.c — resources a device owns: managed kmalloc() memory and
 * actions, released newest first when the device goes.
 *
 * Theory.  Each resource is a node on its device's devres_head list, newest
 * at the head, under the device's devres_lock.  A managed allocation is
 * one kmalloc() block: the node, then the caller's bytes, aligned as
 * kmalloc() aligns (the node's size is a multiple of 8), so devm_kfree()
 * finds the node from the pointer by subtraction, after checking that the
 * node is on this device's list (a foreign pointer is refused, not
 * freed).  An action node holds a function and its argument.
 * devres_release_all() takes the newest node off under the lock and
 * releases it outside, until the list is empty, so an action may itself
 * allocate, free or add a resource (released in the same pass).  Sizes are
 * computed with size_add()/size_mul(): a request whose total overflows
 * saturates to SIZE_MAX, which kmalloc() refuses.
 *
 * Mirrors: drivers/base/devres.c, the devm_kmalloc and devm_add_action
 * families.  Lives in mm/slub/ because it is a client of kmalloc() below
 * every device user.
 */
#include <linux/device.h>
#include <linux/errno.h>
#include <linux/overflow.h>
#include <linux/printk.h>
#include <linux/slab.h>

struct devres {
	struct list_head entry; /* on dev->devres_head */
	void (*action)(void *); /* NULL for memory */
	void *data;		/* the action's argument */
	u64 pad;		/* keeps the data that follows 8-aligned */
	unsigned long long data_start[]; /* memory: the caller's bytes */
};

void device_initialize(struct device *dev, const char *name)
{
	dev->init_name = name;
	spin_lock_init(&dev->devres_lock);
	INIT_LIST_HEAD(&dev->devres_head);
}

static void devres_add(struct device *dev, struct devres *dr)
{
	unsigned long flags;

	spin_lock_irqsave(&dev->devres_lock, flags);
	list_add(&dr->entry, &dev->devres_head);
	spin_unlock_irqrestore(&dev->devres_lock, flags);
}

void devres_release_all(struct device *dev)
{
	unsigned long flags;

	for (;;) {
		struct devres *dr = NULL;

		spin_lock_irqsave(&dev->devres_lock, flags);
		if (!list_empty(&dev->devres_head)) {
			dr = list_first_entry(&dev->devres_head, struct devres,
					      entry);
			list_del(&dr->entry);
		}
		spin_unlock_irqrestore(&dev->devres_lock, flags);
		if (!dr)
			return;
		if (dr->action)
			dr->action(dr->data);
		kfree(dr);
	}
}

void *devm_kmalloc(struct device *dev, size_t size, gfp_t gfp)
{
	struct devres *dr;

	dr = kmalloc(size_add(sizeof(*dr), size), gfp);
	if (!dr)
		return NULL;
	dr->action = NULL;
	dr->data = NULL;
	devres_add(dev, dr);
	return dr->data_start;
}

void *devm_kmalloc_array(struct device *dev, size_t n, size_t size, gfp_t gfp)
{
	size_t bytes;

	if (check_mul_overflow(n, size, &bytes))
		return NULL;
	return devm_kmalloc(dev, bytes, gfp);
}

/* The newest node of @dev matching @match(@dr, @key), taken off the list. */
static struct devres *devres_take(
	struct device *dev,
	bool (*match)(struct devres *, const void *, const void *),
	const void *key, const void *key2)
{
	struct devres *dr, *found = NULL;
	unsigned long flags;

	spin_lock_irqsave(&dev->devres_lock, flags);
	list_for_each_entry(dr, &dev->devres_head, entry) {
		if (match(dr, key, key2)) {
			list_del(&dr->entry);
			found = dr;
			break;
		}
	}
	spin_unlock_irqrestore(&dev->devres_lock, flags);
	return found;
}

static bool match_memory(struct devres *dr, const void *p, const void *unused)
{
	(void)unused;
	return !dr->action && (const void *)dr->data_start == p;
}

void devm_kfree(struct device *dev, const void *p)
{
	struct devres *dr = devres_take(dev, match_memory, p, NULL);

	if (!dr) {
		pr_warn("devm_kfree: %p is not a managed allocation of device %s: not freed\n",
			p, dev_name(dev));
		return;
	}
	kfree(dr);
}

int devm_add_action(struct device *dev, void (*action)(void *), void *data)
{
	struct devres *dr = kmalloc(sizeof(*dr), GFP_KERNEL);

	if (!dr)
		return -ENOMEM;
	dr->action = action;
	dr->data = data;
	devres_add(dev, dr);
	return 0;
}

int devm_add_action_or_reset(struct device *dev, void (*action)(void *), void *data)
{
	int ret = devm_add_action(dev, action, data);

	if (ret)
		action(data);
	return ret;
}

static bool match_action(struct devres *dr, const void *action, const void *data)
{
	return (const void *)dr->action == action && dr->data == data;
}

void devm_remove_action(struct device *dev, void (*action)(void *), void *data)
{
	struct devres *dr = devres_take(dev, match_action, (const void *)action,
					data);

	if (!dr) {
		pr_warn("devm_remove_action: action %p(%p) is not one of device %s\n",
			action, data, dev_name(dev));
		return;
	}
	kfree(dr);
}

void devm_release_action(struct device *dev, void (*action)(void *), void *data)
{
	struct devres *dr = devres_take(dev, match_action, (const void *)action,
					data);

	if (!dr) {
		pr_warn("devm_release_action: action %p(%p) is not one of device %s\n",
			action, data, dev_name(dev));
		return;
	}
	action(data);
	kfree(dr);
}
