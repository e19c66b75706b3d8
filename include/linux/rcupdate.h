/* SPDX-License-Identifier: MIT */
/*
 * include/linux/rcupdate.h — RCU: what Nodal has of it.
 *
 * Type-only.  Mirrors: <linux/rcupdate.h> and struct rcu_head of
 * <linux/types.h>, Linux 6.12.  Nodal has no RCU read-side critical
 * sections (no rcu_read_lock(), nothing reads RCU-protected data): a
 * grace period waits for every reader that was inside one when it began,
 * and there never is one, so every grace period has already elapsed.
 * kfree_rcu() (<linux/slab.h>) therefore frees at once, which is what
 * Linux's rule allows.  Add a reader, and this must become real RCU.
 */
#ifndef NODAL_LINUX_RCUPDATE_H
#define NODAL_LINUX_RCUPDATE_H

/* A callback queued for after a grace period (embedded in the object). */
struct callback_head {
	struct callback_head *next;
	void (*func)(struct callback_head *head);
} __attribute__((aligned(sizeof(void *))));
#define rcu_head callback_head

#endif /* NODAL_LINUX_RCUPDATE_H */
