# SPDX-License-Identifier: MIT
# tests/host/Makefile.frag — host-built tests of lib/, under ASan and UBSan.
#
# Needs lib/Makefile.frag included first (LIB_SRCS, LIB_HDRS).  lib/*.c are
# compiled for the host with tests/host/lib_rename.h forced in, so that their
# symbols become nodal_memcpy() and so on and do not replace the C library's.
# Outputs go to $(O)/host/ (build/host/ by default).
# Run: make host-tests, or build $(O)/host/lib_test and run it.

HOSTCC ?= gcc
HOST_SANITIZE := -fsanitize=address,undefined -fno-sanitize-recover=all
HOST_CFLAGS ?= -std=gnu11 -g -O1 -Wall -Wextra -Werror
HOST_O := $(or $(O),build)/host

HOST_TESTS += $(HOST_O)/lib_test

HOST_LIB_OBJS := $(patsubst lib/%.c,$(HOST_O)/lib/%.o,$(LIB_SRCS))

$(HOST_LIB_OBJS): $(HOST_O)/lib/%.o: lib/%.c $(LIB_HDRS) \
		  tests/host/lib_rename.h
	@mkdir -p $(@D)
	$(HOSTCC) $(HOST_CFLAGS) $(HOST_SANITIZE) -Iinclude \
		-include tests/host/lib_rename.h -c $< -o $@

$(HOST_O)/lib_test: tests/host/lib_test.c $(HOST_LIB_OBJS) $(LIB_HDRS) \
		    tests/host/lib_rename.h
	@mkdir -p $(@D)
	$(HOSTCC) $(HOST_CFLAGS) $(HOST_SANITIZE) -Iinclude \
		tests/host/lib_test.c $(HOST_LIB_OBJS) -o $@
