/* SPDX-License-Identifier: MIT */
/*
 * arch/riscv/mmu.c — the kernel's Sv39 page tables.
 *
 * One set of tables serves every hart.  Virtual = physical (asm/page.h),
 * so enabling translation needs no jump.  Mappings use the largest page
 * that alignment and extent allow (1 GiB, 2 MiB, 4 KiB), except the kernel
 * image, which is mapped 4 KiB at a time so each section gets its own
 * permissions and each boot stack's guard page can stay unmapped.
 *
 * Sv39 in one picture (VA bits):
 *   38..30 VPN[2] | 29..21 VPN[1] | 20..12 VPN[0] | 11..0 offset
 * A leaf at level 2 maps 1 GiB, at level 1 2 MiB, at level 0 4 KiB.
 */
#include <asm/csr.h>
#include <asm/machine.h>
#include <asm/page.h>
#include <linux/errno.h>
#include <linux/printk.h>
#include <linux/string.h>

#define PTE_V	(1UL << 0)
#define PTE_R	(1UL << 1)
#define PTE_W	(1UL << 2)
#define PTE_X	(1UL << 3)
#define PTE_G	(1UL << 5)
#define PTE_A	(1UL << 6)
#define PTE_D	(1UL << 7)
#define PTE_LEAF (PTE_R | PTE_W | PTE_X)

#define PROT_RX		(PTE_V | PTE_R | PTE_X | PTE_G | PTE_A)
#define PROT_R		(PTE_V | PTE_R | PTE_G | PTE_A)
#define PROT_RW		(PTE_V | PTE_R | PTE_W | PTE_G | PTE_A | PTE_D)

#define PT_ENTRIES	512
#define PT_POOL_PAGES	160	/* 16 GiB of RAM, the image, the vmemmap */

typedef unsigned long pte_t;

static pte_t pt_pool[PT_POOL_PAGES][PT_ENTRIES] __aligned(PAGE_SIZE);
static unsigned int pt_pool_used;	/* [init], then the caller of arch_map_kernel_pages serialises */
static pte_t *root_pt;			/* [init] */

extern char kernel_stacks[], kernel_stacks_end[];
#define STACK_STRIDE	(THREAD_SIZE + PAGE_SIZE)

static pte_t *alloc_table(void)
{
	if (pt_pool_used == PT_POOL_PAGES)
		return NULL;
	return pt_pool[pt_pool_used++];	/* bss: already zero */
}

static unsigned long level_size(int level)
{
	return 1UL << (PAGE_SHIFT + 9 * level);
}

static unsigned int vpn(unsigned long va, int level)
{
	return (va >> (PAGE_SHIFT + 9 * level)) & (PT_ENTRIES - 1);
}

/* Does leaf @pte at @level already map @va to @pa, with at least @prot? */
static bool leaf_maps(pte_t pte, int level, unsigned long va, unsigned long pa,
		      unsigned long prot)
{
	unsigned long mask = level_size(level) - 1;

	return (pte & PTE_V) && (pte & PTE_LEAF) && (pte & prot) == prot &&
	       ((pte >> 10) << PAGE_SHIFT) + (va & mask) == pa;
}

/*
 * Map one page of size level_size(level) at va to pa; tables as needed.
 * A page (of this size or larger) already mapping va to pa with at least
 * these permissions is success, left as it is: ranges handed in may
 * overlap (RAM described twice by the tree, the DTB inside RAM).
 */
static int map_page(unsigned long va, unsigned long pa, int level,
		    unsigned long prot)
{
	pte_t *table = root_pt;

	for (int l = 2; l > level; l--) {
		pte_t *pte = &table[vpn(va, l)];

		if (!(*pte & PTE_V)) {
			pte_t *next = alloc_table();

			if (!next)
				return -ENOMEM;
			*pte = ((unsigned long)next >> PAGE_SHIFT) << 10 | PTE_V;
		}
		if (*pte & PTE_LEAF) {
			if (leaf_maps(*pte, l, va, pa, prot))
				return 0; /* the same mapping, larger */
			pr_err("mmu: 0x%lx already mapped by a large page\n", va);
			return -EINVAL;
		}
		table = (pte_t *)((*pte >> 10) << PAGE_SHIFT);
	}
	if (!leaf_maps(table[vpn(va, level)], level, va, pa, prot))
		table[vpn(va, level)] = (pa >> PAGE_SHIFT) << 10 | prot;
	return 0;
}

static int map_one(unsigned long va, int level, unsigned long prot)
{
	return map_page(va, va, level, prot);
}

/* Identity-map [start, end) with the largest pages that fit. */
static int map_range(unsigned long start, unsigned long end,
		     unsigned long prot, bool small_only)
{
	while (start < end) {
		int level = small_only ? 0 : 2;
		int err;

		while (level > 0 && (!IS_ALIGNED(start, level_size(level)) ||
				     end - start < level_size(level)))
			level--;
		err = map_one(start, level, prot);
		if (err)
			return err;
		start += level_size(level);
	}
	return 0;
}

/* Map [start, end) minus the holes (sorted or not), each piece by map_range. */
static int map_ram_minus(unsigned long start, unsigned long end,
			 const struct mem_range *holes, int nr_holes)
{
	for (int i = 0; i < nr_holes; i++) {
		unsigned long hs = holes[i].base, he = hs + holes[i].size;

		if (he <= start || hs >= end)
			continue;
		if (hs > start) {
			int err = map_ram_minus(start, hs, holes, nr_holes);

			if (err)
				return err;
		}
		return he < end ? map_ram_minus(he, end, holes, nr_holes) : 0;
	}
	return map_range(start, end, PROT_RW, false);
}

bool arch_stack_guard(unsigned long addr)
{
	unsigned long base = (unsigned long)kernel_stacks;

	if (addr >= TASK_STACK_AREA &&
	    addr < TASK_STACK_AREA + TASK_STACK_SLOTS * TASK_STACK_SLOT_SIZE)
		return (addr - TASK_STACK_AREA) % TASK_STACK_SLOT_SIZE <
		       TASK_STACK_SLOT_SIZE - THREAD_SIZE;
	if (addr < base || addr >= (unsigned long)kernel_stacks_end)
		return false;
	return (addr - base) % STACK_STRIDE < PAGE_SIZE;
}

static unsigned long image_prot(unsigned long va)
{
	if (va < (unsigned long)_etext)
		return PROT_RX;
	if (va < (unsigned long)_erodata)
		return PROT_R;
	return PROT_RW;
}

static int map_kernel_image(void)
{
	unsigned long va;

	for (va = (unsigned long)_kernel_start; va < (unsigned long)_end;
	     va += PAGE_SIZE) {
		int err;

		if (arch_stack_guard(va))
			continue;
		err = map_one(va, 0, image_prot(va));
		if (err)
			return err;
	}
	return 0;
}

#define MAX_HOLES 16

int paging_init(const struct mem_range *ram, int nr_ram,
		const struct mem_range *nomap, int nr_nomap,
		const struct mem_range *keep, int nr_keep)
{
	struct mem_range holes[MAX_HOLES];
	int nr_holes = 0, err;

	root_pt = alloc_table();
	holes[nr_holes++] = (struct mem_range){
		.base = (unsigned long)_kernel_start,
		.size = (unsigned long)(_end - _kernel_start),
	};
	for (int i = 0; i < nr_nomap && nr_holes < MAX_HOLES; i++)
		holes[nr_holes++] = nomap[i];

	for (int i = 0; i < nr_ram; i++) {
		err = map_ram_minus(ram[i].base, ram[i].base + ram[i].size,
				    holes, nr_holes);
		if (err)
			goto fail;
	}
	err = map_kernel_image();
	for (int i = 0; i < nr_keep && !err; i++)
		err = map_range(ALIGN_DOWN(keep[i].base, PAGE_SIZE),
				PAGE_ALIGN(keep[i].base + keep[i].size), PROT_R,
				true);
	if (err)
		goto fail;
	err = map_one(UART0_BASE, 0, PROT_RW);
	if (!err)
		err = map_one(TEST_DEV_BASE, 0, PROT_RW);
	if (err)
		goto fail;

	__asm__ __volatile__("sfence.vma" ::: "memory");
	csr_write(satp, arch_satp());
	__asm__ __volatile__("sfence.vma" ::: "memory");
	pr_info("mmu: Sv39 on, %u page-table pages, text RX, rodata R, data NX, page 0 unmapped\n",
		pt_pool_used);
	return 0;
fail:
	pr_err("mmu: cannot build page tables (%d), pool of %d pages\n",
	       err, PT_POOL_PAGES);
	return err;
}

int arch_map_kernel_range(unsigned long va, phys_addr_t pa, unsigned long size)
{
	unsigned long end = va + size;

	while (va < end) {
		int level = IS_ALIGNED(va | pa, level_size(1)) &&
			    end - va >= level_size(1) ? 1 : 0;
		int err = map_page(va, pa, level, PROT_RW);

		if (err)
			return err;
		va += level_size(level);
		pa += level_size(level);
	}
	__asm__ __volatile__("sfence.vma" ::: "memory");
	return 0;
}

int arch_map_kernel_pages(unsigned long va, phys_addr_t pa, unsigned long size)
{
	for (unsigned long off = 0; off < size; off += PAGE_SIZE) {
		int err = map_page(va + off, pa + off, 0, PROT_RW);

		if (err)
			return err;
	}
	/* Another hart may first use these pages: see arch_ret_from_fork. */
	local_flush_tlb_all();
	return 0;
}

/* The level-0 entry of @va, or NULL if no table reaches it. */
static pte_t *leaf_pte(unsigned long va)
{
	pte_t *table = root_pt;

	for (int l = 2; l > 0; l--) {
		pte_t pte = table[vpn(va, l)];

		if (!(pte & PTE_V) || (pte & PTE_LEAF))
			return NULL;
		table = (pte_t *)((pte >> 10) << PAGE_SHIFT);
	}
	return &table[vpn(va, 0)];
}

void arch_unmap_kernel_range(unsigned long va, unsigned long size)
{
	for (unsigned long off = 0; off < size; off += PAGE_SIZE) {
		pte_t *pte = leaf_pte(va + off);

		if (pte)
			WRITE_ONCE(*pte, 0);
	}
	local_flush_tlb_all();
}

unsigned long arch_satp(void)
{
	return SATP_MODE_SV39 | ((unsigned long)root_pt >> PAGE_SHIFT);
}
