/* SPDX-License-Identifier: MIT */
/*
 * kernel/devtree.c — the device tree's address and /chosen/bootargs.
 *
 * What boot needs from the tree (RAM, reserved ranges, harts, timebase,
 * nodes) is read once by mm/numa/dt_scan.c, the one reader, which is fuzzed
 * and checks every property.  This file keeps what every layer below it
 * may need before that: the blob's address and size, and the command line.
 * Everything goes through libfdt, and every length is checked: the tree
 * may come from the user (`make qemu DTB=`), so no value is trusted.  The
 * `dt` command, which shows the tree as written, sits beside the reader
 * whose decoders it uses: mm/numa/dt_report.c.
 */
#include <libfdt.h>
#include <linux/errno.h>
#include <linux/printk.h>
#include <nodal/devtree.h>

const void *initial_boot_params;

int dt_init(const void *dtb)
{
	int err;

	if (!dtb || ((unsigned long)dtb & 7)) {
		pr_emerg("dt: no device tree, or misaligned at %p\n", dtb);
		return -EINVAL;
	}
	err = fdt_check_header(dtb);
	if (err) {
		pr_emerg("dt: device tree at %p rejected by libfdt: %s\n", dtb,
			 fdt_strerror(err));
		return -EINVAL;
	}
	initial_boot_params = dtb;
	return 0;
}

unsigned long dt_total_size(void)
{
	return fdt_totalsize(initial_boot_params);
}

const char *dt_bootargs(void)
{
	int chosen = fdt_path_offset(initial_boot_params, "/chosen"), len;
	const char *args;

	if (chosen < 0)
		return "";
	args = fdt_getprop(initial_boot_params, chosen, "bootargs", &len);
	if (!args || len < 1 || args[len - 1])
		return "";
	return args;
}
