/* SPDX-License-Identifier: MIT */
/*
 * include/asm/setjmp.h — non-local return and fault recovery.
 *
 * Implemented by: arch/riscv/head.S (setjmp/longjmp) and arch/riscv/traps.c
 * (recovery).  No Linux counterpart: Linux's KUnit runs each case in a
 * kthread and survives a fault by killing it; Nodal, which has no tasks
 * at this layer, lets a caller arm a per-CPU recovery point instead.
 */
#ifndef NODAL_ASM_SETJMP_H
#define NODAL_ASM_SETJMP_H

#include <linux/types.h>

struct arch_jmp_buf {
	unsigned long ra, sp;
	unsigned long s[12];	/* s0..s11 */
};

/** arch_setjmp() - save the callee-saved context; 0 now, non-zero on return */
int arch_setjmp(struct arch_jmp_buf *buf) __attribute__((returns_twice));
/** arch_longjmp() - resume at @buf's arch_setjmp(), which returns @val */
__noreturn void arch_longjmp(struct arch_jmp_buf *buf, int val);

/**
 * arch_fault_catch() - arm (or with NULL, disarm) fault recovery on this hart
 * @buf: a context saved by arch_setjmp() in a frame that is still live
 *
 * While armed, a synchronous exception taken in S-mode on this hart is
 * reported (cause, address, backtrace) and then, instead of a panic,
 * arch_setjmp() returns 1 at @buf; the recovery disarms itself first.
 *
 * Context: the caller keeps its local interrupts state; per-CPU.
 */
void arch_fault_catch(struct arch_jmp_buf *buf);
/** arch_fault_catch_get() - the armed recovery point (the scheduler keeps
 * one per task) */
struct arch_jmp_buf *arch_fault_catch_get(void);

#endif /* NODAL_ASM_SETJMP_H */
