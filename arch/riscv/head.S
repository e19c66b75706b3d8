/* SPDX-License-Identifier: MIT */
/*
 * arch/riscv/head.S — boot and secondary entry, the trap entry, setjmp.
 *
 * QEMU 7.2 jumps to the lowest load address, not the ELF entry point, so
 * _start is the first thing in .text (section .text.head, placed first by
 * kernel.ld).  OpenSBI enters with a0 = hart id, a1 = DTB, MMU off.
 */
#include <asm/csr.h>
#include <asm/ptrace.h>

#define STACK_SIZE	16384
#define STACK_STRIDE	(STACK_SIZE + 4096)	/* guard page below each stack */

/* Offsets in struct trap_scratch (arch/riscv/traps.c). */
#define TS_T1		0
#define TS_SP		8
#define TS_STACK_LO	16
#define TS_OVERFLOW_TOP	24

	.section .text.head, "ax"
	.globl _start
_start:
	csrw	sie, zero
	csrw	sip, zero
	/*
	 * One hart only: a second one entering here (seen once under QEMU
	 * 7.2 + OpenSBI 1.1's boot lottery) would clear .bss under the
	 * first.  It parks; smp_init() then reports it did not start.
	 */
	lla	t0, boot_entered
	li	t1, 1
	amoswap.w.aq t1, t1, (t0)
	bnez	t1, .Lpark
	.option push
	.option norelax
	la	gp, __global_pointer$
	.option pop
	li	tp, 0				/* per-CPU offset 0: the template */
	la	sp, kernel_stacks + STACK_STRIDE	/* CPU 0's stack top */

	la	t0, __bss_start
	la	t1, __bss_end
1:	bgeu	t0, t1, 2f
	sd	zero, 0(t0)
	addi	t0, t0, 8
	j	1b
2:
	/* start_kernel(hartid, dtb) */
	call	start_kernel
3:	wfi
	j	3b

.Lpark:
	csrw	sie, zero
	wfi
	j	.Lpark

/*
 * A secondary hart, started by sbi_hart_start(hartid, secondary_entry, p):
 * a0 = hart id, a1 = p, a struct secondary_boot {sp, tp, satp, cpu} that
 * the boot hart filled in (kernel/smp/smp.c).  The page tables map RAM at
 * its physical address, so turning on translation here needs no jump.
 */
	.text
	.globl secondary_entry
secondary_entry:
	csrw	sie, zero
	csrw	sip, zero
	.option push
	.option norelax
	la	gp, __global_pointer$
	.option pop
	ld	sp, 0(a1)
	ld	tp, 8(a1)
	ld	t0, 16(a1)
	sfence.vma
	csrw	satp, t0
	sfence.vma
	call	secondary_start_kernel
4:	wfi
	j	4b

/*
 * trap_entry: every interrupt and exception, from S-mode only.
 *
 * Before touching the stack it checks that a frame fits above the current
 * stack's lowest address (trap_scratch.stack_lo); if not, the stack has
 * overflowed into its guard page and the frame goes on this hart's
 * emergency stack instead, so the overflow is reported rather than faulting
 * forever.  t0 waits in sscratch and t1 in trap_scratch meanwhile.
 */
	.align 2
	.globl trap_entry
trap_entry:
	csrw	sscratch, t0
	la	t0, trap_scratch
	add	t0, t0, tp
	sd	t1, TS_T1(t0)
	sd	sp, TS_SP(t0)
	ld	t1, TS_STACK_LO(t0)
	addi	t1, t1, PT_SIZE
	bgeu	sp, t1, 1f
	ld	sp, TS_OVERFLOW_TOP(t0)
1:	addi	sp, sp, -PT_SIZE
	ld	t1, TS_T1(t0)
	sd	ra, 8(sp)
	sd	gp, 24(sp)
	sd	tp, 32(sp)
	sd	t1, 48(sp)
	sd	t2, 56(sp)
	sd	s0, 64(sp)
	sd	s1, 72(sp)
	sd	a0, 80(sp)
	sd	a1, 88(sp)
	sd	a2, 96(sp)
	sd	a3, 104(sp)
	sd	a4, 112(sp)
	sd	a5, 120(sp)
	sd	a6, 128(sp)
	sd	a7, 136(sp)
	sd	s2, 144(sp)
	sd	s3, 152(sp)
	sd	s4, 160(sp)
	sd	s5, 168(sp)
	sd	s6, 176(sp)
	sd	s7, 184(sp)
	sd	s8, 192(sp)
	sd	s9, 200(sp)
	sd	s10, 208(sp)
	sd	s11, 216(sp)
	sd	t3, 224(sp)
	sd	t4, 232(sp)
	sd	t5, 240(sp)
	sd	t6, 248(sp)
	ld	t1, TS_SP(t0)
	sd	t1, PT_SP(sp)
	csrr	t1, sscratch
	sd	t1, 40(sp)
	csrr	t1, sepc
	sd	t1, PT_EPC(sp)
	csrr	t1, sstatus
	sd	t1, PT_STATUS(sp)
	csrr	t1, stval
	sd	t1, PT_BADADDR(sp)
	csrr	t1, scause
	sd	t1, PT_CAUSE(sp)

	/* A frame record so backtraces walk from the handler into the trap. */
	mv	a0, sp
	ld	s0, 64(sp)
	call	do_trap

	.globl ret_from_trap
ret_from_trap:
	ld	t1, PT_EPC(sp)
	csrw	sepc, t1
	ld	t1, PT_STATUS(sp)
	csrw	sstatus, t1
	ld	ra, 8(sp)
	ld	gp, 24(sp)
	ld	tp, 32(sp)
	ld	t0, 40(sp)
	ld	t1, 48(sp)
	ld	t2, 56(sp)
	ld	s0, 64(sp)
	ld	s1, 72(sp)
	ld	a0, 80(sp)
	ld	a1, 88(sp)
	ld	a2, 96(sp)
	ld	a3, 104(sp)
	ld	a4, 112(sp)
	ld	a5, 120(sp)
	ld	a6, 128(sp)
	ld	a7, 136(sp)
	ld	s2, 144(sp)
	ld	s3, 152(sp)
	ld	s4, 160(sp)
	ld	s5, 168(sp)
	ld	s6, 176(sp)
	ld	s7, 184(sp)
	ld	s8, 192(sp)
	ld	s9, 200(sp)
	ld	s10, 208(sp)
	ld	s11, 216(sp)
	ld	t3, 224(sp)
	ld	t4, 232(sp)
	ld	t5, 240(sp)
	ld	t6, 248(sp)
	ld	sp, PT_SP(sp)
	sret

/* int arch_setjmp(struct arch_jmp_buf *buf) */
	.globl arch_setjmp
arch_setjmp:
	sd	ra, 0(a0)
	sd	sp, 8(a0)
	sd	s0, 16(a0)
	sd	s1, 24(a0)
	sd	s2, 32(a0)
	sd	s3, 40(a0)
	sd	s4, 48(a0)
	sd	s5, 56(a0)
	sd	s6, 64(a0)
	sd	s7, 72(a0)
	sd	s8, 80(a0)
	sd	s9, 88(a0)
	sd	s10, 96(a0)
	sd	s11, 104(a0)
	li	a0, 0
	ret

/* void arch_longjmp(struct arch_jmp_buf *buf, int val) */
	.globl arch_longjmp
arch_longjmp:
	ld	ra, 0(a0)
	ld	sp, 8(a0)
	ld	s0, 16(a0)
	ld	s1, 24(a0)
	ld	s2, 32(a0)
	ld	s3, 40(a0)
	ld	s4, 48(a0)
	ld	s5, 56(a0)
	ld	s6, 64(a0)
	ld	s7, 72(a0)
	ld	s8, 80(a0)
	ld	s9, 88(a0)
	ld	s10, 96(a0)
	ld	s11, 104(a0)
	seqz	a0, a1
	add	a0, a0, a1			/* never return 0 */
	ret

	.data
	.align	2
boot_entered:
	.word	0

/* Boot stacks: per CPU a guard page (left unmapped) then the stack. */
	.section .bss..stacks, "aw", @nobits
	.align 12
	.globl kernel_stacks
kernel_stacks:
	.space	STACK_STRIDE * 128
	.globl kernel_stacks_end
kernel_stacks_end:
