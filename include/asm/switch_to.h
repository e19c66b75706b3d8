/* SPDX-License-Identifier: MIT */
/*
 * include/asm/switch_to.h — switching the hart from one task to another.
 *
 * Implemented by: arch/riscv/switch.S.  Mirrors: arch/riscv/include/asm/
 * switch_to.h (__switch_to) and ret_from_fork (arch/riscv/kernel/entry.S).
 * A switched-out task is its callee-saved registers, ra and sp, in struct
 * thread_struct at the start of its task_struct (<linux/sched.h>).
 */
#ifndef NODAL_ASM_SWITCH_TO_H
#define NODAL_ASM_SWITCH_TO_H

struct task_struct;

/**
 * __switch_to() - save @prev's registers, load @next's, continue as @next
 *
 * Context: the scheduler, interrupts off, the run queue's lock held (the
 * task switched to releases both).  Return: in @next's context, the task
 * that ran before it.
 */
struct task_struct *__switch_to(struct task_struct *prev,
				struct task_struct *next);

/*
 * Where a new task's first switch returns to: it fences the translation
 * caches (its stack was mapped by another hart), then calls the entry
 * function the scheduler stored in its saved s1 with s2 as argument.
 */
extern char arch_ret_from_fork[];

#endif /* NODAL_ASM_SWITCH_TO_H */
