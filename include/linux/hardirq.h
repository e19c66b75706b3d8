/* SPDX-License-Identifier: MIT */
/*
 * include/linux/hardirq.h — entering and leaving interrupt context.
 *
 * Implemented by: kernel/context.c.  Mirrors: <linux/hardirq.h>
 * (irq_enter, irq_exit).  Differences from Linux: no softirqs and no RCU
 * bookkeeping; the count is per CPU (hardirq_count, <linux/preempt.h>).
 */
#ifndef NODAL_HARDIRQ_H
#define NODAL_HARDIRQ_H

#include <linux/preempt.h>

/** irq_enter() - an interrupt handler starts: in_interrupt() is now true */
void irq_enter(void);
/** irq_exit() - the handler ends (interrupts still off) */
void irq_exit(void);

#endif /* NODAL_HARDIRQ_H */
