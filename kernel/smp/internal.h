/* SPDX-License-Identifier: MIT */
/*
 * kernel/smp/internal.h — private to kernel/smp: what the lock_stat report
 * (lock_stat.c) reads of the lock classes that spinlock.c keeps.
 */
#ifndef NODAL_SMP_INTERNAL_H
#define NODAL_SMP_INTERNAL_H

#include <linux/spinlock.h>

#define NR_POINTS 4 /* call sites remembered per class and kind */

struct lock_point {
	unsigned long ip; /* [atomic] call site, 0 = free slot */
	u64 count;	  /* [atomic] */
};

/* One lock class as a report sees it: a racy snapshot. */
struct lock_class_snapshot {
	int id;					 /* 0: the overflow class */
	const char *name;			 /* "(overflow)" for class 0 */
	struct lock_class_stats st;		 /* folded over every CPU */
	struct lock_point contention[NR_POINTS]; /* where waiters waited */
	struct lock_point contending[NR_POINTS]; /* where holders took it */
};

/*
 * lock_class_snapshot() - class @id (0: the overflow class, then 1.. in
 * registration order) into @out.  Context: any.  Return: 0, or -ENOENT
 * past the last class.
 */
int lock_class_snapshot(int id, struct lock_class_snapshot *out);

/* lock_class_count() - class ids in use so far, the overflow class's 0 included */
int lock_class_count(void);

#endif /* NODAL_SMP_INTERNAL_H */
