/* SPDX-License-Identifier: MIT */
/*
 * arch/riscv/sbi.c — SBI calls: TIME, IPI and HSM extensions.
 *
 * The calling convention is the SBI specification's: extension id in a7,
 * function id in a6, arguments in a0..a5, error in a0 and value in a1.
 */
#include <asm/sbi.h>

struct sbiret sbi_ecall(unsigned long ext, unsigned long fid,
			unsigned long arg0, unsigned long arg1,
			unsigned long arg2)
{
	register unsigned long a0 __asm__("a0") = arg0;
	register unsigned long a1 __asm__("a1") = arg1;
	register unsigned long a2 __asm__("a2") = arg2;
	register unsigned long a6 __asm__("a6") = fid;
	register unsigned long a7 __asm__("a7") = ext;

	__asm__ __volatile__("ecall"
			     : "+r"(a0), "+r"(a1)
			     : "r"(a2), "r"(a6), "r"(a7)
			     : "memory");
	return (struct sbiret){ .error = (long)a0, .value = (long)a1 };
}

void sbi_set_timer(u64 when)
{
	sbi_ecall(SBI_EXT_TIME, 0, when, 0, 0);
}

long sbi_send_ipi(unsigned long hart_mask, unsigned long hart_mask_base)
{
	return sbi_ecall(SBI_EXT_IPI, 0, hart_mask, hart_mask_base, 0).error;
}

long sbi_hart_start(unsigned long hartid, unsigned long entry,
		    unsigned long opaque)
{
	return sbi_ecall(SBI_EXT_HSM, 0, hartid, entry, opaque).error;
}
