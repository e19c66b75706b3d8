# SPDX-License-Identifier: MIT
# lib/Makefile.frag — lib/'s sources and public headers, for the top-level
# Makefile (lib is freestanding: it is compiled with the kernel's flags and
# also, renamed, into the host tests by tests/host/Makefile.frag).
LIB_SRCS := lib/string.c lib/vsprintf.c lib/sort.c lib/random.c lib/libgcc.c
LIB_HDRS := include/string.h include/printf.h include/sort.h \
	    include/random.h include/bitops.h include/types.h include/errno.h
