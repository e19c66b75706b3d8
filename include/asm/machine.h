/* SPDX-License-Identifier: MIT */
/*
 * include/asm/machine.h — the console device and leaving the machine.
 *
 * Implemented by: arch/riscv/uart.c (polled ns16550a at 0x10000000) and
 * arch/riscv/setup.c (QEMU's sifive,test device at 0x100000).
 */
#ifndef NODAL_ASM_MACHINE_H
#define NODAL_ASM_MACHINE_H

#include <linux/types.h>

/** arch_console_putc() - write one byte, waiting for the transmitter */
void arch_console_putc(char c);
/** arch_console_getc() - one received byte, or -1 when none is waiting */
int arch_console_getc(void);

/**
 * arch_machine_exit() - stop the machine; QEMU exits with @status
 * @status: 0 for success, 1..255 for failure (other values become 1)
 *
 * Context: any; does not return.  Other harts are not stopped first.
 */
__noreturn void arch_machine_exit(int status);

/* MMIO the early page tables must map (physical = virtual). */
#define UART0_BASE	0x10000000UL
#define TEST_DEV_BASE	0x00100000UL

#endif /* NODAL_ASM_MACHINE_H */
