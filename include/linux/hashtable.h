/* SPDX-License-Identifier: MIT */
/*
 * include/linux/hashtable.h — fixed-size hash tables of hlist buckets.
 *
 * Implemented by: this header (inline).  Mirrors: <linux/hashtable.h> of
 * Linux 6.12 but the RCU forms (Nodal has no RCU).  Type-only: usable
 * everywhere.
 *
 * A table is an array of 2^bits hlist heads; a key picks its bucket with
 * hash_min() (hash_32 for keys of 4 bytes or less, hash_long otherwise,
 * from <linux/hash.h>), so equal keys share a bucket and
 * hash_for_each_possible() walks every entry whose key may match — the
 * caller compares the keys.  Nothing here locks: the owner serialises.
 */
#ifndef NODAL_HASHTABLE_H
#define NODAL_HASHTABLE_H

#include <linux/bitops.h>
#include <linux/hash.h>
#include <linux/list.h>
#include <linux/types.h>

#define DEFINE_HASHTABLE(name, bits)                         \
	struct hlist_head name[1 << (bits)] = {              \
		[0 ...((1 << (bits)) - 1)] = HLIST_HEAD_INIT \
	}

#define DECLARE_HASHTABLE(name, bits) struct hlist_head name[1 << (bits)]

#define HASH_SIZE(name) (ARRAY_SIZE(name))
#define HASH_BITS(name) ilog2(HASH_SIZE(name))

/* The bucket of @val in a table of 2^@bits buckets. */
#define hash_min(val, bits) \
	(sizeof(val) <= 4 ? hash_32(val, bits) : hash_long(val, bits))

static inline void __hash_init(struct hlist_head *ht, unsigned int sz)
{
	unsigned int i;

	for (i = 0; i < sz; i++)
		INIT_HLIST_HEAD(&ht[i]);
}

/** hash_init() - empty every bucket of a table (an array, not a pointer) */
#define hash_init(hashtable) __hash_init(hashtable, HASH_SIZE(hashtable))

/** hash_add() - add @node under @key, first in its bucket */
#define hash_add(hashtable, node, key) \
	hlist_add_head(node, &(hashtable)[hash_min(key, HASH_BITS(hashtable))])

/** hash_hashed() - is @node in a table? */
static inline bool hash_hashed(struct hlist_node *node)
{
	return !hlist_unhashed(node);
}

static inline bool __hash_empty(struct hlist_head *ht, unsigned int sz)
{
	unsigned int i;

	for (i = 0; i < sz; i++)
		if (!hlist_empty(&ht[i]))
			return false;
	return true;
}

/** hash_empty() - has the table no entries?  Walks every bucket. */
#define hash_empty(hashtable) __hash_empty(hashtable, HASH_SIZE(hashtable))

/** hash_del() - remove @node from its table; it is left unhashed */
static inline void hash_del(struct hlist_node *node)
{
	hlist_del_init(node);
}

/*
 * hash_for_each() - every entry, bucket by bucket; @bkt (an integer) is the
 * bucket.  The table size is converted to @bkt's type, so an int @bkt (as
 * Linux's users write) compares without a sign-compare warning.  The outer loop stops once an inner walk ended early (a break
 * leaves @obj non-NULL), so `break` in the body ends the whole walk.
 */
#define hash_for_each(name, bkt, obj, member)                                    \
	for ((bkt) = 0, (obj) = NULL;                                            \
	     (obj) == NULL && (bkt) < (__typeof__(bkt))HASH_SIZE(name); (bkt)++) \
		hlist_for_each_entry(obj, &(name)[bkt], member)

/* hash_for_each() where the body may remove @obj; @tmp a hlist_node *. */
#define hash_for_each_safe(name, bkt, tmp, obj, member)                          \
	for ((bkt) = 0, (obj) = NULL;                                            \
	     (obj) == NULL && (bkt) < (__typeof__(bkt))HASH_SIZE(name); (bkt)++) \
		hlist_for_each_entry_safe(obj, tmp, &(name)[bkt], member)

/* Every entry in @key's bucket (other keys may share it). */
#define hash_for_each_possible(name, obj, member, key) \
	hlist_for_each_entry(obj, &(name)[hash_min(key, HASH_BITS(name))], member)

#define hash_for_each_possible_safe(name, obj, tmp, member, key)           \
	hlist_for_each_entry_safe(obj, tmp,                                \
				  &(name)[hash_min(key, HASH_BITS(name))], \
				  member)

#endif /* NODAL_HASHTABLE_H */
