/* SPDX-License-Identifier: MIT */
/*
 * include/asm/page.h — page size, and physical ↔ virtual for kernel memory.
 *
 * Implemented by: arch/riscv/mmu.c (the early page tables).  Mirrors:
 * arch/riscv/include/asm/page.h.  Difference from Linux: the linear map is
 * an identity map (virtual = physical for all RAM), so __va() and __pa()
 * are casts; Linux riscv places it at PAGE_OFFSET in the upper half.
 */
#ifndef NODAL_ASM_PAGE_H
#define NODAL_ASM_PAGE_H

#include <linux/types.h>

#define PAGE_SHIFT	12
#define PAGE_SIZE	(1UL << PAGE_SHIFT)
#define PAGE_MASK	(~(PAGE_SIZE - 1))
#define PAGE_ALIGN(x)	ALIGN((unsigned long)(x), PAGE_SIZE)

#define PFN_UP(x)	(((x) + PAGE_SIZE - 1) >> PAGE_SHIFT)
#define PFN_DOWN(x)	((x) >> PAGE_SHIFT)
#define PFN_PHYS(pfn)	((phys_addr_t)(pfn) << PAGE_SHIFT)
#define PHYS_PFN(pa)	((unsigned long)((pa) >> PAGE_SHIFT))

#define __va(pa)	((void *)(unsigned long)(pa))
#define __pa(va)	((phys_addr_t)(unsigned long)(va))

/*
 * The virtual memory map: struct page of pfn N lives at vmemmap + N, in
 * the upper half of Sv39, backed per node by that node's own memory
 * (Linux's SPARSEMEM_VMEMMAP), so pfn_to_page() is one add and every
 * node's mem_map is node-local.
 */
#define VMEMMAP_START	0xffffffc000000000UL
#define VMEMMAP_SIZE	(1UL << 32)	/* 4 GiB: pfns up to 2^26 */

/*
 * RAM must lie below 2^38: RAM is mapped at its own address, and Sv39's
 * lower half ends there (the same limit as vmemmap's 2^26 pfns).  The
 * device-tree reader leaves out what a tree describes above it.
 */
#define PHYS_ADDR_LIMIT (1UL << 38)

#define L1_CACHE_BYTES	64
#define ____cacheline_aligned __aligned(L1_CACHE_BYTES)

#define THREAD_SIZE	16384	/* a boot or task stack */

/*
 * Task stacks (kernel/sched) live in their own area of the upper half,
 * Linux's CONFIG_VMAP_STACK: each slot is a 32 KiB window whose top 16 KiB
 * map the stack's pages and whose lower 16 KiB stay unmapped, so running
 * off the bottom of a stack faults in a guard region at once.
 */
#define TASK_STACK_AREA		0xffffffd000000000UL
#define TASK_STACK_SLOT_SIZE	(2 * THREAD_SIZE)
#define TASK_STACK_SLOTS	512

struct mem_range {
	phys_addr_t base;	/* first byte */
	phys_addr_t size;	/* bytes */
};

/* Kernel image boundaries (arch/riscv/kernel.ld). */
extern char _kernel_start[], _stext[], _etext[], _srodata[], _erodata[];
extern char _sdata[], _edata[], __bss_start[], __bss_end[], _end[];

/**
 * paging_init() - build the kernel page tables and turn on Sv39
 * @ram: RAM ranges from the device tree
 * @nr_ram: number of @ram entries
 * @nomap: ranges never to map (firmware; /reserved-memory)
 * @nr_nomap: number of @nomap entries
 * @keep: ranges mapped read-only whatever @ram says (the DTB: the tree may
 *	leave it outside the memory it describes)
 * @nr_keep: number of @keep entries
 *
 * Maps RAM at its physical address (read/write, no execute), the kernel
 * image page by page (text RX, rodata R, data and bss RW) whether or not
 * @ram holds it, the @keep pages not already mapped, the console and test
 * devices, and leaves unmapped: page 0 and everything below RAM but the
 * two devices, each boot stack's guard page and the @nomap ranges.  @ram
 * ranges may overlap or repeat: what is already mapped the same way is
 * left as it is.
 *
 * Context: boot hart, once, interrupts off.  Return: 0 or -ENOMEM when the
 * static page-table pool runs out (the caller panics).
 */
int paging_init(const struct mem_range *ram, int nr_ram,
		const struct mem_range *nomap, int nr_nomap,
		const struct mem_range *keep, int nr_keep);

/**
 * arch_map_kernel_range() - map [@va, @va + @size) to @pa, read/write
 *
 * For the virtual memory map; 2 MiB pages where alignment allows.
 * Context: boot hart, before other harts start.  Return: 0 or -ENOMEM.
 */
int arch_map_kernel_range(unsigned long va, phys_addr_t pa, unsigned long size);

/**
 * arch_unmap_kernel_range() - remove the 4 KiB mappings of [@va, @va + @size)
 *
 * Flushes this hart's TLB; other harts must flush theirs
 * (local_flush_tlb_all() on each) before the pages are reused.  Context:
 * any, serialised by the caller against other map/unmap calls.
 */
void arch_unmap_kernel_range(unsigned long va, unsigned long size);

/** arch_map_kernel_pages() - map [@va, @va + @size) to @pa with 4 KiB pages.
 * Context: any, serialised by the caller.  Return: 0 or -ENOMEM. */
int arch_map_kernel_pages(unsigned long va, phys_addr_t pa, unsigned long size);

static inline void local_flush_tlb_all(void)
{
	__asm__ __volatile__("sfence.vma" ::: "memory");
}

/** arch_satp() - the satp value secondary harts load */
unsigned long arch_satp(void);

/** arch_stack_guard() - is @addr in a boot stack's guard page or a task
 * stack slot's unmapped lower half? */
bool arch_stack_guard(unsigned long addr);

#endif /* NODAL_ASM_PAGE_H */
