/* SPDX-License-Identifier: MIT */
/*
 * tests/stress/objects.c — what the framework does to every object and
 * page a scenario hands out: a checksummed payload written at allocation
 * and verified before the free (which catches damage and second frees and
 * records the alloc-node × free-node matrix), and the emulated delay of a
 * remote node's memory (numa_delay=).  The contract: stress.h; the run:
 * run.c.
 */
#include <asm/processor.h>
#include <linux/mm.h>
#include <linux/prandom.h>
#include <linux/printk.h>
#include <linux/string.h>
#include <linux/timekeeping.h>
#include <linux/topology.h>

#include "stress.h"

#define OBJ_MAGIC 0x5752u /* "SW": a live stress object */
#define OBJ_FREED 0xdeadu /* retired by stress_obj_check() */

struct obj_header {
	u16 magic; /* OBJ_MAGIC; OBJ_FREED once checked */
	u16 nid;   /* node of the memory */
	u32 size;  /* bytes, header included */
	u32 seq;   /* payload seed */
	u32 sum;   /* over the payload words */
};
_Static_assert(sizeof(struct obj_header) == STRESS_OBJ_MIN, "header");

void stress_numa_access(struct stress_worker *w, int nid)
{
	u64 ns = w->run->numa_delay_ns, end;

	if (!ns || nid == w->nid || nid < 0)
		return;
	end = ktime_get_ns() + ns * (u64)(node_distance(w->nid, nid) - 10);
	while (ktime_get_ns() < end)
		cpu_relax();
}

static u32 payload_sum(const u64 *p, size_t words, u32 seq)
{
	u64 x = seq, sum = 0;

	for (size_t i = 0; i < words; i++) {
		x = x * 6364136223846793005ULL + 1442695040888963407ULL;
		if (p)
			sum += p[i] ^ x;
	}
	return (u32)(sum ^ (sum >> 32));
}

static void payload_write(u64 *p, size_t words, u32 seq)
{
	u64 x = seq;

	for (size_t i = 0; i < words; i++) {
		x = x * 6364136223846793005ULL + 1442695040888963407ULL;
		p[i] = x;
	}
}

void stress_obj_fill(struct stress_worker *w, void *obj, size_t size)
{
	struct obj_header *h = obj;
	size_t words = (size - sizeof(*h)) / sizeof(u64);

	h->magic = OBJ_MAGIC;
	h->nid = (u16)page_to_nid(virt_to_page(obj));
	h->size = (u32)size;
	h->seq = prandom_u32_state(&w->rnd);
	payload_write((u64 *)(h + 1), words, h->seq);
	h->sum = payload_sum((u64 *)(h + 1), words, h->seq);
	stress_numa_access(w, h->nid);
	w->live++;
}

bool stress_obj_check(struct stress_worker *w, void *obj, size_t size)
{
	struct obj_header *h = obj;
	size_t words = (size - sizeof(*h)) / sizeof(u64);
	int nid = page_to_nid(virt_to_page(obj));

	stress_numa_access(w, nid);
	w->live--;
	w->checked++;
	if (h->magic == OBJ_FREED) {
		w->double_free++;
		return false;
	}
	if (h->magic != OBJ_MAGIC || h->size != size || h->nid != nid ||
	    payload_sum((u64 *)(h + 1), words, h->seq) != h->sum) {
		if (w->bad++ < 3)
			pr_err("stress: %s: object %p (%zu bytes, node %d) damaged: magic %#x size %u\n",
			       w->run->test->name, obj, size, nid, h->magic,
			       h->size);
		return false;
	}
	h->magic = OBJ_FREED;
	w->freed_from[nid]++;
	return true;
}

/* Pages: a checksummed object in the first 64 bytes of the first page,
 * each other page's index in its own first 64 bytes. */
void stress_page_fill(struct stress_worker *w, void *addr, unsigned int order)
{
	stress_obj_fill(w, addr, 64);
	for (unsigned int i = 1; i < (1u << order); i++)
		memset((char *)addr + i * PAGE_SIZE, (u8)i, 64);
}

bool stress_page_check(struct stress_worker *w, void *addr, unsigned int order)
{
	bool ok = true;

	for (unsigned int i = 1; i < (1u << order); i++) {
		const u8 *p = (const u8 *)addr + i * PAGE_SIZE;

		for (int b = 0; b < 64; b++)
			if (p[b] != (u8)i)
				ok = false;
	}
	if (!ok)
		w->bad++;
	return stress_obj_check(w, addr, 64) && ok;
}
