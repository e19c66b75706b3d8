/* SPDX-License-Identifier: MIT */
/*
 * arch/riscv/setup.c — hart identity, timer, IPIs, hart start, machine exit.
 *
 * Everything here is a thin shell over the SBI (asm/sbi.h), a CSR or a
 * device: the timer goes through stimecmp when every hart has Sstc, else
 * SBI TIME, and IPIs through SBI IPI, never through the interrupt
 * controller; QEMU is left through the sifive,test device because SBI
 * SRST exits 0 even for a failure (docs/design.md).
 */
#include <asm/csr.h>
#include <asm/machine.h>
#include <asm/page.h>
#include <asm/sbi.h>
#include <asm/smp.h>

DEFINE_PER_CPU(unsigned int, cpu_number);
DEFINE_PER_CPU(unsigned long, cpu_hartid);
unsigned long __cpuid_to_hartid_map[NR_CPUS];
/* Each CPU's per-CPU offset: set by setup_per_cpu_areas() (mm/percpu),
 * read by every layer's per_cpu(); here because every layer uses it. */
unsigned long __per_cpu_offset[NR_CPUS];
u64 arch_timebase_freq = 10000000;	/* QEMU virt; /cpus overrides */

extern char secondary_entry[], kernel_stacks[];

static bool timer_sstc;	/* [init] program stimecmp directly (Sstc) */

void arch_timer_use_sstc(void)
{
	timer_sstc = true;
}

/*
 * With Sstc, S-mode writes stimecmp itself: no trip through the firmware.
 * That matters for cpu_wait_briefly(), which programs the timer twice per
 * short sleep: under QEMU it halves the cost of a contended lock handoff.
 */
void arch_timer_program(u64 when)
{
	if (timer_sstc)
		__asm__ __volatile__("csrw 0x14d, %0" :: "r"(when) : "memory");
	else
		sbi_set_timer(when);
}

void arch_enable_irqs_on_hart(void)
{
	csr_set(sie, SIE_SSIE | SIE_STIE);
}

int arch_send_ipi(unsigned long hartid)
{
	return (int)sbi_send_ipi(1UL << (hartid % 64), hartid & ~63UL);
}

void arch_clear_ipi(void)
{
	csr_clear(sip, SIP_SSIP);
}

int arch_start_hart(unsigned long hartid, void *boot)
{
	return (int)sbi_hart_start(hartid, (unsigned long)secondary_entry,
				   (unsigned long)boot);
}

unsigned long arch_boot_stack_top(unsigned int cpu)
{
	return (unsigned long)kernel_stacks +
	       (cpu + 1) * (THREAD_SIZE + PAGE_SIZE);
}

#define TEST_PASS	0x5555
#define TEST_FAIL	0x3333

__noreturn void arch_machine_exit(int status)
{
	volatile u32 *dev = (volatile u32 *)TEST_DEV_BASE;

	if (status == 0)
		*dev = TEST_PASS;
	else
		*dev = TEST_FAIL | ((u32)(status & 0xff ? status & 0xff : 1) << 16);
	for (;;)
		__asm__ __volatile__("wfi");
}
