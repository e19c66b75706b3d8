/* SPDX-License-Identifier: MIT */
/*
 * arch/riscv/traps.c — trap dispatch, fault reports and fault recovery.
 *
 * trap_entry (head.S) saves a struct pt_regs and calls do_trap().  An
 * interrupt goes to the handler kernel code registered for it; an
 * exception in the kernel is decoded (cause, faulting address, registers,
 * backtrace) and is fatal unless this hart armed a recovery point with
 * arch_fault_catch(), which KUnit uses to survive a faulting test case.
 */
#include <asm/csr.h>
#include <asm/page.h>
#include <asm/ptrace.h>
#include <asm/setjmp.h>
#include <asm/smp.h>
#include <asm/stacktrace.h>
#include <linux/bug.h>
#include <linux/printk.h>

#define OVERFLOW_STACK_SIZE 4096

/* Read by trap_entry before it trusts sp; offsets are fixed in head.S. */
struct trap_scratch {
	unsigned long t1;		/* [cpu] t1 while entry works */
	unsigned long sp;		/* [cpu] sp at the trap */
	unsigned long stack_lo;		/* [cpu] lowest usable stack address */
	unsigned long overflow_top;	/* [init] emergency stack top */
};
_Static_assert(offsetof(struct trap_scratch, stack_lo) == 16, "head.S");
_Static_assert(offsetof(struct trap_scratch, overflow_top) == 24, "head.S");

DEFINE_PER_CPU(struct trap_scratch, trap_scratch);
static DEFINE_PER_CPU(struct arch_jmp_buf *, fault_catch);
static char overflow_stacks[NR_CPUS][OVERFLOW_STACK_SIZE] __aligned(16);
static arch_irq_handler_t irq_handlers[16];
_Static_assert(ARCH_IRQ_IPI == IRQ_S_SOFT && ARCH_IRQ_TIMER == IRQ_S_TIMER,
	       "<asm/smp.h> names the scause codes");
static void (*irq_return_hook)(void);	/* [init] the scheduler's preemption */

extern char trap_entry[];
void show_regs(const struct pt_regs *regs);

void arch_trap_init(void)
{
	struct trap_scratch *ts = this_cpu_ptr(&trap_scratch);
	unsigned int cpu = raw_smp_processor_id();

	ts->overflow_top = (unsigned long)overflow_stacks[cpu] +
			   OVERFLOW_STACK_SIZE;
	if (!ts->stack_lo)
		ts->stack_lo = arch_boot_stack_top(cpu) - THREAD_SIZE;
	csr_write(stvec, trap_entry);
	csr_write(sscratch, 0);
}

void arch_set_stack_bounds(unsigned long lo)
{
	this_cpu_ptr(&trap_scratch)->stack_lo = lo;
}

void arch_set_irq_handler(unsigned int irq, arch_irq_handler_t fn)
{
	if (WARN_ON(irq >= ARRAY_SIZE(irq_handlers)))
		return;
	irq_handlers[irq] = fn;
}

void arch_fault_catch(struct arch_jmp_buf *buf)
{
	this_cpu_write(fault_catch, buf);
}

struct arch_jmp_buf *arch_fault_catch_get(void)
{
	return this_cpu_read(fault_catch);
}

void arch_set_irq_return_hook(void (*fn)(void))
{
	irq_return_hook = fn;
}

static const char *const exception_names[] = {
	[EXC_INST_MISALIGNED]	= "instruction address misaligned",
	[EXC_INST_ACCESS]	= "instruction access fault",
	[EXC_INST_ILLEGAL]	= "illegal instruction",
	[EXC_BREAKPOINT]	= "breakpoint",
	[EXC_LOAD_MISALIGNED]	= "load address misaligned",
	[EXC_LOAD_ACCESS]	= "load access fault",
	[EXC_STORE_MISALIGNED]	= "store address misaligned",
	[EXC_STORE_ACCESS]	= "store access fault",
	[EXC_ECALL_U]		= "environment call from U-mode",
	[EXC_ECALL_S]		= "environment call from S-mode",
	[EXC_INST_PAGE_FAULT]	= "instruction page fault",
	[EXC_LOAD_PAGE_FAULT]	= "load page fault",
	[EXC_STORE_PAGE_FAULT]	= "store page fault",
};

static const char *exception_name(unsigned long cause)
{
	if (cause < ARRAY_SIZE(exception_names) && exception_names[cause])
		return exception_names[cause];
	return "reserved exception";
}

static bool is_memory_fault(unsigned long cause)
{
	return cause == EXC_LOAD_PAGE_FAULT || cause == EXC_STORE_PAGE_FAULT ||
	       cause == EXC_INST_PAGE_FAULT || cause == EXC_LOAD_ACCESS ||
	       cause == EXC_STORE_ACCESS || cause == EXC_INST_ACCESS;
}

/* One headline saying what went wrong, in Linux's words where it has them. */
static void report_exception(const struct pt_regs *regs)
{
	unsigned long cause = regs->cause, addr = regs->badaddr;
	char sym[96];

	if (is_memory_fault(cause) && arch_stack_guard(addr))
		pr_emerg("Kernel stack overflow: hart %lu touched guard page at 0x%016lx\n",
			 arch_hartid(), addr);
	else if (is_memory_fault(cause) && addr < PAGE_SIZE)
		pr_emerg("Unable to handle kernel NULL pointer dereference at virtual address %016lx\n",
			 addr);
	else if (is_memory_fault(cause))
		pr_emerg("Unable to handle kernel paging request at virtual address %016lx\n",
			 addr);
	sprint_symbol(sym, sizeof(sym), regs->epc);
	pr_emerg("Oops - %s [#%lu] on hart %lu (cpu %u) at %s\n",
		 exception_name(cause), cause, arch_hartid(),
		 raw_smp_processor_id(), sym);
	show_regs(regs);
	show_trace_from(regs->s0, regs->epc, regs->ra);
}

/* Resume at the armed arch_setjmp() as if it returned 1. */
static void recover_at(struct pt_regs *regs, const struct arch_jmp_buf *buf)
{
	regs->epc = buf->ra;
	regs->sp = buf->sp;
	regs->s0 = buf->s[0];
	regs->s1 = buf->s[1];
	regs->s2 = buf->s[2];
	regs->s3 = buf->s[3];
	regs->s4 = buf->s[4];
	regs->s5 = buf->s[5];
	regs->s6 = buf->s[6];
	regs->s7 = buf->s[7];
	regs->s8 = buf->s[8];
	regs->s9 = buf->s[9];
	regs->s10 = buf->s[10];
	regs->s11 = buf->s[11];
	regs->a0 = 1;
}

static void do_exception(struct pt_regs *regs)
{
	struct arch_jmp_buf *buf = this_cpu_read(fault_catch);

	report_exception(regs);
	if (buf) {
		this_cpu_write(fault_catch, NULL);
		pr_emerg("trap: fault caught, resuming at the recovery point\n");
		recover_at(regs, buf);
		return;
	}
	panic("Fatal exception");
}

void do_trap(struct pt_regs *regs)
{
	if (regs->cause & CAUSE_IRQ_FLAG) {
		unsigned long irq = regs->cause & ~CAUSE_IRQ_FLAG;

		if (irq < ARRAY_SIZE(irq_handlers) && irq_handlers[irq])
			irq_handlers[irq](regs);
		else
			pr_warn_ratelimited("trap: unexpected interrupt %lu\n", irq);
		/* Back to code that had interrupts on: it may be preempted. */
		if (irq_return_hook && (regs->status & SR_SPIE))
			irq_return_hook();
		return;
	}
	do_exception(regs);
}

void show_regs(const struct pt_regs *regs)
{
	char sym[96];

	sprint_symbol(sym, sizeof(sym), regs->ra);
	pr_emerg(" epc : %016lx ra : %s\n", regs->epc, sym);
	pr_emerg(" sp  : %016lx gp : %016lx tp : %016lx\n", regs->sp, regs->gp, regs->tp);
	pr_emerg(" t0  : %016lx t1 : %016lx t2 : %016lx\n", regs->t0, regs->t1, regs->t2);
	pr_emerg(" s0  : %016lx s1 : %016lx a0 : %016lx\n", regs->s0, regs->s1, regs->a0);
	pr_emerg(" a1  : %016lx a2 : %016lx a3 : %016lx\n", regs->a1, regs->a2, regs->a3);
	pr_emerg(" a4  : %016lx a5 : %016lx a6 : %016lx\n", regs->a4, regs->a5, regs->a6);
	pr_emerg(" a7  : %016lx s2 : %016lx s3 : %016lx\n", regs->a7, regs->s2, regs->s3);
	pr_emerg(" s4  : %016lx s5 : %016lx s6 : %016lx\n", regs->s4, regs->s5, regs->s6);
	pr_emerg(" s7  : %016lx s8 : %016lx s9 : %016lx\n", regs->s7, regs->s8, regs->s9);
	pr_emerg(" s10 : %016lx s11: %016lx t3 : %016lx\n", regs->s10, regs->s11, regs->t3);
	pr_emerg(" t4  : %016lx t5 : %016lx t6 : %016lx\n", regs->t4, regs->t5, regs->t6);
	pr_emerg(" status: %016lx badaddr: %016lx cause: %016lx\n",
		 regs->status, regs->badaddr, regs->cause);
}
