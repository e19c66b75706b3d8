/* SPDX-License-Identifier: MIT */
/*
 * include/linux/nodemask.h — sets of NUMA nodes, and the node state masks.
 *
 * Implemented by: this header (static inline), except node_states[] and
 * nr_node_ids, which mm/numa/topology.c defines and numa_init() fills,
 * and the node lists as text (nodelist_*(), mm/numa/nodelist.c).
 * Mirrors: <linux/nodemask.h>, a subset with Linux's names and meaning
 * (MAX_NUMNODES comes from <linux/numa.h>); a mask is passed by name, not
 * by pointer, as in Linux (node_set(nid, mask), for_each_node_mask(nid,
 * mask)).
 *
 * Differences from Linux:
 *  - four node states only: N_POSSIBLE, N_ONLINE, N_MEMORY, N_CPU (no
 *    N_NORMAL_MEMORY, N_HIGH_MEMORY, N_GENERIC_INITIATOR);
 *  - no hotplug: the states are set once by numa_init() on the boot hart
 *    before other harts start ([init]), then only read.  Until then node 0
 *    is in every state and nr_node_ids is 1, so code that runs earlier sees
 *    one node, as a Linux kernel booted with numa=off does;
 *  - the non-atomic bit operations only: a shared mask needs a lock.
 *
 * Usable from every layer for the type and its operations: its row in
 * docs/design.md §3.2 is `* mm/numa/`, so what it declares is mm/numa/'s
 * alone.
 */
#ifndef NODAL_NODEMASK_H
#define NODAL_NODEMASK_H

#include <linux/bitops.h>
#include <linux/numa.h>
#include <linux/types.h>

typedef struct {
	DECLARE_BITMAP(bits, MAX_NUMNODES);
} nodemask_t;

#define NODE_MASK_NONE	((nodemask_t){ { 0 } })
#define NODE_MASK_ALL	((nodemask_t){ { (1UL << MAX_NUMNODES) - 1 } })

_Static_assert(MAX_NUMNODES <= BITS_PER_LONG, "a nodemask_t is one word");

/* ---- one node ---- */

/** node_set() - add node @node to @dst (a nodemask_t, not a pointer) */
#define node_set(node, dst)	__set_bit((node), (dst).bits)
/** node_clear() - remove node @node from @dst */
#define node_clear(node, dst)	__clear_bit((node), (dst).bits)
/** node_isset() - is node @node in @mask?  Nodes outside 0..MAX_NUMNODES-1 are not */
#define node_isset(node, mask)	__node_isset((node), &(mask))

static inline bool __node_isset(int node, const nodemask_t *mask)
{
	return node >= 0 && node < MAX_NUMNODES && test_bit(node, mask->bits);
}

/** nodemask_of_node() - the mask holding only @node */
static inline nodemask_t nodemask_of_node(int node)
{
	nodemask_t m = NODE_MASK_NONE;

	node_set(node, m);
	return m;
}

/* ---- whole masks ---- */

/* The mask's one word, without the bits past MAX_NUMNODES (any expression). */
#define __nodes_word(mask)	((mask).bits[0] & ((1UL << MAX_NUMNODES) - 1))

/** nodes_clear() - empty @dst */
#define nodes_clear(dst)	bitmap_zero((dst).bits, MAX_NUMNODES)
/** nodes_empty() - true if @mask has no node */
#define nodes_empty(mask)	(nodes_weight(mask) == 0)
/** nodes_weight() - number of nodes in @mask */
#define nodes_weight(mask)	bitmap_weight((mask).bits, MAX_NUMNODES)
/** nodes_equal() - same nodes in @a and @b */
#define nodes_equal(a, b)	(__nodes_word(a) == __nodes_word(b))
/** nodes_intersects() - a node in both @a and @b */
#define nodes_intersects(a, b)	((__nodes_word(a) & __nodes_word(b)) != 0)
/** nodes_subset() - every node of @a is in @b */
#define nodes_subset(a, b)	((__nodes_word(a) & ~__nodes_word(b)) == 0)
/** nodes_and() - @dst = @a ∩ @b */
#define nodes_and(dst, a, b)	((dst).bits[0] = __nodes_word(a) & __nodes_word(b))
/** nodes_or() - @dst = @a ∪ @b */
#define nodes_or(dst, a, b)	((dst).bits[0] = __nodes_word(a) | __nodes_word(b))
/** nodes_andnot() - @dst = @a − @b */
#define nodes_andnot(dst, a, b)	((dst).bits[0] = __nodes_word(a) & ~__nodes_word(b))

/* ---- walking ---- */

/** first_node() - lowest node in @mask, or MAX_NUMNODES if it is empty */
#define first_node(mask)	__first_node(&(mask))
/** next_node() - lowest node of @mask above @n, or MAX_NUMNODES */
#define next_node(n, mask)	__next_node((n), &(mask))
/**
 * next_node_in() - next_node(), wrapping around to first_node()
 *
 * Return: MAX_NUMNODES only if @mask is empty.
 */
#define next_node_in(n, mask)	__next_node_in((n), &(mask))

static inline int __first_node(const nodemask_t *mask)
{
	return (int)find_first_bit(mask->bits, MAX_NUMNODES);
}

static inline int __next_node(int n, const nodemask_t *mask)
{
	if (n < -1 || n >= MAX_NUMNODES - 1)
		return MAX_NUMNODES;
	return (int)find_next_bit(mask->bits, MAX_NUMNODES, n + 1);
}

static inline int __next_node_in(int n, const nodemask_t *mask)
{
	int next = __next_node(n, mask);

	return next < MAX_NUMNODES ? next : __first_node(mask);
}

/** for_each_node_mask() - @node takes each node of @mask, lowest first */
#define for_each_node_mask(node, mask)					\
	for ((node) = first_node(mask); (node) < MAX_NUMNODES;		\
	     (node) = next_node((node), (mask)))

/* ---- node states ---- */

enum node_states {
	N_POSSIBLE,	/* the device tree names the node */
	N_ONLINE,	/* the node is in use (no hotplug: = N_POSSIBLE) */
	N_MEMORY,	/* the node has RAM */
	N_CPU,		/* the node has at least one possible CPU */
	NR_NODE_STATES
};

extern nodemask_t node_states[NR_NODE_STATES];	/* [init] numa_init() */
extern unsigned int nr_node_ids;	/* [init] highest possible node + 1 */

/** node_state() - is @node in state @state? */
static inline bool node_state(int node, enum node_states state)
{
	return node_isset(node, node_states[state]);
}

/** node_set_state() - put @node in state @state.  Context: boot hart, [init] */
static inline void node_set_state(int node, enum node_states state)
{
	node_set(node, node_states[state]);
}

/** node_clear_state() - take @node out of @state.  Context: boot hart, [init] */
static inline void node_clear_state(int node, enum node_states state)
{
	node_clear(node, node_states[state]);
}

/** num_node_state() - number of nodes in state @state */
static inline unsigned int num_node_state(enum node_states state)
{
	return nodes_weight(node_states[state]);
}

#define for_each_node_state(node, state)				\
	for_each_node_mask((node), node_states[state])
#define for_each_node(node)		for_each_node_state(node, N_POSSIBLE)
#define for_each_online_node(node)	for_each_node_state(node, N_ONLINE)

#define node_online(node)	node_state((node), N_ONLINE)
#define node_possible(node)	node_state((node), N_POSSIBLE)
#define node_set_online(node)	node_set_state((node), N_ONLINE)
#define num_online_nodes()	num_node_state(N_ONLINE)
#define num_possible_nodes()	num_node_state(N_POSSIBLE)
#define first_online_node	first_node(node_states[N_ONLINE])
#define next_online_node(nid)	next_node((nid), node_states[N_ONLINE])

/**
 * nodelist_parse() - parse a node list ("0-1,3") into nodemask_t @dst
 *
 * Return: 0; -EINVAL if malformed; -ERANGE for a node >= MAX_NUMNODES.  An
 * empty string is the empty set.  @dst is written only on success.
 */
#define nodelist_parse(buf, dst) __nodelist_parse((buf), &(dst))
int __nodelist_parse(const char *buf, nodemask_t *dst);

/**
 * nodelist_scnprintf() - nodemask_t @src as a list ("0-1,3"; "" if empty),
 * as Linux prints "%*pbl".  Return: characters stored (scnprintf).
 */
#define nodelist_scnprintf(buf, len, src) \
	__nodelist_scnprintf((buf), (len), &(src))
int __nodelist_scnprintf(char *buf, int len, const nodemask_t *src);

#endif /* NODAL_NODEMASK_H */
