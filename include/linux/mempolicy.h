/* SPDX-License-Identifier: MIT */
/*
 * include/linux/mempolicy.h — NUMA memory policies: on which nodes a task's
 * alloc_pages() calls take their pages.
 *
 * Implemented by: mm/mempolicy/mempolicy.c (the policies, their validation,
 * the node each allocation aims at, interleave weights, formatting and
 * parsing) and mm/mempolicy/alloc.c (alloc_pages() under the policy,
 * interleave_hit, the per-task page counts).  Theory: mm/mempolicy/mempolicy.c.
 * Mirrors: <linux/mempolicy.h> and <uapi/linux/mempolicy.h> of Linux
 * 6.12: the same names, numeric values and meaning.
 *
 * Differences from Linux:
 *  - task policies only: no mbind() or VMA and shared policies (so no
 *    MPOL_F_ADDR lookups and no index-based interleave), no home node, no
 *    page migration; MPOL_F_NUMA_BALANCING is validated as Linux validates
 *    it and then has no effect (there is no NUMA balancing);
 *  - no cpusets and no memory hotplug: the nodes a policy may use are
 *    N_MEMORY, fixed at boot, so a policy is never rebound;
 *  - set_mempolicy() and get_mempolicy() take a nodemask_t, not a user
 *    bitmap with maxnode, and act on the calling task (current);
 *  - policies are immutable objects from a static table, one per (mode,
 *    flags, requested nodes), filled on first use and never freed: no
 *    reference counts, no mpol_get()/mpol_put(), set_mempolicy() never
 *    fails for lack of memory, and a task that ends need not drop its
 *    policy (mm/mempolicy sits below SLUB, so it cannot kmalloc);
 *  - a task without a policy uses default_policy (MPOL_LOCAL), as Linux
 *    does before numa_policy_init(); afterwards Linux hands out a per-node
 *    MPOL_PREFERRED for the current node, which places pages the same way
 *    and exists for NUMA balancing;
 *  - Linux interleaves the boot task's allocations until
 *    numa_default_policy(); Nodal boots under the default policy (its boot
 *    structures are placed on their nodes explicitly);
 *  - task_struct::numa_pages, the pages each task placed per node, is
 *    Nodal's own (see alloc_pages() in <linux/gfp.h>).
 */
#ifndef NODAL_MEMPOLICY_H
#define NODAL_MEMPOLICY_H

#include <linux/mmzone.h>
#include <linux/nodemask.h>
#include <linux/types.h>

/* Modes (uapi), Linux's values. */
enum {
	MPOL_DEFAULT,		/* no task policy: local, fallback by distance */
	MPOL_PREFERRED,		/* one node first, then its fallback order */
	MPOL_BIND,		/* only these nodes, nearest first; else fail */
	MPOL_INTERLEAVE,	/* page by page round-robin over the nodes */
	MPOL_LOCAL,		/* the allocating CPU's node, then fallback */
	MPOL_PREFERRED_MANY,	/* these nodes first, then every node */
	MPOL_WEIGHTED_INTERLEAVE, /* round-robin, get_il_weight(n) pages each */
	MPOL_MAX,
};

/* Mode flags, or-ed into the mode given to set_mempolicy(). */
#define MPOL_F_STATIC_NODES	(1 << 15)	/* the nodes as given, literally */
#define MPOL_F_RELATIVE_NODES	(1 << 14)	/* bit i = the i-th allowed node */
#define MPOL_F_NUMA_BALANCING	(1 << 13)	/* accepted, no effect here */
#define MPOL_MODE_FLAGS \
	(MPOL_F_STATIC_NODES | MPOL_F_RELATIVE_NODES | MPOL_F_NUMA_BALANCING)

/* get_mempolicy() flags. */
#define MPOL_F_NODE		(1 << 0)	/* the next interleave node */
#define MPOL_F_ADDR		(1 << 1)	/* refused: no address spaces */
#define MPOL_F_MEMS_ALLOWED	(1 << 2)	/* the nodes a policy may use */

/*
 * One memory policy.  Immutable once published: every field is set before
 * the object is reachable from a task, then only read.
 */
struct mempolicy {
	unsigned short mode;	/* [init] MPOL_*, never MPOL_DEFAULT */
	unsigned short flags;	/* [init] MPOL_F_* mode flags */
	nodemask_t nodes;	/* [init] effective nodes (empty for LOCAL) */
	union {
		nodemask_t user_nodemask;	/* [init] as requested (flags) */
		nodemask_t cpuset_mems_allowed;	/* [init] allowed then (no flags) */
	} w;
};

/* The policy of tasks without one (MPOL_LOCAL), and of interrupts. */
extern struct mempolicy default_policy;

/*
 * policy_zone - the highest populated zone below ZONE_MOVABLE on any node;
 * MPOL_BIND filters only allocations that may use it (Linux: it keeps
 * DMA32-only requests from being bound on machines with Normal memory).
 * Set by numa_policy_init() from the populated zones [init] (Linux sets it
 * while building the zonelists; mm/numa sits below the policies here).
 */
extern enum zone_type policy_zone;

struct task_struct;

/**
 * set_mempolicy() - give the calling task a memory policy
 * @mode: MPOL_* or-ed with MPOL_F_* mode flags
 * @nodes: the nodes (NULL: none); bits of nodes without memory are dropped
 *	(or remapped, with MPOL_F_RELATIVE_NODES)
 *
 * Validates as Linux's sanitize_mpol_flags(), mpol_new() and
 * mpol_set_nodemask(): an unknown mode, STATIC with RELATIVE, NUMA_BALANCING
 * outside BIND and PREFERRED_MANY, nodes given to DEFAULT or LOCAL (or a
 * flag to LOCAL), no nodes for BIND, INTERLEAVE, WEIGHTED_INTERLEAVE and
 * PREFERRED_MANY, or no node with memory left in @nodes, are -EINVAL.  An
 * empty PREFERRED becomes LOCAL; PREFERRED keeps the first node.  On
 * success an (weighted) interleave policy restarts at the lowest node
 * (il_prev = MAX_NUMNODES - 1, il_weight = 0); other modes leave the
 * cursor as it was.  MPOL_DEFAULT removes the task's policy.
 * Context: task (not an interrupt); changes only current's policy.
 * Return: 0, or -EINVAL with the old policy and cursor untouched.
 */
int set_mempolicy(int mode, const nodemask_t *nodes);

/**
 * numa_policy_init() - connect the policies to the page allocator
 *
 * Registers the allocation under a task policy with alloc_pages()
 * (page_alloc_set_policy_alloc(), <linux/gfp.h>).  Linux's function of the
 * same name sets up the default policies; here it is the hook alone.
 * Context: start_kernel(), after page_alloc_init(), before any task runs.
 */
void numa_policy_init(void);

/**
 * set_mempolicy_explain() - set_mempolicy() that also says why it refused
 * @why: set to a sentence naming the broken rule when -EINVAL is returned
 */
int set_mempolicy_explain(int mode, const nodemask_t *nodes, const char **why);

/**
 * get_mempolicy() - the calling task's policy, as get_mempolicy(2) tells it
 * @policy: the mode | mode flags (MPOL_DEFAULT without a task policy); with
 *	MPOL_F_NODE, the node the next (weighted) interleave allocation takes
 * @nmask: if not NULL, the requested nodes for a policy with mode flags,
 *	else the effective ones (empty for DEFAULT and LOCAL); with
 *	MPOL_F_MEMS_ALLOWED, the nodes a policy may use (N_MEMORY)
 * @flags: 0, MPOL_F_NODE or MPOL_F_MEMS_ALLOWED
 *
 * Context: task.  Return: 0; -EINVAL for unknown flags, MPOL_F_ADDR,
 * MPOL_F_MEMS_ALLOWED with another flag, or MPOL_F_NODE when the task's
 * policy is not an interleave one (as Linux).
 */
int get_mempolicy(int *policy, nodemask_t *nmask, unsigned long flags);

/**
 * get_task_policy() - the policy @p's allocations follow
 *
 * Context: @p is current, or a racy look for a report.
 * Return: @p's policy, or &default_policy.
 */
struct mempolicy *get_task_policy(struct task_struct *p);

/**
 * policy_nodemask() - where an allocation under @pol aims
 * @zone: the highest zone the allocation may use (gfp_zone(gfp))
 * @pol: the policy
 * @nid: in: the allocating CPU's node; out: the node whose zonelist the
 *	allocation walks (PREFERRED's node, the next interleave node)
 *
 * Linux's policy_nodemask() for task policies (no interleave index), with
 * gfp_zone(gfp) passed in because mm/numa sits below <linux/gfp.h>.  An
 * (weighted) interleave policy advances current's cursor.
 * Context: task (it may change current's il_prev and il_weight).
 * Return: the nodes the allocation may use, or NULL for all (a pointer
 * into @pol, valid as long as @pol: forever).
 */
nodemask_t *policy_nodemask(enum zone_type zone, struct mempolicy *pol,
			    int *nid);

/**
 * mempolicy_slab_node() - the node SLUB starts its search of other nodes'
 * partial lists at, for an allocation on no particular node
 *
 * numa_mem_id() in an interrupt or without a task policy; PREFERRED's node;
 * the next (weighted) interleave node, advancing the cursor as an
 * allocation would; for BIND and PREFERRED_MANY the first node of the
 * policy in this CPU's fallback order; LOCAL's numa_mem_id().
 * Context: any.  Return: a node id.
 */
unsigned int mempolicy_slab_node(void);

/**
 * get_il_weight() - weighted interleave's weight of @node (1..255; 1 unset)
 * Context: any.
 */
u8 get_il_weight(int node);

/**
 * mpol_set_il_weight() - set @node's weighted-interleave weight, as a write
 * to Linux's /sys/kernel/mm/mempolicy/weighted_interleave/nodeN does
 * @weight: 1..255, or 0 to restore the default (1)
 *
 * Tasks pick the new weight up when their cursor next moves to @node.
 * Context: any.  Return: 0, or -EINVAL for an impossible node or weight.
 */
int mpol_set_il_weight(int node, unsigned int weight);

/* mpol_to_str() needs 64 bytes at most with MAX_NUMNODES = 4. */
#define MPOL_STR_LEN	64

/**
 * mpol_to_str() - @pol as /proc/PID/numa_maps prints it
 *
 * "default" (NULL or default_policy), "local", "prefer:1", "bind=static:1",
 * "interleave:0-1", "prefer (many):0,2", "weighted interleave:0-3"; the
 * nodes are the effective ones.  Truncated to @maxlen - 1 characters.
 */
void mpol_to_str(char *buffer, int maxlen, struct mempolicy *pol);

/**
 * mpol_parse() - parse "MODE[=FLAGS][:NODES]" for the shell and tests
 * @str: MODE is default, local, preferred (prefer), bind, interleave,
 *	preferred_many (prefer_many), weighted_interleave; FLAGS static,
 *	relative or balancing (as in tmpfs's mpol= option); NODES a node list
 * @mode: MPOL_* | MPOL_F_* for set_mempolicy()
 * @nodes: the nodes (empty without ":NODES")
 * @why: set to what is wrong when -EINVAL is returned
 *
 * Only the syntax is checked; set_mempolicy() judges the combination (so
 * "preferred:0-1" keeps node 0, as set_mempolicy() would, where tmpfs's
 * mpol_parse_str() refuses it).  Return: 0 or -EINVAL.
 */
int mpol_parse(const char *str, int *mode, nodemask_t *nodes, const char **why);

/**
 * numa_validate_policies() - check MPOL-1 and MPOL-2 on every stored policy
 * (mm/mempolicy/mempolicy.c), printing each broken one
 * Context: any.  Return: 0 or -EINVAL.
 */
int numa_validate_policies(void);

/** mpol_mode_name() - "bind", "prefer (many)" ... (Linux's policy_modes[]) */
const char *mpol_mode_name(int mode);

#endif /* NODAL_MEMPOLICY_H */
