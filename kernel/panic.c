/* SPDX-License-Identifier: MIT */
/*
 * kernel/panic.c — panic(), BUG() and WARN().
 *
 * A panic prints "Kernel panic - not syncing: <why>" and the panicking
 * hart's backtrace, stops every other hart with an IPI (through the hook
 * smp_init() registers: this file sits below kernel/smp), and leaves QEMU
 * with EXIT_STATUS_PANIC through the test device, so a script sees the
 * failure in QEMU's exit status.  A second panic (on another hart, or from
 * inside the first) goes straight to the exit.
 */
#include <asm/barrier.h>
#include <asm/machine.h>
#include <asm/processor.h>
#include <asm/smp.h>
#include <linux/bug.h>
#include <linux/panic.h>
#include <linux/printk.h>

unsigned long nr_warnings;
unsigned int panic_cpu = PANIC_CPU_NONE;
static void (*stop_other_cpus)(void); /* [init] smp_send_stop() */

void panic_set_stop_other_cpus(void (*fn)(void))
{
	WRITE_ONCE(stop_other_cpus, fn);
}

__noreturn void panic(const char *fmt, ...)
{
	unsigned int me = raw_smp_processor_id();
	char msg[256];
	va_list ap;

	local_irq_disable();
	if (cmpxchg(&panic_cpu, PANIC_CPU_NONE, me) != PANIC_CPU_NONE) {
		if (READ_ONCE(panic_cpu) != me)
			for (;;)
				wait_for_interrupt();
		arch_machine_exit(EXIT_STATUS_PANIC);	/* nested panic */
	}
	va_start(ap, fmt);
	vscnprintf(msg, sizeof(msg), fmt, ap);
	va_end(ap);
	pr_emerg("Kernel panic - not syncing: %s\n", msg);
	dump_stack();
	if (READ_ONCE(stop_other_cpus))
		stop_other_cpus();
	pr_emerg("---[ end Kernel panic - not syncing: %s ]---\n", msg);
	arch_machine_exit(EXIT_STATUS_PANIC);
}

void __warn(const char *file, int line, const char *cond)
{
	atomic_inc(&nr_warnings);
	pr_warn("------------[ cut here ]------------\n");
	pr_warn("WARNING: CPU: %u at %s:%d: %s\n", raw_smp_processor_id(), file,
		line, cond ? cond : "");
	dump_stack();
	pr_warn("---[ end trace ]---\n");
}

__noreturn void __bug(const char *file, int line, const char *cond)
{
	pr_emerg("------------[ cut here ]------------\n");
	pr_emerg("kernel BUG at %s:%d!%s%s\n", file, line,
		 cond ? " " : "", cond ? cond : "");
	panic("BUG");
}
