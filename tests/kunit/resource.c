/* SPDX-License-Identifier: MIT */
/*
 * tests/kunit/resource.c — KUnit resources: what a case owns until it ends.
 *
 * Overview     A case's resources (include/kunit/resource.h) sit on its
 *              struct kunit's list; the runner calls
 *              kunit_cleanup_resources() after exit(), whatever way the
 *              case ended, and each resource's free() runs then, newest
 *              first.  Deferred actions (kunit_add_action()) and the
 *              kunit_kmalloc() family are resources whose free() calls the
 *              action, or kfree().  Code outside tests/ finds a named
 *              resource through kunit_hooks (<kunit/test-bug.h>): SLUB
 *              counts its error reports into Linux's slub_kunit's
 *              "slab_errors" that way.
 *
 * Structures   struct kunit_resource: data, name, free(), a reference
 *              count (the list's reference plus one per finder) and the
 *              list link.  Records this file allocates (actions,
 *              kunit_alloc_resource()) have should_kfree set.
 *
 * Locking      test->lock (a spinlock, irqs off) guards the list; the
 *              reference count is atomic.  free() runs with no lock held:
 *              it may kfree() and take other locks.
 *
 * Linux        lib/kunit/resource.c and lib/kunit/test.c (kunit_cleanup,
 *              kunit_kmalloc_array, kunit_kfree), the same rules: the
 *              list is released newest first, a find takes a reference.
 */
#include <kunit/resource.h>
#include <kunit/test.h>
#include <linux/errno.h>
#include <linux/slab.h>
#include <linux/spinlock.h>

/* ---- references ---- */

void kunit_get_resource(struct kunit_resource *res)
{
	__atomic_fetch_add(&res->refcount, 1, __ATOMIC_RELAXED);
}

/*
 * Drop @n references at once: a remove after a find drops the list's and
 * the finder's together, so that no path puts a record a put just freed.
 */
static void kunit_put_resource_n(struct kunit_resource *res, int n)
{
	if (!n || __atomic_sub_fetch(&res->refcount, n, __ATOMIC_ACQ_REL))
		return;
	if (res->free)
		res->free(res);
	/* res->free() frees the data, never the record: ours to free here. */
	if (res->should_kfree)
		kfree(res);
}

void kunit_put_resource(struct kunit_resource *res)
{
	kunit_put_resource_n(res, 1);
}

/* ---- adding, finding, removing ---- */

int __kunit_add_resource(struct kunit *test, kunit_resource_init_t init,
			 kunit_resource_free_t free, struct kunit_resource *res,
			 void *data)
{
	unsigned long flags;

	res->free = free;
	res->refcount = 1; /* the list's */
	if (init) {
		int ret = init(res, data);

		if (ret)
			return ret;
	} else {
		res->data = data;
	}
	spin_lock_irqsave(&test->lock, flags);
	list_add_tail(&res->node, &test->resources);
	spin_unlock_irqrestore(&test->lock, flags);
	return 0;
}

int kunit_add_resource(struct kunit *test, kunit_resource_init_t init,
		       kunit_resource_free_t free, struct kunit_resource *res,
		       void *data)
{
	res->should_kfree = false;
	return __kunit_add_resource(test, init, free, res, data);
}

int kunit_add_named_resource(struct kunit *test, kunit_resource_init_t init,
			     kunit_resource_free_t free,
			     struct kunit_resource *res, const char *name,
			     void *data)
{
	struct kunit_resource *existing;

	if (!name)
		return -EINVAL;
	existing = kunit_find_named_resource(test, name);
	if (existing) {
		kunit_put_resource(existing);
		return -EEXIST;
	}
	res->name = name;
	res->should_kfree = false;
	return __kunit_add_resource(test, init, free, res, data);
}

/* A new resource of kzalloc's, linked to @test: the list holds one reference. */
static struct kunit_resource *kunit_alloc_linked_resource(
	struct kunit *test, kunit_resource_init_t init,
	kunit_resource_free_t free, gfp_t internal_gfp, void *context)
{
	struct kunit_resource *res = kzalloc(sizeof(*res), internal_gfp);

	if (!res)
		return NULL;
	res->should_kfree = true;
	if (__kunit_add_resource(test, init, free, res, context)) {
		kfree(res);
		return NULL;
	}
	return res;
}

struct kunit_resource *kunit_alloc_and_get_resource(
	struct kunit *test, kunit_resource_init_t init,
	kunit_resource_free_t free, gfp_t internal_gfp, void *context)
{
	struct kunit_resource *res =
		kunit_alloc_linked_resource(test, init, free, internal_gfp,
					    context);

	if (res)
		kunit_get_resource(res);
	return res;
}

void *kunit_alloc_resource(struct kunit *test, kunit_resource_init_t init,
			   kunit_resource_free_t free, gfp_t internal_gfp,
			   void *context)
{
	struct kunit_resource *res =
		kunit_alloc_linked_resource(test, init, free, internal_gfp,
					    context);

	return res ? res->data : NULL;
}

struct kunit_resource *kunit_find_resource(
	struct kunit *test, kunit_resource_match_t match, void *match_data)
{
	struct kunit_resource *res, *found = NULL;
	struct list_head *pos;
	unsigned long flags;

	spin_lock_irqsave(&test->lock, flags);
	/* Newest first, as Linux's list_for_each_entry_reverse(). */
	for (pos = test->resources.prev; pos != &test->resources;
	     pos = pos->prev) {
		res = list_entry(pos, struct kunit_resource, node);
		if (match(test, res, match_data)) {
			found = res;
			kunit_get_resource(found);
			break;
		}
	}
	spin_unlock_irqrestore(&test->lock, flags);
	return found;
}

bool kunit_resource_name_match(struct kunit *test, struct kunit_resource *res,
			       void *match_name)
{
	(void)test;
	return res->name && !strcmp(res->name, match_name);
}

bool kunit_resource_instance_match(struct kunit *test,
				   struct kunit_resource *res, void *match_data)
{
	(void)test;
	return res->data == match_data;
}

struct kunit_resource *kunit_find_named_resource(struct kunit *test,
						 const char *name)
{
	return kunit_find_resource(test, kunit_resource_name_match, (void *)name);
}

/* Take @res off the list; return the references to drop (the list's). */
static int kunit_unlink_resource(struct kunit *test, struct kunit_resource *res)
{
	unsigned long flags;
	bool was_linked;

	spin_lock_irqsave(&test->lock, flags);
	was_linked = !list_empty(&res->node);
	list_del_init(&res->node);
	spin_unlock_irqrestore(&test->lock, flags);
	return was_linked;
}

void kunit_remove_resource(struct kunit *test, struct kunit_resource *res)
{
	kunit_put_resource_n(res, kunit_unlink_resource(test, res));
}

int kunit_destroy_resource(struct kunit *test, kunit_resource_match_t match,
			   void *match_data)
{
	struct kunit_resource *res = kunit_find_resource(test, match, match_data);

	if (!res)
		return -ENOENT;
	/* The list's reference and the find's. */
	kunit_put_resource_n(res, kunit_unlink_resource(test, res) + 1);
	return 0;
}

void kunit_cleanup_resources(struct kunit *test)
{
	struct kunit_resource *res;
	unsigned long flags;

	for (;;) {
		spin_lock_irqsave(&test->lock, flags);
		if (list_empty(&test->resources)) {
			spin_unlock_irqrestore(&test->lock, flags);
			return;
		}
		res = list_last_entry(&test->resources, struct kunit_resource,
				      node);
		list_del_init(&res->node);
		spin_unlock_irqrestore(&test->lock, flags);
		kunit_put_resource(res);
	}
}

/* ---- deferred actions ---- */

struct kunit_action_ctx {
	struct kunit_resource res; /* first: the record is kfree()d */
	kunit_action_t *func;
	void *ctx;
};

static void action_free(struct kunit_resource *res)
{
	struct kunit_action_ctx *a = container_of(res, struct kunit_action_ctx,
						  res);

	a->func(a->ctx);
}

int kunit_add_action(struct kunit *test, kunit_action_t *action, void *ctx)
{
	struct kunit_action_ctx *a = kzalloc(sizeof(*a), GFP_KERNEL);

	if (!a)
		return -ENOMEM;
	a->func = action;
	a->ctx = ctx;
	a->res.should_kfree = true;
	return __kunit_add_resource(test, NULL, action_free, &a->res, ctx);
}

int kunit_add_action_or_reset(struct kunit *test, kunit_action_t *action, void *ctx)
{
	int ret = kunit_add_action(test, action, ctx);

	if (ret)
		action(ctx);
	return ret;
}

struct action_match {
	kunit_action_t *func;
	void *ctx;
};

static bool action_match(struct kunit *test, struct kunit_resource *res,
			 void *match_data)
{
	struct action_match *m = match_data;
	struct kunit_action_ctx *a;

	(void)test;
	if (res->free != action_free)
		return false;
	a = container_of(res, struct kunit_action_ctx, res);
	return a->func == m->func && a->ctx == m->ctx;
}

void kunit_remove_action(struct kunit *test, kunit_action_t *action, void *ctx)
{
	struct action_match m = { .func = action, .ctx = ctx };
	struct kunit_resource *res = kunit_find_resource(test, action_match, &m);

	if (!res)
		return;
	res->free = NULL; /* cancelled: never called */
	kunit_put_resource_n(res, kunit_unlink_resource(test, res) + 1);
}

void kunit_release_action(struct kunit *test, kunit_action_t *action, void *ctx)
{
	struct action_match m = { .func = action, .ctx = ctx };
	struct kunit_resource *res = kunit_find_resource(test, action_match, &m);

	if (!res)
		return;
	/* The list's reference and the find's: the last, the action runs. */
	kunit_put_resource_n(res, kunit_unlink_resource(test, res) + 1);
}

/* ---- memory ---- */

static void kfree_action(void *ptr)
{
	kfree(ptr);
}

void *kunit_kmalloc_array(struct kunit *test, size_t n, size_t size, gfp_t gfp)
{
	void *data = kmalloc_array(n, size, gfp);

	if (!data)
		return NULL;
	if (kunit_add_action_or_reset(test, kfree_action, data))
		return NULL;
	return data;
}

void kunit_kfree(struct kunit *test, const void *ptr)
{
	if (!ptr)
		return;
	kunit_release_action(test, kfree_action, (void *)ptr);
}
