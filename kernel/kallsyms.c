/* SPDX-License-Identifier: MIT */
/*
 * kernel/kallsyms.c — address to function name, for backtraces.
 *
 * The table is generated at build time by tools/gen-kallsyms from the
 * first link's `nm -n` and linked in a second pass (Makefile); it lives
 * after .data, so adding it moves no function.  Only text symbols.
 * Mirrors Linux's kernel/kallsyms.c in purpose, not in encoding: the
 * table here is a plain sorted address array, the symbols' ELF sizes
 * (so "name+off/size" prints the function's true size, not the distance
 * to the next symbol) and a string blob.
 */
#include <linux/printk.h>

extern const unsigned long kallsyms_num;
extern const unsigned long kallsyms_addresses[];
extern const unsigned int kallsyms_sizes[];	/* the ELF symbol sizes */
extern const unsigned int kallsyms_offsets[];	/* into kallsyms_names */
extern const char kallsyms_names[];
extern char _stext[], _etext[];

/* Index of the last symbol at or below @addr, or -1. */
static long find_symbol(unsigned long addr)
{
	long lo = 0, hi = (long)kallsyms_num - 1, best = -1;

	while (lo <= hi) {
		long mid = lo + (hi - lo) / 2;

		if (kallsyms_addresses[mid] <= addr) {
			best = mid;
			lo = mid + 1;
		} else {
			hi = mid - 1;
		}
	}
	return best;
}

int sprint_symbol(char *buf, size_t size, unsigned long addr)
{
	long i;

	if (addr < (unsigned long)_stext || addr >= (unsigned long)_etext)
		return scnprintf(buf, size, "0x%lx", addr);
	i = find_symbol(addr);
	/* Past the function's end (the padding after it): in no function. */
	if (i < 0 || addr - kallsyms_addresses[i] >= kallsyms_sizes[i])
		return scnprintf(buf, size, "0x%lx", addr);
	return scnprintf(buf, size, "%s+0x%lx/0x%x",
			 kallsyms_names + kallsyms_offsets[i],
			 addr - kallsyms_addresses[i], kallsyms_sizes[i]);
}
