# kernel — boot order, printk, panic, command line, shell, test and bench runners.
KERNEL_SRCS := kernel/main.c kernel/printk.c kernel/panic.c kernel/cmdline.c \
	kernel/shell.c kernel/kallsyms.c kernel/devtree.c kernel/time.c kernel/kunit.c \
	kernel/bench.c \
	kernel/smp/smp.c kernel/smp/spinlock.c kernel/smp/watchdog.c \
	kernel/sched/core.c kernel/sched/kthread.c kernel/sched/ps.c
