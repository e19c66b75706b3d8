/* SPDX-License-Identifier: MIT */
/*
 * mm/memblock/report.c — the `memblock` command: both tables as Linux's
 * memblock=debug dump prints them (__memblock_dump_all()), with each
 * range's node.  Text only; reads the tables, changes nothing.
 */
#include <linux/memblock.h>
#include <linux/printk.h>
#include <nodal/shell.h>

static void dump_type(const struct memblock_type *type)
{
	console_printf(" %s.cnt  = 0x%lx\n", type->name, type->cnt);
	for (unsigned long i = 0; i < type->cnt; i++) {
		const struct memblock_region *r = &type->regions[i];

		console_printf(" %s[0x%lx]\t[%#018llx-%#018llx], %#llx bytes on node %d\n",
			       type->name, i, (unsigned long long)r->base,
			       (unsigned long long)(r->base + r->size - 1),
			       (unsigned long long)r->size, r->nid);
	}
}

static int cmd_memblock(int argc, char **argv)
{
	(void)argc;
	(void)argv;
	console_lock();
	console_printf("MEMBLOCK configuration:\n memory size = %#llx reserved size = %#llx\n",
		       (unsigned long long)memblock_phys_mem_size(),
		       (unsigned long long)memblock_reserved_size());
	dump_type(&memblock.memory);
	dump_type(&memblock.reserved);
	console_unlock();
	return 0;
}
SHELL_COMMAND("memblock", cmd_memblock, "",
	      "boot memory map: memory and reserved ranges with nodes");
