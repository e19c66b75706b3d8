/* SPDX-License-Identifier: MIT */
/*
 * mm/slub/debug.c — slab debugging: red zones, poisoning, owner tracking,
 * consistency checks and Linux-style reports; the reports of invalid
 * frees; the validator of every slab (SLUB-1..4, 6, 7).
 *
 * Part of SLUB; locking: see slub.c.  A cache with any of
 * SLAB_DEBUG_FLAGS (from kmem_cache_create() or `slab_debug=` /
 * `slub_debug=` at boot) has no CPU slab and no CPU partials: the one
 * predictable branch in ___slab_alloc() and __slab_free() sends every
 * operation here, one object at a time under the node's list_lock, which
 * also guards every field of a debug cache's slabs.
 *
 * Slot layout of a debug cache (calculate_sizes() in cache.c):
 *   [left red zone: red_left_pad][object: object_size][right red zone up
 *   to inuse][free pointer if P or ctor][track alloc][track free]
 *   [requested size: kmalloc caches with Z][pad]
 * Z: red zones 0xbb while free, 0xcc while allocated; a kmalloc cache
 * also fills the object from the requested size on with 0xcc while
 * allocated ("kmalloc Redzone", SLUB-7; Linux wants U too).  P: a free object
 * holds 0x6b with a last byte of 0xa5 (not in a cache with a constructor,
 * whose objects keep what it wrote: only their padding is poisoned).  U:
 * caller, CPU and time of the last alloc and free, zero until the first
 * (set when the slab is made).  F: double free (object already on the
 * freelist), freelist pointers, object counts.  T: a line for every alloc
 * and free.
 *
 * Every report counts in s->nr_errors, as Linux's KUnit hook does: one per
 * detection (check_bytes_and_report, object_err, slab_err) and one per
 * repair (slab_fix).  Inside a KUnit case that registered "slab_errors"
 * (Linux's lib/slub_kunit.c), each report is also counted there and not
 * printed, through slab_add_kunit_errors() as in Linux (which also counts
 * each object a destroy finds left).  A damaged object is repaired,
 * reported, and kept out of use (counted in s->nr_isolated): it stays "in
 * use" for ever.
 *
 * On every cache, a free that slab_free() refuses (not a slab object, the
 * wrong cache, not an object's start, a double free at a list's head) is
 * reported here and ignored.  validate_slab_cache() checks each CPU's
 * freelist on its CPU (SLUB-1, cut at a bad pointer, before the flush
 * would follow it), flushes the CPU slabs and walks each node's lists
 * under its list_lock, each slab under its slab_lock: free pointers inside
 * the slab on object starts (SLUB-1), no object twice and the count right
 * (SLUB-2; a wrong inuse is reported and set from the chain, "Object count
 * adjusted"), list flags and counts (SLUB-3), node (SLUB-4), PG_slab and
 * owner (SLUB-6); on a debug cache also every object's red zones and
 * poison.  A corrupt freelist is cut at the last good object, as debug
 * caches do at allocation.
 */
#include <kunit/resource.h>
#include <kunit/test-bug.h>
#include <linux/bug.h>
#include <linux/errno.h>
#include <linux/init.h>
#include <linux/irqflags.h>
#include <linux/printk.h>
#include <linux/smp.h>
#include <linux/sprintf.h>
#include <linux/string.h>
#include <linux/timekeeping.h>
#include <stdarg.h>

#include "internal.h"

#define SLUB_DEBUG_MAX	128
static char slub_debug_string[SLUB_DEBUG_MAX];	/* [init] boot option */
static bool slab_tainted;			/* [racy] a bug was seen */

/* ---- boot option ---- */

static unsigned long parse_letters(const char *p, const char *end,
				   bool report)
{
	unsigned long flags = 0;

	if (p == end)
		return SLAB_CONSISTENCY_CHECKS | SLAB_RED_ZONE | SLAB_POISON |
		       SLAB_STORE_USER;
	for (; p < end; p++) {
		switch (*p) {
		case 'f': case 'F': flags |= SLAB_CONSISTENCY_CHECKS; break;
		case 'z': case 'Z': flags |= SLAB_RED_ZONE; break;
		case 'p': case 'P': flags |= SLAB_POISON; break;
		case 'u': case 'U': flags |= SLAB_STORE_USER; break;
		case 't': case 'T': flags |= SLAB_TRACE; break;
		case '-': flags = 0; break;
		case 'a': case 'A': case 'o': case 'O': break;	/* no-ops here */
		default:
			if (report)
				pr_err("slab_debug option '%c' unknown. skipped\n",
				       *p);
		}
	}
	return flags;
}

/* Does @name match the comma-separated list [p, end)?  `*` = prefix. */
static bool name_in_list(const char *name, const char *p, const char *end)
{
	while (p < end) {
		const char *q = p;
		size_t len;

		while (q < end && *q != ',')
			q++;
		len = (size_t)(q - p);
		if (len && p[len - 1] == '*') {
			if (!strncmp(name, p, len - 1))
				return true;
		} else if (len && strlen(name) == len && !strncmp(name, p, len)) {
			return true;
		}
		p = q + 1;
	}
	return false;
}

/*
 * Walk the `;`-separated blocks "<letters>[,<cache>...]" and return the
 * flags that apply to @name (0 if none); @report prints bad letters.
 */
static unsigned long debug_flags_from_string(const char *name, bool report)
{
	const char *p = slub_debug_string;
	unsigned long flags = 0;

	while (*p) {
		const char *block_end = strchr(p, ';');
		const char *comma;

		if (!block_end)
			block_end = p + strlen(p);
		comma = memchr(p, ',', (size_t)(block_end - p));
		if (!comma) {			/* letters for every cache */
			flags = parse_letters(p, block_end, report);
		} else if (!name || name_in_list(name, comma + 1, block_end)) {
			unsigned long f = parse_letters(p, comma, report);

			if (name)
				return f;
		}
		p = *block_end ? block_end + 1 : block_end;
	}
	return flags;
}

static void slab_debug_setup(const char *val)
{
	if (!val || !*val)
		val = "FZPU";
	memcpy(slub_debug_string, val, strnlen(val, SLUB_DEBUG_MAX - 1));
	debug_flags_from_string(NULL, true);
	pr_info("slub: slab_debug=%s\n", slub_debug_string);
}
cmdline_param("slab_debug", slab_debug_setup,
	      "SLUB debugging: [FZPUT][,cache...][;...] (no letters: FZPU)");

static void slub_debug_setup(const char *val)
{
	slab_debug_setup(val);
}
cmdline_param("slub_debug", slub_debug_setup, "old name of slab_debug=");

/* The flags of cache @name: @flags and what slab_debug= gives it. */
unsigned long slub_debug_flags_for(const char *name, unsigned long flags)
{
	if (!slub_debug_string[0] || (flags & SLAB_NO_USER_FLAGS))
		return flags;
	return flags | debug_flags_from_string(name, false);
}

/* ---- layout ---- */

static unsigned int info_end(struct kmem_cache *s)
{
	return s->offset >= s->inuse ? s->inuse + sizeof(void *) : s->inuse;
}

static struct track *get_track(struct kmem_cache *s, void *object,
			       enum track_item alloc)
{
	return (struct track *)((char *)object + info_end(s)) + alloc;
}

static void set_track(struct kmem_cache *s, void *object,
		      enum track_item alloc, unsigned long addr)
{
	struct track *t = get_track(s, object, alloc);

	t->addr = addr;
	t->cpu = (int)smp_processor_id();
	t->pid = 0;
	t->when_ns = ktime_get_ns();
}

/* Bytes from the object start to the end of its slot. */
static unsigned int slot_tail(struct kmem_cache *s)
{
	return s->size - s->red_left_pad;
}

/* The requested-size word of a kmalloc cache with Z, after the tracks. */
static unsigned long *orig_size_ptr(struct kmem_cache *s, void *object)
{
	unsigned int off = info_end(s);

	if (s->flags & SLAB_STORE_USER)
		off += 2 * sizeof(struct track);
	return (unsigned long *)((char *)object + off);
}

static unsigned int get_orig_size(struct kmem_cache *s, void *object)
{
	if (!slub_kmalloc_redzone(s))
		return s->object_size;
	return (unsigned int)*orig_size_ptr(s, object);
}

static unsigned int pad_start(struct kmem_cache *s)
{
	unsigned int off = info_end(s);

	if (s->flags & SLAB_STORE_USER)
		off += 2 * sizeof(struct track);
	if (slub_kmalloc_redzone(s))
		off += sizeof(unsigned long);
	return off;
}

/*
 * Are the object's own bytes poisoned (P)?  Not with a constructor: its
 * work must survive until the allocation (Linux's __OBJECT_POISON rule);
 * the padding still is.
 */
static bool object_poison(const struct kmem_cache *s)
{
	return (s->flags & SLAB_POISON) && !s->ctor;
}

static void init_object(struct kmem_cache *s, void *object, u8 val)
{
	u8 *p = object;

	if (s->flags & SLAB_RED_ZONE)
		memset(p - s->red_left_pad, val, s->red_left_pad);
	if (object_poison(s) && val == SLUB_RED_INACTIVE) {
		memset(p, POISON_FREE, s->object_size - 1);
		p[s->object_size - 1] = POISON_END;
	}
	if ((s->flags & SLAB_POISON) && val == SLUB_RED_INACTIVE)
		memset(p + pad_start(s), POISON_INUSE,
		       slot_tail(s) - pad_start(s));
	if (s->flags & SLAB_RED_ZONE)
		memset(p + s->object_size, val, s->inuse - s->object_size);
	if (slub_kmalloc_redzone(s) && val == SLUB_RED_ACTIVE) {
		unsigned int orig = get_orig_size(s, object);

		memset(p + orig, val, s->object_size - orig);
	}
}

/*
 * An object of a new slab (before the constructor): red zones and poison
 * of a free object, and both tracks empty (address 0: never allocated,
 * never freed, as Linux's init_tracking() leaves them).
 */
void slub_debug_setup_object(struct kmem_cache *s, void *object)
{
	init_object(s, object, SLUB_RED_INACTIVE);
	if (s->flags & SLAB_STORE_USER)
		memset(get_track(s, object, TRACK_ALLOC), 0,
		       2 * sizeof(struct track));
}

unsigned long slub_debug_track_addr(struct kmem_cache *s, void *object,
				    enum track_item item)
{
	if (!(s->flags & SLAB_STORE_USER))
		return 0;
	return get_track(s, object, item)->addr;
}

/* ---- reports ---- */

/*
 * slab_add_kunit_errors() - Linux's hook for lib/slub_kunit.c: inside a
 * KUnit case that registered a resource named "slab_errors" (an int),
 * count this report there and tell the caller to print nothing, so that a
 * suite can corrupt objects on purpose and check the count.  Elsewhere:
 * false, and the report is printed.  The runner is reached through
 * kunit_hooks (docs/design.md §3.2 rule 5).
 */
static bool slab_add_kunit_errors(void)
{
	struct kunit *test = kunit_get_current_test();
	struct kunit_resource *res;

	if (!test || !READ_ONCE(kunit_hooks.find_named_resource))
		return false;
	res = kunit_hooks.find_named_resource(test, "slab_errors");
	if (!res)
		return false;
	__atomic_fetch_add((int *)res->data, 1, __ATOMIC_RELAXED);
	kunit_hooks.put_resource(res);
	return true;
}

static void slab_bug(struct kmem_cache *s, const char *fmt, va_list ap)
{
	char msg[160];

	vsnprintf(msg, sizeof(msg), fmt, ap);
	pr_err("=============================================================================\n");
	pr_err("BUG %s (%s): %s\n", s ? s->name : "<unknown>",
	       slab_tainted ? "Tainted: B" : "Not tainted", msg);
	pr_err("-----------------------------------------------------------------------------\n\n");
	slab_tainted = true;
	if (s)
		__atomic_fetch_add(&s->nr_errors, 1, __ATOMIC_RELAXED);
}

void slab_fix(struct kmem_cache *s, const char *fmt, ...)
{
	char msg[160];
	va_list ap;

	__atomic_fetch_add(&s->nr_errors, 1, __ATOMIC_RELAXED);
	if (slab_add_kunit_errors())
		return;
	va_start(ap, fmt);
	vsnprintf(msg, sizeof(msg), fmt, ap);
	va_end(ap);
	pr_err("FIX %s: %s\n", s->name, msg);
}

static void print_slab_info(struct slab *slab)
{
	pr_err("Slab %p objects=%u used=%u fp=%p flags=%#lx\n", slab,
	       slab->objects, slab->inuse, slab->freelist, slab->flags);
}

static void print_section(const char *text, u8 *addr, unsigned int length)
{
	char line[100];
	unsigned int i, j, n;

	for (i = 0; i < length; i += 16) {
		int pos = snprintf(line, sizeof(line), "%s%016lx: ", text,
				   (unsigned long)(addr + i));

		n = min(16u, length - i);
		for (j = 0; j < 16; j++)
			pos += snprintf(line + pos, sizeof(line) - (size_t)pos,
					j < n ? "%02x " : "   ", addr[i + j]);
		pos += snprintf(line + pos, sizeof(line) - (size_t)pos, " ");
		for (j = 0; j < n; j++) {
			u8 c = addr[i + j];

			line[pos++] = c >= 32 && c < 127 ? (char)c : '.';
		}
		line[pos] = 0;
		pr_err("%s\n", line);
	}
}

static void print_track(const char *what, struct track *t, u64 now)
{
	char sym[64];

	if (!t->addr)
		return;
	sprint_symbol(sym, sizeof(sym), t->addr);
	pr_err("%s in %s age=%llu cpu=%d pid=%d\n", what, sym,
	       (unsigned long long)((now - t->when_ns) / 10000000ULL), t->cpu,
	       t->pid);
}

static void print_trailer(struct kmem_cache *s, struct slab *slab, u8 *p)
{
	u8 *addr = slab_address(slab);
	u64 now = ktime_get_ns();

	if (s->flags & SLAB_STORE_USER) {
		print_track("Allocated", get_track(s, p, TRACK_ALLOC), now);
		print_track("Freed", get_track(s, p, TRACK_FREE), now);
	}
	print_slab_info(slab);
	pr_err("Object %p @offset=%lu fp=%p\n\n", p,
	       (unsigned long)(p - addr), get_freepointer(s, p));
	if (s->flags & SLAB_RED_ZONE)
		print_section("Redzone  ", p - s->red_left_pad, s->red_left_pad);
	else if (p > addr + 16)
		print_section("Bytes b4 ", p - 16, 16);
	print_section("Object   ", p, min(s->object_size, 128u));
	if (s->flags & SLAB_RED_ZONE)
		print_section("Redzone  ", p + s->object_size,
			      s->inuse - s->object_size);
	if (pad_start(s) < slot_tail(s))
		print_section("Padding  ", p + pad_start(s),
			      min(slot_tail(s) - pad_start(s), 64u));
	dump_stack();
}

static void object_err(struct kmem_cache *s, struct slab *slab, u8 *object,
		       const char *reason, ...)
{
	va_list ap;

	if (slab_add_kunit_errors()) {
		__atomic_fetch_add(&s->nr_errors, 1, __ATOMIC_RELAXED);
		return;
	}
	va_start(ap, reason);
	slab_bug(s, reason, ap);
	va_end(ap);
	print_trailer(s, slab, object);
}

void slab_err(struct kmem_cache *s, struct slab *slab, const char *fmt, ...)
{
	va_list ap;

	if (slab_add_kunit_errors()) {
		if (s)
			__atomic_fetch_add(&s->nr_errors, 1, __ATOMIC_RELAXED);
		return;
	}
	va_start(ap, fmt);
	slab_bug(s, fmt, ap);
	va_end(ap);
	if (slab)
		print_slab_info(slab);
}

/* check_bytes_and_report() - are [start, start+bytes) all @value? */
static bool check_bytes_and_report(struct kmem_cache *s, struct slab *slab,
				   u8 *object, const char *what, u8 *start,
				   u8 value, unsigned int bytes)
{
	u8 *fault = NULL, *end = start + bytes, *addr = slab_address(slab);
	unsigned int i;

	for (i = 0; i < bytes; i++) {
		if (start[i] != value) {
			fault = start + i;
			break;
		}
	}
	if (!fault)
		return true;
	while (end > fault && end[-1] == value)
		end--;
	if (slab_add_kunit_errors()) {
		__atomic_fetch_add(&s->nr_errors, 1, __ATOMIC_RELAXED);
	} else {
		pr_err("[%s overwritten] %p-%p @offset=%lu. First byte 0x%x instead of 0x%x\n",
		       what, fault, end - 1, (unsigned long)(fault - addr),
		       fault[0], value);
		object_err(s, slab, object, "Object corrupt");
	}
	memset(fault, value, (size_t)(end - fault));
	slab_fix(s, "Restoring %s %p-%p=0x%x", what, fault, end - 1, value);
	return false;
}

/* check_object() - red zones and poison of @object in state @val. */
static bool check_object(struct kmem_cache *s, struct slab *slab,
			 u8 *object, u8 val)
{
	bool ok = true;

	if (s->flags & SLAB_RED_ZONE) {
		ok &= check_bytes_and_report(s, slab, object, "Left Redzone",
					     object - s->red_left_pad, val,
					     s->red_left_pad);
		ok &= check_bytes_and_report(s, slab, object, "Right Redzone",
					     object + s->object_size, val,
					     s->inuse - s->object_size);
	}
	if (slub_kmalloc_redzone(s) && val == SLUB_RED_ACTIVE) {
		unsigned int orig = get_orig_size(s, object);

		ok &= check_bytes_and_report(s, slab, object, "kmalloc Redzone",
					     object + orig, val,
					     s->object_size - orig);
	}
	if (object_poison(s) && val == SLUB_RED_INACTIVE) {
		ok &= check_bytes_and_report(s, slab, object, "Poison", object,
					     POISON_FREE, s->object_size - 1);
		ok &= check_bytes_and_report(s, slab, object, "End Poison",
					     object + s->object_size - 1,
					     POISON_END, 1);
	}
	if ((s->flags & SLAB_POISON) && val == SLUB_RED_INACTIVE) {
		ok &= check_bytes_and_report(s, slab, object, "Padding",
					     object + pad_start(s),
					     POISON_INUSE,
					     slot_tail(s) - pad_start(s));
	}
	return ok;
}

/* An object passed its checks: record, trace, set its red zones/poison. */
static void mark_object(struct kmem_cache *s, void *object,
			enum track_item item, unsigned long addr)
{
	if (s->flags & SLAB_STORE_USER)
		set_track(s, object, item, addr);
	if (s->flags & SLAB_TRACE)
		pr_info("TRACE %s %s %p inuse=%u\n", s->name,
			item == TRACK_ALLOC ? "alloc" : "free", object,
			s->object_size);
	init_object(s, object,
		    item == TRACK_ALLOC ? SLUB_RED_ACTIVE : SLUB_RED_INACTIVE);
}

/* ---- hooks called by slub.c (caller holds the node list_lock) ---- */

bool slub_debug_alloc_check(struct kmem_cache *s, struct slab *slab,
			    void *object, unsigned long addr,
			    unsigned int orig_size)
{
	if (!slub_obj_in_slab(s, slab, object)) {
		slab_err(s, slab, "Freelist Pointer check fails: %p", object);
		return false;
	}
	if (!check_object(s, slab, object, SLUB_RED_INACTIVE)) {
		slab_fix(s, "Object at %p isolated", object);
		return false;
	}
	if (slub_kmalloc_redzone(s))
		*orig_size_ptr(s, object) = orig_size;	/* SLUB-7 */
	mark_object(s, object, TRACK_ALLOC, addr);
	return true;
}

static bool on_freelist(struct kmem_cache *s, struct slab *slab, void *search)
{
	unsigned int nr = 0;
	void *fp;

	for (fp = slab->freelist; fp && nr <= slab->objects;
	     fp = get_freepointer(s, fp), nr++) {
		if (fp == search)
			return true;
		if (!slub_obj_in_slab(s, slab, fp))
			break;
	}
	return false;
}

bool slub_debug_free_check(struct kmem_cache *s, struct slab *slab,
			   void *object, unsigned long addr)
{
	if (on_freelist(s, slab, object)) {
		object_err(s, slab, object, "Object already free");
		return false;
	}
	if (!check_object(s, slab, object, SLUB_RED_ACTIVE)) {
		slab_fix(s, "Object at %p not freed", object);
		__atomic_fetch_add(&s->nr_isolated, 1, __ATOMIC_RELAXED);
		return false;
	}
	mark_object(s, object, TRACK_FREE, addr);
	return true;
}

/*
 * kmalloc red zone for krealloc in place: @object (allocated, of a
 * kmalloc cache with Z) now holds @size bytes: fill [size, object_size)
 * with the active red-zone value and remember @size, under the node's
 * list_lock as validate reads both.  Growing leaves the new bytes 0xcc.
 */
void slub_debug_set_orig_size(struct kmem_cache *s, struct slab *slab,
			      void *object, unsigned int size)
{
	struct kmem_cache_node *n = get_node(s, slab_nid(slab));
	unsigned long flags;

	BUG_ON(size > s->object_size);
	spin_lock_irqsave(&n->list_lock, flags);
	memset((u8 *)object + size, SLUB_RED_ACTIVE, s->object_size - size);
	*orig_size_ptr(s, object) = size;
	spin_unlock_irqrestore(&n->list_lock, flags);
}

unsigned int slub_debug_get_orig_size(struct kmem_cache *s, void *object)
{
	return get_orig_size(s, object);
}

/* Check every object of @slab; @map marks the free ones.  Errors found. */
static int validate_slab_objects(struct kmem_cache *s, struct slab *slab, u8 *map)
{
	unsigned int i;
	int errors = 0;

	for (i = 0; i < slab->objects; i++) {
		bool is_free = map[i / 8] & (1u << (i % 8));

		if (!check_object(s, slab, slab_obj(s, slab, i),
				  is_free ? SLUB_RED_INACTIVE : SLUB_RED_ACTIVE))
			errors++;
	}
	return errors;
}

/* Report the objects of @slab not on its freelist (a leak at destroy). */
void slub_debug_report_leak(struct kmem_cache *s, struct slab *slab,
			    void *object)
{
	u8 map[512];	/* up to 4096 objects */
	unsigned int i, nr = min((unsigned int)slab->objects, 4096u);
	bool first = true;
	void *p;

	(void)object;
	memset(map, 0, sizeof(map));
	for (p = slab->freelist; p && slub_obj_in_slab(s, slab, p);
	     p = get_freepointer(s, p)) {
		unsigned int idx = (unsigned int)(((char *)p -
				   (char *)slab_obj(s, slab, 0)) / s->size);

		if (map[idx / 8] & (1u << (idx % 8)))
			break;
		map[idx / 8] |= 1u << (idx % 8);
	}
	for (i = 0; i < nr; i++) {
		if (map[i / 8] & (1u << (i % 8)))
			continue;
		if (first) {
			slab_err(s, slab, "Objects remaining in %s on __kmem_cache_shutdown()",
				 s->name);
			first = false;
		}
		if (slab_add_kunit_errors())
			continue; /* one per object left, as Linux counts */
		pr_err("Object %p @offset=%lu\n", slab_obj(s, slab, i),
		       (unsigned long)((char *)slab_obj(s, slab, i) -
				       (char *)slab_address(slab)));
	}
}

/* ---- invalid frees, on every cache ---- */

void slub_report_bad_free(struct kmem_cache *s, const void *x, const char *why,
			  unsigned long addr)
{
	char sym[64];

	sprint_symbol(sym, sizeof(sym), addr);
	pr_err("slub: %s: invalid free of %p from %s: %s; ignored\n",
	       s ? s->name : "kfree", x, sym, why);
	if (s)
		__atomic_fetch_add(&s->nr_errors, 1, __ATOMIC_RELAXED);
}

/* The checks of slab_free() failed: say which, count it, free nothing. */
void slub_free_refused(struct kmem_cache *s, struct slab *slab, void *x,
		       unsigned long addr)
{
	if (!slab) {
		slub_report_bad_free(s, x, "not a slab object", addr);
	} else if (s && slab->slab_cache != s) {
		pr_err("slub: %s: Wrong slab cache. %s but object is from %s\n",
		       "slab_free", s->name, slab->slab_cache->name);
		__atomic_fetch_add(&s->nr_errors, 1, __ATOMIC_RELAXED);
	} else {
		slub_report_bad_free(slab->slab_cache, x,
				     "not the start of an object", addr);
	}
}

/* ---- validation of every slab (SLUB-1..4, 6, 7) ---- */

/*
 * cut_freechain() - the free pointer after @prev is bad: end the chain
 * there, as Linux's on_freelist() does.  After an object (@prev), that
 * object is reported ("Freechain corrupt") and the chain ends at it; the
 * objects beyond stay "in use" for ever, and the caller's count check then
 * repairs inuse.  At the head, the slab's freelist is cleared and every
 * object counted in use ("Freepointer corrupt", "Freelist cleared").
 * Holds slab_lock.  Return: true if the count is already right.
 */
static bool cut_freechain(struct kmem_cache *s, struct slab *slab, void *prev)
{
	if (prev) {
		object_err(s, slab, prev, "Freechain corrupt");
		set_freepointer(s, prev, NULL);
		return false;
	}
	slab_err(s, slab, "Freepointer corrupt");
	slab->freelist = NULL;
	slab->inuse = slab->objects;
	slab_fix(s, "Freelist cleared");
	return true;
}

/* Check one slab (caller holds its node's list_lock); return errors. */
static int validate_slab(struct kmem_cache *s, struct slab *slab, u8 *map, int node)
{
	unsigned int nr_free = 0, idx = 0;
	void *p, *prev = NULL;
	bool count_right = false;
	unsigned long flags;
	int errors = 0;

	if (!PageSlab(slab_page(slab)) || slab->slab_cache != s ||
	    slab_nid(slab) != node || slab->frozen) { /* SLUB-3,4,6 */
		slab_err(s, slab, "Not a valid slab page (node %d)", node);
		return 1;
	}
	memset(map, 0, DIV_ROUND_UP(slab->objects, 8));
	local_irq_save(flags);
	slab_lock(slab);
	for (p = slab->freelist; p; prev = p, p = get_freepointer(s, p)) {
		bool bad = !slub_obj_in_slab(s, slab, p); /* SLUB-1 */

		if (!bad) {
			idx = (unsigned int)(((char *)p -
					      (char *)slab_obj(s, slab, 0)) /
					     s->size);
			bad = map[idx / 8] & (1u << (idx % 8)); /* SLUB-2 */
		}
		if (bad) {
			count_right = cut_freechain(s, slab, prev);
			errors++;
			break;
		}
		map[idx / 8] |= 1u << (idx % 8);
		nr_free++;
	}
	if (!count_right && nr_free != (unsigned int)slab->objects - slab->inuse) {
		slab_err(s, slab,
			 "Wrong object count. Counter is %d but counted were %d",
			 slab->inuse, slab->objects - nr_free);
		slab->inuse = slab->objects - nr_free; /* the chain wins */
		slab_fix(s, "Object count adjusted");
		errors++;
	}
	slab_unlock(slab);
	local_irq_restore(flags);
	if (!errors && kmem_cache_debug(s))
		errors += validate_slab_objects(s, slab, map);
	return errors;
}

static int validate_node(struct kmem_cache *s, int node, u8 *map)
{
	struct kmem_cache_node *n = get_node(s, node);
	unsigned long flags, count = 0;
	struct slab *slab;
	int errors = 0;

	spin_lock_irqsave(&n->list_lock, flags);
	list_for_each_entry(slab, &n->partial, slab_list) {
		errors += validate_slab(s, slab, map, node);
		if (!(slab->slab_state & SLAB_ON_PARTIAL) || !slab->freelist)
			errors++; /* SLUB-3 */
		count++;
	}
	if (count != n->nr_partial) {
		slab_err(s, NULL, "nr_partial %lu but counted %lu",
			 n->nr_partial, count);
		errors++;
	}
	list_for_each_entry(slab, &n->full, slab_list) {
		errors += validate_slab(s, slab, map, node);
		if (!(slab->slab_state & SLAB_ON_FULL))
			errors++; /* SLUB-3 */
		count++;
	}
	if (kmem_cache_debug(s) && count != (unsigned long)n->nr_slabs) {
		slab_err(s, NULL, "node %d: %ld slabs but counted %lu", node,
			 n->nr_slabs, count);
		errors++;
	}
	spin_unlock_irqrestore(&n->list_lock, flags);
	return errors;
}

int validate_slab_cache(struct kmem_cache *s)
{
	int node, errors = 0;
	u8 *map;

	map = kzalloc(DIV_ROUND_UP(MAX_OBJS_PER_PAGE, 8), GFP_KERNEL);
	if (!map)
		return -ENOMEM;
	if (!kmem_cache_debug(s)) { /* SLUB-5: debug caches have none */
		struct slub_cpu_check chk = { .s = s, .errors = 0 };

		on_each_cpu(slub_check_cpu_freelist, &chk, true);
		errors += chk.errors;
	}
	slub_flush_all(s);
	for_each_node_state(node, N_MEMORY)
		errors += validate_node(s, node, map);
	kfree(map);
	return errors;
}

int validate_all_slab_caches(void)
{
	static struct kmem_cache *caches[SLUB_MAX_SNAPSHOT];
	int nr = slub_snapshot_caches(caches, SLUB_MAX_SNAPSHOT), errors = 0;

	for (int i = 0; i < nr; i++) {
		int found = validate_slab_cache(caches[i]);

		errors += found < 0 ? 1 : found;
	}
	return errors;
}
