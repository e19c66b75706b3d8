/* SPDX-License-Identifier: MIT */
/*
 * include/linux/mmdebug.h — assertions of mm's invariants, compiled only with
 * CONFIG_DEBUG_VM (make DEBUG=1).
 *
 * Implemented by: kernel/panic.c, through <linux/bug.h>.  Mirrors:
 * <linux/mmdebug.h>, VM_BUG_ON() and VM_WARN_ON_ONCE() only (no _PAGE or
 * _FOLIO variants that dump a page first).  docs/style.md §3.3: for
 * invariants on hot paths.  Without CONFIG_DEBUG_VM the condition is
 * type-checked but not evaluated, as in Linux.
 */
#ifndef NODAL_MMDEBUG_H
#define NODAL_MMDEBUG_H

#include <linux/bug.h>

#ifdef CONFIG_DEBUG_VM
#define VM_BUG_ON(cond)	      BUG_ON(cond)
#define VM_WARN_ON_ONCE(cond) WARN_ON_ONCE(cond)
#else
#define VM_BUG_ON(cond)	      ((void)sizeof(!!(cond)))
#define VM_WARN_ON_ONCE(cond) ((void)sizeof(!!(cond)))
#endif

#endif /* NODAL_MMDEBUG_H */
