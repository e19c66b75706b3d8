/* SPDX-License-Identifier: MIT */
/*
 * include/linux/module.h — what a Linux source file says about its module.
 *
 * Type-only.  Mirrors: <linux/module.h> of Linux 6.12 for code built in
 * without CONFIG_MODULES, the only way Nodal builds anything.  The
 * MODULE_*() tags are metadata that Nodal keeps nowhere: each checks that
 * its argument is a string literal and emits nothing.  THIS_MODULE is NULL,
 * as in Linux for built-in code.
 *
 * Not provided: module_init()/module_exit().  Nodal has no initcalls; a
 * file that needs code run at boot registers it the Nodal way (a shell
 * command, a KUnit suite).  KUnit suites register with kunit_test_suite(),
 * which needs neither.
 */
#ifndef NODAL_LINUX_MODULE_H
#define NODAL_LINUX_MODULE_H

#include <linux/compiler.h>
#include <linux/export.h>

struct module;

#define THIS_MODULE ((struct module *)0)

/* A tag: "" x "" compiles only if x is a string literal. */
#define __MODULE_INFO(tag, info) \
	_Static_assert(sizeof("" info "") > 0, #tag " takes a string")

#define MODULE_LICENSE(license)	 __MODULE_INFO(license, license)
#define MODULE_DESCRIPTION(desc) __MODULE_INFO(description, desc)
#define MODULE_AUTHOR(author)	 __MODULE_INFO(author, author)
#define MODULE_ALIAS(alias)	 __MODULE_INFO(alias, alias)
#define MODULE_VERSION(version)	 __MODULE_INFO(version, version)
#define MODULE_IMPORT_NS(ns)	 __MODULE_INFO(import_ns, #ns)

#endif /* NODAL_LINUX_MODULE_H */
