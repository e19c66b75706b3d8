/* SPDX-License-Identifier: MIT */
/*
 * include/asm/irqflags.h — local interrupt enable/disable on this hart.
 *
 * Implemented by: arch/riscv (inline, sstatus.SIE).  Mirrors:
 * <linux/irqflags.h> and arch/riscv/include/asm/irqflags.h.
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

static __always_inline bool arch_irqs_disabled(void)
{
	return !(csr_read(sstatus) & SR_SIE);
}

#define local_irq_save(flags)	  ((flags) = arch_local_irq_save())
#define local_irq_restore(flags)  arch_local_irq_restore(flags)
#define local_irq_disable()	  csr_clear(sstatus, SR_SIE)
#define local_irq_enable()	  csr_set(sstatus, SR_SIE)
#define irqs_disabled()		  arch_irqs_disabled()

#endif /* NODAL_ASM_IRQFLAGS_H */
