/* SPDX-License-Identifier: MIT */
/*
 * arch/riscv/stacktrace.c — frame-pointer backtraces.
 *
 * With -fno-omit-frame-pointer, s0 holds the caller's sp at entry (the
 * canonical frame address); a non-leaf function saves ra at s0 - 8 and the
 * caller's s0 at s0 - 16.  A leaf function saves only s0, at s0 - 8, so
 * the first frame of a trap may be a leaf: as Linux's walk_stackframe()
 * does, when the slot where ra should be holds a plausible frame address,
 * take it as the caller's s0 and the trapped ra as the return address.
 */
#include <asm/page.h>
#include <asm/processor.h>
#include <asm/stacktrace.h>
#include <linux/printk.h>

#define MAX_FRAMES	32
#define MAX_STACK_SPAN	(64 * 1024)	/* a frame chain never spans more */

static bool is_kernel_text(unsigned long pc)
{
	return pc >= (unsigned long)_stext && pc < (unsigned long)_etext;
}

static bool fp_plausible(unsigned long fp, unsigned long low)
{
	return fp > low && fp - low <= MAX_STACK_SPAN && IS_ALIGNED(fp, 8);
}

static void print_frame(unsigned long pc)
{
	char sym[96];

	sprint_symbol(sym, sizeof(sym), pc);
	pr_emerg("  [<%016lx>] %s\n", pc, sym);
}

void show_trace_from(unsigned long fp, unsigned long pc, unsigned long ra)
{
	unsigned long low = fp - MAX_STACK_SPAN / 2;

	pr_emerg("Call Trace:\n");
	print_frame(pc);
	for (int i = 0; i < MAX_FRAMES; i++) {
		unsigned long slot_ra, slot_fp;

		if (!fp_plausible(fp, low))
			break;
		slot_ra = ((unsigned long *)fp)[-1];
		slot_fp = ((unsigned long *)fp)[-2];
		if (i == 0 && !is_kernel_text(slot_ra) &&
		    fp_plausible(slot_ra, fp - 1)) {
			pc = ra;		/* leaf: ra was never stored */
			fp = slot_ra;
		} else {
			pc = slot_ra;
			if (slot_fp <= fp)
				fp = 0;		/* chain must climb the stack */
			else
				fp = slot_fp;
		}
		if (!is_kernel_text(pc))
			break;
		print_frame(pc);
	}
}

void dump_stack(void)
{
	unsigned long fp = current_frame_address();
	unsigned long low = fp - 1;

	pr_emerg("Call Trace:\n");
	for (int i = 0; i < MAX_FRAMES && fp_plausible(fp, low); i++) {
		unsigned long pc = ((unsigned long *)fp)[-1];
		unsigned long next = ((unsigned long *)fp)[-2];

		if (!is_kernel_text(pc))
			break;
		print_frame(pc);
		if (next <= fp)
			break;
		fp = next;
	}
}
