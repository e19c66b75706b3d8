/* SPDX-License-Identifier: MIT */
/*
 * include/linux/bug.h — panic, BUG and WARN.
 *
 * Implemented by: kernel/panic.c.  Mirrors: <linux/bug.h>, <asm-generic/
 * bug.h>.  docs/style.md §3.3 says when to use which: BUG_ON() for
 * corrupted state where going on spreads damage (always compiled);
 * WARN_ON_ONCE() for survivable surprises (always compiled, returns its
 * condition); VM_BUG_ON() and VM_WARN_ON_ONCE() (<linux/mmdebug.h>) only
 * with CONFIG_DEBUG_VM, for invariants on hot paths.
 */
#ifndef NODAL_BUG_H
#define NODAL_BUG_H

#include <linux/build_bug.h>
#include <linux/panic.h>
#include <linux/types.h>

/* Reports a warning with its location and a backtrace; never stops. */
void __warn(const char *file, int line, const char *cond);
__noreturn void __bug(const char *file, int line, const char *cond);

/* Bumped by every WARN: tests assert that a run produced none. */
extern unsigned long nr_warnings;

#define BUG() __bug(__FILE__, __LINE__, NULL)

#define BUG_ON(cond) do {						\
	if (unlikely(cond))						\
		__bug(__FILE__, __LINE__, #cond);			\
} while (0)

#define WARN_ON(cond) ({						\
	bool __c = !!(cond);						\
	if (unlikely(__c))						\
		__warn(__FILE__, __LINE__, #cond);			\
	unlikely(__c);							\
})

#define WARN_ON_ONCE(cond) ({						\
	static bool __warned;						\
	bool __c = !!(cond);						\
	if (unlikely(__c) && !__warned) {				\
		__warned = true;					\
		__warn(__FILE__, __LINE__, #cond);			\
	}								\
	unlikely(__c);							\
})

#endif /* NODAL_BUG_H */
