/* SPDX-License-Identifier: MIT */
/*
 * kernel/sched/klist.c — reference-counted lists that walkers may hold
 * entries of while others change them (<linux/klist.h>).
 *
 * Theory.  A node's kref counts the list's own reference (taken when it
 * is added) plus one per iterator standing on it.  Bit 0 of n_klist marks
 * the node dead: klist_del() sets it and drops the list's reference; the
 * iterators skip a dead node, so no new reference to it can appear.  The
 * node stays linked while any iterator holds it — that iterator still
 * needs its next pointer — and is unlinked by whoever drops the last
 * reference (klist_release(), under k_lock), which then runs the list's
 * put() callback outside the lock.  Every change of the links, of the
 * dead bit and every reference taken or dropped by an iterator happens
 * under k_lock, so a kref is never taken from 0 here.
 *
 * klist_remove() must not return before the node is off the list (its
 * caller frees it next).  It queues a waiter naming the node on a global
 * list before klist_del(); klist_release() finds the waiters of the node it
 * unlinks, marks them woken and wakes their tasks.
 *
 * Locking: k_lock, then klist_remove_lock inside it (in klist_release());
 * both with interrupts off.  get() runs outside k_lock, put() outside it.
 *
 * Linux: lib/klist.c (docs/linux-facts.md §13).  Nodal keeps it in
 * kernel/sched/ because klist_remove() sleeps; the semantics are Linux's.
 */
#include <linux/bug.h>
#include <linux/klist.h>
#include <linux/sched.h>

#define KNODE_DEAD	 1UL
#define KNODE_KLIST_MASK (~KNODE_DEAD)

static struct klist *knode_klist(struct klist_node *knode)
{
	return (struct klist *)((unsigned long)knode->n_klist & KNODE_KLIST_MASK);
}

static bool knode_dead(struct klist_node *knode)
{
	return (unsigned long)knode->n_klist & KNODE_DEAD;
}

/* Set @knode's klist, dead bit clear (NULL: unlinked, not attached). */
static void knode_set_klist(struct klist_node *knode, struct klist *klist)
{
	knode->n_klist = klist;
}

static void knode_kill(struct klist_node *knode)
{
	WARN_ON(knode_dead(knode)); /* deleted twice */
	knode->n_klist = (void *)((unsigned long)knode->n_klist | KNODE_DEAD);
}

void klist_init(struct klist *k, void (*get)(struct klist_node *),
		void (*put)(struct klist_node *))
{
	INIT_LIST_HEAD(&k->k_list);
	spin_lock_init(&k->k_lock);
	k->get = get;
	k->put = put;
}

/* A fresh node of @k holding the list's reference; get() is told. */
static void klist_node_init(struct klist *k, struct klist_node *n)
{
	INIT_LIST_HEAD(&n->n_node);
	kref_init(&n->n_ref);
	knode_set_klist(n, k);
	if (k->get)
		k->get(n);
}

/* Link @n just after @at (@before: just before it) under k_lock; @at is a
 * node's n_node or the list head. */
static void klist_link(struct klist *k, struct klist_node *n,
		       struct list_head *at, bool before)
{
	unsigned long flags;

	spin_lock_irqsave(&k->k_lock, flags);
	if (before)
		list_add_tail(&n->n_node, at);
	else
		list_add(&n->n_node, at);
	spin_unlock_irqrestore(&k->k_lock, flags);
}

void klist_add_head(struct klist_node *n, struct klist *k)
{
	klist_node_init(k, n);
	klist_link(k, n, &k->k_list, false);
}

void klist_add_tail(struct klist_node *n, struct klist *k)
{
	klist_node_init(k, n);
	klist_link(k, n, &k->k_list, true);
}

void klist_add_behind(struct klist_node *n, struct klist_node *pos)
{
	struct klist *k = knode_klist(pos);

	klist_node_init(k, n);
	klist_link(k, n, &pos->n_node, false);
}

void klist_add_before(struct klist_node *n, struct klist_node *pos)
{
	struct klist *k = knode_klist(pos);

	klist_node_init(k, n);
	klist_link(k, n, &pos->n_node, true);
}

/* A klist_remove() caller sleeping until its node is unlinked. */
struct klist_waiter {
	struct list_head list;	     /* [klist_remove_lock] */
	struct klist_node *node;     /* [const] what it waits for */
	struct task_struct *process; /* [const] whom to wake */
	bool woken;		     /* [atomic] set once, by the releaser */
};

static DEFINE_SPINLOCK(klist_remove_lock);
static LIST_HEAD(klist_remove_waiters); /* [klist_remove_lock] */

/* Last reference gone, k_lock held: unlink the node, wake its waiters. */
static void klist_release(struct kref *kref)
{
	struct klist_node *n = container_of(kref, struct klist_node, n_ref);
	struct klist_waiter *waiter, *tmp;
	unsigned long flags;

	WARN_ON(!knode_dead(n)); /* only the list's own put ends it */
	list_del(&n->n_node);
	spin_lock_irqsave(&klist_remove_lock, flags);
	list_for_each_entry_safe(waiter, tmp, &klist_remove_waiters, list) {
		struct task_struct *p = waiter->process;

		if (waiter->node != n)
			continue;
		list_del(&waiter->list);
		/* After this store the waiter's frame may be gone: p was
		 * read before it. */
		__atomic_store_n(&waiter->woken, true, __ATOMIC_RELEASE);
		wake_up_process(p);
	}
	spin_unlock_irqrestore(&klist_remove_lock, flags);
	knode_set_klist(n, NULL);
}

/* Drop one reference of @n, k_lock held.  Return: true if it was the last. */
static bool klist_dec_and_del(struct klist_node *n)
{
	return kref_put(&n->n_ref, klist_release);
}

/* Drop a reference (and with @kill, mark @n dead first); put() if last. */
static void klist_put(struct klist_node *n, bool kill)
{
	struct klist *k = knode_klist(n);
	void (*put)(struct klist_node *) = k->put;
	unsigned long flags;

	spin_lock_irqsave(&k->k_lock, flags);
	if (kill)
		knode_kill(n);
	if (!klist_dec_and_del(n))
		put = NULL;
	spin_unlock_irqrestore(&k->k_lock, flags);
	if (put)
		put(n);
}

void klist_del(struct klist_node *n)
{
	klist_put(n, true);
}

void klist_remove(struct klist_node *n)
{
	struct klist_waiter waiter;
	unsigned long flags;

	waiter.node = n;
	waiter.process = current;
	waiter.woken = false;
	spin_lock_irqsave(&klist_remove_lock, flags);
	list_add(&waiter.list, &klist_remove_waiters);
	spin_unlock_irqrestore(&klist_remove_lock, flags);

	klist_del(n);

	for (;;) {
		set_current_state(TASK_UNINTERRUPTIBLE);
		if (__atomic_load_n(&waiter.woken, __ATOMIC_ACQUIRE))
			break;
		schedule();
	}
	__set_current_state(TASK_RUNNING);
}

int klist_node_attached(struct klist_node *n)
{
	return n->n_klist != NULL;
}

void klist_iter_init_node(struct klist *k, struct klist_iter *i,
			  struct klist_node *n)
{
	i->i_klist = k;
	i->i_cur = NULL;
	if (n && kref_get_unless_zero(&n->n_ref))
		i->i_cur = n;
}

void klist_iter_init(struct klist *k, struct klist_iter *i)
{
	klist_iter_init_node(k, i, NULL);
}

void klist_iter_exit(struct klist_iter *i)
{
	if (i->i_cur) {
		klist_put(i->i_cur, false);
		i->i_cur = NULL;
	}
}

static struct klist_node *to_klist_node(struct list_head *n)
{
	return container_of(n, struct klist_node, n_node);
}

/*
 * One step of an iterator, @forward or back: from the node it holds (or
 * the head) to the next live node, taking a reference to it and dropping
 * the old one, both under k_lock; put() runs after, if the old node went.
 */
static struct klist_node *klist_step(struct klist_iter *i, bool forward)
{
	struct klist *k = i->i_klist;
	void (*put)(struct klist_node *) = k->put;
	struct klist_node *last = i->i_cur;
	struct list_head *pos;
	unsigned long flags;

	spin_lock_irqsave(&k->k_lock, flags);
	pos = last ? &last->n_node : &k->k_list;
	pos = forward ? pos->next : pos->prev;
	/* Read the neighbour before dropping @last: that may unlink it. */
	if (!last || !klist_dec_and_del(last))
		put = NULL;
	i->i_cur = NULL;
	for (; pos != &k->k_list; pos = forward ? pos->next : pos->prev) {
		struct klist_node *next = to_klist_node(pos);

		if (!knode_dead(next)) {
			kref_get(&next->n_ref);
			i->i_cur = next;
			break;
		}
	}
	spin_unlock_irqrestore(&k->k_lock, flags);
	if (put)
		put(last);
	return i->i_cur;
}

struct klist_node *klist_next(struct klist_iter *i)
{
	return klist_step(i, true);
}

struct klist_node *klist_prev(struct klist_iter *i)
{
	return klist_step(i, false);
}
