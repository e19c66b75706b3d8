/* SPDX-License-Identifier: MIT */
/*
 * include/linux/export.h — EXPORT_SYMBOL and its variants.
 *
 * Type-only.  Mirrors: <linux/export.h> of Linux 6.12 built without
 * CONFIG_MODULES: nothing is loaded later, so there is no symbol table to
 * export into.  Each macro only checks that @sym is declared, and may
 * follow a definition at file scope as in Linux.
 */
#ifndef NODAL_LINUX_EXPORT_H
#define NODAL_LINUX_EXPORT_H

#define __EXPORT_SYMBOL_CHECK(sym) extern __typeof__(sym) sym

#define EXPORT_SYMBOL(sym)	      __EXPORT_SYMBOL_CHECK(sym)
#define EXPORT_SYMBOL_GPL(sym)	      __EXPORT_SYMBOL_CHECK(sym)
#define EXPORT_SYMBOL_NS(sym, ns)     __EXPORT_SYMBOL_CHECK(sym)
#define EXPORT_SYMBOL_NS_GPL(sym, ns) __EXPORT_SYMBOL_CHECK(sym)
#define EXPORT_SYMBOL_IF_KUNIT(sym)   __EXPORT_SYMBOL_CHECK(sym)

#endif /* NODAL_LINUX_EXPORT_H */
