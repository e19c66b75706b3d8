/* SPDX-License-Identifier: MIT */
/*
 * mm/slub/cache.c — kmem_cache creation, sizing and destruction, and
 * SLUB's bootstrap.
 *
 * Part of SLUB; locking: see slub.c.  A cache is sized once, when it is
 * created: slot layout, slab order and partial-list limits as Linux
 * computes them (calculate_sizes(), set_cpu_partial()).  Its per-CPU part
 * comes from alloc_percpu(), one kmem_cache_node per memory node from the
 * kmem_cache_node cache, and it joins slab_caches (newest first) under
 * slab_caches_lock.  kmem_cache_init() builds the kmem_cache and
 * kmem_cache_node caches in static memory, moves them into objects of
 * their own (bootstrap()), then creates the kmalloc caches; start_kernel()
 * runs it before anything allocates from a slab.
 */
#include <asm/processor.h>
#include <linux/bitops.h>
#include <linux/bug.h>
#include <linux/cpumask.h>
#include <linux/errno.h>
#include <linux/gfp.h>
#include <linux/init.h>
#include <linux/nodemask.h>
#include <linux/prandom.h>
#include <linux/printk.h>
#include <linux/string.h>
#include <linux/timekeeping.h>

#include "internal.h"

#define SLUB_MAX_ORDER 3 /* Linux's slub_max_order */

LIST_HEAD(slab_caches);
DEFINE_SPINLOCK(slab_caches_lock); /* lock 1 (slub.c): slab_caches */
static bool slab_up;	   /* [init] kmalloc works (Linux: slab_state UP) */
static u64 slub_boot_seed; /* [init] seeds slot orders and slab_rnd */

static struct kmem_cache *kmem_cache;	   /* [init] cache of kmem_cache */
static struct kmem_cache *kmem_cache_node; /* [init] ... of kmem_cache_node */
static struct kmem_cache boot_kmem_cache, boot_kmem_cache_node; /* [init] */
static struct kmem_cache_node boot_nodes[MAX_NUMNODES];		/* [init] */

/* ---- sizing ---- */

static unsigned int order_objects(unsigned int order, unsigned int size)
{
	return (unsigned int)(PAGE_SIZE << order) / size;
}

static unsigned int calc_slab_order(unsigned int size, unsigned int min_order,
				    unsigned int max_order,
				    unsigned int fract_leftover)
{
	unsigned int order;

	for (order = min_order; order <= max_order; order++) {
		unsigned int slab_size = (unsigned int)PAGE_SIZE << order;

		if (slab_size % size <= slab_size / fract_leftover)
			break;
	}
	return order;
}

/* calculate_order() - Linux's: least waste with enough objects. */
static int calculate_order(unsigned int size)
{
	unsigned int nr_cpus = nr_cpu_ids, min_objects, max_objects;
	unsigned int min_order, order, fraction;

	min_objects = 4 * (fls(nr_cpus) + 1);
	max_objects = order_objects(SLUB_MAX_ORDER, size);
	min_objects = min(min_objects, max_objects);
	if (!min_objects)
		min_objects = 1;
	min_order = get_order((unsigned long)min_objects * size);
	if (order_objects(min_order, size) > MAX_OBJS_PER_PAGE)
		return get_order((unsigned long)size * MAX_OBJS_PER_PAGE) - 1;
	for (fraction = 16; fraction > 1; fraction /= 2) {
		order = calc_slab_order(size, min_order, SLUB_MAX_ORDER, fraction);
		if (order <= SLUB_MAX_ORDER)
			return order;
	}
	order = get_order(size);
	return order <= MAX_PAGE_ORDER ? (int)order : -ENOSYS;
}

static unsigned int calculate_alignment(unsigned long flags, unsigned int align,
					unsigned int size)
{
	if (flags & SLAB_HWCACHE_ALIGN) {
		unsigned int ralign = L1_CACHE_BYTES;

		while (size <= ralign / 2)
			ralign /= 2;
		align = max(align, ralign);
	}
	align = max(align, (unsigned int)sizeof(void *));
	return ALIGN(align, (unsigned int)sizeof(void *));
}

/* calculate_sizes() - slot layout and order (docs/linux-facts.md §4.6). */
static int calculate_sizes(struct kmem_cache *s)
{
	unsigned long flags = s->flags;
	unsigned int size = ALIGN(s->object_size, (unsigned int)sizeof(void *));
	int order;

	if ((flags & SLAB_RED_ZONE) && size == s->object_size)
		size += sizeof(void *);
	s->inuse = size;
	if ((flags & SLAB_POISON) || s->ctor ||
	    ((flags & SLAB_RED_ZONE) &&
	     (s->object_size < sizeof(void *) || slub_kmalloc_redzone(s)))) {
		s->offset = size;
		size += sizeof(void *);
	} else {
		s->offset = ALIGN_DOWN(s->object_size / 2,
				       (unsigned int)sizeof(void *));
	}
	if (flags & SLAB_STORE_USER)
		size += 2 * sizeof(struct track);
	if (slub_kmalloc_redzone(s))
		size += sizeof(unsigned long); /* requested size */
	if (flags & SLAB_RED_ZONE) {
		size += sizeof(void *);
		s->red_left_pad = ALIGN((unsigned int)sizeof(void *), s->align);
		size += s->red_left_pad;
	}
	size = ALIGN(size, s->align);
	s->size = size;
	order = calculate_order(size);
	if (order < 0)
		return order;
	s->oo.x = (unsigned int)order << 16 | order_objects(order, size);
	order = get_order(size);
	s->min.x = (unsigned int)order << 16 | order_objects(order, size);
	return oo_objects(s->oo) ? 0 : -EINVAL;
}

/*
 * slub_cpu_partial=0 (a study knob): no CPU partial chains, as Linux
 * without CONFIG_SLUB_CPU_PARTIAL; partial slabs go to the node lists.
 */
static bool cpu_partial_off; /* [init] */

static void parse_slub_cpu_partial(const char *val)
{
	unsigned int n;

	if (!val || kstrtouint(val, 0, &n) || n > 1)
		pr_warn("slub: slub_cpu_partial=%s ignored: 0 or 1\n",
			val ? val : "");
	else
		cpu_partial_off = !n;
}
cmdline_param("slub_cpu_partial", parse_slub_cpu_partial,
	      "slub_cpu_partial=0: no per-CPU partial slab chains");

bool slub_nocpu; /* [init] */

static void parse_slub_nocpu(const char *val)
{
	(void)val;
	slub_nocpu = true;
}
cmdline_param(
	"slub_nocpu", parse_slub_nocpu,
	"slub_nocpu: caches bypass kmem_cache_cpu; every operation takes list_lock");

bool slub_cpu_partial_enabled(void)
{
	return !cpu_partial_off;
}

/* set_cpu_partial() - Linux's limits for the CPU partial chain. */
static void set_cpu_partial(struct kmem_cache *s)
{
	unsigned int nr_objects;

	if (kmem_cache_debug(s) || cpu_partial_off)
		nr_objects = 0;
	else if (s->size >= PAGE_SIZE)
		nr_objects = 6;
	else if (s->size >= 1024)
		nr_objects = 24;
	else if (s->size >= 256)
		nr_objects = 52;
	else
		nr_objects = 120;
	s->cpu_partial = nr_objects;
	s->cpu_partial_slabs = DIV_ROUND_UP(nr_objects * 2, oo_objects(s->oo));
}

/* ---- creation ---- */

static void init_node(struct kmem_cache_node *n)
{
	spin_lock_init(&n->list_lock);
	n->nr_partial = 0;
	INIT_LIST_HEAD(&n->partial);
	INIT_LIST_HEAD(&n->full);
	n->nr_slabs = 0;
	n->total_objects = 0;
}

static void free_kmem_cache_nodes(struct kmem_cache *s)
{
	int node;

	for (node = 0; node < MAX_NUMNODES; node++) {
		if (s->node[node] && s->node[node] != &boot_nodes[node])
			kmem_cache_free(kmem_cache_node, s->node[node]);
		s->node[node] = NULL;
	}
}

static int init_kmem_cache_nodes(struct kmem_cache *s)
{
	int node;

	for_each_node_state(node, N_MEMORY) {
		struct kmem_cache_node *n;

		if (!kmem_cache_node) {
			n = &boot_nodes[node];
		} else {
			n = kmem_cache_alloc_node(kmem_cache_node, GFP_KERNEL,
						  node);
			if (!n) {
				free_kmem_cache_nodes(s);
				return -ENOMEM;
			}
		}
		init_node(n);
		s->node[node] = n;
	}
	return 0;
}

/*
 * init_cache_random_seq() - a random permutation of the slot indices of a
 * slab of the preferred order (s->oo).  A slab of the fallback order walks
 * the same sequence and skips the indices beyond its own objects
 * (build_freelist() in slub.c).
 */
static int init_cache_random_seq(struct kmem_cache *s)
{
	unsigned int nr = oo_objects(s->oo), i;
	struct rnd_state st;

	if (!CONFIG_SLAB_FREELIST_RANDOM || !slab_up || nr < 2 || s->random_seq)
		return 0;
	s->random_seq = kmalloc(nr * sizeof(unsigned int), GFP_KERNEL);
	if (!s->random_seq)
		return -ENOMEM;
	prandom_seed_state(&st, slub_boot_seed ^ (unsigned long)s);
	for (i = 0; i < nr; i++)
		s->random_seq[i] = i;
	for (i = nr - 1; i > 0; i--) { /* Fisher-Yates */
		unsigned int j = prandom_u32_below(&st, i + 1), t;

		t = s->random_seq[i];
		s->random_seq[i] = s->random_seq[j];
		s->random_seq[j] = t;
	}
	return 0;
}

/*
 * do_kmem_cache_create() - fill in @s (zeroed, name/size/flags set),
 * allocate its per-CPU and per-node parts.
 */
static int do_kmem_cache_create(struct kmem_cache *s, unsigned int align)
{
	int err;

	s->flags = slub_debug_flags_for(s->name, s->flags);
	s->flags = failslab_cache_flags(s->name, s->flags);
	if (slub_nocpu)
		s->flags |= SLAB_NO_CPU_CACHE;
	s->align = calculate_alignment(s->flags, align, s->object_size);
	err = calculate_sizes(s);
	if (err)
		return err;
	s->min_partial = clamp((unsigned long)ilog2(s->size) / 2, 5UL, 10UL);
	set_cpu_partial(s);
	s->random = (unsigned long)prandom_u64_state(this_cpu_ptr(&slab_rnd));
	s->refcount = 1;
	err = init_kmem_cache_nodes(s);
	if (err)
		return err;
	s->cpu_slab = alloc_percpu(struct kmem_cache_cpu);
	if (!s->cpu_slab)
		goto err_free_nodes;
	if (init_cache_random_seq(s))
		goto err_free_percpu;
	return 0;

err_free_percpu:
	free_percpu(s->cpu_slab);
err_free_nodes:
	free_kmem_cache_nodes(s);
	return -ENOMEM;
}

bool slub_is_kmem_cache(const struct kmem_cache *s)
{
	return s == kmem_cache;
}

static void add_to_slab_caches(struct kmem_cache *s)
{
	unsigned long flags;

	spin_lock_irqsave(&slab_caches_lock, flags);
	list_add(&s->list, &slab_caches);
	spin_unlock_irqrestore(&slab_caches_lock, flags);
}

/* slub_create_cache() - create without argument checks (kmalloc, ...). */
struct kmem_cache *slub_create_cache(const char *name, unsigned int size,
				     unsigned int align, unsigned long flags,
				     void (*ctor)(void *))
{
	struct kmem_cache *s = kmem_cache_alloc(kmem_cache,
						GFP_KERNEL | __GFP_ZERO);

	if (!s)
		return NULL;
	s->name = name;
	s->object_size = size;
	s->flags = flags;
	s->ctor = ctor;
	if (do_kmem_cache_create(s, align)) {
		kmem_cache_free(kmem_cache, s);
		return NULL;
	}
	add_to_slab_caches(s);
	return s;
}

struct kmem_cache *kmem_cache_create(const char *name, unsigned int size,
				     unsigned int align, unsigned long flags,
				     void (*ctor)(void *))
{
	struct kmem_cache *s = NULL;
	const char *why = NULL;

	if (!name)
		why = "no name";
	else if (!size)
		why = "size 0";
	else if (size > KMALLOC_MAX_SIZE)
		why = "size above KMALLOC_MAX_SIZE";
	else if (align && !is_power_of_2(align))
		why = "alignment not a power of two";
	if (!why) {
		s = slub_create_cache(name, size, align, flags, ctor);
		if (!s)
			why = "out of memory";
	}
	if (why) {
		pr_err("slub: kmem_cache_create(%s) failed: %s (size %u, align %u)\n",
		       name ? name : "(null)", why, size, align);
		if (flags & SLAB_PANIC)
			panic("slub: cannot create cache %s\n",
			      name ? name : "(null)");
	}
	return s;
}

/* ---- destruction ---- */

unsigned long slub_nr_slabs(struct kmem_cache *s)
{
	unsigned long nr = 0;
	int node;

	for_each_node_state(node, N_MEMORY)
		nr += __atomic_load_n(&get_node(s, node)->nr_slabs,
				      __ATOMIC_RELAXED);
	return nr;
}

/*
 * Report every live object of @s.  Full slabs of a non-debug cache are on
 * no list (as in Linux), so walk the pfn range where each node has ever
 * made slabs and pick this cache's slab heads: slow, but destroy is rare
 * and a leak report that misses objects would be worse.  The caller has
 * flushed the CPU slabs; nobody else uses a cache being destroyed.
 */
static void list_slab_objects(struct kmem_cache *s)
{
	int node;

	for_each_node_state(node, N_MEMORY) {
		unsigned long lo, hi;

		slub_slab_pfn_range(node, &lo, &hi);

		for (unsigned long pfn = lo; lo <= hi && pfn <= hi; pfn++) {
			struct page *page = pfn_to_page(pfn);

			if (PageSlab(page) && page->slab_cache == s)
				slub_debug_report_leak(s, page_slab(page), NULL);
		}
	}
}

void kmem_cache_destroy(struct kmem_cache *s)
{
	unsigned long flags;

	if (!s)
		return;
	kmem_cache_shrink(s);
	if (slub_nr_slabs(s)) {
		list_slab_objects(s);
		pr_err("slub: kmem_cache_destroy %s: Slab cache still has objects (%lu slabs); cache kept\n",
		       s->name, slub_nr_slabs(s));
		__atomic_fetch_add(&s->nr_errors, 1, __ATOMIC_RELAXED);
		return;
	}
	spin_lock_irqsave(&slab_caches_lock, flags);
	list_del(&s->list);
	s->refcount = 0;
	spin_unlock_irqrestore(&slab_caches_lock, flags);
	free_percpu(s->cpu_slab);
	kfree(s->random_seq);
	free_kmem_cache_nodes(s);
	kmem_cache_free(kmem_cache, s);
}

/* ---- the cache list and cache-wide counts ---- */

unsigned long kmem_cache_nr_errors(struct kmem_cache *s)
{
	return __atomic_load_n(&s->nr_errors, __ATOMIC_RELAXED);
}

int slub_snapshot_caches(struct kmem_cache **out, int max)
{
	struct kmem_cache *s;
	unsigned long flags;
	int nr = 0;

	spin_lock_irqsave(&slab_caches_lock, flags);
	list_for_each_entry(s, &slab_caches, list) {
		if (nr == max)
			break;
		out[nr++] = s;
	}
	spin_unlock_irqrestore(&slab_caches_lock, flags);
	return nr;
}

struct kmem_cache *kmem_cache_find(const char *name)
{
	struct kmem_cache *s, *found = NULL;
	unsigned long flags;

	spin_lock_irqsave(&slab_caches_lock, flags);
	list_for_each_entry(s, &slab_caches, list) {
		if (!strcmp(s->name, name)) {
			found = s;
			break;
		}
	}
	spin_unlock_irqrestore(&slab_caches_lock, flags);
	return found;
}

void slub_count_partial(struct kmem_cache *s, unsigned long *nr_slabs,
			unsigned long *nr_objs, unsigned long *nr_free)
{
	unsigned long flags;
	struct slab *slab;
	int node;

	*nr_slabs = *nr_objs = *nr_free = 0;
	for_each_node_state(node, N_MEMORY) {
		struct kmem_cache_node *n = get_node(s, node);

		*nr_slabs += __atomic_load_n(&n->nr_slabs, __ATOMIC_RELAXED);
		*nr_objs += __atomic_load_n(&n->total_objects, __ATOMIC_RELAXED);
		spin_lock_irqsave(&n->list_lock, flags);
		list_for_each_entry(slab, &n->partial, slab_list)
			*nr_free += slab->objects - slab_inuse_racy(slab);
		spin_unlock_irqrestore(&n->list_lock, flags);
	}
}

/* ---- bootstrap ---- */

/*
 * bootstrap() - move a statically allocated cache into an object of the
 * kmem_cache cache and point its slabs at the copy.  Only this CPU has
 * used the static caches yet, so flushing this CPU moves every slab with
 * free objects onto a node list; none is full this early.
 */
static struct kmem_cache *bootstrap(struct kmem_cache *static_cache)
{
	struct kmem_cache *s = kmem_cache_alloc(kmem_cache,
						GFP_KERNEL | __GFP_ZERO);
	unsigned long flags;
	struct slab *slab;
	int node;

	BUG_ON(!s);
	memcpy(s, static_cache, sizeof(*s));
	flush_cpu_slab(s);
	for_each_node_state(node, N_MEMORY) {
		struct kmem_cache_node *n = get_node(s, node);

		spin_lock_irqsave(&n->list_lock, flags);
		list_for_each_entry(slab, &n->partial, slab_list)
			slab->slab_cache = s;
		list_for_each_entry(slab, &n->full, slab_list)
			slab->slab_cache = s;
		spin_unlock_irqrestore(&n->list_lock, flags);
	}
	add_to_slab_caches(s);
	return s;
}

static void create_boot_cache(struct kmem_cache *s, const char *name,
			      unsigned int size)
{
	s->name = name;
	s->object_size = size;
	s->flags = SLAB_HWCACHE_ALIGN;
	BUG_ON(do_kmem_cache_create(s, 0));
}

/* Caches made before kmalloc worked get their permutation now. */
static void init_freelist_randomization(void)
{
	struct kmem_cache *s;

	list_for_each_entry(s, &slab_caches, list)
		init_cache_random_seq(s);
}

void kmem_cache_init(void)
{
	unsigned int i;
	int cpu;

	for (i = 0; i < SLAB_LOCK_HASH; i++)
		spin_lock_init(&slab_locks[i]);
	slub_boot_seed = get_cycles() ^ ktime_get_ns() ^ 0x5eed51abUL;
	for_each_possible_cpu(cpu)
		prandom_seed_state(per_cpu_ptr(&slab_rnd, cpu),
				   slub_boot_seed +
					   (u64)cpu * 0x9e3779b97f4a7c15ULL);
	create_boot_cache(&boot_kmem_cache_node, "kmem_cache_node",
			  sizeof(struct kmem_cache_node));
	kmem_cache_node = &boot_kmem_cache_node;
	create_boot_cache(&boot_kmem_cache, "kmem_cache",
			  sizeof(struct kmem_cache));
	kmem_cache = &boot_kmem_cache;
	kmem_cache = bootstrap(&boot_kmem_cache);
	kmem_cache_node = bootstrap(&boot_kmem_cache_node);
	kmem_cache_init_kmalloc();
	slab_up = true;
	init_freelist_randomization();
	pr_info("slub: HWalign=%u, Order=0-%u, MinObjects=%u, CPUs=%u, Nodes=%u; hardened=%d random=%d\n",
		(unsigned int)L1_CACHE_BYTES, SLUB_MAX_ORDER,
		4 * (fls(nr_cpu_ids) + 1), nr_cpu_ids, num_node_state(N_MEMORY),
		CONFIG_SLAB_FREELIST_HARDENED, CONFIG_SLAB_FREELIST_RANDOM);
}
