/* SPDX-License-Identifier: MIT */
/*
 * tests/lib/spsc_ring.c — the single-producer single-consumer ring of
 * pointers (the contract and its memory ordering: spsc_ring.h).
 */
#include <asm/barrier.h>
#include <linux/errno.h>
#include <linux/gfp.h>
#include <linux/slab.h>

#include "spsc_ring.h"

int spsc_ring_init(struct spsc_ring *ring, unsigned int size)
{
	ring->slot = kcalloc(size, sizeof(void *), GFP_KERNEL);
	ring->head = ring->tail = 0;
	ring->mask = size - 1;
	return ring->slot ? 0 : -ENOMEM;
}

void spsc_ring_destroy(struct spsc_ring *ring)
{
	kfree(ring->slot);
	ring->slot = NULL;
}

bool spsc_ring_push(struct spsc_ring *ring, void *p)
{
	unsigned int head = ring->head;

	if (head - smp_load_acquire(&ring->tail) > ring->mask)
		return false;
	ring->slot[head & ring->mask] = p;
	smp_store_release(&ring->head, head + 1);
	return true;
}

void *spsc_ring_pop(struct spsc_ring *ring)
{
	unsigned int tail = ring->tail;
	void *p;

	if (tail == smp_load_acquire(&ring->head))
		return NULL;
	p = ring->slot[tail & ring->mask];
	smp_store_release(&ring->tail, tail + 1);
	return p;
}
