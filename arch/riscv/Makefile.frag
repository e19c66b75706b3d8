# SPDX-License-Identifier: MIT
# arch/riscv — entry, traps, page tables, SBI, console.
ARCH_SRCS := arch/riscv/head.S arch/riscv/sbi.c arch/riscv/uart.c \
	arch/riscv/setup.c arch/riscv/mmu.c arch/riscv/traps.c \
	arch/riscv/stacktrace.c arch/riscv/switch.S \
	arch/riscv/spinlock.c
