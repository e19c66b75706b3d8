/* SPDX-License-Identifier: MIT */
/*
 * include/asm/irqflags.h — this hart's interrupt enable bit, sstatus.SIE.
 *
 * Implemented by: arch/riscv (inline).  Mirrors: arch/riscv/include/asm/
 * irqflags.h.  Portable code uses <linux/irqflags.h>, whose
 * local_irq_save() and the rest are built on these.
 */
#ifndef NODAL_ASM_IRQFLAGS_H
#define NODAL_ASM_IRQFLAGS_H

#include <asm/csr.h>
#include <linux/types.h>

static __always_inline unsigned long arch_local_irq_save(void)
{
	return csr_read_clear(sstatus, SR_SIE) & SR_SIE;
}

static __always_inline void arch_local_irq_restore(unsigned long flags)
{
	csr_set(sstatus, flags & SR_SIE);
}

static __always_inline void arch_local_irq_disable(void)
{
	csr_clear(sstatus, SR_SIE);
}

static __always_inline void arch_local_irq_enable(void)
{
	csr_set(sstatus, SR_SIE);
}

static __always_inline bool arch_irqs_disabled(void)
{
	return !(csr_read(sstatus) & SR_SIE);
}

#endif /* NODAL_ASM_IRQFLAGS_H */
