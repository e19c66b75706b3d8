/* SPDX-License-Identifier: MIT */
/*
 * include/asm/sbi.h — calls into the SBI firmware (OpenSBI 1.1, SBI 1.0).
 *
 * Implemented by: arch/riscv/sbi.c.  Mirrors: arch/riscv/include/asm/sbi.h.
 * Used by the timer, IPIs and hart bring-up; portable code reaches these
 * through kernel/smp.
 */
#ifndef NODAL_ASM_SBI_H
#define NODAL_ASM_SBI_H

#include <linux/types.h>

#define SBI_EXT_TIME	0x54494D45
#define SBI_EXT_IPI	0x735049
#define SBI_EXT_HSM	0x48534D
#define SBI_EXT_SRST	0x53525354

#define SBI_HSM_STARTED		0
#define SBI_HSM_STOPPED		1
#define SBI_HSM_START_PENDING	2
#define SBI_HSM_STOP_PENDING	3

struct sbiret {
	long error;	/* 0 or a negative SBI error code */
	long value;
};

struct sbiret sbi_ecall(unsigned long ext, unsigned long fid,
			unsigned long a0, unsigned long a1, unsigned long a2);

/** sbi_set_timer() - program this hart's next timer interrupt (timebase ticks) */
void sbi_set_timer(u64 when);
/** sbi_send_ipi() - raise a supervisor software interrupt on harts base+bit */
long sbi_send_ipi(unsigned long hart_mask, unsigned long hart_mask_base);
/** sbi_hart_start() - start a stopped hart at phys entry with a1 = opaque */
long sbi_hart_start(unsigned long hartid, unsigned long entry,
		    unsigned long opaque);

#endif /* NODAL_ASM_SBI_H */
