/* SPDX-License-Identifier: MIT */
/*
 * tests/stress/slub_false_sharing.c — whether SLUB hands one hart's small
 * objects out of cache lines that another hart's objects share: if it
 * did, writes to unrelated objects would bounce lines between harts.
 *
 *   scratch     each hart allocates small objects (size=, default 32),
 *               then writes the objects of the next hart in a loop.  The
 *               report counts cache lines that hold objects allocated by
 *               two harts: a per-CPU allocator should hand out none, so the
 *               writes never false-share.
 */
#include <asm/barrier.h>
#include <asm/processor.h>
#include <linux/errno.h>
#include <linux/gfp.h>
#include <linux/printk.h>
#include <linux/slab.h>
#include <linux/sort.h>
#include <linux/string.h>

#include "stress.h"

#define SCRATCH_OBJS 256

/* One run at a time (the shell runs one command). */
static struct scratch {
	void **objs;		/* [shell] nr × SCRATCH_OBJS, till teardown */
	unsigned int allocated; /* [atomic] workers done allocating */
	unsigned long shared_lines; /* [shell] teardown's count, for report */
	unsigned long lines;	    /* [shell] the same */
} scratch;

static int scratch_setup(struct stress_run *r)
{
	memset(&scratch, 0, sizeof(scratch));
	scratch.objs = kcalloc((size_t)r->nr * SCRATCH_OBJS, sizeof(void *),
			       GFP_KERNEL);
	return scratch.objs ? 0 : -ENOMEM;
}

static void scratch_work(struct stress_worker *w)
{
	struct stress_run *r = w->run;
	struct scratch *sc = &scratch;
	size_t size = stress_size(r, 32);
	void **mine = &sc->objs[w->idx * SCRATCH_OBJS];
	void **theirs = &sc->objs[((w->idx + 1) % r->nr) * SCRATCH_OBJS];

	for (unsigned int i = 0; i < SCRATCH_OBJS; i++) {
		mine[i] = kmalloc(size, GFP_KERNEL);
		if (!mine[i]) {
			w->alloc_fail++;
			continue;
		}
		/* The header is checked at the end; the rest gets scribbled. */
		stress_obj_fill(w, mine[i], STRESS_OBJ_MIN);
	}
	__atomic_fetch_add(&sc->allocated, 1, __ATOMIC_RELEASE);
	while (smp_load_acquire(&sc->allocated) < r->nr)
		cpu_relax();
	while (!stress_should_stop(w)) {
		for (unsigned int i = 0; i < SCRATCH_OBJS; i++) {
			u8 *p = theirs[i];

			if (p && size > STRESS_OBJ_MIN)
				p[STRESS_OBJ_MIN + w->ops % (size - STRESS_OBJ_MIN)]++;
		}
		w->ops++;
	}
}

struct line_owner {
	unsigned long line;
	unsigned int owner;
};

static int cmp_line(const void *a, const void *b)
{
	const struct line_owner *x = a, *y = b;

	return x->line < y->line ? -1 : x->line > y->line;
}

static void scratch_teardown(struct stress_run *r)
{
	struct scratch *sc = &scratch;
	unsigned int n = r->nr * SCRATCH_OBJS, k = 0;
	struct line_owner *lo;

	if (!sc->objs)
		return;
	lo = kcalloc(n, sizeof(*lo), GFP_KERNEL);
	for (unsigned int i = 0; i < n; i++) {
		unsigned long a = (unsigned long)sc->objs[i];

		if (!a)
			continue;
		/* By its first line: objects of 64 bytes or less in a 64-byte
		 * aligned slab share a line only if they start in it. */
		if (lo)
			lo[k++] = (struct line_owner){ a / L1_CACHE_BYTES,
						       i / SCRATCH_OBJS };
	}
	if (lo) {
		sort(lo, k, sizeof(*lo), cmp_line, NULL);
		for (unsigned int i = 0; i < k;) {
			unsigned int j = i + 1;
			bool shared = false;

			while (j < k && lo[j].line == lo[i].line) {
				if (lo[j].owner != lo[i].owner)
					shared = true;
				j++;
			}
			sc->lines++;
			sc->shared_lines += shared;
			i = j;
		}
		kfree(lo);
	}
	for (unsigned int i = 0; i < n; i++) {
		if (!sc->objs[i])
			continue;
		stress_obj_check(&r->w[i / SCRATCH_OBJS], sc->objs[i],
				 STRESS_OBJ_MIN);
		kfree(sc->objs[i]);
	}
	kfree(sc->objs);
	sc->objs = NULL;
}

static void scratch_report(struct stress_run *r)
{
	(void)r;
	console_printf("  false sharing: %lu of %lu cache lines hold objects allocated by two harts (%s)\n",
		       scratch.shared_lines, scratch.lines,
		       scratch.shared_lines ?
			       "the writes share lines across harts" :
			       "per-hart caches kept them apart");
}

static struct stress_test scratch_test = {
	.name = "scratch",
	.help = "objects allocated on one hart, written on the next: false-sharing check",
	.min_harts = 2,
	.opts = STRESS_OPT_SIZE,
	.setup = scratch_setup,
	.work = scratch_work,
	.teardown = scratch_teardown,
	.report = scratch_report,
};
STRESS_TEST(scratch_test);
