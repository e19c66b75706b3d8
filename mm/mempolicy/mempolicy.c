/* SPDX-License-Identifier: MIT */
/*
 * mm/mempolicy/mempolicy.c — NUMA memory policies: which node each of a task's
 * page allocations aims at, and which nodes it may use.
 *
 * Overview     A task may carry a memory policy, set by set_mempolicy(); its
 *              alloc_pages() calls (alloc.c) ask this file
 *              for a start node and an allowed node set, then run the
 *              ordinary zonelist walk.  Interrupts, __GFP_THISNODE and
 *              alloc_pages_node() ignore policies.  The modes:
 *
 *              DEFAULT  the task has no policy (default_policy, LOCAL).
 *              LOCAL    the allocating CPU's node, then its fallback order;
 *                       a CPU of a memory-less node starts at its nearest
 *                       memory node, because that node's zonelist does.
 *              PREFERRED one node, then that node's fallback order.  With
 *                       several nodes given, the lowest one is kept.
 *              BIND     only the given nodes, nearest first in the
 *                       allocating CPU's fallback order.  When they are
 *                       full the allocation fails (NULL, counted, warned):
 *                       a bound task never gets memory from elsewhere.
 *              INTERLEAVE page by page over the nodes, round-robin: the
 *                       task's il_prev is the last node used, the next
 *                       allocation takes the next node of the set (after
 *                       set_mempolicy() the lowest).  A full node falls
 *                       back in its own fallback order.
 *              WEIGHTED_INTERLEAVE as INTERLEAVE, but node n gets
 *                       get_il_weight(n) pages in a row; il_weight is the
 *                       credit left on il_prev.  Weights {0: 3, 1: 1} give
 *                       0 0 0 1 0 0 0 1 ...
 *              PREFERRED_MANY the given nodes first (pass 1: only them,
 *                       without warning), then every node (pass 2).
 *
 *              Mode flags: STATIC keeps the requested nodes literally
 *              (effective = requested ∩ N_MEMORY); RELATIVE reads bit i as
 *              the i-th node of N_MEMORY, folded modulo their number
 *              ({1} with N_MEMORY {0, 2} is node 2).  With neither, nodes
 *              would be remapped when the allowed set changes — it never
 *              does here (no cpusets, no hotplug), so the three differ only
 *              in what get_mempolicy() reports and in RELATIVE's remap.
 *
 * Structures   task_struct ─mempolicy─▶ struct mempolicy (immutable), one
 *              of mpol_table[mode][flags >> 13][requested nodes]: every
 *              policy any task can hold has its slot, filled on first use
 *              and never freed or changed, so tasks share them without
 *              reference counts.  task_struct: il_prev, il_weight (cursor),
 *              numa_pages[] (counted by alloc.c).  iw_table[node]:
 *              interleave weights, 0 = the default 1.
 *
 * Locking      1. mpol_table_lock (leaf, interrupts off): filling a slot of
 *                 mpol_table.  Nothing else: a published policy is only
 *                 read; a task's policy, cursor and page counts are changed
 *                 by that task alone, in task context (interrupts use
 *                 default_policy and touch none of them), so preemption
 *                 cannot tear them; iw_table bytes are READ_ONCE/WRITE_ONCE.
 *
 * Per-CPU      None.  Policy state is per task, and a task stays on its
 *              hart (include/linux/sched.h).
 *
 * Invariants   MPOL-1 a policy reachable from a task never changes: its
 *                     slot holds what mpol_new() makes of the slot's key.
 *              MPOL-2 a stored policy has a mode other than DEFAULT, nodes
 *                     within N_MEMORY, non-empty except LOCAL (empty),
 *                     exactly one for PREFERRED, flags within
 *                     MPOL_MODE_FLAGS.  numa_validate_policies() checks 1-2.
 *              MPOL-3 a page of a BIND allocation (whose zone the policy
 *                     covers) lies on a node of the policy; asserted in
 *                     alloc_pages_mpol() (VM_WARN_ON_ONCE).
 *
 * Paths        alloc_pages() (mm/buddy), for a task with a policy of its
 *              own → the policy_alloc hook → alloc_pages_task_policy()
 *              (alloc.c) → alloc_pages_mpol() → policy_nodemask() (start
 *              node, node set; interleave advances the cursor) →
 *              __alloc_pages() [→ pass 2 for PREFERRED_MANY].  No locks,
 *              no allocation.  set_mempolicy(): validate everything, then
 *              find the slot (mpol_table_lock), then switch the pointer and
 *              reset the interleave cursor.  SLUB: mempolicy_slab_node()
 *              picks where get_any_partial() starts.
 *
 * Linux        mm/mempolicy.c (sanitize_mpol_flags, mpol_new,
 *              mpol_set_nodemask, do_set_mempolicy, do_get_mempolicy,
 *              policy_nodemask, interleave_nodes, weighted_interleave_nodes,
 *              alloc_pages_mpol, mempolicy_slab_node, mpol_to_str),
 *              include/uapi/linux/mempolicy.h, Documentation/admin-guide/
 *              mm/numa_memory_policy.rst.  Nodal differs as <linux/mempolicy.h>
 *              lists: task policies only, no cpusets or hotplug, static
 *              immutable policies, no boot-time interleave.  Linux 6.12's
 *              SLUB calls mempolicy_slab_node() once per slab it makes for
 *              a NUMA_NO_NODE request (get_any_partial()), before
 *              alloc_pages() picks the slab's page: under INTERLEAVE the
 *              cursor moves twice per new slab.  Nodal does the same; with
 *              two nodes every new slab then lands on the same node.
 *
 * Statistics   interleave_hit per zone (numastat), counted in
 *              alloc.c as Linux counts it: MPOL_INTERLEAVE only, when
 *              the page is on the node the cursor chose.  numa_pages[nid]
 *              per task: pages its task-context alloc_pages() calls placed
 *              on nid.  Printed by `policy` (mm/mempolicy/report.c).
 */
#include <linux/bug.h>
#include <linux/errno.h>
#include <linux/mempolicy.h>
#include <linux/mmdebug.h>
#include <linux/mmzone.h>
#include <linux/nodemask.h>
#include <linux/preempt.h>
#include <linux/printk.h>
#include <linux/sched.h>
#include <linux/smp.h>
#include <linux/spinlock.h>
#include <linux/sprintf.h>
#include <linux/string.h>
#include <linux/topology.h>

enum zone_type policy_zone = ZONE_DMA32;		/* [init] */

struct mempolicy default_policy = {
	.mode = MPOL_LOCAL,
};

/* Mode flags select one of eight slot rows: STATIC, RELATIVE, BALANCING. */
#define MPOL_FLAGS_SHIFT	13
#define MPOL_NR_FLAG_ROWS	((MPOL_MODE_FLAGS >> MPOL_FLAGS_SHIFT) + 1)
#define MPOL_NR_MASKS		(1 << MAX_NUMNODES)
_Static_assert(MPOL_MODE_FLAGS >> MPOL_FLAGS_SHIFT == 7, "three flag bits");

/* Every policy a task can hold: [mode][flag row][requested nodes]. */
static struct mempolicy mpol_table[MPOL_MAX][MPOL_NR_FLAG_ROWS][MPOL_NR_MASKS];
static DEFINE_SPINLOCK(mpol_table_lock);	/* filling a slot */

/* Interleave weights; 0 means the default weight 1.  [READ/WRITE_ONCE] */
static u8 iw_table[MAX_NUMNODES];

static const char *const policy_modes[MPOL_MAX] = {
	[MPOL_DEFAULT]		= "default",
	[MPOL_PREFERRED]	= "prefer",
	[MPOL_BIND]		= "bind",
	[MPOL_INTERLEAVE]	= "interleave",
	[MPOL_WEIGHTED_INTERLEAVE] = "weighted interleave",
	[MPOL_LOCAL]		= "local",
	[MPOL_PREFERRED_MANY]	= "prefer (many)",
};

const char *mpol_mode_name(int mode)
{
	return mode >= 0 && mode < MPOL_MAX ? policy_modes[mode] : "unknown";
}

/* ---- building a policy (validation) ---- */

/* The nodes a policy may use: no cpusets, so N_MEMORY (Linux's
 * cpuset_current_mems_allowed without CONFIG_CPUSETS). */
static nodemask_t mems_allowed(void)
{
	return node_states[N_MEMORY];
}

/* Linux's sanitize_mpol_flags(): split @mode into mode and mode flags. */
static int sanitize_mpol_flags(int *mode, unsigned short *flags,
			       const char **why)
{
	*flags = (unsigned short)(*mode & MPOL_MODE_FLAGS);
	*mode &= ~MPOL_MODE_FLAGS;
	if ((unsigned int)*mode >= MPOL_MAX) {
		*why = "unknown mode";
		return -EINVAL;
	}
	if ((*flags & MPOL_F_STATIC_NODES) && (*flags & MPOL_F_RELATIVE_NODES)) {
		*why = "static and relative exclude each other";
		return -EINVAL;
	}
	if ((*flags & MPOL_F_NUMA_BALANCING) &&
	    *mode != MPOL_BIND && *mode != MPOL_PREFERRED_MANY) {
		*why = "balancing goes only with bind and preferred_many";
		return -EINVAL;
	}
	return 0;
}

/*
 * mpol_relative_nodemask() - Linux's nodes_fold() then nodes_onto(): bit
 * i of @orig selects the (i mod |rel|)-th node of @rel.
 */
static nodemask_t mpol_relative_nodemask(const nodemask_t *orig,
					 const nodemask_t *rel)
{
	nodemask_t ret = NODE_MASK_NONE;
	int w = (int)nodes_weight(*rel), i, n;

	if (!w)
		return ret;
	for_each_node_mask(i, *orig) {
		int nth = 0;

		for_each_node_mask(n, *rel)
			if (nth++ == i % w)
				node_set(n, ret);
	}
	return ret;
}

/* mpol_new()'s checks of @nodes against the mode; may turn PREFERRED into LOCAL. */
static int mpol_check_nodes(unsigned short *mode, unsigned short flags,
			    const nodemask_t *nodes, const char **why)
{
	bool rel_or_static = flags & (MPOL_F_STATIC_NODES | MPOL_F_RELATIVE_NODES);

	switch (*mode) {
	case MPOL_DEFAULT:
		*why = "default takes no nodes";
		return nodes_empty(*nodes) ? 0 : -EINVAL;
	case MPOL_PREFERRED:
		if (!nodes_empty(*nodes))
			return 0;
		*why = "an empty preferred means local, which takes no static or relative";
		if (rel_or_static)
			return -EINVAL;
		*mode = MPOL_LOCAL;
		return 0;
	case MPOL_LOCAL:
		*why = "local takes no nodes and no static or relative";
		return nodes_empty(*nodes) && !rel_or_static ? 0 : -EINVAL;
	default:
		*why = "this mode needs at least one node";
		return nodes_empty(*nodes) ? -EINVAL : 0;
	}
}

/*
 * mpol_new() - Linux's mpol_new() and mpol_set_nodemask() into @pol: check
 * @nodes against the mode, then reduce them to allowed nodes (remapped for
 * RELATIVE) and keep what get_mempolicy() reports.  @pol->mode is
 * MPOL_DEFAULT when the task is to have no policy.  Changes nothing else.
 */
static int mpol_new(unsigned short mode, unsigned short flags,
		    const nodemask_t *nodes, struct mempolicy *pol,
		    const char **why)
{
	nodemask_t allowed = mems_allowed(), eff;
	int err = mpol_check_nodes(&mode, flags, nodes, why);

	if (err)
		return err;
	*pol = (struct mempolicy){ .mode = mode, .flags = flags };
	if (mode == MPOL_DEFAULT || mode == MPOL_LOCAL)
		return 0;
	if (flags & MPOL_F_RELATIVE_NODES)
		eff = mpol_relative_nodemask(nodes, &allowed);
	else
		nodes_and(eff, *nodes, allowed);
	if (flags & MPOL_MODE_FLAGS)
		pol->w.user_nodemask = *nodes;
	else
		pol->w.cpuset_mems_allowed = allowed;
	if (nodes_empty(eff)) {
		*why = "none of these nodes has memory";
		return -EINVAL;
	}
	if (mode == MPOL_PREFERRED)
		pol->nodes = nodemask_of_node(first_node(eff));
	else
		pol->nodes = eff;
	return 0;
}

static struct mempolicy *mpol_slot(const struct mempolicy *pol,
				   const nodemask_t *requested)
{
	return &mpol_table[pol->mode][pol->flags >> MPOL_FLAGS_SHIFT]
			  [__nodes_word(*requested)];
}

static bool mpol_equal(const struct mempolicy *a, const struct mempolicy *b)
{
	return a->mode == b->mode && a->flags == b->flags &&
	       nodes_equal(a->nodes, b->nodes) &&
	       nodes_equal(a->w.user_nodemask, b->w.user_nodemask);
}

/* The shared immutable copy of @new (requested as @requested). */
static struct mempolicy *mpol_intern(const struct mempolicy *new,
				     const nodemask_t *requested)
{
	struct mempolicy *slot = mpol_slot(new, requested);
	unsigned long flags;

	spin_lock_irqsave(&mpol_table_lock, flags);
	if (slot->mode == MPOL_DEFAULT)		/* empty slot */
		*slot = *new;
	spin_unlock_irqrestore(&mpol_table_lock, flags);
	VM_BUG_ON(!mpol_equal(slot, new));	/* MPOL-1 */
	return slot;
}

/* ---- the task's policy ---- */

int set_mempolicy_explain(int mode, const nodemask_t *nodes, const char **why)
{
	const nodemask_t none = NODE_MASK_NONE;
	struct task_struct *me = current;
	struct mempolicy new, *pol = NULL;
	unsigned short flags;
	const char *unused;
	int err;

	if (!why)
		why = &unused;
	if (WARN_ON_ONCE(in_interrupt())) {
		*why = "set_mempolicy() from an interrupt";
		return -EINVAL;
	}
	if (!nodes)
		nodes = &none;
	err = sanitize_mpol_flags(&mode, &flags, why);
	if (!err)
		err = mpol_new((unsigned short)mode, flags, nodes, &new, why);
	if (err)
		return err;
	if (new.mode != MPOL_DEFAULT)
		pol = mpol_intern(&new, nodes);
	WRITE_ONCE(me->mempolicy, pol);
	if (pol && (pol->mode == MPOL_INTERLEAVE ||
		    pol->mode == MPOL_WEIGHTED_INTERLEAVE)) {
		me->il_prev = MAX_NUMNODES - 1;
		me->il_weight = 0;
	}
	return 0;
}

int set_mempolicy(int mode, const nodemask_t *nodes)
{
	return set_mempolicy_explain(mode, nodes, NULL);
}

struct mempolicy *get_task_policy(struct task_struct *p)
{
	struct mempolicy *pol = READ_ONCE(p->mempolicy);

	return pol ? pol : &default_policy;
}

/* get_mempolicy()'s MPOL_F_NODE: the node the next interleave page takes. */
static int next_interleave_node(struct task_struct *me, struct mempolicy *pol)
{
	if (pol->mode == MPOL_INTERLEAVE)
		return next_node_in(me->il_prev, pol->nodes);
	if (me->il_weight)
		return me->il_prev;
	return next_node_in(me->il_prev, pol->nodes);
}

int get_mempolicy(int *policy, nodemask_t *nmask, unsigned long flags)
{
	struct task_struct *me = current;
	struct mempolicy *pol = get_task_policy(me);

	if (flags & ~(unsigned long)(MPOL_F_NODE | MPOL_F_ADDR |
				     MPOL_F_MEMS_ALLOWED))
		return -EINVAL;
	if (flags & MPOL_F_MEMS_ALLOWED) {
		if (flags & (MPOL_F_NODE | MPOL_F_ADDR))
			return -EINVAL;
		*policy = 0;
		if (nmask)
			*nmask = mems_allowed();
		return 0;
	}
	if (flags & MPOL_F_ADDR)
		return -EINVAL;		/* no address spaces to look up */
	if (flags & MPOL_F_NODE) {
		if (pol == &default_policy || (pol->mode != MPOL_INTERLEAVE &&
					       pol->mode != MPOL_WEIGHTED_INTERLEAVE))
			return -EINVAL;
		*policy = next_interleave_node(me, pol);
	} else {
		*policy = pol == &default_policy ? MPOL_DEFAULT : pol->mode;
		*policy |= pol->flags & MPOL_MODE_FLAGS;
	}
	if (nmask) {
		if (pol->flags & MPOL_MODE_FLAGS)
			*nmask = pol->w.user_nodemask;
		else
			*nmask = pol->nodes;	/* empty for DEFAULT and LOCAL */
	}
	return 0;
}

/* ---- where an allocation goes ---- */

/* Task-based interleave: the node after il_prev in the set. */
static unsigned int interleave_nodes(struct mempolicy *pol)
{
	struct task_struct *me = current;
	int nid = next_node_in(me->il_prev, pol->nodes);

	if (nid < MAX_NUMNODES)
		me->il_prev = nid;
	return (unsigned int)nid;
}

/* Task-based weighted interleave: spend il_weight on il_prev, then move on. */
static unsigned int weighted_interleave_nodes(struct mempolicy *pol)
{
	struct task_struct *me = current;
	int node = me->il_prev;

	if (!me->il_weight || !node_isset(node, pol->nodes)) {
		node = next_node_in(node, pol->nodes);
		if (node == MAX_NUMNODES)
			return (unsigned int)node;
		me->il_prev = node;
		me->il_weight = get_il_weight(node);
	}
	me->il_weight--;
	return (unsigned int)node;
}

/* BIND filters only allocations that may use policy_zone (Linux). */
static bool apply_policy_zone(enum zone_type zone)
{
	return zone >= policy_zone;
}

nodemask_t *policy_nodemask(enum zone_type zone, struct mempolicy *pol,
			    int *nid)
{
	switch (pol->mode) {
	case MPOL_PREFERRED:
		*nid = first_node(pol->nodes);
		return NULL;
	case MPOL_PREFERRED_MANY:
		return &pol->nodes;
	case MPOL_BIND:
		return apply_policy_zone(zone) ? &pol->nodes : NULL;
	case MPOL_INTERLEAVE:
		*nid = (int)interleave_nodes(pol);
		return NULL;
	case MPOL_WEIGHTED_INTERLEAVE:
		*nid = (int)weighted_interleave_nodes(pol);
		return NULL;
	default:			/* MPOL_LOCAL: this CPU's node */
		return NULL;
	}
}

/* The node of the first zone (up to Normal) of @nid's fallback list in @mask. */
static int first_node_in_zonelist(int nid, const nodemask_t *mask)
{
	struct zonelist *zl = &NODE_DATA(nid)->node_zonelists[ZONELIST_FALLBACK];
	struct zoneref *z;

	for_each_zoneref(z, zl)
		if (z->zone_idx <= ZONE_NORMAL && node_isset(z->zone->node, *mask))
			return z->zone->node;
	return nid;
}

unsigned int mempolicy_slab_node(void)
{
	int node = numa_mem_id();
	struct mempolicy *pol;

	if (in_interrupt())
		return (unsigned int)node;
	pol = READ_ONCE(current->mempolicy);
	if (!pol)
		return (unsigned int)node;
	switch (pol->mode) {
	case MPOL_PREFERRED:
		return (unsigned int)first_node(pol->nodes);
	case MPOL_INTERLEAVE:
		return interleave_nodes(pol);
	case MPOL_WEIGHTED_INTERLEAVE:
		return weighted_interleave_nodes(pol);
	case MPOL_BIND:
	case MPOL_PREFERRED_MANY:	/* gfp_zone(GFP_KERNEL) = Normal */
		return (unsigned int)first_node_in_zonelist(node, &pol->nodes);
	default:
		return (unsigned int)node;
	}
}

/* ---- weights ---- */

u8 get_il_weight(int node)
{
	u8 weight = node >= 0 && node < MAX_NUMNODES ? READ_ONCE(iw_table[node]) : 0;

	return weight ? weight : 1;
}

int mpol_set_il_weight(int node, unsigned int weight)
{
	if (!node_possible(node) || weight > 255)
		return -EINVAL;
	WRITE_ONCE(iw_table[node], (u8)weight);
	return 0;
}

/* ---- text: numa_maps format, the shell's syntax ---- */

void mpol_to_str(char *buffer, int maxlen, struct mempolicy *pol)
{
	unsigned short mode = MPOL_DEFAULT, flags = 0;
	int pos;

	if (maxlen <= 0)
		return;
	if (pol && pol != &default_policy) {
		mode = pol->mode;
		flags = pol->flags;
	}
	pos = scnprintf(buffer, (size_t)maxlen, "%s", mpol_mode_name(mode));
	if (flags & MPOL_MODE_FLAGS) {
		const char *sep = "=";

		if (flags & MPOL_F_STATIC_NODES) {
			pos += scnprintf(buffer + pos, (size_t)(maxlen - pos), "=static");
			sep = "|";
		} else if (flags & MPOL_F_RELATIVE_NODES) {
			pos += scnprintf(buffer + pos, (size_t)(maxlen - pos), "=relative");
			sep = "|";
		}
		if (flags & MPOL_F_NUMA_BALANCING)
			pos += scnprintf(buffer + pos, (size_t)(maxlen - pos),
					 "%sbalancing", sep);
	}
	if (mode != MPOL_DEFAULT && !nodes_empty(pol->nodes)) {
		pos += scnprintf(buffer + pos, (size_t)(maxlen - pos), ":");
		__nodelist_scnprintf(buffer + pos, maxlen - pos, &pol->nodes);
	}
}

struct mpol_word {
	const char *name;
	int value;
};

/* The shell's mode names, with Linux's numa_maps words as aliases. */
static const struct mpol_word mode_words[] = {
	{ "default", MPOL_DEFAULT },		{ "local", MPOL_LOCAL },
	{ "preferred", MPOL_PREFERRED },	{ "prefer", MPOL_PREFERRED },
	{ "bind", MPOL_BIND },			{ "interleave", MPOL_INTERLEAVE },
	{ "preferred_many", MPOL_PREFERRED_MANY },
	{ "prefer_many", MPOL_PREFERRED_MANY },
	{ "weighted_interleave", MPOL_WEIGHTED_INTERLEAVE },
	{ "weighted", MPOL_WEIGHTED_INTERLEAVE },
	{ NULL, 0 }
};

/* Mode flags as tmpfs's mpol= option spells them. */
static const struct mpol_word flag_words[] = {
	{ "static", MPOL_F_STATIC_NODES },
	{ "relative", MPOL_F_RELATIVE_NODES },
	{ "balancing", MPOL_F_NUMA_BALANCING },
	{ NULL, 0 }
};

/* The value of the first @len characters of @s in @words; -1 if absent. */
static int lookup_word(const struct mpol_word *words, const char *s, size_t len)
{
	for (; words->name; words++)
		if (strlen(words->name) == len && !strncmp(words->name, s, len))
			return words->value;
	return -1;
}

int mpol_parse(const char *str, int *mode, nodemask_t *nodes, const char **why)
{
	const char *colon = strchr(str, ':'), *eq = strchr(str, '=');
	size_t mode_len = strcspn(str, "=:");
	int m, f = 0, err;

	if (eq && colon && eq > colon)
		eq = NULL;		/* an '=' among the nodes is malformed */
	m = lookup_word(mode_words, str, mode_len);
	if (m < 0) {
		*why = "unknown mode (default, local, preferred, bind, interleave, preferred_many, weighted_interleave)";
		return -EINVAL;
	}
	if (eq) {
		size_t len = colon ? (size_t)(colon - eq - 1) : strlen(eq + 1);

		f = lookup_word(flag_words, eq + 1, len);
		if (f < 0) {
			*why = "unknown mode flag (static, relative, balancing)";
			return -EINVAL;
		}
	}
	err = colon ? nodelist_parse(colon + 1, *nodes) : 0;
	if (!colon)
		nodes_clear(*nodes);
	if (err) {
		*why = err == -ERANGE ? "node number past MAX_NUMNODES - 1 (3)" :
					"malformed node list (e.g. 0-1,3)";
		return -EINVAL;
	}
	*mode = m | f;
	return 0;
}

/* ---- validation ---- */

/* MPOL-2 for one stored policy. */
static bool mpol_well_formed(const struct mempolicy *pol)
{
	if (pol->mode == MPOL_DEFAULT || pol->mode >= MPOL_MAX ||
	    (pol->flags & ~MPOL_MODE_FLAGS) ||
	    !nodes_subset(pol->nodes, node_states[N_MEMORY]))
		return false;
	if (pol->mode == MPOL_LOCAL)
		return nodes_empty(pol->nodes);
	if (pol->mode == MPOL_PREFERRED)
		return nodes_weight(pol->nodes) == 1;
	return !nodes_empty(pol->nodes);
}

/* MPOL-1 and MPOL-2 for the slot of (@mode, flag row @row, requested @key). */
static int validate_slot(int mode, int row, int key)
{
	struct mempolicy *slot = &mpol_table[mode][row][key], again;
	nodemask_t requested = { { (unsigned long)key } };
	const char *why;
	int errors = 0;

	if (READ_ONCE(slot->mode) == MPOL_DEFAULT)
		return 0;		/* never used */
	if (!mpol_well_formed(slot)) {
		pr_err("mempolicy: MPOL-2 slot [%d][%d][%#x]: mode %u flags %#x nodes %#lx\n",
		       mode, row, key, slot->mode, slot->flags, slot->nodes.bits[0]);
		errors++;
	}
	if (mpol_new((unsigned short)mode, (unsigned short)(row << MPOL_FLAGS_SHIFT),
		     &requested, &again, &why) || !mpol_equal(slot, &again)) {
		pr_err("mempolicy: MPOL-1 slot [%d][%d][%#x] differs from its key\n",
		       mode, row, key);
		errors++;
	}
	return errors;
}

int numa_validate_policies(void)
{
	int errors = 0;

	for (int i = 0; i < MPOL_MAX * MPOL_NR_FLAG_ROWS * MPOL_NR_MASKS; i++)
		errors += validate_slot(i / (MPOL_NR_FLAG_ROWS * MPOL_NR_MASKS),
					i / MPOL_NR_MASKS % MPOL_NR_FLAG_ROWS,
					i % MPOL_NR_MASKS);
	return errors ? -EINVAL : 0;
}
