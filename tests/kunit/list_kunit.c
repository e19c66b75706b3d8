/* SPDX-License-Identifier: MIT */
/*
 * tests/kunit/list_kunit.c — KUnit suites for <linux/list.h>, list_sort(),
 * <linux/hash.h>/<linux/hashtable.h> and klist, where Linux's own suites
 * (lib/list-test.c, lib/test_list_sort.c, lib/hashtable_test.c, run by
 * `make linux-kunit`) do not reach.
 *
 * "list_nodal": the iterators and helpers list-test.c never calls (the
 *   *_continue/_from/_safe_* forms, the circular neighbours, the counts,
 *   hlist_splice_init, the poison left by list_del/hlist_del).  Expected
 *   orders are written out from the list built in the case.
 * "list_sort_nodal": list_sort() against a model — a stable insertion
 *   sort of (value, serial) pairs in an array — for every length 0..70
 *   and lengths around powers of two, keys with many ties, sorted and
 *   reversed input; and the O(n log n) bound: at most n * ceil(log2 n)
 *   comparisons.
 * "hash_nodal": GOLDEN_RATIO_32/64 derived in the case from the golden
 *   ratio (Fibonacci numbers: F(k)/F(k+1) -> 1/phi), and hash_32/hash_64/
 *   hash_min/the bucket hash_add picks against that formula evaluated in
 *   wider arithmetic.
 * "klist_nodal": klist_prev, klist_iter_init_node, kref, and klist_remove()
 *   on two harts: it must sleep while another hart's iterator holds the
 *   node, and a walker racing random removals must never be handed a
 *   node already released.
 */
#include <asm/processor.h>
#include <kunit/test.h>
#include <linux/delay.h>
#include <linux/hash.h>
#include <linux/hashtable.h>
#include <linux/klist.h>
#include <linux/kthread.h>
#include <linux/list.h>
#include <linux/list_sort.h>
#include <linux/prandom.h>
#include <linux/sched.h>
#include <linux/smp.h>

struct item {
	int v;
	struct list_head node;
};

/* [0] -> ... -> [n-1] on @head, item i holding value i. */
static void build(struct list_head *head, struct item *it, int n)
{
	INIT_LIST_HEAD(head);
	for (int i = 0; i < n; i++) {
		it[i].v = i;
		list_add_tail(&it[i].node, head);
	}
}

/* ---- list_nodal ---- */

static void list_reverse_and_continue(struct kunit *test)
{
	struct item it[5], anchor;
	struct list_head *pos;
	struct item *e;
	LIST_HEAD(head);
	int want, seen = 0;

	build(&head, it, 5);
	want = 4;
	list_for_each_reverse(pos, &head)
		KUNIT_EXPECT_EQ(test, list_entry(pos, struct item, node)->v,
				want--);
	KUNIT_EXPECT_EQ(test, want, -1);

	pos = &it[1].node; /* continue: from the entry after it[1] */
	want = 2;
	list_for_each_continue(pos, &head)
		KUNIT_EXPECT_EQ(test, list_entry(pos, struct item, node)->v,
				want++);
	KUNIT_EXPECT_EQ(test, want, 5);

	e = &it[2];
	want = 3;
	list_for_each_entry_continue(e, &head, node)
		KUNIT_EXPECT_EQ(test, e->v, want++);
	KUNIT_EXPECT_EQ(test, want, 5);

	e = &it[2];
	want = 1;
	list_for_each_entry_continue_reverse(e, &head, node)
		KUNIT_EXPECT_EQ(test, e->v, want--);
	KUNIT_EXPECT_EQ(test, want, -1);

	e = &it[3]; /* from: it[3] itself first */
	want = 3;
	list_for_each_entry_from(e, &head, node)
		KUNIT_EXPECT_EQ(test, e->v, want++);
	KUNIT_EXPECT_EQ(test, want, 5);

	e = &it[3];
	want = 3;
	list_for_each_entry_from_reverse(e, &head, node)
		KUNIT_EXPECT_EQ(test, e->v, want--);
	KUNIT_EXPECT_EQ(test, want, -1);

	/*
	 * list_prepare_entry(NULL) starts a continue walk at the head, seen as
	 * an entry: the head lives in an item here so that the fake entry is
	 * inside an object (as Linux's users' heads usually are).
	 */
	list_add(&anchor.node, &head);
	list_del_init(&head); /* anchor.node is the head now */
	e = NULL;
	e = list_prepare_entry(e, &anchor.node, node);
	KUNIT_EXPECT_PTR_EQ(test, e, &anchor);
	list_for_each_entry_continue(e, &anchor.node, node)
		seen++;
	KUNIT_EXPECT_EQ(test, seen, 5);
	e = &it[4];
	KUNIT_EXPECT_PTR_EQ(test, list_prepare_entry(e, &anchor.node, node),
			    &it[4]);
}

static void list_safe_forms_allow_removal(struct kunit *test)
{
	struct item it[6], *e, *n;
	LIST_HEAD(head);
	int want;

	build(&head, it, 6);
	/* Remove the odd values walking backwards. */
	list_for_each_entry_safe_reverse(e, n, &head, node)
		if (e->v % 2)
			list_del(&e->node);
	want = 0;
	list_for_each_entry(e, &head, node) {
		KUNIT_EXPECT_EQ(test, e->v, want);
		want += 2;
	}
	KUNIT_EXPECT_EQ(test, list_count_nodes(&head), (size_t)3);

	/* safe_continue from it[0]: removes it[2] and it[4]. */
	e = &it[0];
	list_for_each_entry_safe_continue(e, n, &head, node)
		list_del_init(&e->node);
	KUNIT_EXPECT_TRUE(test, list_is_singular(&head));
	KUNIT_EXPECT_PTR_EQ(test, list_first_entry(&head, struct item, node),
			    &it[0]);

	build(&head, it, 6);
	e = &it[3]; /* safe_from: it[3] itself, then it[4], it[5] */
	list_for_each_entry_safe_from(e, n, &head, node)
		list_del(&e->node);
	KUNIT_EXPECT_EQ(test, list_count_nodes(&head), (size_t)3);
	KUNIT_EXPECT_PTR_EQ(test, list_last_entry(&head, struct item, node),
			    &it[2]);

	/* list_safe_reset_next re-reads the successor after a change. */
	build(&head, it, 4);
	want = 0;
	list_for_each_entry_safe(e, n, &head, node) {
		KUNIT_EXPECT_EQ(test, e->v, want);
		if (e->v == 0) {
			list_del(&it[1].node); /* n (it[1]) is stale now */
			list_safe_reset_next(e, n, node);
			want = 2;
		} else {
			want++;
		}
	}
	KUNIT_EXPECT_EQ(test, want, 4);
}

static void list_circular_neighbours_and_poison(struct kunit *test)
{
	struct item it[3];
	LIST_HEAD(head);

	build(&head, it, 3);
	KUNIT_EXPECT_PTR_EQ(test, list_next_entry_circular(&it[2], &head, node),
			    &it[0]);
	KUNIT_EXPECT_PTR_EQ(test, list_next_entry_circular(&it[0], &head, node),
			    &it[1]);
	KUNIT_EXPECT_PTR_EQ(test, list_prev_entry_circular(&it[0], &head, node),
			    &it[2]);
	KUNIT_EXPECT_PTR_EQ(test, list_prev_entry_circular(&it[2], &head, node),
			    &it[1]);

	list_del(&it[1].node);
	KUNIT_EXPECT_PTR_EQ(test, (void *)it[1].node.next, (void *)0x100);
	KUNIT_EXPECT_PTR_EQ(test, (void *)it[1].node.prev, (void *)0x122);
	KUNIT_EXPECT_PTR_EQ(test, it[0].node.next, &it[2].node);

	__list_del_clearprev(&it[0].node);
	KUNIT_EXPECT_NULL(test, it[0].node.prev);
	KUNIT_EXPECT_TRUE(test, list_is_singular(&head));

	INIT_LIST_HEAD(&head);
	KUNIT_EXPECT_EQ(test, list_count_nodes(&head), (size_t)0);
}

static void hlist_splice_count_and_poison(struct kunit *test)
{
	struct hlist_node a, b, c, d, *pos;
	HLIST_HEAD(from);
	HLIST_HEAD(to);
	struct hlist_node *want[] = { &a, &b, &c, &d };
	unsigned int i = 0;

	hlist_add_head(&b, &from);
	hlist_add_head(&a, &from); /* from: a b */
	hlist_add_head(&d, &to);
	hlist_add_head(&c, &to); /* to: c d */
	KUNIT_EXPECT_EQ(test, hlist_count_nodes(&from), (size_t)2);

	hlist_splice_init(&from, &b, &to);
	KUNIT_EXPECT_TRUE(test, hlist_empty(&from));
	hlist_for_each(pos, &to) {
		KUNIT_ASSERT_LT(test, i, 4u);
		KUNIT_EXPECT_PTR_EQ(test, pos, want[i]);
		i++;
	}
	KUNIT_EXPECT_EQ(test, i, 4u);
	KUNIT_EXPECT_PTR_EQ(test, a.pprev, &to.first);
	KUNIT_EXPECT_PTR_EQ(test, c.pprev, &b.next);
	KUNIT_EXPECT_EQ(test, hlist_count_nodes(&to), (size_t)4);

	hlist_del(&c);
	KUNIT_EXPECT_PTR_EQ(test, (void *)c.next, (void *)0x100);
	KUNIT_EXPECT_PTR_EQ(test, (void *)c.pprev, (void *)0x122);
	KUNIT_EXPECT_PTR_EQ(test, b.next, &d);
	KUNIT_EXPECT_PTR_EQ(test, d.pprev, &b.next);
}

static struct kunit_case list_nodal_cases[] = {
	KUNIT_CASE(list_reverse_and_continue),
	KUNIT_CASE(list_safe_forms_allow_removal),
	KUNIT_CASE(list_circular_neighbours_and_poison),
	KUNIT_CASE(hlist_splice_count_and_poison),
	{}
};

static struct kunit_suite list_nodal_suite = {
	.name = "list_nodal",
	.test_cases = list_nodal_cases,
};

/* ---- list_sort_nodal ---- */

#define SORT_MAX 4100

struct sel {
	int value;
	unsigned int serial;
	struct list_head node;
};

struct sort_model {
	int value;
	unsigned int serial;
};

static struct sel sort_items[SORT_MAX];
static struct sort_model sort_want[SORT_MAX];

struct sort_run {
	struct kunit *test;
	unsigned long compares;
	bool bad_arg; /* cmp got an entry not on the list */
};

static int sel_cmp(void *priv, const struct list_head *a,
		   const struct list_head *b)
{
	struct sort_run *run = priv;
	const struct sel *x = container_of(a, struct sel, node);
	const struct sel *y = container_of(b, struct sel, node);

	run->compares++;
	if (x < sort_items || x >= sort_items + SORT_MAX || y < sort_items ||
	    y >= sort_items + SORT_MAX)
		run->bad_arg = true;
	return x->value - y->value;
}

/* Linux allows a bool "a after b" comparison: same result. */
static int sel_cmp_bool(void *priv, const struct list_head *a,
			const struct list_head *b)
{
	return sel_cmp(priv, a, b) > 0;
}

/* The model: a stable insertion sort of the same (value, serial) pairs. */
static void model_sort(struct sort_model *m, unsigned int n)
{
	for (unsigned int i = 1; i < n; i++) {
		struct sort_model key = m[i];
		unsigned int j = i;

		while (j > 0 && m[j - 1].value > key.value) {
			m[j] = m[j - 1];
			j--;
		}
		m[j] = key;
	}
}

static unsigned int ceil_log2(unsigned int n)
{
	unsigned int k = 0;

	while ((1u << k) < n)
		k++;
	return k;
}

enum sort_input { SORT_RANDOM, SORT_ASCENDING, SORT_DESCENDING };

/* Sort @n items made per @input (keys below @range), check against the
 * model.  Return: false after the first mismatch (reported). */
static bool sort_one(struct kunit *test, struct rnd_state *rs, unsigned int n,
		     int range, enum sort_input input, list_cmp_func_t cmp)
{
	struct sort_run run = { .test = test };
	struct list_head *pos;
	LIST_HEAD(head);
	unsigned int i = 0;

	for (i = 0; i < n; i++) {
		int v = input == SORT_RANDOM ? (int)prandom_u32_below(rs, range) :
			input == SORT_ASCENDING ? (int)(i / 3) :
						  (int)(n - i);

		sort_items[i].value = v;
		sort_items[i].serial = i;
		sort_want[i].value = v;
		sort_want[i].serial = i;
		list_add_tail(&sort_items[i].node, &head);
	}
	model_sort(sort_want, n);
	list_sort(&run, &head, cmp);

	i = 0;
	list_for_each(pos, &head) {
		struct sel *s = container_of(pos, struct sel, node);

		if (i >= n || s->serial != sort_want[i].serial ||
		    pos->next->prev != pos) {
			KUNIT_FAIL(test,
				   "n=%u input=%d: position %u holds serial %u (value %d), model %u",
				   n, input, i, s->serial, s->value,
				   i < n ? sort_want[i].serial : 0);
			return false;
		}
		i++;
	}
	KUNIT_EXPECT_EQ_MSG(test, i, n, "length changed");
	KUNIT_EXPECT_PTR_EQ(test, head.prev->next, &head);
	KUNIT_EXPECT_FALSE(test, run.bad_arg);
	KUNIT_EXPECT_LE_MSG(test, run.compares, (unsigned long)n * ceil_log2(n),
			    "n=%u: more than n*ceil(log2 n) comparisons", n);
	return i == n && !run.bad_arg;
}

static void list_sort_matches_stable_model_small(struct kunit *test)
{
	struct rnd_state rs;

	prandom_seed_state(&rs, 17);
	for (unsigned int n = 0; n <= 70; n++)
		for (int rep = 0; rep < 4; rep++)
			if (!sort_one(test, &rs, n, 1 + n / 4, SORT_RANDOM,
				      sel_cmp))
				return;
}

static void list_sort_matches_stable_model_large(struct kunit *test)
{
	static const unsigned int sizes[] = {
		127,  128,  129,  255,	256,  257,  642,  1000,
		1023, 1024, 1025, 2049, 4095, 4096, 4097,
	};
	struct rnd_state rs;

	prandom_seed_state(&rs, 4242);
	for (unsigned int k = 0; k < ARRAY_SIZE(sizes); k++) {
		unsigned int n = sizes[k];

		if (!sort_one(test, &rs, n, n / 3, SORT_RANDOM, sel_cmp) ||
		    !sort_one(test, &rs, n, 2, SORT_RANDOM, sel_cmp_bool) ||
		    !sort_one(test, &rs, n, 0, SORT_ASCENDING, sel_cmp) ||
		    !sort_one(test, &rs, n, 0, SORT_DESCENDING, sel_cmp))
			return;
	}
}

static struct kunit_case list_sort_nodal_cases[] = {
	KUNIT_CASE(list_sort_matches_stable_model_small),
	KUNIT_CASE(list_sort_matches_stable_model_large),
	{}
};

static struct kunit_suite list_sort_nodal_suite = {
	.name = "list_sort_nodal",
	.test_cases = list_sort_nodal_cases,
};

/* ---- hash_nodal ---- */

/*
 * Linux's constants are 2^w - 2^w/phi (phi^-2 = 1 - 1/phi, the "negative"
 * form <linux/hash.h> describes): GOLDEN_RATIO_32 with 2^32/phi rounded,
 * GOLDEN_RATIO_64 with 2^64/phi truncated.  1/phi comes from Fibonacci
 * numbers: F(k)/F(k+1) differs from it by less than 1/F(k+1)^2, which is
 * below 2^-32 in units of 2^-64 once F(k+1) > 2^48 — far from the
 * fractions at stake (2^32/phi = ...769.497, 2^64/phi = ...485.95).  The
 * check multiplies instead of dividing (no 128-bit division in Nodal).
 */
static void fib_past_2_48(u64 *fk, u64 *fk1)
{
	u64 a = 1, b = 1; /* F(k), F(k+1) */

	while (b <= (1ULL << 48)) {
		u64 c = a + b;

		a = b;
		b = c;
	}
	*fk = a;
	*fk1 = b;
}

static void hash_golden_ratio_constants(struct kunit *test)
{
	typedef __int128 s128;
	u64 a, b;
	s128 inv32, inv64, err32, low64, high64;

	fib_past_2_48(&a, &b);
	/* 2^32/phi ~ 2^32 a/b: rounded to inv32 <=> |2^32 a - inv32 b| <= b/2 */
	inv32 = ((s128)1 << 32) - GOLDEN_RATIO_32;
	err32 = ((s128)a << 32) - inv32 * (s128)b;
	KUNIT_EXPECT_TRUE(test, 2 * err32 <= (s128)b && -2 * err32 <= (s128)b);
	/* 2^64/phi ~ 2^64 a/b: truncated to inv64 <=> inv64 b <= 2^64 a < (inv64+1) b */
	inv64 = ((s128)1 << 64) - (s128)GOLDEN_RATIO_64;
	low64 = inv64 * (s128)b;
	high64 = (inv64 + 1) * (s128)b;
	KUNIT_EXPECT_TRUE(test,
			  low64 <= ((s128)a << 64) && ((s128)a << 64) < high64);
	KUNIT_EXPECT_EQ(test, (u64)GOLDEN_RATIO_PRIME, (u64)GOLDEN_RATIO_64);
}

static void hash_values_follow_formula(struct kunit *test)
{
	const u64 g32 = GOLDEN_RATIO_32, g64 = GOLDEN_RATIO_64;
	struct rnd_state rs;

	prandom_seed_state(&rs, 99);
	for (int i = 0; i < 2000; i++) {
		u64 v64 = i < 3 ? (u64)i - 1 : prandom_u64_state(&rs);
		u32 v32 = (u32)v64;
		/* The products mod 2^32 / 2^64, computed wider. */
		u64 p32 = ((u64)v32 * g32) & 0xffffffffULL;
		u64 p64 = (u64)(((unsigned __int128)v64 * g64) &
				(unsigned __int128)~0ULL);

		for (unsigned int bits = 1; bits <= 32; bits++) {
			u32 want32 = (u32)(p32 >> (32 - bits));
			u32 want64 = (u32)(p64 >> (64 - bits));

			if (hash_32(v32, bits) != want32 ||
			    hash_64(v64, bits) != want64) {
				KUNIT_FAIL(test,
					   "v=%llx bits=%u: hash_32 %x want %x, hash_64 %x want %x",
					   (unsigned long long)v64, bits,
					   hash_32(v32, bits), want32,
					   hash_64(v64, bits), want64);
				return;
			}
		}
		KUNIT_EXPECT_EQ(test, hash_long((unsigned long)v64, 10),
				(u32)(p64 >> 54));
		KUNIT_EXPECT_EQ(test, hash_ptr((void *)(unsigned long)v64, 7),
				(u32)(p64 >> 57));
		KUNIT_EXPECT_EQ(test, hash32_ptr((void *)(unsigned long)v64),
				(u32)v64 ^ (u32)(v64 >> 32));
	}
}

struct hnode {
	u64 key;
	struct hlist_node node;
};

static void hash_min_picks_width_and_bucket(struct kunit *test)
{
	DEFINE_HASHTABLE(table, 6);
	struct hnode n[40], *obj;
	unsigned int bkt, found = 0;
	u16 k16 = 0xbeef;
	u64 k64 = 0x123456789abcdef0ULL;

	KUNIT_EXPECT_EQ(test, HASH_SIZE(table), (size_t)64);
	KUNIT_EXPECT_EQ(test, HASH_BITS(table), 6);
	/* Keys up to 4 bytes use hash_32, wider ones hash_64. */
	KUNIT_EXPECT_EQ(test, hash_min(k16, 6), hash_32(0xbeef, 6));
	KUNIT_EXPECT_EQ(test, hash_min(k64, 6), hash_64(k64, 6));
	KUNIT_EXPECT_NE(test, hash_64(k64, 6), hash_32((u32)k64, 6));

	for (unsigned int i = 0; i < ARRAY_SIZE(n); i++) {
		n[i].key = (u64)i * 0x9e3779b97f4a7c15ULL;
		hash_add(table, &n[i].node, n[i].key);
	}
	/* Each entry sits in bucket hash_64(key, 6), and only there. */
	hash_for_each(table, bkt, obj, node) {
		KUNIT_EXPECT_EQ(test, bkt, hash_64(obj->key, 6));
		found++;
	}
	KUNIT_EXPECT_EQ(test, found, (unsigned int)ARRAY_SIZE(n));
	for (unsigned int i = 0; i < ARRAY_SIZE(n); i++) {
		bool hit = false;

		hash_for_each_possible(table, obj, node, n[i].key)
			hit |= obj == &n[i];
		KUNIT_EXPECT_TRUE(test, hit);
	}
}

static struct kunit_case hash_nodal_cases[] = {
	KUNIT_CASE(hash_golden_ratio_constants),
	KUNIT_CASE(hash_values_follow_formula),
	KUNIT_CASE(hash_min_picks_width_and_bucket),
	{}
};

static struct kunit_suite hash_nodal_suite = {
	.name = "hash_nodal",
	.test_cases = hash_nodal_cases,
};

/* ---- klist_nodal ---- */

#define KL_NODES 64

struct kitem {
	struct klist_node kn;
	int id;
	bool released; /* [atomic] put() ran */
	bool removed;  /* [atomic] klist_remove() returned */
};

static struct kitem kitems[KL_NODES];
static unsigned int kl_gets, kl_puts; /* [atomic] */

static void kl_get(struct klist_node *n)
{
	(void)n;
	__atomic_fetch_add(&kl_gets, 1, __ATOMIC_RELAXED);
}

static void kl_put(struct klist_node *n)
{
	struct kitem *it = container_of(n, struct kitem, kn);

	__atomic_store_n(&it->released, true, __ATOMIC_RELEASE);
	__atomic_fetch_add(&kl_puts, 1, __ATOMIC_RELAXED);
}

static void kl_setup(struct klist *k, unsigned int n)
{
	kl_gets = kl_puts = 0;
	klist_init(k, kl_get, kl_put);
	for (unsigned int i = 0; i < n; i++) {
		kitems[i].id = (int)i;
		kitems[i].released = false;
		kitems[i].removed = false;
		klist_add_tail(&kitems[i].kn, k);
	}
}

static void klist_prev_and_init_node(struct kunit *test)
{
	struct klist k;
	struct klist_iter i;
	struct klist_node *n;
	int want = 4;

	kl_setup(&k, 5);
	KUNIT_EXPECT_EQ(test, kl_gets, 5u);
	klist_iter_init(&k, &i);
	while ((n = klist_prev(&i)))
		KUNIT_EXPECT_EQ(test, container_of(n, struct kitem, kn)->id,
				want--);
	KUNIT_EXPECT_EQ(test, want, -1);
	klist_iter_exit(&i);

	/* Started on node 2: next is 3; the start node is held meanwhile. */
	klist_iter_init_node(&k, &i, &kitems[2].kn);
	KUNIT_EXPECT_EQ(test, kref_read(&kitems[2].kn.n_ref), 2u);
	klist_del(&kitems[3].kn); /* dead: skipped, and released at once */
	KUNIT_EXPECT_TRUE(test, kitems[3].released);
	KUNIT_EXPECT_PTR_EQ(test, klist_next(&i), &kitems[4].kn);
	KUNIT_EXPECT_EQ(test, kref_read(&kitems[2].kn.n_ref), 1u);
	KUNIT_EXPECT_NULL(test, klist_next(&i));
	klist_iter_exit(&i);

	for (int id = 0; id < 5; id++)
		if (id != 3)
			klist_del(&kitems[id].kn);
	KUNIT_EXPECT_EQ(test, kl_puts, 5u);
	KUNIT_EXPECT_TRUE(test, list_empty(&k.k_list));
}

static int kref_releases;

static void kref_note_release(struct kref *r)
{
	(void)r;
	kref_releases++;
}

static void kref_counts_and_refuses_zero(struct kunit *test)
{
	struct kref r;

	kref_init(&r);
	KUNIT_EXPECT_EQ(test, kref_read(&r), 1u);
	kref_get(&r);
	KUNIT_EXPECT_EQ(test, kref_get_unless_zero(&r), 1);
	KUNIT_EXPECT_EQ(test, kref_read(&r), 3u);
	kref_releases = 0;
	KUNIT_EXPECT_EQ(test, kref_put(&r, kref_note_release), 0); /* not the last */
	KUNIT_EXPECT_EQ(test, kref_put(&r, kref_note_release), 0);
	KUNIT_EXPECT_EQ(test, kref_read(&r), 1u);
	KUNIT_EXPECT_EQ(test, kref_releases, 0);
	KUNIT_EXPECT_EQ(test, kref_put(&r, kref_note_release), 1);
	KUNIT_EXPECT_EQ(test, kref_releases, 1);
	KUNIT_EXPECT_EQ(test, kref_read(&r), 0u);
	KUNIT_EXPECT_EQ(test, kref_get_unless_zero(&r), 0);
	KUNIT_EXPECT_EQ(test, kref_read(&r), 0u);
}

/* Another online hart than this one, or -1. */
static int kl_other_cpu(void)
{
	unsigned int cpu;

	for_each_online_cpu(cpu)
		if (cpu != smp_processor_id())
			return (int)cpu;
	return -1;
}

struct holder {
	struct klist *k;
	bool holding;	     /* [atomic] the iterator stands on node 0 */
	bool removing;	     /* [atomic] the case is about to klist_remove */
	bool released_early; /* put() ran while the iterator still held it */
	bool exited;	     /* [atomic] klist_iter_exit() was called */
};

static int hold_node0(void *arg)
{
	struct holder *h = arg;
	struct klist_iter i;

	klist_iter_init(h->k, &i);
	if (klist_next(&i) != &kitems[0].kn) {
		klist_iter_exit(&i);
		return -1;
	}
	__atomic_store_n(&h->holding, true, __ATOMIC_RELEASE);
	while (!__atomic_load_n(&h->removing, __ATOMIC_ACQUIRE))
		cpu_relax();
	msleep(30); /* klist_remove() is running on the other hart */
	h->released_early = __atomic_load_n(&kitems[0].released, __ATOMIC_ACQUIRE);
	__atomic_store_n(&h->exited, true, __ATOMIC_RELEASE);
	klist_iter_exit(&i);
	return 0;
}

/* klist_remove() sleeps until another hart's iterator lets go. */
static void klist_remove_waits_for_iterator(struct kunit *test)
{
	int cpu = kl_other_cpu();
	struct holder h = { 0 };
	struct task_struct *t;
	struct klist k;

	if (cpu < 0)
		kunit_skip(test, "needs a second hart");
	kl_setup(&k, 3);
	h.k = &k;
	t = kthread_create_on_cpu(hold_node0, &h, (unsigned int)cpu, "klhold/%u");
	KUNIT_ASSERT_NOT_NULL(test, t);
	wake_up_process(t);
	while (!__atomic_load_n(&h.holding, __ATOMIC_ACQUIRE))
		msleep(1);
	__atomic_store_n(&h.removing, true, __ATOMIC_RELEASE);
	klist_remove(&kitems[0].kn);
	/*
	 * Returned only after the iterator let go, and the node is off the
	 * list.  put() runs on the hart that dropped the last reference, after
	 * the wake-up (as in Linux): it is checked once that task is joined.
	 */
	KUNIT_EXPECT_TRUE(test, __atomic_load_n(&h.exited, __ATOMIC_ACQUIRE));
	KUNIT_EXPECT_FALSE(test, klist_node_attached(&kitems[0].kn));
	KUNIT_EXPECT_PTR_EQ(test, k.k_list.next, &kitems[1].kn.n_node);
	KUNIT_EXPECT_EQ(test, kthread_wait(t), 0);
	KUNIT_EXPECT_FALSE(test, h.released_early);
	KUNIT_EXPECT_TRUE(test, kitems[0].released);
	KUNIT_EXPECT_EQ(test, kl_puts, 1u);
	klist_del(&kitems[1].kn);
	klist_del(&kitems[2].kn);
}

struct walker {
	struct klist *k;
	bool stop; /* [atomic] */
	unsigned long passes, visits;
	unsigned long bad; /* visits of a node released or removed */
};

static int walk_klist(void *arg)
{
	struct walker *w = arg;
	struct klist_node *n;
	struct klist_iter i;

	while (!__atomic_load_n(&w->stop, __ATOMIC_ACQUIRE)) {
		klist_iter_init(w->k, &i);
		while ((n = klist_next(&i))) {
			struct kitem *it = container_of(n, struct kitem, kn);

			if (__atomic_load_n(&it->released, __ATOMIC_ACQUIRE) ||
			    __atomic_load_n(&it->removed, __ATOMIC_ACQUIRE))
				w->bad++;
			w->visits++;
			for (int spin = 0; spin < 200; spin++) /* hold it a while */
				cpu_relax();
		}
		klist_iter_exit(&i);
		w->passes++;
		cond_resched();
	}
	return 0;
}

/* Random klist_remove()s on this hart while another hart walks the list. */
static void klist_remove_races_walker(struct kunit *test)
{
	int cpu = kl_other_cpu();
	struct walker w = { 0 };
	unsigned int order[KL_NODES];
	struct task_struct *t;
	struct rnd_state rs;
	struct klist_iter i;
	struct klist k;

	if (cpu < 0)
		kunit_skip(test, "needs a second hart");
	kl_setup(&k, KL_NODES);
	w.k = &k;
	prandom_seed_state(&rs, 7);
	for (unsigned int j = 0; j < KL_NODES; j++)
		order[j] = j;
	for (unsigned int j = KL_NODES - 1; j > 0; j--) { /* shuffle */
		unsigned int r = prandom_u32_below(&rs, j + 1), tmp = order[j];

		order[j] = order[r];
		order[r] = tmp;
	}
	t = kthread_create_on_cpu(walk_klist, &w, (unsigned int)cpu, "klwalk/%u");
	KUNIT_ASSERT_NOT_NULL(test, t);
	wake_up_process(t);
	while (!READ_ONCE(w.visits))
		msleep(1);
	for (unsigned int j = 0; j < KL_NODES; j++) {
		struct kitem *it = &kitems[order[j]];

		klist_remove(&it->kn);
		__atomic_store_n(&it->removed, true, __ATOMIC_RELEASE);
		/* Off the list now (put() may still run on the walker's hart). */
		KUNIT_EXPECT_FALSE(test, klist_node_attached(&it->kn));
		if (j % 8 == 0)
			msleep(1); /* let the walker make passes */
	}
	__atomic_store_n(&w.stop, true, __ATOMIC_RELEASE);
	KUNIT_EXPECT_EQ(test, kthread_wait(t), 0);
	KUNIT_EXPECT_EQ(test, w.bad, 0ul);
	KUNIT_EXPECT_GT(test, w.passes, 0ul);
	KUNIT_EXPECT_EQ(test, kl_gets, (unsigned int)KL_NODES);
	KUNIT_EXPECT_EQ(test, kl_puts, (unsigned int)KL_NODES);
	for (unsigned int j = 0; j < KL_NODES; j++)
		KUNIT_EXPECT_TRUE(test, kitems[j].released);
	klist_iter_init(&k, &i);
	KUNIT_EXPECT_NULL(test, klist_next(&i));
	klist_iter_exit(&i);
	KUNIT_EXPECT_TRUE(test, list_empty(&k.k_list));
	kunit_info(test, "walker: %lu passes, %lu visits", w.passes, w.visits);
}

static struct kunit_case klist_nodal_cases[] = {
	KUNIT_CASE(klist_prev_and_init_node),
	KUNIT_CASE(kref_counts_and_refuses_zero),
	KUNIT_CASE(klist_remove_waits_for_iterator),
	KUNIT_CASE(klist_remove_races_walker),
	{}
};

static struct kunit_suite klist_nodal_suite = {
	.name = "klist_nodal",
	.test_cases = klist_nodal_cases,
};

kunit_test_suites(&list_nodal_suite, &list_sort_nodal_suite, &hash_nodal_suite,
		  &klist_nodal_suite);
