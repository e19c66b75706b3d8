/* SPDX-License-Identifier: MIT */
/*
 * include/linux/smp.h — CPU identity, cross-calls, interrupt context, panics.
 *
 * Implemented by: kernel/smp/ (smp.c, watchdog.c).  Mirrors: <linux/smp.h>,
 * <linux/preempt.h> (in_interrupt), <linux/hardirq.h>.  Differences: no
 * CPU hotplug — harts come online once at boot and stay; cross-call
 * functions run in the target's IPI handler with interrupts off.
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

/* Interrupt context: handlers bracket themselves with irq_enter/irq_exit. */
DECLARE_PER_CPU(unsigned int, hardirq_count);
#define in_interrupt()	(this_cpu_read(hardirq_count) != 0)
void irq_enter(void);
void irq_exit(void);

/* Per-CPU activity counters, for `harts` and the watchdog. */
DECLARE_PER_CPU(u64, timer_ticks);	/* [stat] timer interrupts taken */
DECLARE_PER_CPU(u64, ipis_received);	/* [stat] IPIs taken */

#define HZ 100

/** smp_init() - number the harts and start the secondary ones */
void smp_init(void);
/** smp_prepare_boot_cpu() - the boot hart is CPU 0 */
void smp_prepare_boot_cpu(unsigned long boot_hartid);

/** hartid_to_cpu() - logical id of hart @hartid, or -1 if none */
int hartid_to_cpu(unsigned long hartid);

/* Panics: the CPU that panicked, or PANIC_CPU_NONE. */
#define PANIC_CPU_NONE	(~0U)
extern unsigned int panic_cpu;

/** smp_send_stop() - make every other CPU stop, interrupts off, in wfi */
void smp_send_stop(void);

/* Hart states for `harts`. */
enum cpu_state { CPU_OFFLINE, CPU_STARTING, CPU_ONLINE, CPU_STOPPED };
DECLARE_PER_CPU(enum cpu_state, cpu_state);

/**
 * register_tick_work() - call @fn every @period ticks on every CPU
 *
 * @fn runs in the timer interrupt, interrupts off, on each CPU for its own
 * data.  Context: boot.  Return: 0, or -ENOSPC (four works at most).
 */
int register_tick_work(void (*fn)(void), unsigned int period);

/**
 * cpu_wait_briefly() - give the host core away for about @ns (wfi + timer)
 *
 * For wait loops: a bare spin under QEMU starves the hart being waited
 * for (docs/design.md).  Context: any; interrupts stay as they were.
 */
void cpu_wait_briefly(u64 ns);

/** timer_init_this_cpu() - start this hart's periodic tick (HZ) */
void timer_init_this_cpu(void);

/**
 * watchdog_check_backtrace_request() - print this CPU's backtrace if the
 * watchdog asked for it (spin loops call this: they cannot take IPIs)
 */
void watchdog_check_backtrace_request(void);
/** watchdog_tick() - per-tick check of another CPU's progress */
void watchdog_tick(void);


#endif /* NODAL_SMP_H */
