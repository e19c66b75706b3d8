/* SPDX-License-Identifier: MIT */
/*
 * init/main.c — start_kernel() and secondary_start_kernel(): the boot
 * order, one step per line.
 *
 * Overview     OpenSBI enters _start on one hart, picked at random, with
 *              its hart id and the DTB.  That hart becomes CPU 0 and walks
 *              the steps of start_kernel(); the other harts sleep in the
 *              firmware until smp_init() starts them, walk the steps of
 *              secondary_start_kernel(), then live in cpu_startup_entry(),
 *              serving timer ticks and cross-calls.  CPU 0 ends in the
 *              monitor shell (init/shell.c), which runs `run=` commands
 *              and powers off, or waits for the user.  This file is the
 *              only one that knows the order: every layer below exposes
 *              an init function and registers its hooks there (the
 *              policies with the page allocator, the scheduler and the
 *              watchdog with the tick).
 *
 * Structures   None of its own: each step initialises its subsystem.
 *
 * Locking      Until smp_init() only the boot hart runs: the steps before
 *              it may write [init] data without locks.
 *
 * Per-CPU      Before setup_per_cpu_areas() the boot hart's tp is 0 and
 *              this_cpu_*() reach the .percpu template itself; the copy
 *              made then carries what was written so far.
 *
 * Invariants   BOOT-1 nothing allocates before the DTB and the kernel image
 *              are reserved in memblock (so the DTB is never overwritten).
 *              BOOT-2 secondary harts start only after page tables, per-CPU
 *              areas and trap vectors exist.
 *              BOOT-3 per-node structures (per-CPU units, pg_data_t,
 *              mem_map) are allocated only after numa_init() has tagged
 *              memblock's RAM with node ids, so each lands on its node.
 *              Each is kept by the order of start_kernel()'s lines, which
 *              cite it where it binds.
 *
 * Paths        A bad DTB (libfdt rejects it, no RAM) stops the boot with a
 *              message and QEMU exits with status 1; a missing /cpus keeps
 *              just the boot hart.  A tree whose memory leaves out the
 *              kernel image or the DTB boots: the image is taken as RAM
 *              (reserved), the DTB mapped read-only, and one line says
 *              which was outside (check_image_and_dtb()).
 *
 * Linux        init/main.c (start_kernel), arch/riscv/kernel/setup.c
 *              (setup_arch), arch/riscv/kernel/smpboot.c.
 *
 * Statistics   The boot banner: hart, harts found, RAM, time to shell.
 */
#include <asm/machine.h>
#include <asm/page.h>
#include <asm/smp.h>
#include <linux/bug.h>
#include <linux/init.h>
#include <linux/kthread.h>
#include <linux/memblock.h>
#include <linux/mempolicy.h>
#include <linux/mm.h>
#include <linux/mmzone.h>
#include <linux/percpu.h>
#include <linux/printk.h>
#include <linux/sched.h>
#include <linux/slab.h>
#include <linux/smp.h>
#include <linux/start_kernel.h>
#include <linux/topology.h>
#include <nodal/devtree.h>
#include <nodal/dt_scan.h>
#include <nodal/shell.h>
#include <nodal/tick.h>

#include "internal.h"

#define MAX_RANGES DT_MAX_MEM
_Static_assert(DT_MAX_RESERVED <= MAX_RANGES, "room for every reserved range");
_Static_assert(DT_MAX_HARTS <= MAX_HARTID, "room for every hart id");

static struct dt_scan boot_dt; /* [init] the device tree, read once */
static struct mem_range ram[MAX_RANGES + 1]; /* + the image, if left out */
static struct mem_range reserved[MAX_RANGES];
static int nr_ram, nr_reserved;
static unsigned long hartids[MAX_HARTID];

static __noreturn void boot_failed(const char *why)
{
	pr_emerg("boot: %s: powering off\n", why);
	arch_machine_exit(1);
}

/* The first line of the boot log: which hart, and where the DTB is. */
static void boot_banner(unsigned long hartid, const void *dtb)
{
	pr_info("Nodal: booting on hart %lu, device tree at %p\n", hartid, dtb);
}

/* libfdt accepts the DTB, or the boot stops here. */
static void check_device_tree(const void *dtb)
{
	if (dt_init(dtb))
		boot_failed("unusable device tree");
}

/* /chosen/bootargs: run=, pcp=, slub_debug= and the rest. */
static void setup_command_line(void)
{
	parse_cmdline(dt_bootargs());
	pr_info("Kernel command line: %s\n", saved_command_line);
}

/* Everything later steps need from the device tree, in one checked pass. */
static void scan_device_tree(void)
{
	struct dt_scan_opts opts = {
		.kernel_start = __pa(_kernel_start),
		.kernel_end = __pa(_end),
		.phys_limit = PHYS_ADDR_LIMIT,
	};

	dt_scan(initial_boot_params, &boot_dt, &opts);
}

/* The clock at the tree's timebase, through stimecmp if every hart has Sstc. */
static void setup_clock(void)
{
	time_init(boot_dt.timebase_frequency, boot_dt.isa & DT_ISA_SSTC);
}

/* Is [@base, @base + @size) all inside one (merged) memblock memory range? */
static bool inside_memory(phys_addr_t base, phys_addr_t size)
{
	struct memblock_region *r;

	for_each_mem_region(r)
		if (base >= r->base && base + size <= r->base + r->size)
			return true;
	return false;
}

/*
 * The kernel image and the DTB stay usable whatever the memory nodes say
 * (Linux riscv maps its DTB through its fixmap and reserves it by its own
 * address).  The image is RAM the kernel runs in: one the tree leaves out
 * is added to memblock (reserved below like any image), so it is mapped,
 * has struct pages and lands on node 0 (the scan falls back to one node
 * when the image is on none).  The DTB is only read: one the tree leaves
 * out is mapped read-only, and is not RAM.  Each case is one line.
 * Returns the number of @keep entries filled (the DTB's range, if out).
 */
static int check_image_and_dtb(const void *dtb, struct mem_range *keep)
{
	phys_addr_t k = __pa(_kernel_start),
		    ksize = PAGE_ALIGN(_end - _kernel_start);
	phys_addr_t d = __pa(dtb), dsize = dt_total_size();

	if (!inside_memory(k, ksize)) {
		pr_warn("boot: kernel image [mem %#010llx-%#010llx] is outside the memory the device tree describes: taken as RAM, kept reserved\n",
			(unsigned long long)k,
			(unsigned long long)(k + ksize - 1));
		memblock_add(k, ksize);
	}
	if (inside_memory(d, dsize))
		return 0;
	pr_warn("boot: device tree [mem %#010llx-%#010llx] is outside the memory it describes: mapped read-only anyway, not RAM\n",
		(unsigned long long)d, (unsigned long long)(d + dsize - 1));
	*keep = (struct mem_range){ d, dsize };
	return 1;
}

/*
 * BOOT-1: RAM in, then the image, the DTB and firmware ranges out.  The
 * page tables map memblock's ranges, which memblock_add() has sorted and
 * merged: memory nodes may overlap or repeat, as Linux allows.
 */
static void setup_memory(const void *dtb)
{
	struct memblock_region *r;
	struct mem_range keep;
	int nr_keep;

	if (!boot_dt.nr_mem)
		boot_failed("the device tree has no memory node with RAM");
	for (int i = 0; i < boot_dt.nr_mem; i++)
		memblock_add(boot_dt.mem[i].base, boot_dt.mem[i].size);
	nr_keep = check_image_and_dtb(dtb, &keep);
	nr_ram = 0;
	for_each_mem_region(r)
		ram[nr_ram++] = (struct mem_range){ r->base, r->size };
	memblock_reserve(__pa(_kernel_start), _end - _kernel_start);
	memblock_reserve(__pa(dtb), PAGE_ALIGN(dt_total_size()));
	nr_reserved = boot_dt.nr_reserved;
	for (int i = 0; i < nr_reserved; i++) {
		reserved[i] = (struct mem_range){ boot_dt.reserved[i].base,
						  boot_dt.reserved[i].size };
		memblock_reserve(reserved[i].base, reserved[i].size);
	}
	if (paging_init(ram, nr_ram, reserved, nr_reserved, &keep, nr_keep))
		panic("cannot map memory");
	pr_info("memory: %llu MiB RAM in %d range%s, %llu KiB reserved\n",
		(unsigned long long)(memblock_phys_mem_size() >> 20),
		boot_dt.nr_mem, boot_dt.nr_mem > 1 ? "s" : "",
		(unsigned long long)(memblock_reserved_size() >> 10));
}

/* The enabled harts, in tree order, numbered as CPUs (the boot hart is 0). */
static void setup_harts(void)
{
	int n = 0;

	for (int i = 0; i < boot_dt.nr_harts; i++)
		if (boot_dt.harts[i].enabled)
			hartids[n++] = boot_dt.harts[i].hartid;
	if (!n) {
		pr_warn("smp: /cpus lists no enabled hart: running on the boot hart only\n");
		return;
	}
	smp_setup_cpu_ids(hartids, n);
	pr_info("smp: %d hart%s enabled in the device tree, %u usable (NR_CPUS %d)\n",
		n, n > 1 ? "s" : "", nr_cpu_ids, NR_CPUS);
}

/* The monitor shell, as a task on CPU 0. */
static void start_shell(void)
{
	if (!kthread_run(shell_thread, NULL, "shell"))
		panic("cannot start the shell task");
}

__noreturn void start_kernel(unsigned long hartid, const void *dtb)
{
	smp_prepare_boot_cpu(hartid); /* this hart is CPU 0 */
	arch_trap_init();	      /* faults report from here on */
	boot_banner(hartid, dtb);     /* before anything can fail */
	check_device_tree(dtb);	      /* libfdt's header check, or stop */
	setup_command_line();	      /* /chosen/bootargs */
	scan_device_tree();	      /* RAM, reserved, harts, nodes */
	setup_clock();		      /* the tree's timebase; Sstc? */
	setup_memory(dtb);	      /* memblock, linear map (BOOT-1) */
	setup_harts();		      /* enabled harts become CPUs */
	numa_init(&boot_dt);	      /* nodes, RAM tagged (BOOT-3) */
	setup_per_cpu_areas();	      /* CPU units on their nodes */
	sched_init();		      /* CPU 0's run queue */
	numa_setup_nodes();	      /* a pg_data_t and zones a node */
	build_all_zonelists();	      /* each node's fallback order */
	page_alloc_init();	      /* mem_map, free lists, pcp */
	numa_policy_init();	      /* policy hook in alloc_pages() */
	kmem_cache_init();	      /* SLUB and kmalloc */
	arch_enable_irqs_on_hart();   /* unmask IPIs and the timer */
	timer_init_this_cpu();	      /* CPU 0's tick */
	local_irq_enable();	      /* ticks and IPIs from here on */
	lockup_detector_init();	      /* the watchdog's tick work */
	smp_init();		      /* the other harts (BOOT-2) */
	start_shell();		      /* the monitor shell, a task */
	cpu_startup_entry();	      /* CPU 0's idle loop */
}

/*
 * secondary_start_kernel() - a secondary hart's boot order.  head.S enters
 * here on the stack and with the per-CPU offset that smp_init() gave the
 * hart (@boot); smp_init() waits until it reports itself online.
 */
__noreturn void secondary_start_kernel(unsigned long hartid,
				       struct secondary_boot *boot)
{
	unsigned long stack_lo = boot->sp - THREAD_SIZE;

	smp_setup_this_cpu(hartid, boot->cpu); /* its CPU and hart ids */
	sched_init_secondary();		       /* run queue, idle task */
	arch_set_stack_bounds(stack_lo);       /* the overflow check */
	arch_trap_init();		       /* faults report now */
	arch_enable_irqs_on_hart();	       /* IPIs and timer */
	timer_init_this_cpu();		       /* this hart's tick */
	smp_set_this_cpu_online();	       /* smp_init() goes on */
	local_irq_enable();		       /* ticks and IPIs now */
	cpu_startup_entry();		       /* the idle loop */
}
