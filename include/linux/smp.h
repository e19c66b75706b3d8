/* SPDX-License-Identifier: MIT */
/*
 * include/linux/smp.h — CPU identity, hart bring-up, cross-calls, the
 * stall watchdog.
 *
 * Implemented by: kernel/smp/ (smp.c, watchdog.c).  Mirrors: <linux/smp.h>,
 * with bring-up from arch/riscv's smpboot.c and <linux/nmi.h>'s
 * lockup_detector_init().  Interrupt context is <linux/preempt.h> and
 * <linux/hardirq.h>, panic() <linux/panic.h>.  Differences: no CPU
 * hotplug — harts come online once at boot and stay; cross-call functions
 * run in the target's IPI handler with interrupts off.
 */
#ifndef NODAL_SMP_H
#define NODAL_SMP_H

#include <asm/smp.h>
#include <linux/cpumask.h>
#include <linux/types.h>

#define smp_processor_id()	raw_smp_processor_id()

typedef void (*smp_call_func_t)(void *info);

/**
 * smp_call_function_single() - run @func(@info) on CPU @cpu
 * @wait: wait until it has run
 *
 * On this CPU it runs at once with interrupts off.  Without @wait, the
 * call is queued in a per-sender slot: a second no-wait call to the same
 * CPU first waits for the previous one to start.
 * Context: interrupts on (a CPU waiting with interrupts off could deadlock
 * against one that waits for it).  Return: 0, -ENXIO for an offline CPU.
 */
int smp_call_function_single(int cpu, smp_call_func_t func, void *info,
			     bool wait);

/** smp_call_function_many() - run @func on every online CPU of @mask but this one */
void smp_call_function_many(const struct cpumask *mask, smp_call_func_t func,
			    void *info, bool wait);

/** smp_call_function() - run @func on every other online CPU */
void smp_call_function(smp_call_func_t func, void *info, bool wait);

/** on_each_cpu() - run @func on every online CPU, this one included */
void on_each_cpu(smp_call_func_t func, void *info, bool wait);

/* Per-CPU activity counter, for `harts` and the watchdog. */
DECLARE_PER_CPU(u64, ipis_received);	/* [stat] IPIs taken */

/** smp_init() - number the harts and start the secondary ones */
void smp_init(void);
/** smp_prepare_boot_cpu() - the boot hart is CPU 0 */
void smp_prepare_boot_cpu(unsigned long boot_hartid);

/**
 * smp_setup_cpu_ids() - number the device tree's enabled harts
 * @hartids: their ids, in tree order (the boot hart among them)
 * @nr: how many
 *
 * Context: boot hart, before setup_per_cpu_areas().  Harts past NR_CPUS
 * are reported and left stopped.
 */
void smp_setup_cpu_ids(const unsigned long *hartids, int nr);

/** hartid_to_cpu() - logical id of hart @hartid, or -1 if none */
int hartid_to_cpu(unsigned long hartid);

/**
 * smp_setup_this_cpu() - give the calling hart its identity as CPU @cpu
 * @hartid: its hart id, as the firmware numbers it
 *
 * Context: a secondary hart's first steps (secondary_start_kernel()).
 */
void smp_setup_this_cpu(unsigned long hartid, unsigned int cpu);

/**
 * smp_set_this_cpu_online() - tell smp_init() that this hart is up
 *
 * Context: the secondary hart's last boot step, before it enables
 * interrupts and goes idle.
 */
void smp_set_this_cpu_online(void);

/* Hart states for `harts`. */
enum cpu_state { CPU_OFFLINE, CPU_STARTING, CPU_ONLINE, CPU_STOPPED };
DECLARE_PER_CPU(enum cpu_state, cpu_state);

/**
 * watchdog_check_backtrace_request() - print this CPU's backtrace if the
 * watchdog asked for it (spin loops call this: they cannot take IPIs)
 */
void watchdog_check_backtrace_request(void);

/**
 * lockup_detector_init() - start the stall watchdog (kernel/smp/watchdog.c)
 *
 * Registers its tick work: each CPU's tick checks the next online CPU's.
 * Context: boot, before smp_init().
 */
void lockup_detector_init(void);

#endif /* NODAL_SMP_H */
