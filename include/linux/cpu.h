/* SPDX-License-Identifier: MIT */
/*
 * include/linux/cpu.h — CPU hotplug exclusion.
 *
 * Implemented by: this header (no code).  Mirrors: <linux/cpu.h>, the
 * hotplug-exclusion subset.  In Linux these keep CPUs from coming or
 * going while a caller reads cpu_online_mask and cpu_present_mask.  Nodal
 * has no CPU hotplug: a hart brought up at boot stays online until
 * shutdown, and the masks are read-only after bring-up
 * (<linux/cpumask.h>).  So the exclusion they ask for always holds, and
 * each of these is a no-op that compiles its caller unchanged; none
 * sleeps or takes a lock.  Usable from every layer.
 */
#ifndef NODAL_CPU_H
#define NODAL_CPU_H

#include <linux/cpumask.h>

/** cpu_hotplug_disable() - forbid hotplug until cpu_hotplug_enable(): no-op */
static inline void cpu_hotplug_disable(void)
{
}
/** cpu_hotplug_enable() - undo cpu_hotplug_disable(): no-op */
static inline void cpu_hotplug_enable(void)
{
}
/** cpus_read_lock() - hold off hotplug while reading the masks: no-op */
static inline void cpus_read_lock(void)
{
}
/** cpus_read_unlock() - release cpus_read_lock(): no-op */
static inline void cpus_read_unlock(void)
{
}
/** lockdep_assert_cpus_held() - caller holds cpus_read_lock(): no-op */
static inline void lockdep_assert_cpus_held(void)
{
}

#endif /* NODAL_CPU_H */
