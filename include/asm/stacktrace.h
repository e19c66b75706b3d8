/* SPDX-License-Identifier: MIT */
/*
 * include/asm/stacktrace.h — backtraces by walking the frame pointers.
 *
 * Implemented by: arch/riscv/stacktrace.c.  Mirrors: arch/riscv/include/asm/
 * stacktrace.h (Linux declares dump_stack() in <linux/printk.h> and builds
 * it in lib/ on the architecture's walker; here the architecture's file is
 * the whole of it, so its declaration lives here and <linux/printk.h>
 * includes this header: code calls dump_stack() as in Linux).
 */
#ifndef NODAL_ASM_STACKTRACE_H
#define NODAL_ASM_STACKTRACE_H

/**
 * dump_stack() - print a backtrace of the caller, with symbol names
 *
 * Context: any.
 */
void dump_stack(void);

/**
 * show_trace_from() - print the backtrace of a trapped context
 * @fp: its frame pointer (s0)
 * @pc: where it trapped (epc)
 * @ra: its return address register, for a trap in a leaf function
 *
 * Context: the trap handler, before it reports a fatal fault.
 */
void show_trace_from(unsigned long fp, unsigned long pc, unsigned long ra);

#endif /* NODAL_ASM_STACKTRACE_H */
