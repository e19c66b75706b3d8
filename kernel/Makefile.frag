# SPDX-License-Identifier: MIT
# kernel — the services every layer uses (printk, panic, the command line,
# symbols, time, the device tree's bootargs), then kernel/smp and
# kernel/sched.
KERNEL_SRCS := kernel/printk.c kernel/panic.c kernel/context.c kernel/cmdline.c \
	kernel/kallsyms.c kernel/devtree.c kernel/time.c kernel/report.c \
	kernel/fault-inject.c kernel/fault_report.c kernel/random.c
SMP_SRCS := kernel/smp/smp.c kernel/smp/spinlock.c kernel/smp/lock_stat.c \
	kernel/smp/watchdog.c
SCHED_SRCS := kernel/sched/core.c kernel/sched/kthread.c kernel/sched/report.c \
	kernel/sched/klist.c
