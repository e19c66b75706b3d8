/* SPDX-License-Identifier: MIT */
/*
 * kernel/smp/smp.c — hart bring-up, CPU numbering, IPIs and cross-calls.
 *
 * Overview     The boot hart is CPU 0, whatever its hart id (OpenSBI picks
 *              it at random); the other enabled harts of the device tree
 *              get CPU ids 1.. in tree order and are started through SBI
 *              HSM; their boot order is init/main.c's
 *              secondary_start_kernel(), which calls smp_setup_this_cpu()
 *              first and smp_set_this_cpu_online() last.  Each then takes
 *              the timer tick and IPIs and sleeps in wfi; work reaches it
 *              as cross-calls (smp_call_function*).  A panic stops the
 *              others through smp_send_stop(), which smp_init() registers
 *              with kernel/panic.c (below this folder).  cpulist_parse()
 *              reads the CPU lists that commands take.
 *
 * Structures   Per target CPU a lock-free list of call_single_data
 *              (call_single_queue).  Each sender owns one csd per target
 *              (csd_data[target]) for calls that do not wait; a waiting
 *              call uses a csd on its own stack.
 *
 *                sender A ─push─▶ queue[B] ─IPI─▶ B: take all, run, unlock
 *
 * Locking      No lock: queues are pushed with cmpxchg and emptied with
 *              one xchg by their owner; a csd's CSD_FLAG_LOCK says it is
 *              queued or running and is cleared by the target (release).
 *
 * Per-CPU      call_single_queue [atomic]; csd_data [cpu: the sender];
 *              ipis_received [stat]; cpu_state [atomic].
 *
 * Invariants   SMP-1 a csd is on at most one queue (CSD_FLAG_LOCK).
 *              SMP-2 an IPI is sent whenever a push finds the queue empty,
 *              and the target clears its pending IPI before it empties
 *              the queue, so no call is left waiting.
 *
 * Paths        smp_call_function_single: lock csd (a waiting call's is a
 *              fresh one on its stack; a nowait call's per-CPU one first
 *              waits out its previous call), push, IPI if the queue
 *              was empty, wait for the flag if asked.  IPI handler: clear
 *              sip.SSIP, xchg the queue, run the calls oldest first.
 *
 * Linux        kernel/smp.c (csd, call_single_queue, llist), arch/riscv/
 *              kernel/smpboot.c, cpu_ops_sbi.c.  Nodal differs: no hotplug,
 *              no CSD lock debugging beyond a warning.
 *
 * Statistics   per CPU: IPIs received (`harts`, beside kernel/time.c's
 *              timer ticks).
 */
#include <asm/barrier.h>
#include <asm/page.h>
#include <asm/processor.h>
#include <linux/bug.h>
#include <linux/errno.h>
#include <linux/hardirq.h>
#include <linux/panic.h>
#include <linux/preempt.h>
#include <linux/printk.h>
#include <linux/sched.h>
#include <linux/smp.h>
#include <linux/string.h>
#include <linux/timekeeping.h>
#include <nodal/tick.h>

#define CSD_FLAG_LOCK	1

struct call_single_data {
	struct call_single_data *next;	/* [atomic] queue link */
	smp_call_func_t func;		/* [csd lock] */
	void *info;			/* [csd lock] */
	unsigned int flags;		/* [atomic] CSD_FLAG_LOCK */
};

struct cpumask __cpu_possible_mask, __cpu_online_mask;
unsigned int nr_cpu_ids = 1;

DEFINE_PER_CPU(u64, ipis_received);
DEFINE_PER_CPU(enum cpu_state, cpu_state);
static DEFINE_PER_CPU(struct call_single_data *, call_single_queue);
static DEFINE_PER_CPU(struct call_single_data, csd_data[NR_CPUS]);
static bool stop_requested;

static struct secondary_boot secondary_boot[NR_CPUS];
static short hartid_to_cpu_map[MAX_HARTID];	/* [init] cpu + 1, 0 = none */

#define HART_START_TIMEOUT_NS	(10ULL * 1000000000ULL)
#define HART_START_WAIT_NS	20000 /* one sleep while a hart comes up */

int hartid_to_cpu(unsigned long hartid)
{
	if (hartid >= MAX_HARTID)
		return -1;
	return hartid_to_cpu_map[hartid] - 1;
}

/* ---- cross-calls ---- */

static void csd_lock_wait(struct call_single_data *csd)
{
	unsigned int spins = 0;

	while (smp_load_acquire(&csd->flags) & CSD_FLAG_LOCK) {
		if (++spins < 64)
			cpu_relax();
		else
			cpu_wait_briefly(10000);	/* let the target run */
	}
}

static void csd_unlock(struct call_single_data *csd)
{
	smp_store_release(&csd->flags, 0);
}

/* SMP-2: push, and ring the target only when its queue was empty. */
static void queue_call(int cpu, struct call_single_data *csd)
{
	struct call_single_data **head = per_cpu_ptr(&call_single_queue, cpu);
	struct call_single_data *first = READ_ONCE(*head);

	do {
		csd->next = first;
	} while (!try_cmpxchg(head, &first, csd));
	if (!first)
		arch_send_ipi(cpuid_to_hartid_map(cpu));
}

static void run_call_queue(void)
{
	struct call_single_data *list = xchg(this_cpu_ptr(&call_single_queue),
					     NULL);
	struct call_single_data *fifo = NULL;

	while (list) {			/* the list is newest first: reverse it */
		struct call_single_data *next = list->next;

		list->next = fifo;
		fifo = list;
		list = next;
	}
	while (fifo) {
		struct call_single_data *csd = fifo;
		smp_call_func_t func = csd->func;
		void *info = csd->info;

		fifo = csd->next;
		func(info);
		csd_unlock(csd);	/* after: a waiter's csd is on its stack */
	}
}

static void ipi_handler(struct pt_regs *regs)
{
	(void)regs;
	irq_enter();
	arch_clear_ipi();
	__this_cpu_inc(ipis_received);
	if (READ_ONCE(stop_requested) &&
	    READ_ONCE(panic_cpu) != smp_processor_id()) {
		this_cpu_write(cpu_state, CPU_STOPPED);
		for (;;)
			wait_for_interrupt();	/* interrupts stay off */
	}
	run_call_queue();
	irq_exit();
}

static void run_here(smp_call_func_t func, void *info)
{
	unsigned long flags;

	local_irq_save(flags);
	func(info);
	local_irq_restore(flags);
}

int smp_call_function_single(int cpu, smp_call_func_t func, void *info,
			     bool wait)
{
	struct call_single_data stack_csd = { 0 }, *csd;

	if (cpu < 0 || cpu >= NR_CPUS || !cpu_online(cpu))
		return -ENXIO;
	if (cpu == (int)smp_processor_id()) {
		run_here(func, info);
		return 0;
	}
	WARN_ON_ONCE(irqs_disabled() && wait);
	/* a waiter's own csd is free from the start (Linux's csd_stack) */
	csd = wait ? &stack_csd : &this_cpu_ptr(csd_data)[cpu];
	if (!wait)
		csd_lock_wait(csd); /* the last nowait call to @cpu is done */
	csd->func = func;
	csd->info = info;
	csd->flags = CSD_FLAG_LOCK;
	queue_call(cpu, csd);
	if (wait)
		csd_lock_wait(csd);
	return 0;
}

void smp_call_function_many(const struct cpumask *mask, smp_call_func_t func,
			    void *info, bool wait)
{
	unsigned int me = smp_processor_id(), cpu;
	struct call_single_data *slots = this_cpu_ptr(csd_data);

	WARN_ON_ONCE(irqs_disabled() && wait);
	for_each_cpu(cpu, mask) {
		if (cpu == me || !cpu_online(cpu))
			continue;
		csd_lock_wait(&slots[cpu]);
		slots[cpu].func = func;
		slots[cpu].info = info;
		slots[cpu].flags = CSD_FLAG_LOCK;
		queue_call(cpu, &slots[cpu]);
	}
	if (!wait)
		return;
	for_each_cpu(cpu, mask)
		if (cpu != me && cpu_online(cpu))
			csd_lock_wait(&slots[cpu]);
}

void smp_call_function(smp_call_func_t func, void *info, bool wait)
{
	smp_call_function_many(cpu_online_mask, func, info, wait);
}

void on_each_cpu(smp_call_func_t func, void *info, bool wait)
{
	smp_call_function_many(cpu_online_mask, func, info, false);
	run_here(func, info);
	if (wait) {
		unsigned int me = smp_processor_id(), cpu;

		for_each_online_cpu(cpu)
			if (cpu != me)
				csd_lock_wait(&this_cpu_ptr(csd_data)[cpu]);
	}
}

/* panic()'s way to stop the others (panic_set_stop_other_cpus()). */
static void smp_send_stop(void)
{
	unsigned int me = smp_processor_id(), cpu;

	WRITE_ONCE(stop_requested, true);
	smp_mb();
	for_each_online_cpu(cpu)
		if (cpu != me)
			arch_send_ipi(cpuid_to_hartid_map(cpu));
}

/* ---- bring-up ---- */

void smp_prepare_boot_cpu(unsigned long boot_hartid)
{
	this_cpu_write(cpu_number, 0);
	this_cpu_write(cpu_hartid, boot_hartid);
	__cpuid_to_hartid_map[0] = boot_hartid;
	cpumask_set_cpu(0, &__cpu_possible_mask);
	cpumask_set_cpu(0, &__cpu_online_mask);
	if (boot_hartid < MAX_HARTID)
		hartid_to_cpu_map[boot_hartid] = 1;
	this_cpu_write(cpu_state, CPU_ONLINE);
}

void smp_setup_cpu_ids(const unsigned long *hartids, int nr)
{
	unsigned int next = 1;

	for (int i = 0; i < nr; i++) {
		unsigned long hart = hartids[i];

		if (hart == cpuid_to_hartid_map(0))
			continue;
		if (hart >= MAX_HARTID || hartid_to_cpu_map[hart]) {
			pr_warn("smp: hart %lu ignored (id too large or listed twice)\n",
				hart);
			continue;
		}
		if (next >= NR_CPUS) {
			pr_warn("smp: hart %lu left offline: NR_CPUS is %d\n",
				hart, NR_CPUS);
			continue;
		}
		__cpuid_to_hartid_map[next] = hart;
		hartid_to_cpu_map[hart] = next + 1;
		cpumask_set_cpu(next, &__cpu_possible_mask);
		next++;
	}
	nr_cpu_ids = next;
}

void smp_setup_this_cpu(unsigned long hartid, unsigned int cpu)
{
	this_cpu_write(cpu_number, cpu);
	this_cpu_write(cpu_hartid, hartid);
}

void smp_set_this_cpu_online(void)
{
	smp_store_release(this_cpu_ptr(&cpu_state), CPU_ONLINE);
}

static int start_one(unsigned int cpu)
{
	struct secondary_boot *boot = &secondary_boot[cpu];
	int err;

	boot->sp = arch_boot_stack_top(cpu);
	boot->tp = __per_cpu_offset[cpu];
	boot->satp = arch_satp();
	boot->cpu = cpu;
	per_cpu(cpu_state, cpu) = CPU_STARTING;
	smp_wmb();
	err = arch_start_hart(cpuid_to_hartid_map(cpu), boot);
	if (err)
		pr_err("smp: hart %lu (cpu %u) did not start: SBI error %d\n",
		       cpuid_to_hartid_map(cpu), cpu, err);
	return err;
}

void smp_init(void)
{
	unsigned int cpu, started = 0;
	u64 deadline;

	arch_set_irq_handler(ARCH_IRQ_IPI, ipi_handler);
	panic_set_stop_other_cpus(smp_send_stop);
	for_each_possible_cpu(cpu)
		if (cpu && !start_one(cpu))
			started++;
	deadline = ktime_get_ns() + HART_START_TIMEOUT_NS;
	for_each_possible_cpu(cpu) {
		if (!cpu)
			continue;
		while (smp_load_acquire(per_cpu_ptr(&cpu_state, cpu)) == CPU_STARTING &&
		       ktime_get_ns() < deadline)
			cpu_wait_briefly(HART_START_WAIT_NS);
		if (per_cpu(cpu_state, cpu) == CPU_ONLINE)
			cpumask_set_cpu(cpu, &__cpu_online_mask);
		else
			pr_err("smp: hart %lu (cpu %u) did not come online\n",
			       cpuid_to_hartid_map(cpu), cpu);
	}
	pr_info("smp: Brought up %u CPU%s (%u started by SBI HSM)\n",
		num_online_cpus(), num_online_cpus() > 1 ? "s" : "", started);
}

/* Decimal digits at @s into @v (saturating past NR_CPUS); the end. */
static const char *parse_cpu_id(const char *s, unsigned long *v)
{
	*v = 0;
	while (*s >= '0' && *s <= '9') {
		if (*v <= NR_CPUS)
			*v = *v * 10 + (unsigned long)(*s - '0');
		s++;
	}
	return s;
}

int cpulist_next_range(const char **buf, unsigned int *first, unsigned int *last)
{
	const char *start = *buf, *end;
	unsigned long a, b;

	if (!*start)
		return 0;
	end = parse_cpu_id(start, &a);
	if (end == start)
		return -EINVAL;
	b = a;
	if (*end == '-') {
		start = end + 1;
		end = parse_cpu_id(start, &b);
		if (end == start || b < a)
			return -EINVAL;
	}
	if (b >= NR_CPUS)
		return -ERANGE;
	if (*end == ',' && end[1])
		end++;
	else if (*end)
		return -EINVAL;	/* another character, or a trailing comma */
	*buf = end;
	*first = (unsigned int)a;
	*last = (unsigned int)b;
	return 1;
}

int cpulist_parse(const char *buf, struct cpumask *dstp)
{
	unsigned int a, b;
	int ret, nr = 0;

	cpumask_clear(dstp);
	while ((ret = cpulist_next_range(&buf, &a, &b)) > 0) {
		for (unsigned int c = a; c <= b; c++)
			cpumask_set_cpu(c, dstp);
		nr++;
	}
	return ret < 0 ? ret : nr ? 0 : -EINVAL;
}
