/* SPDX-License-Identifier: MIT */
/*
 * include/asm/csr.h — RISC-V supervisor CSR numbers, bits and accessors.
 *
 * Implemented by: arch/riscv (inline).  Mirrors: arch/riscv/include/asm/csr.h.
 * Portable code must not include this; it is for arch/riscv and asm/ headers.
 */
#ifndef NODAL_ASM_CSR_H
#define NODAL_ASM_CSR_H

#define SR_SIE		(1UL << 1)	/* supervisor interrupts enabled */
#define SR_SPIE		(1UL << 5)	/* SIE before the trap */
#define SR_SPP		(1UL << 8)	/* trap came from S-mode */
#define SR_SUM		(1UL << 18)

#define IRQ_S_SOFT	1		/* IPI */
#define IRQ_S_TIMER	5
#define IRQ_S_EXT	9
#define SIE_SSIE	(1UL << IRQ_S_SOFT)
#define SIE_STIE	(1UL << IRQ_S_TIMER)
#define SIP_SSIP	SIE_SSIE

#define CAUSE_IRQ_FLAG	(1UL << 63)

/* Exception codes (scause without CAUSE_IRQ_FLAG). */
#define EXC_INST_MISALIGNED	0
#define EXC_INST_ACCESS		1
#define EXC_INST_ILLEGAL	2
#define EXC_BREAKPOINT		3
#define EXC_LOAD_MISALIGNED	4
#define EXC_LOAD_ACCESS		5
#define EXC_STORE_MISALIGNED	6
#define EXC_STORE_ACCESS	7
#define EXC_ECALL_U		8
#define EXC_ECALL_S		9
#define EXC_INST_PAGE_FAULT	12
#define EXC_LOAD_PAGE_FAULT	13
#define EXC_STORE_PAGE_FAULT	15

#define SATP_MODE_SV39	(8UL << 60)

#ifndef __ASSEMBLER__

#define csr_read(csr) ({						\
	unsigned long __v;						\
	__asm__ __volatile__("csrr %0, " #csr : "=r"(__v) :: "memory");	\
	__v; })

#define csr_write(csr, val) ({						\
	unsigned long __v = (unsigned long)(val);			\
	__asm__ __volatile__("csrw " #csr ", %0" :: "rK"(__v) : "memory"); })

#define csr_set(csr, val) ({						\
	unsigned long __v = (unsigned long)(val);			\
	__asm__ __volatile__("csrs " #csr ", %0" :: "rK"(__v) : "memory"); })

#define csr_clear(csr, val) ({						\
	unsigned long __v = (unsigned long)(val);			\
	__asm__ __volatile__("csrc " #csr ", %0" :: "rK"(__v) : "memory"); })

#define csr_read_clear(csr, val) ({					\
	unsigned long __v = (unsigned long)(val);			\
	__asm__ __volatile__("csrrc %0, " #csr ", %1"			\
			     : "=r"(__v) : "rK"(__v) : "memory");	\
	__v; })

#endif /* __ASSEMBLER__ */
#endif /* NODAL_ASM_CSR_H */
