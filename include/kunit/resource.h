/* SPDX-License-Identifier: MIT */
/*
 * include/kunit/resource.h — KUnit resources: what a case owns, released
 * when the case ends, however it ends.
 *
 * Type-only (struct kunit_resource, usable everywhere, e.g. by SLUB's
 * error hook); the functions are tests/kunit/'s (resource.c).  Mirrors:
 * <kunit/resource.h> of Linux 6.12 with the same names and rules:
 *  - a resource sits on its case's list from kunit_add_resource() (or
 *    _named_, or an allocation helper) until the case ends; the runner then
 *    releases them newest first, after the suite's exit(), also when the
 *    case failed, aborted on an assertion or faulted;
 *  - a resource is counted: the list holds one reference, each
 *    kunit_find_*() one more until kunit_put_resource(); the last put calls
 *    its free() and, for resources the API allocated, frees the record;
 *  - kunit_kmalloc() and its kinds allocate memory that kfree() is called
 *    on at the case's end (a deferred action); kunit_kfree() frees it now.
 * Context: any hart during the case (the list has a spinlock); not from an
 * interrupt handler.
 */
#ifndef NODAL_KUNIT_RESOURCE_H
#define NODAL_KUNIT_RESOURCE_H

#include <linux/list.h>
#include <linux/types.h>

struct kunit;
struct kunit_resource;

typedef int (*kunit_resource_init_t)(struct kunit_resource *, void *);
typedef void (*kunit_resource_free_t)(struct kunit_resource *);
typedef bool (*kunit_resource_match_t)(
	struct kunit *test, struct kunit_resource *res, void *match_data);
/* A deferred action: called with its context when the case ends. */
typedef void(kunit_action_t)(void *);

/**
 * struct kunit_resource - one thing a case owns
 * @data: what the resource is (init() sets it, or the data given)
 * @name: for kunit_find_named_resource(), or NULL
 * @free: called once, when the last reference goes, or NULL
 */
struct kunit_resource {
	void *data;
	const char *name;
	kunit_resource_free_t free;

	/* private: internal use only. */
	int refcount;	       /* [atomic] list + finders */
	struct list_head node; /* [test->lock] on test->resources */
	bool should_kfree;     /* [const] the API allocated it */
};

/**
 * __kunit_add_resource() - put @res on @test's list
 * @init: sets @res->data from @data (NULL: @data is the data); non-zero
 *	  refuses the resource, which then is not added
 * Return: 0, or what @init returned.
 */
int __kunit_add_resource(struct kunit *test, kunit_resource_init_t init,
			 kunit_resource_free_t free, struct kunit_resource *res,
			 void *data);
/** kunit_add_resource() - __kunit_add_resource() of a caller-owned @res */
int kunit_add_resource(struct kunit *test, kunit_resource_init_t init,
		       kunit_resource_free_t free, struct kunit_resource *res,
		       void *data);
/**
 * kunit_add_named_resource() - the same, found later by @name
 * Return: 0, -EINVAL without a name, -EEXIST if @test has one so named,
 * or what @init returned.
 */
int kunit_add_named_resource(struct kunit *test, kunit_resource_init_t init,
			     kunit_resource_free_t free,
			     struct kunit_resource *res, const char *name,
			     void *data);
/**
 * kunit_alloc_and_get_resource() - allocate a record, add it, take a
 * reference for the caller (put it with kunit_put_resource())
 * Return: the resource, or NULL (no memory, or @init refused).
 */
struct kunit_resource *kunit_alloc_and_get_resource(
	struct kunit *test, kunit_resource_init_t init,
	kunit_resource_free_t free, gfp_t internal_gfp, void *context);
/** kunit_alloc_resource() - the same, returning the data, no reference */
void *kunit_alloc_resource(struct kunit *test, kunit_resource_init_t init,
			   kunit_resource_free_t free, gfp_t internal_gfp,
			   void *context);

void kunit_get_resource(struct kunit_resource *res);
/** kunit_put_resource() - drop a reference; the last one releases @res */
void kunit_put_resource(struct kunit_resource *res);

/**
 * kunit_find_resource() - the newest resource @match accepts, with a
 * reference taken (kunit_put_resource() it), or NULL
 */
struct kunit_resource *kunit_find_resource(
	struct kunit *test, kunit_resource_match_t match, void *match_data);
/** kunit_find_named_resource() - the one named @name, referenced, or NULL */
struct kunit_resource *kunit_find_named_resource(struct kunit *test,
						 const char *name);
/** kunit_remove_resource() - take @res off the list (dropping its reference) */
void kunit_remove_resource(struct kunit *test, struct kunit_resource *res);
/**
 * kunit_destroy_resource() - remove the resource @match accepts
 * Return: 0, or -ENOENT if none matched.
 */
int kunit_destroy_resource(struct kunit *test, kunit_resource_match_t match,
			   void *match_data);

/* Matchers for kunit_find_resource(). */
bool kunit_resource_name_match(struct kunit *test, struct kunit_resource *res,
			       void *match_name);
bool kunit_resource_instance_match(struct kunit *test,
				   struct kunit_resource *res, void *match_data);

/**
 * kunit_add_action() - call @action(@ctx) when the case ends (newest first)
 * Return: 0, or -ENOMEM (the action is then not registered).
 */
int kunit_add_action(struct kunit *test, kunit_action_t *action, void *ctx);
/** kunit_add_action_or_reset() - the same, calling @action now on -ENOMEM */
int kunit_add_action_or_reset(struct kunit *test, kunit_action_t *action,
			      void *ctx);
/** kunit_remove_action() - cancel the newest such action, without calling it */
void kunit_remove_action(struct kunit *test, kunit_action_t *action, void *ctx);
/** kunit_release_action() - call the newest such action now, once */
void kunit_release_action(struct kunit *test, kunit_action_t *action, void *ctx);

/* Release every resource of @test, newest first (the runner, at case end). */
void kunit_cleanup_resources(struct kunit *test);

#endif /* NODAL_KUNIT_RESOURCE_H */
