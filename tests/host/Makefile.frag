# SPDX-License-Identifier: MIT
# tests/host/Makefile.frag — host tests: lib/ and the device-tree reader under
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

# ---- mm/numa/dt_scan.c: the device-tree reader, against the system libfdt
# (libfdt-dev), with the .dts cases of tests/host/dts compiled by dtc into
# $(HOST_O)/dtb/ (the test reads them next to itself).  dt_scan.c includes
# the kernel's own headers: the string functions <linux/string.h> declares
# are the C library's here, and tests/host/printk.c implements the printk()
# of <linux/printk.h>, keeping what is printed for the test.
# Run: make $(HOST_O)/topology_test && $(HOST_O)/topology_test

HOST_TESTS += $(HOST_O)/topology_test

TOPO_DTS := $(wildcard tests/host/dts/*.dts)
TOPO_DTBS := $(patsubst tests/host/dts/%.dts,$(HOST_O)/dtb/%.dtb,$(TOPO_DTS))
DT_SCAN_SRCS := mm/numa/dt_scan.c tests/host/printk.c
DT_SCAN_HDRS := include/nodal/dt_scan.h include/linux/printk.h \
	include/linux/kern_levels.h include/linux/string.h tests/host/host_log.h
DT_SCAN_INCLUDES := -Iinclude

# Any case may /include/ another: rebuild all when one changes.  -q: the
# malformed cases are meant to draw dtc's warnings.
$(HOST_O)/dtb/%.dtb: tests/host/dts/%.dts $(wildcard tests/host/dts/*.dts*)
	@mkdir -p $(@D)
	dtc -q -I dts -O dtb -o $@ $<

$(HOST_O)/topology_test: tests/host/topology_test.c $(DT_SCAN_SRCS) \
			 $(DT_SCAN_HDRS) $(TOPO_DTBS)
	@mkdir -p $(@D)
	$(HOSTCC) $(HOST_CFLAGS) $(HOST_SANITIZE) $(DT_SCAN_INCLUDES) \
		tests/host/topology_test.c $(DT_SCAN_SRCS) -lfdt -o $@

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

# ---- tools/dt-mutate: its FDT reader and writer, every kind of mutant read
# back by dtc against the tool's claim, the seed, the distance model and the
# log checks, on QEMU's own trees kept as tests/host/fixtures/qemu_virt_*.dts.
# No QEMU.  Run: tests/host/dt_mutate_test.py

HOST_TESTS += tests/host/dt_mutate_test.py

# ---- the fuzz target (make fuzz): clang's libFuzzer with ASan and UBSan.

FUZZ_O := $(or $(O),build)/fuzz
FUZZ_CC ?= clang
FUZZ_CFLAGS := -std=gnu11 -g -O1 -Wall -Wextra -Werror \
	-fsanitize=fuzzer,address,undefined -fno-sanitize-recover=all

$(FUZZ_O)/fuzz_topology: tests/host/fuzz_topology.c $(DT_SCAN_SRCS) \
			 $(DT_SCAN_HDRS)
	@mkdir -p $(@D)
	$(FUZZ_CC) $(FUZZ_CFLAGS) $(DT_SCAN_INCLUDES) tests/host/fuzz_topology.c \
		$(DT_SCAN_SRCS) -lfdt -o $@

# ---- tools/check-layers: made-up three-layer trees, compiled with the
# host's gcc and read with its nm; a clean tree passes and each way of
# breaking the layering fails.  Run: tests/host/check_layers_test.py

HOST_TESTS += tests/host/check_layers_test.py

# ---- tools/check-functions: made-up C files with functions of set lengths.
# Run: tests/host/check_functions_test.py

HOST_TESTS += tests/host/check_functions_test.py

# ---- tools/gen-kallsyms: sizes from the ELF symbol table, on made-up nm
# output.  Run: tests/host/kallsyms_test.py

HOST_TESTS += tests/host/kallsyms_test.py

# ---- kernel/report.c: the report API compiled unmodified for the host
# (lib's symbols renamed), printing into a buffer the test compares.
# Run: make $(HOST_O)/report_test && $(HOST_O)/report_test

HOST_TESTS += $(HOST_O)/report_test

$(HOST_O)/kernel/report.o: kernel/report.c include/nodal/report.h \
			   tests/host/lib_rename.h
	@mkdir -p $(@D)
	$(HOSTCC) $(HOST_CFLAGS) $(HOST_SANITIZE) -Iinclude \
		-include tests/host/lib_rename.h -c $< -o $@

$(HOST_O)/report_test: tests/host/report_test.c $(HOST_O)/kernel/report.o \
		       $(HOST_LIB_OBJS) include/nodal/report.h
	@mkdir -p $(@D)
	$(HOSTCC) $(HOST_CFLAGS) $(HOST_SANITIZE) -Iinclude \
		tests/host/report_test.c $(HOST_O)/kernel/report.o \
		$(HOST_LIB_OBJS) -o $@

# ---- README.md and docs/ against the tree: the README's Layout lists every
# folder; the paths, headers and functions the README, docs/design.md and
# docs/style.md name exist; nothing cites a document outside the repository.
# Run: tests/host/readme_test.py

HOST_TESTS += tests/host/readme_test.py

# ---- tools/run-tests' check of its own host step: host tests that go wrong
# on purpose (tests/host/fixtures/host_fixture.c), one per way a host test
# fails, and one that passes.  Never in HOST_TESTS; run-tests runs
# `make host-tests HOST_TESTS="$(HOST_TEST_FIXTURES)" HOST_TEST_TIMEOUT=5`
# and expects each bad one named.

HOST_TEST_FIXTURES := $(HOST_O)/fixture_pass_test $(HOST_O)/fixture_crash_test \
	$(HOST_O)/fixture_hang_test $(HOST_O)/fixture_nobuild_test

$(HOST_O)/fixture_pass_test: tests/host/fixtures/host_fixture.c
	@mkdir -p $(@D)
	$(HOSTCC) $(HOST_CFLAGS) $(HOST_SANITIZE) $< -o $@

$(HOST_O)/fixture_%_test: tests/host/fixtures/host_fixture.c
	@mkdir -p $(@D)
	$(HOSTCC) $(HOST_CFLAGS) $(HOST_SANITIZE) \
		-DFIXTURE_$(shell echo $* | tr a-z A-Z) $< -o $@
