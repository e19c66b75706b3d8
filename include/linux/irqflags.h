/* SPDX-License-Identifier: MIT */
/*
 * include/linux/irqflags.h — local interrupt enable and disable on this hart.
 *
 * Implemented by: <asm/irqflags.h> (inline).  Mirrors: <linux/irqflags.h>.
 * Differences from Linux: no irq-state tracing (lockdep's hardirq
 * tracking) and no raw_ variants: these are the arch operations by
 * Linux's names.
 */
#ifndef NODAL_IRQFLAGS_H
#define NODAL_IRQFLAGS_H

#include <asm/irqflags.h>

#define local_irq_save(flags)	 ((flags) = arch_local_irq_save())
#define local_irq_restore(flags) arch_local_irq_restore(flags)
#define local_irq_disable()	 arch_local_irq_disable()
#define local_irq_enable()	 arch_local_irq_enable()
#define irqs_disabled()		 arch_irqs_disabled()

#endif /* NODAL_IRQFLAGS_H */
