# SPDX-License-Identifier: MIT
# tests/host/Makefile.frag — host tests: lib/ and the topology parser under
# ASan and UBSan, and tools/study and tools/bench.
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

# ---- mm/numa/fdt_numa.c: the device-tree NUMA parser, against the system
# libfdt (libfdt-dev), with the .dts cases of tests/host/dts compiled by dtc
# into $(HOST_O)/dtb/ (the test reads them next to itself).
# Run: make $(HOST_O)/topology_test && $(HOST_O)/topology_test

HOST_TESTS += $(HOST_O)/topology_test

TOPO_DTS := $(wildcard tests/host/dts/*.dts)
TOPO_DTBS := $(patsubst tests/host/dts/%.dts,$(HOST_O)/dtb/%.dtb,$(TOPO_DTS))

# Any case may /include/ another: rebuild all when one changes.  -q: the
# malformed cases are meant to draw dtc's warnings.
$(HOST_O)/dtb/%.dtb: tests/host/dts/%.dts $(wildcard tests/host/dts/*.dts*)
	@mkdir -p $(@D)
	dtc -q -I dts -O dtb -o $@ $<

$(HOST_O)/topology_test: tests/host/topology_test.c mm/numa/fdt_numa.c \
			 mm/numa/fdt_numa.h $(TOPO_DTBS)
	@mkdir -p $(@D)
	$(HOSTCC) $(HOST_CFLAGS) $(HOST_SANITIZE) -Imm/numa \
		tests/host/topology_test.c mm/numa/fdt_numa.c -lfdt -o $@

# ---- tools/study: the sweep runner's parser, plots and report, on the
# recorded console tests/host/fixtures/stress_sample.log and with
# tests/host/fixtures/fake_nodal_qemu in place of QEMU.  A Python script:
# nothing to build.  Run: tests/host/study_test.py

HOST_TESTS += tests/host/study_test.py

# ---- tools/bench: its parser, the boot-to-boot comparison, the targets and
# whole runs, on the recorded consoles tests/host/fixtures/bench_*_sample.log
# with tests/host/fixtures/fake_bench_qemu in place of QEMU.
# Run: tests/host/bench_test.py

HOST_TESTS += tests/host/bench_test.py

# ---- tools/analyze and tools/check-format: on sources the test writes, the
# format check in a scratch git repository.  Run: tests/host/tooling_test.py

HOST_TESTS += tests/host/tooling_test.py

# ---- the fuzz target (make fuzz): clang's libFuzzer with ASan and UBSan.

FUZZ_O := $(or $(O),build)/fuzz
FUZZ_CC ?= clang
FUZZ_CFLAGS := -std=gnu11 -g -O1 -Wall -Wextra -Werror \
	-fsanitize=fuzzer,address,undefined -fno-sanitize-recover=all

$(FUZZ_O)/fuzz_topology: tests/host/fuzz_topology.c mm/numa/fdt_numa.c \
			 mm/numa/fdt_numa.h
	@mkdir -p $(@D)
	$(FUZZ_CC) $(FUZZ_CFLAGS) -Imm/numa tests/host/fuzz_topology.c \
		mm/numa/fdt_numa.c -lfdt -o $@
