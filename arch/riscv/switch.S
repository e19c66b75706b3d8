/* SPDX-License-Identifier: MIT */
/*
 * arch/riscv/switch.S — the context switch and a new task's first steps.
 *
 * A switched-out task is its callee-saved registers, ra and sp, stored in
 * struct thread_struct at the start of its task_struct (include/linux/sched.h);
 * everything else is on its stack already (the C caller saved it).  The
 * scheduler calls __switch_to with interrupts off and its run-queue lock
 * held; the task switched to releases both (kernel/sched/core.c).
 */

#define THREAD_RA	0
#define THREAD_SP	8
#define THREAD_S(n)	(16 + 8 * (n))

/*
 * struct task_struct *__switch_to(struct task_struct *prev,
 *				   struct task_struct *next)
 * Returns, in next's context, the task that ran before it (a0 unchanged).
 */
	.text
	.globl __switch_to
__switch_to:
	sd	ra, THREAD_RA(a0)
	sd	sp, THREAD_SP(a0)
	sd	s0, THREAD_S(0)(a0)
	sd	s1, THREAD_S(1)(a0)
	sd	s2, THREAD_S(2)(a0)
	sd	s3, THREAD_S(3)(a0)
	sd	s4, THREAD_S(4)(a0)
	sd	s5, THREAD_S(5)(a0)
	sd	s6, THREAD_S(6)(a0)
	sd	s7, THREAD_S(7)(a0)
	sd	s8, THREAD_S(8)(a0)
	sd	s9, THREAD_S(9)(a0)
	sd	s10, THREAD_S(10)(a0)
	sd	s11, THREAD_S(11)(a0)
	ld	ra, THREAD_RA(a1)
	ld	sp, THREAD_SP(a1)
	ld	s0, THREAD_S(0)(a1)
	ld	s1, THREAD_S(1)(a1)
	ld	s2, THREAD_S(2)(a1)
	ld	s3, THREAD_S(3)(a1)
	ld	s4, THREAD_S(4)(a1)
	ld	s5, THREAD_S(5)(a1)
	ld	s6, THREAD_S(6)(a1)
	ld	s7, THREAD_S(7)(a1)
	ld	s8, THREAD_S(8)(a1)
	ld	s9, THREAD_S(9)(a1)
	ld	s10, THREAD_S(10)(a1)
	ld	s11, THREAD_S(11)(a1)
	ret

/*
 * A new task's ra points here; its s1 holds the entry function and s2 its
 * argument, s0 is 0 so backtraces end.  The stack may have been mapped by
 * another hart a moment ago: fence the translation caches before the first
 * access to it.  Then entry(prev, arg), which never returns.
 */
	.globl arch_ret_from_fork
arch_ret_from_fork:
	sfence.vma
	mv	a1, s2
	jalr	s1
1:	unimp
	j	1b
