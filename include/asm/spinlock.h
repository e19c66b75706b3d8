/* SPDX-License-Identifier: MIT */
/*
 * include/asm/spinlock.h — the bare ticket lock under every spinlock_t.
 *
 * Implemented by: arch/riscv/spinlock.c.  Mirrors: asm-generic/spinlock.h
 * and arch/riscv/include/asm/spinlock.h (riscv Linux 6.12 builds ticket or
 * queued locks; Nodal always takes tickets, which are fair and small).
 * Differences from Linux: a waiter that is not next in line, or whose
 * holder seems descheduled, sleeps in wfi for a slice proportional to the
 * queue ahead of it (cpu_wait_briefly()), because under QEMU a spinning
 * hart steals the host core from the hart it waits for.
 *
 * The console lock uses these directly (uncounted: lock_stat prints through
 * the console); everything else takes a counted spinlock_t
 * (<linux/spinlock.h>), which wraps one.
 */
#ifndef NODAL_ASM_SPINLOCK_H
#define NODAL_ASM_SPINLOCK_H

#include <linux/types.h>

/* owner = the ticket being served, next = the next ticket to hand out. */
typedef union {
	u32 val;
	struct {
		u16 owner; /* low half on little-endian RISC-V */
		u16 next;
	};
} arch_spinlock_t;

#define __ARCH_SPIN_LOCK_UNLOCKED ((arch_spinlock_t){ .val = 0 })

/** arch_spin_lock() - take a ticket and wait until it is served */
void arch_spin_lock(arch_spinlock_t *lock);
/** arch_spin_trylock() - take @lock if nobody holds or waits; true if taken */
bool arch_spin_trylock(arch_spinlock_t *lock);
/** arch_spin_unlock() - serve the next ticket */
void arch_spin_unlock(arch_spinlock_t *lock);

/**
 * arch_spin_wait_step() - wait a little for ticket @ticket of @lock
 * @spins: the caller's count of bare spins so far (starts at 0)
 *
 * One step of the waiting loop, for callers that do their own bookkeeping
 * between steps (the counted spinlock feeds the watchdog).
 * Context: any.  Return: false once @ticket is served, true to go on.
 */
bool arch_spin_wait_step(arch_spinlock_t *lock, u16 ticket, unsigned long *spins);

#endif /* NODAL_ASM_SPINLOCK_H */
