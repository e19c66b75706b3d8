/* SPDX-License-Identifier: MIT */
/*
 * include/asm/ptrace.h — the register frame a trap saves.
 *
 * Implemented by: arch/riscv/head.S (trap_entry builds it on the stack).
 * Mirrors: arch/riscv/include/asm/ptrace.h: slot i holds register xi, and
 * slot 0 holds sepc since x0 needs no saving.
 */
#ifndef NODAL_ASM_PTRACE_H
#define NODAL_ASM_PTRACE_H

#define PT_SIZE		288	/* 35 words, rounded up to 16 bytes */
#define PT_EPC		0
#define PT_SP		16
#define PT_STATUS	256
#define PT_BADADDR	264
#define PT_CAUSE	272

#ifndef __ASSEMBLER__
#include <linux/types.h>

struct pt_regs {
	unsigned long epc;	/* sepc: where the trap happened */
	unsigned long ra, sp, gp, tp, t0, t1, t2, s0, s1;
	unsigned long a0, a1, a2, a3, a4, a5, a6, a7;
	unsigned long s2, s3, s4, s5, s6, s7, s8, s9, s10, s11;
	unsigned long t3, t4, t5, t6;
	unsigned long status;	/* sstatus at the trap */
	unsigned long badaddr;	/* stval */
	unsigned long cause;	/* scause */
	unsigned long pad;
};

_Static_assert(sizeof(struct pt_regs) == PT_SIZE, "pt_regs layout");
_Static_assert(offsetof(struct pt_regs, status) == PT_STATUS, "pt_regs");
_Static_assert(offsetof(struct pt_regs, cause) == PT_CAUSE, "pt_regs");
#endif

#endif /* NODAL_ASM_PTRACE_H */
