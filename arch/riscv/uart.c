/* SPDX-License-Identifier: MIT */
/*
 * arch/riscv/uart.c — polled ns16550a console (QEMU virt, 0x10000000).
 *
 * No interrupts: the kernel stays independent of the interrupt controller
 * (PLIC or APLIC, which QEMU swaps with the socket count), so input is
 * polled by the shell and output waits for the transmit holding register.
 */
#include <asm/machine.h>

#define UART_RBR	0	/* receive buffer (read) */
#define UART_THR	0	/* transmit holding (write) */
#define UART_LSR	5	/* line status */
#define LSR_DR		0x01	/* data ready */
#define LSR_THRE	0x20	/* transmit holding register empty */

static inline volatile u8 *uart_reg(unsigned int reg)
{
	return (volatile u8 *)(UART0_BASE + reg);
}

void arch_console_putc(char c)
{
	while (!(*uart_reg(UART_LSR) & LSR_THRE))
		;
	*uart_reg(UART_THR) = (u8)c;
}

int arch_console_getc(void)
{
	if (!(*uart_reg(UART_LSR) & LSR_DR))
		return -1;
	return *uart_reg(UART_RBR);
}
