/* SPDX-License-Identifier: MIT */
/*
 * include/linux/kconfig.h — IS_ENABLED() and friends on CONFIG_* macros.
 *
 * Type-only.  Mirrors: <linux/kconfig.h> of Linux 6.12.  A Nodal option is
 * a macro defined to 1 (built in) or left undefined; there are no modules,
 * so IS_MODULE() is always 0.  The trick is Linux's: pasting the option's
 * value onto a prefix gives "0," only when the option is defined to 1, and
 * a macro that takes the second of its arguments then sees 1 or 0.
 * Included by <linux/compiler.h>, as Linux's build includes it everywhere.
 */
#ifndef NODAL_LINUX_KCONFIG_H
#define NODAL_LINUX_KCONFIG_H

#define __ARG_PLACEHOLDER_1		       0,
#define __take_second_arg(__ignored, val, ...) val

#define __is_defined(x)		     ___is_defined(x)
#define ___is_defined(val)	     ____is_defined(__ARG_PLACEHOLDER_##val)
#define ____is_defined(arg1_or_junk) __take_second_arg(arg1_or_junk 1, 0)

/* IS_BUILTIN() - 1 if @option is defined to 1, else 0 (a constant) */
#define IS_BUILTIN(option) __is_defined(option)
/* IS_MODULE() - always 0: Nodal has no loadable modules */
#define IS_MODULE(option) 0
/* IS_REACHABLE() - as IS_BUILTIN() without modules */
#define IS_REACHABLE(option) __is_defined(option)
/* IS_ENABLED() - built in or module, so here as IS_BUILTIN() */
#define IS_ENABLED(option) __is_defined(option)

#endif /* NODAL_LINUX_KCONFIG_H */
