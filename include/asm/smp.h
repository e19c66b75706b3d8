/* SPDX-License-Identifier: MIT */
/*
 * include/asm/smp.h — this hart's identity, trap hooks and the timer.
 *
 * Implemented by: arch/riscv/setup.c, traps.c.  Mirrors: arch/riscv/
 * include/asm/smp.h (cpuid_to_hartid_map) and asm/irq.h.  Hart ids are the
 * platform's numbers; CPU ids are Linux's logical numbers, boot hart = 0.
 */
#ifndef NODAL_ASM_SMP_H
#define NODAL_ASM_SMP_H

#include <linux/percpu-defs.h>
#include <linux/types.h>

#define MAX_HARTID	512	/* QEMU virt accepts -smp up to 512 */
#define INVALID_HARTID	(~0UL)

DECLARE_PER_CPU(unsigned int, cpu_number);	/* [init] logical CPU id */
DECLARE_PER_CPU(unsigned long, cpu_hartid);	/* [init] platform hart id */

extern unsigned long __cpuid_to_hartid_map[NR_CPUS];	/* [init] */
#define cpuid_to_hartid_map(cpu) __cpuid_to_hartid_map[cpu]

static inline unsigned int raw_smp_processor_id(void)
{
	return this_cpu_read(cpu_number);
}

static inline unsigned long arch_hartid(void)
{
	return this_cpu_read(cpu_hartid);
}

struct pt_regs;
typedef void (*arch_irq_handler_t)(struct pt_regs *regs);

/*
 * The two interrupts portable code routes, by their scause codes: the
 * values of <asm/csr.h>'s IRQ_S_SOFT and IRQ_S_TIMER (asserted in
 * arch/riscv/traps.c), named here so that portable code needs no CSR
 * header.
 */
#define ARCH_IRQ_IPI   1
#define ARCH_IRQ_TIMER 5

/**
 * arch_set_irq_handler() - route supervisor interrupt @irq to @fn
 * @irq: ARCH_IRQ_IPI or ARCH_IRQ_TIMER
 *
 * Context: boot, before the interrupt is enabled.  Handlers run with
 * interrupts off on the hart that took the interrupt.
 */
void arch_set_irq_handler(unsigned int irq, arch_irq_handler_t fn);

/**
 * arch_set_irq_return_hook() - call @fn after each interrupt handler that
 * interrupted code running with interrupts on (the scheduler's preemption
 * point), with interrupts still off, on the interrupted stack.
 */
void arch_set_irq_return_hook(void (*fn)(void));

/** arch_trap_init() - install the trap vector on this hart */
void arch_trap_init(void);

/**
 * arch_set_stack_bounds() - tell the trap entry where this hart's stack ends
 * @lo: lowest usable address of the stack now in use (above its guard page)
 *
 * Context: this hart, interrupts off (context switch, bring-up).
 */
void arch_set_stack_bounds(unsigned long lo);

/** arch_timebase_freq - timebase ticks per second (from /cpus) */
extern u64 arch_timebase_freq;

/**
 * arch_timer_use_sstc() - program the timer through stimecmp from now on
 *
 * Context: boot hart, before any timer is programmed; only when every
 * hart's riscv,isa lists Sstc (OpenSBI then enables it for S-mode).
 */
void arch_timer_use_sstc(void);

/** arch_timer_program() - ask for a timer interrupt at timebase @when */
void arch_timer_program(u64 when);

/** arch_enable_irqs_on_hart() - unmask IPIs and timer in sie */
void arch_enable_irqs_on_hart(void);

/** arch_send_ipi() - raise a software interrupt on hart @hartid */
int arch_send_ipi(unsigned long hartid);
/** arch_clear_ipi() - acknowledge this hart's pending software interrupt */
void arch_clear_ipi(void);

/**
 * arch_start_hart() - start a stopped hart at secondary_entry
 * @hartid: platform id
 * @boot: a struct secondary_boot in RAM, read by the new hart
 *
 * Return: 0, or a negative SBI error when the firmware refuses.
 */
int arch_start_hart(unsigned long hartid, void *boot);

/* What secondary_entry reads; filled by the boot hart (kernel/smp). */
struct secondary_boot {
	unsigned long sp;	/* initial stack top */
	unsigned long tp;	/* per-CPU offset */
	unsigned long satp;	/* page tables */
	unsigned long cpu;	/* logical CPU id */
};

/** arch_boot_stack_top() - top of CPU @cpu's boot stack */
unsigned long arch_boot_stack_top(unsigned int cpu);

#endif /* NODAL_ASM_SMP_H */
