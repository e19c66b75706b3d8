/* SPDX-License-Identifier: MIT */
/*
 * arch/riscv/spinlock.c — the bare ticket lock (include/asm/spinlock.h).
 *
 * Taking a ticket is one amoadd on the whole word (next is the high half);
 * serving the next one is a release store of owner + 1.  A waiter backs off
 * in proportion to the tickets ahead of it (Mellor-Crummey and Scott's
 * proportional backoff): the next in line spins a while, the others sleep
 * in wfi, leaving the host cores to the holder and the next one; the next
 * one sleeps too once the holder seems descheduled.
 */
#include <asm/processor.h>
#include <asm/spinlock.h>
#include <nodal/tick.h>

#define SPINS_BEFORE_WAIT 256
#define WAIT_SLICE_NS	  3000 /* per hart ahead in the queue */
#define WAIT_SLICE_MAX_NS 50000

bool arch_spin_wait_step(arch_spinlock_t *lock, u16 ticket, unsigned long *spins)
{
	u16 ahead = ticket - __atomic_load_n(&lock->owner, __ATOMIC_ACQUIRE);

	if (!ahead)
		return false;
	if (ahead == 1 && ++*spins < SPINS_BEFORE_WAIT)
		cpu_relax();
	else
		cpu_wait_briefly(min(WAIT_SLICE_NS * ahead, WAIT_SLICE_MAX_NS));
	return true;
}

void arch_spin_lock(arch_spinlock_t *lock)
{
	u32 old = __atomic_fetch_add(&lock->val, 1U << 16, __ATOMIC_ACQUIRE);
	unsigned long spins = 0;

	while (arch_spin_wait_step(lock, old >> 16, &spins))
		;
}

bool arch_spin_trylock(arch_spinlock_t *lock)
{
	u32 old = READ_ONCE(lock->val);

	if ((u16)old != (u16)(old >> 16))
		return false;
	return __atomic_compare_exchange_n(&lock->val, &old, old + (1U << 16),
					   false, __ATOMIC_ACQUIRE,
					   __ATOMIC_RELAXED);
}

void arch_spin_unlock(arch_spinlock_t *lock)
{
	__atomic_store_n(&lock->owner, (u16)(lock->owner + 1), __ATOMIC_RELEASE);
}
