/* SPDX-License-Identifier: MIT */
/*
 * tests/lib/spsc_ring.h — a ring of pointers between one producer task and
 * one consumer task, without a lock: how the stress scenarios and the
 * benchmarks hand objects from the hart that allocated them to the hart
 * that frees them, so that the only shared state on the hot path is the
 * allocator's own.
 *
 * Implemented by: tests/lib/spsc_ring.c.  No Linux counterpart with this
 * contract: Linux's ptr_ring takes a spinlock on each side.
 *
 * Ordering: the producer alone writes @head, the consumer alone writes
 * @tail.  Each publishes its index with a release store after touching the
 * slot, and reads the other's with an acquire load, so a popped pointer's
 * slot was written before the pop saw it and a pushed slot was emptied
 * before the push reused it.
 */
#ifndef NODAL_TESTS_SPSC_RING_H
#define NODAL_TESTS_SPSC_RING_H

#include <linux/types.h>

struct spsc_ring {
	unsigned int head; /* [atomic] next slot to fill */
	unsigned int tail; /* [atomic] next slot to empty */
	unsigned int mask; /* [init] size - 1 */
	void **slot;	   /* [init] size of them, kcalloc()ed */
};

/**
 * spsc_ring_init() - an empty ring of @size slots
 * @size: a power of two
 *
 * Context: task, may sleep.  Return: 0, or -ENOMEM.
 */
int spsc_ring_init(struct spsc_ring *ring, unsigned int size);

/** spsc_ring_destroy() - free the slots; what they hold stays the caller's */
void spsc_ring_destroy(struct spsc_ring *ring);

/**
 * spsc_ring_push() - append @p (the producer only)
 *
 * Return: false if the ring is full (nothing is pushed).
 */
bool spsc_ring_push(struct spsc_ring *ring, void *p);

/** spsc_ring_pop() - the oldest pointer, NULL if empty (the consumer only) */
void *spsc_ring_pop(struct spsc_ring *ring);

#endif /* NODAL_TESTS_SPSC_RING_H */
