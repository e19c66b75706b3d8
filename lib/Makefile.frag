# SPDX-License-Identifier: MIT
# lib/Makefile.frag — lib/'s sources and public headers, for the top-level
# Makefile (lib is freestanding: it is compiled with the kernel's flags and
# also, renamed, into the host tests by tests/host/Makefile.frag).
LIB_SRCS := lib/string.c lib/string_helpers.c lib/vsprintf.c lib/sort.c lib/random.c lib/libgcc.c \
	lib/list_sort.c
LIB_HDRS := include/linux/string.h include/linux/string_helpers.h \
	    include/linux/ctype.h include/linux/args.h include/linux/sprintf.h include/linux/sort.h \
	    include/linux/prandom.h include/linux/bitops.h include/linux/types.h include/linux/errno.h \
	    include/linux/libgcc.h include/linux/compiler.h include/linux/minmax.h \
	    include/linux/list_sort.h include/linux/list.h
