/* SPDX-License-Identifier: MIT */
/*
 * include/linux/list.h — circular doubly linked lists (list_head) and
 * hash-bucket lists with a single-pointer head (hlist).
 *
 * Implemented by: this header (inline).  Mirrors: <linux/list.h> of Linux
 * 6.12, the whole API but the RCU forms (Nodal has no RCU): same names,
 * same semantics, same poison values.  Type-only: usable everywhere.
 * Differences from Linux: no CONFIG_LIST_HARDENED/DEBUG_LIST validity
 * checks (a corrupted list is not detected before it is followed).
 *
 * list_head: a list is a head whose next and prev lead round a ring of
 * entries back to itself; an empty list is a head pointing at itself.
 * Every operation is O(1) but the *_count_nodes() and iterations.
 *
 * hlist: a head is one pointer (first); each node has next and pprev, the
 * address of the pointer that points at it (the head's first or the
 * previous node's next), so a node is unlinked without knowing its head.
 * A node with pprev NULL is unhashed; hlist_add_fake() makes a node whose
 * pprev points at its own next, so hlist_del() on it changes nothing else.
 *
 * Nothing here takes a lock: the owner of a list serialises its changes.
 */
#ifndef NODAL_LIST_H
#define NODAL_LIST_H

#include <linux/compiler.h>
#include <linux/types.h>

struct list_head {
	struct list_head *next, *prev;
};

struct hlist_head {
	struct hlist_node *first;
};

struct hlist_node {
	struct hlist_node *next, **pprev;
};

#define LIST_HEAD_INIT(name) { &(name), &(name) }
#define LIST_HEAD(name) struct list_head name = LIST_HEAD_INIT(name)

/* What list_del() and hlist_del() leave in a removed entry: unmapped
 * addresses (Linux's values with POISON_POINTER_DELTA 0), so a use after
 * removal faults instead of walking a list it is no longer on. */
#define LIST_POISON1 ((void *)0x100)
#define LIST_POISON2 ((void *)0x122)

static inline void INIT_LIST_HEAD(struct list_head *list)
{
	WRITE_ONCE(list->next, list);
	WRITE_ONCE(list->prev, list);
}

/* Link @new between two adjacent entries @prev and @next. */
static inline void __list_add(struct list_head *new, struct list_head *prev,
			      struct list_head *next)
{
	next->prev = new;
	new->next = next;
	new->prev = prev;
	WRITE_ONCE(prev->next, new);
}

/** list_add() - insert @new right after @head (a stack's push) */
static inline void list_add(struct list_head *new, struct list_head *head)
{
	__list_add(new, head, head->next);
}

/** list_add_tail() - insert @new right before @head (a queue's enqueue) */
static inline void list_add_tail(struct list_head *new, struct list_head *head)
{
	__list_add(new, head->prev, head);
}

/* Join @prev and @next, dropping whatever was between them. */
static inline void __list_del(struct list_head *prev, struct list_head *next)
{
	next->prev = prev;
	WRITE_ONCE(prev->next, next);
}

/* Unlink @entry and clear its prev (leaves next as it was). */
static inline void __list_del_clearprev(struct list_head *entry)
{
	__list_del(entry->prev, entry->next);
	entry->prev = NULL;
}

/* Unlink @entry, leaving its own pointers as they were. */
static inline void __list_del_entry(struct list_head *entry)
{
	__list_del(entry->prev, entry->next);
}

/** list_del() - unlink @entry and poison its pointers */
static inline void list_del(struct list_head *entry)
{
	__list_del_entry(entry);
	entry->next = LIST_POISON1;
	entry->prev = LIST_POISON2;
}

/** list_replace() - put @new where @old is; @old's pointers are left stale */
static inline void list_replace(struct list_head *old, struct list_head *new)
{
	new->next = old->next;
	new->next->prev = new;
	new->prev = old->prev;
	new->prev->next = new;
}

/** list_replace_init() - list_replace(), then make @old an empty list */
static inline void list_replace_init(struct list_head *old, struct list_head *new)
{
	list_replace(old, new);
	INIT_LIST_HEAD(old);
}

/** list_swap() - exchange the places of @entry1 and @entry2 (same list or not) */
static inline void list_swap(struct list_head *entry1, struct list_head *entry2)
{
	struct list_head *pos = entry2->prev;

	list_del(entry2);
	list_replace(entry1, entry2);
	if (pos == entry1) /* entry2 was right after entry1 */
		pos = entry2;
	list_add(entry1, pos);
}

/** list_del_init() - unlink @entry and make it an empty list */
static inline void list_del_init(struct list_head *entry)
{
	__list_del_entry(entry);
	INIT_LIST_HEAD(entry);
}

/** list_move() - unlink @list and insert it after @head */
static inline void list_move(struct list_head *list, struct list_head *head)
{
	__list_del_entry(list);
	list_add(list, head);
}

/** list_move_tail() - unlink @list and insert it before @head */
static inline void list_move_tail(struct list_head *list, struct list_head *head)
{
	__list_del_entry(list);
	list_add_tail(list, head);
}

/**
 * list_bulk_move_tail() - move the run @first..@last to the tail of @head
 *
 * @first and @last are entries of one list, @first not after @last; the
 * run keeps its order and may come from @head itself.
 */
static inline void list_bulk_move_tail(
	struct list_head *head, struct list_head *first, struct list_head *last)
{
	first->prev->next = last->next;
	last->next->prev = first->prev;

	head->prev->next = first;
	first->prev = head->prev;

	last->next = head;
	head->prev = last;
}

/** list_is_first() - is @list the first entry of @head? */
static inline int list_is_first(const struct list_head *list,
				const struct list_head *head)
{
	return list->prev == head;
}

/** list_is_last() - is @list the last entry of @head? */
static inline int list_is_last(const struct list_head *list,
			       const struct list_head *head)
{
	return list->next == head;
}

/** list_is_head() - is @list the head @head itself? */
static inline int list_is_head(const struct list_head *list,
			       const struct list_head *head)
{
	return list == head;
}

/** list_empty() - has @head no entries? */
static inline int list_empty(const struct list_head *head)
{
	return READ_ONCE(head->next) == head;
}

/**
 * list_del_init_careful() - list_del_init() for an entry that another CPU
 * tests with list_empty_careful() without the lock: the release store of
 * next comes last, after prev is set.
 */
static inline void list_del_init_careful(struct list_head *entry)
{
	__list_del_entry(entry);
	WRITE_ONCE(entry->prev, entry);
	__atomic_store_n(&entry->next, entry, __ATOMIC_RELEASE);
}

/**
 * list_empty_careful() - is @head empty, checking both next and prev?
 *
 * Safe without the lock only against list_del_init_careful(); another CPU
 * changing the list in any other way can still make the answer stale.
 */
static inline int list_empty_careful(const struct list_head *head)
{
	struct list_head *next = __atomic_load_n(&head->next, __ATOMIC_ACQUIRE);

	return list_is_head(next, head) && next == READ_ONCE(head->prev);
}

/** list_rotate_left() - move the first entry of @head to its tail */
static inline void list_rotate_left(struct list_head *head)
{
	if (!list_empty(head))
		list_move_tail(head->next, head);
}

/** list_rotate_to_front() - rotate @head so that @list becomes its first */
static inline void list_rotate_to_front(struct list_head *list,
					struct list_head *head)
{
	/* Moving the head to just before @list makes @list come first. */
	list_move_tail(head, list);
}

/** list_is_singular() - has @head exactly one entry? */
static inline int list_is_singular(const struct list_head *head)
{
	return !list_empty(head) && (head->next == head->prev);
}

/* Move @head's entries up to and including @entry onto empty @list. */
static inline void __list_cut_position(
	struct list_head *list, struct list_head *head, struct list_head *entry)
{
	struct list_head *rest = entry->next;

	list->next = head->next;
	list->next->prev = list;
	list->prev = entry;
	entry->next = list;
	head->next = rest;
	rest->prev = head;
}

/**
 * list_cut_position() - move @head's entries up to and including @entry
 * to @list, which must be empty or hold nothing worth keeping (it is
 * overwritten).  @entry == @head moves nothing and empties @list.
 */
static inline void list_cut_position(struct list_head *list, struct list_head *head,
				     struct list_head *entry)
{
	if (list_empty(head))
		return;
	if (list_is_singular(head) && !list_is_head(entry, head) &&
	    entry != head->next)
		return; /* @entry is not on @head */
	if (list_is_head(entry, head))
		INIT_LIST_HEAD(list);
	else
		__list_cut_position(list, head, entry);
}

/**
 * list_cut_before() - move @head's entries before @entry (not @entry) to
 * @list, which is overwritten.  @entry == @head->next moves nothing and
 * empties @list; @entry == @head moves them all.
 */
static inline void list_cut_before(struct list_head *list, struct list_head *head,
				   struct list_head *entry)
{
	if (head->next == entry) {
		INIT_LIST_HEAD(list);
		return;
	}
	list->next = head->next;
	list->next->prev = list;
	list->prev = entry->prev;
	list->prev->next = list;
	head->next = entry;
	entry->prev = head;
}

/* Insert @list's entries (non-empty) between @prev and @next. */
static inline void __list_splice(const struct list_head *list,
				 struct list_head *prev, struct list_head *next)
{
	struct list_head *first = list->next;
	struct list_head *last = list->prev;

	first->prev = prev;
	prev->next = first;

	last->next = next;
	next->prev = last;
}

/** list_splice() - insert @list's entries at the front of @head; @list is
 * left stale (its pointers still lead into @head) */
static inline void list_splice(const struct list_head *list, struct list_head *head)
{
	if (!list_empty(list))
		__list_splice(list, head, head->next);
}

/** list_splice_tail() - insert @list's entries at the tail of @head */
static inline void list_splice_tail(struct list_head *list, struct list_head *head)
{
	if (!list_empty(list))
		__list_splice(list, head->prev, head);
}

/** list_splice_init() - list_splice(), then make @list empty */
static inline void list_splice_init(struct list_head *list, struct list_head *head)
{
	if (!list_empty(list)) {
		__list_splice(list, head, head->next);
		INIT_LIST_HEAD(list);
	}
}

/** list_splice_tail_init() - list_splice_tail(), then make @list empty */
static inline void list_splice_tail_init(struct list_head *list,
					 struct list_head *head)
{
	if (!list_empty(list)) {
		__list_splice(list, head->prev, head);
		INIT_LIST_HEAD(list);
	}
}

#define list_entry(ptr, type, member) container_of(ptr, type, member)
#define list_first_entry(ptr, type, member) \
	list_entry((ptr)->next, type, member)
#define list_last_entry(ptr, type, member) list_entry((ptr)->prev, type, member)
/* The first entry, or NULL when the list is empty (head read once). */
#define list_first_entry_or_null(ptr, type, member)                       \
	({                                                                \
		struct list_head *__head = (ptr);                         \
		struct list_head *__pos = READ_ONCE(__head->next);        \
		__pos != __head ? list_entry(__pos, type, member) : NULL; \
	})
#define list_next_entry(pos, member) \
	list_entry((pos)->member.next, __typeof__(*(pos)), member)
#define list_prev_entry(pos, member) \
	list_entry((pos)->member.prev, __typeof__(*(pos)), member)
/* The next entry, the first one after the last (skipping the head). */
#define list_next_entry_circular(pos, head, member)                   \
	(list_is_last(&(pos)->member, head) ?                         \
		 list_first_entry(head, __typeof__(*(pos)), member) : \
		 list_next_entry(pos, member))
#define list_prev_entry_circular(pos, head, member)                  \
	(list_is_first(&(pos)->member, head) ?                       \
		 list_last_entry(head, __typeof__(*(pos)), member) : \
		 list_prev_entry(pos, member))

#define list_for_each(pos, head)                               \
	for ((pos) = (head)->next; !list_is_head(pos, (head)); \
	     (pos) = (pos)->next)
#define list_for_each_reverse(pos, head) \
	for ((pos) = (head)->prev; (pos) != (head); (pos) = (pos)->prev)
/* Carry on from the entry after @pos. */
#define list_for_each_continue(pos, head)                     \
	for ((pos) = (pos)->next; !list_is_head(pos, (head)); \
	     (pos) = (pos)->next)
#define list_for_each_prev(pos, head)                          \
	for ((pos) = (head)->prev; !list_is_head(pos, (head)); \
	     (pos) = (pos)->prev)
/* @pos may be removed in the body: @n holds the next one. */
#define list_for_each_safe(pos, n, head)              \
	for ((pos) = (head)->next, (n) = (pos)->next; \
	     !list_is_head(pos, (head)); (pos) = (n), (n) = (pos)->next)
#define list_for_each_prev_safe(pos, n, head)         \
	for ((pos) = (head)->prev, (n) = (pos)->prev; \
	     !list_is_head(pos, (head)); (pos) = (n), (n) = (pos)->prev)

/** list_count_nodes() - the number of entries of @head (walks them all) */
static inline size_t list_count_nodes(struct list_head *head)
{
	struct list_head *pos;
	size_t count = 0;

	list_for_each(pos, head)
		count++;
	return count;
}

/* Is the entry @pos really the head (its member the list head itself)? */
#define list_entry_is_head(pos, head, member) \
	list_is_head(&(pos)->member, (head))

#define list_for_each_entry(pos, head, member)                           \
	for ((pos) = list_first_entry(head, __typeof__(*(pos)), member); \
	     !list_entry_is_head(pos, head, member);                     \
	     (pos) = list_next_entry(pos, member))
#define list_for_each_entry_reverse(pos, head, member)                  \
	for ((pos) = list_last_entry(head, __typeof__(*(pos)), member); \
	     !list_entry_is_head(pos, head, member);                    \
	     (pos) = list_prev_entry(pos, member))
/* @pos if set, else the head as an entry: a start for *_continue(). */
#define list_prepare_entry(pos, head, member) \
	((pos) ?: list_entry(head, __typeof__(*(pos)), member))
#define list_for_each_entry_continue(pos, head, member) \
	for ((pos) = list_next_entry(pos, member);      \
	     !list_entry_is_head(pos, head, member);    \
	     (pos) = list_next_entry(pos, member))
#define list_for_each_entry_continue_reverse(pos, head, member) \
	for ((pos) = list_prev_entry(pos, member);              \
	     !list_entry_is_head(pos, head, member);            \
	     (pos) = list_prev_entry(pos, member))
/* From @pos itself on. */
#define list_for_each_entry_from(pos, head, member)    \
	for (; !list_entry_is_head(pos, head, member); \
	     (pos) = list_next_entry(pos, member))
#define list_for_each_entry_from_reverse(pos, head, member) \
	for (; !list_entry_is_head(pos, head, member);      \
	     (pos) = list_prev_entry(pos, member))
#define list_for_each_entry_safe(pos, n, head, member)                   \
	for ((pos) = list_first_entry(head, __typeof__(*(pos)), member), \
	    (n) = list_next_entry(pos, member);                          \
	     !list_entry_is_head(pos, head, member);                     \
	     (pos) = (n), (n) = list_next_entry(n, member))
#define list_for_each_entry_safe_continue(pos, n, head, member) \
	for ((pos) = list_next_entry(pos, member),              \
	    (n) = list_next_entry(pos, member);                 \
	     !list_entry_is_head(pos, head, member);            \
	     (pos) = (n), (n) = list_next_entry(n, member))
#define list_for_each_entry_safe_from(pos, n, head, member) \
	for ((n) = list_next_entry(pos, member);            \
	     !list_entry_is_head(pos, head, member);        \
	     (pos) = (n), (n) = list_next_entry(n, member))
#define list_for_each_entry_safe_reverse(pos, n, head, member)          \
	for ((pos) = list_last_entry(head, __typeof__(*(pos)), member), \
	    (n) = list_prev_entry(pos, member);                         \
	     !list_entry_is_head(pos, head, member);                    \
	     (pos) = (n), (n) = list_prev_entry(n, member))
/* Re-read @n after the body dropped a lock that guarded @pos's next. */
#define list_safe_reset_next(pos, n, member) \
	((n) = list_next_entry(pos, member))

/* ---- hlist ---- */

#define HLIST_HEAD_INIT       \
	{                     \
		.first = NULL \
	}
#define HLIST_HEAD(name)     struct hlist_head name = { .first = NULL }
#define INIT_HLIST_HEAD(ptr) ((ptr)->first = NULL)

static inline void INIT_HLIST_NODE(struct hlist_node *h)
{
	h->next = NULL;
	h->pprev = NULL;
}

/** hlist_unhashed() - is @h on no list (never added, or hlist_del_init)? */
static inline int hlist_unhashed(const struct hlist_node *h)
{
	return !h->pprev;
}

/** hlist_unhashed_lockless() - hlist_unhashed() read once, for a caller
 * without the list's lock */
static inline int hlist_unhashed_lockless(const struct hlist_node *h)
{
	return !READ_ONCE(h->pprev);
}

/** hlist_empty() - has @h no nodes? */
static inline int hlist_empty(const struct hlist_head *h)
{
	return !READ_ONCE(h->first);
}

static inline void __hlist_del(struct hlist_node *n)
{
	struct hlist_node *next = n->next;
	struct hlist_node **pprev = n->pprev;

	WRITE_ONCE(*pprev, next);
	if (next)
		WRITE_ONCE(next->pprev, pprev);
}

/** hlist_del() - unlink @n and poison its pointers */
static inline void hlist_del(struct hlist_node *n)
{
	__hlist_del(n);
	n->next = LIST_POISON1;
	n->pprev = LIST_POISON2;
}

/** hlist_del_init() - unlink @n if hashed and leave it unhashed */
static inline void hlist_del_init(struct hlist_node *n)
{
	if (!hlist_unhashed(n)) {
		__hlist_del(n);
		INIT_HLIST_NODE(n);
	}
}

/** hlist_add_head() - insert @n first on @h */
static inline void hlist_add_head(struct hlist_node *n, struct hlist_head *h)
{
	struct hlist_node *first = h->first;

	WRITE_ONCE(n->next, first);
	if (first)
		WRITE_ONCE(first->pprev, &n->next);
	WRITE_ONCE(h->first, n);
	WRITE_ONCE(n->pprev, &h->first);
}

/** hlist_add_before() - insert @n just before @next, which is on a list */
static inline void hlist_add_before(struct hlist_node *n, struct hlist_node *next)
{
	WRITE_ONCE(n->pprev, next->pprev);
	WRITE_ONCE(n->next, next);
	WRITE_ONCE(next->pprev, &n->next);
	WRITE_ONCE(*(n->pprev), n);
}

/** hlist_add_behind() - insert @n just after @prev, which is on a list */
static inline void hlist_add_behind(struct hlist_node *n, struct hlist_node *prev)
{
	WRITE_ONCE(n->next, prev->next);
	WRITE_ONCE(prev->next, n);
	WRITE_ONCE(n->pprev, &prev->next);
	if (n->next)
		WRITE_ONCE(n->next->pprev, &n->next);
}

/** hlist_add_fake() - make @n look hashed without a list: hlist_del() on
 * it then writes only @n itself */
static inline void hlist_add_fake(struct hlist_node *n)
{
	n->pprev = &n->next;
}

/** hlist_fake() - was @h made by hlist_add_fake()? */
static inline bool hlist_fake(struct hlist_node *h)
{
	return h->pprev == &h->next;
}

/** hlist_is_singular_node() - is @n the only node of @h?  Reads only @n
 * and @h, not the list */
static inline bool hlist_is_singular_node(struct hlist_node *n,
					  struct hlist_head *h)
{
	return !n->next && n->pprev == &h->first;
}

/** hlist_move_list() - give @old's nodes to @new (overwritten); @old ends
 * empty */
static inline void hlist_move_list(struct hlist_head *old, struct hlist_head *new)
{
	new->first = old->first;
	if (new->first)
		new->first->pprev = &new->first;
	old->first = NULL;
}

/** hlist_splice_init() - move @from's nodes, @last its last, to the front
 * of @to; @from ends empty */
static inline void hlist_splice_init(
	struct hlist_head *from, struct hlist_node *last, struct hlist_head *to)
{
	if (to->first)
		to->first->pprev = &last->next;
	last->next = to->first;
	to->first = from->first;
	from->first->pprev = &to->first;
	from->first = NULL;
}

#define hlist_entry(ptr, type, member) container_of(ptr, type, member)

#define hlist_for_each(pos, head) \
	for ((pos) = (head)->first; (pos); (pos) = (pos)->next)
#define hlist_for_each_safe(pos, n, head)                      \
	for ((pos) = (head)->first; (pos) && ({                \
					    (n) = (pos)->next; \
					    1;                 \
				    });                        \
	     (pos) = (n))

/* The entry of @ptr, or NULL for a NULL @ptr (evaluated once). */
#define hlist_entry_safe(ptr, type, member)                          \
	({                                                           \
		__typeof__(ptr) ____ptr = (ptr);                     \
		____ptr ? hlist_entry(____ptr, type, member) : NULL; \
	})

#define hlist_for_each_entry(pos, head, member)                                   \
	for ((pos) = hlist_entry_safe((head)->first, __typeof__(*(pos)), member); \
	     (pos); (pos) = hlist_entry_safe((pos)->member.next,                  \
					     __typeof__(*(pos)), member))
/* From the node after @pos. */
#define hlist_for_each_entry_continue(pos, member)                            \
	for ((pos) = hlist_entry_safe((pos)->member.next, __typeof__(*(pos)), \
				      member);                                \
	     (pos); (pos) = hlist_entry_safe((pos)->member.next,              \
					     __typeof__(*(pos)), member))
/* From @pos itself. */
#define hlist_for_each_entry_from(pos, member)                     \
	for (; (pos); (pos) = hlist_entry_safe((pos)->member.next, \
					       __typeof__(*(pos)), member))
/* @pos may be removed in the body: @n (a struct hlist_node *) holds the
 * next node. */
#define hlist_for_each_entry_safe(pos, n, head, member)                           \
	for ((pos) = hlist_entry_safe((head)->first, __typeof__(*(pos)), member); \
	     (pos) && ({                                                          \
		     (n) = (pos)->member.next;                                    \
		     1;                                                           \
	     });                                                                  \
	     (pos) = hlist_entry_safe(n, __typeof__(*(pos)), member))

/** hlist_count_nodes() - the number of nodes of @head (walks them all) */
static inline size_t hlist_count_nodes(struct hlist_head *head)
{
	struct hlist_node *pos;
	size_t count = 0;

	hlist_for_each(pos, head)
		count++;
	return count;
}

#endif /* NODAL_LIST_H */
