/* SPDX-License-Identifier: MIT */
/*
 * tests/kunit/zonelist_model.h — Linux's fallback order of nodes, computed
 * from the distance table, for the tests that check zonelists
 * (numa_kunit.c, buddy_kunit.c).  Not the kernel's code: written from
 * Linux 6.12's rule (mm/page_alloc.c build_zonelists, find_next_best_node)
 * so a test can compare what mm/numa/mmzone.c built with it.
 *
 * The rule: a node's list starts with itself if it has memory; then, over
 * and over, the unused memory node of least score, where score = (distance
 * + 1 if its id is lower than the list's node + 1 if it has CPUs) ×
 * MAX_NUMNODES + node_load, ties to the lowest id.  node_load starts at 0
 * for every node, and is carried from one node's list to the next, built
 * in id order: each time a list steps to a new distance, the node it steps
 * to gets one more load, so the next list that finds several nodes at one
 * distance starts with a less loaded one.  Linux builds a list for every
 * possible node; Nodal's possible nodes are its online ones.
 */
#ifndef NODAL_TESTS_ZONELIST_MODEL_H
#define NODAL_TESTS_ZONELIST_MODEL_H

#include <linux/cpumask.h>
#include <linux/nodemask.h>
#include <linux/topology.h>

static inline int zonelist_model_score(int node, int n, const int *load)
{
	int score = node_distance(node, n) + (n < node) +
		    !cpumask_empty(cpumask_of_node(n));

	return score * MAX_NUMNODES + load[n];
}

/* The next node of @node's list, or NUMA_NO_NODE; marks it used. */
static inline int zonelist_model_next(int node, bool *used, const int *load)
{
	int best = NUMA_NO_NODE, n;

	if (!used[node] && node_state(node, N_MEMORY)) {
		used[node] = true;
		return node;
	}
	for_each_node_state(n, N_MEMORY)
		if (!used[n] && (best == NUMA_NO_NODE ||
				 zonelist_model_score(node, n, load) <
					 zonelist_model_score(node, best, load)))
			best = n;
	if (best != NUMA_NO_NODE)
		used[best] = true;
	return best;
}

/**
 * linux_fallback_order() - @want's fallback order of memory nodes by
 * Linux's rule, into @order (MAX_NUMNODES entries).  Return: how many.
 */
static inline int linux_fallback_order(int want, int *order)
{
	int load[MAX_NUMNODES] = { 0 }, nid;

	for_each_online_node(nid) {
		bool used[MAX_NUMNODES] = { false };
		int prev = nid, n, nr = 0;

		while ((n = zonelist_model_next(nid, used, load)) != NUMA_NO_NODE) {
			if (node_distance(nid, n) != node_distance(nid, prev))
				load[n]++;
			prev = n;
			order[nr++] = n;
		}
		if (nid == want)
			return nr;
	}
	return 0;
}

#endif /* NODAL_TESTS_ZONELIST_MODEL_H */
