/* SPDX-License-Identifier: MIT */
/*
 * include/linux/klist.h — lists whose entries are reference counted, so a
 * walker may hold an entry while others add and remove entries.
 *
 * Implemented by: kernel/sched/klist.c.  Mirrors: <linux/klist.h> of Linux
 * 6.12 (lib/klist.c's semantics).  Differences from Linux: the lock is
 * always taken with interrupts off (Nodal's spinlocks warn about a class
 * taken both ways), and klist_remove() must be called from a task (it may
 * sleep) as in Linux.
 *
 * Each node holds one reference for being on the list and one for each
 * iterator standing on it.  klist_del() marks the node dead (iterators
 * skip it from then on) and drops the list's reference; the node leaves
 * the list, and the list's put() callback runs, when the last reference
 * goes.  klist_remove() is klist_del() that also sleeps until then.
 * get() runs when a node is added, put() when it is finally unlinked.
 */
#ifndef NODAL_KLIST_H
#define NODAL_KLIST_H

#include <linux/kref.h>
#include <linux/list.h>
#include <linux/spinlock.h>

struct klist_node;

struct klist {
	spinlock_t k_lock;	 /* guards k_list and the nodes' links */
	struct list_head k_list; /* [k_lock] the nodes */
	void (*get)(struct klist_node *); /* [init] on add, or NULL */
	void (*put)(struct klist_node *); /* [init] on unlink, or NULL */
} __attribute__((aligned(sizeof(void *))));

#define KLIST_INIT(_name, _get, _put)                                \
	{                                                            \
		.k_lock = __SPIN_LOCK_UNLOCKED(_name.k_lock),        \
		.k_list = LIST_HEAD_INIT(_name.k_list), .get = _get, \
		.put = _put,                                         \
	}

#define DEFINE_KLIST(_name, _get, _put) \
	struct klist _name = KLIST_INIT(_name, _get, _put)

/** klist_init() - an empty klist with the node callbacks @get and @put */
void klist_init(struct klist *k, void (*get)(struct klist_node *),
		void (*put)(struct klist_node *));

struct klist_node {
	void *n_klist; /* never access directly: its klist, bit 0 = dead */
	struct list_head n_node; /* [klist's k_lock] */
	struct kref n_ref;	 /* the list's reference + iterators' */
};

void klist_add_tail(struct klist_node *n, struct klist *k);
void klist_add_head(struct klist_node *n, struct klist *k);
/** klist_add_behind() - add @n just after @pos, on @pos's klist */
void klist_add_behind(struct klist_node *n, struct klist_node *pos);
/** klist_add_before() - add @n just before @pos, on @pos's klist */
void klist_add_before(struct klist_node *n, struct klist_node *pos);

/** klist_del() - mark @n dead and drop the list's reference to it */
void klist_del(struct klist_node *n);
/**
 * klist_remove() - klist_del(), then sleep until @n is off the list
 *
 * On return no iterator holds or can reach @n; the put() callback may
 * still be running on the CPU that dropped the last reference (as in
 * Linux).  Context: task; no iterator of this task may stand on @n.
 */
void klist_remove(struct klist_node *n);

/** klist_node_attached() - is @n on a klist (added, not yet unlinked)? */
int klist_node_attached(struct klist_node *n);

struct klist_iter {
	struct klist *i_klist;
	struct klist_node *i_cur; /* the node it holds a reference to */
};

void klist_iter_init(struct klist *k, struct klist_iter *i);
/** klist_iter_init_node() - start an iterator on @n (if @n is not being
 * released): klist_next() then returns the node after @n */
void klist_iter_init_node(struct klist *k, struct klist_iter *i,
			  struct klist_node *n);
/** klist_iter_exit() - drop the iterator's reference; call it always */
void klist_iter_exit(struct klist_iter *i);
/** klist_prev()/klist_next() - step to the previous/next live node, moving
 * the iterator's reference to it.  Return: that node, or NULL at the end. */
struct klist_node *klist_prev(struct klist_iter *i);
struct klist_node *klist_next(struct klist_iter *i);

#endif /* NODAL_KLIST_H */
