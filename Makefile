# SPDX-License-Identifier: MIT
# Makefile — build, run and test Nodal.  One make, no recursion: each folder
# lists its sources in a Makefile.frag included below.
#
#   make                 build $(O)/nodal.elf
#   make qemu            boot it: SMP= NODES= MEM= MEM_NODES= DIST= RUN= APPEND=
#                        ICOUNT=1 DTB= EXTRA_SRCS= EXTRA_CFLAGS= TIMEOUT=
#                        (EXTRA_SRC_CFLAGS=: flags for EXTRA_SRCS alone)
#   make test            everything tools/run-tests runs (tools/run-tests
#                        --help): host tests, house rules, builds, layers, QEMU
#                        boots; ends "N passed, N failed"
#   make host-tests      the host tests alone (tests/host, ASan and UBSan)
#   make check-layers    includes and linked symbols of $(O) against
#                        docs/design.md's tables (tools/check-layers)
#   make gdb             QEMU halted with its gdb stub, gdb-multiarch attached
#   make fuzz            fuzz the device-tree reader, mm/numa/dt_scan.c
#                        (FUZZ_RUNS=1000000)
#   make kunit-tool      extract Linux's kunit.py into $(O)/linux
#   make linux-kunit     Linux 6.12's own KUnit suites (tests/linux-kunit/suites),
#                        compiled unmodified into a kernel, booted on 2 harts
#                        and 2 nodes, checked with kunit.py; one line a suite
#                        (LK_ARGS=, e.g. "--all" to run pending suites too)
#   make study           sweep the stress command (tools/study): SMP="1 2 4 8"
#                        NODES="1 2 4" CACHES="on off" POLICIES= SCENARIOS= SECS=3
#                        OPS= SEED=1 APPEND= MEM= TIMEOUT= SWEEP=study JOBS=
#                        STUDY_ARGS=; make -j2 study boots two at a time
#   make report          plots and results/REPORT.md of sweep SWEEP (REPORT_ARGS=)
#   make bench           the benchmarks (tools/bench): single-hart set twice under
#                        ICOUNT=1 at SMP=4 NODES=2 (or as given), multi-hart set at
#                        4/2 and 8/4, caches on and off; results/bench.json and a
#                        table (BENCH_ARGS=, e.g. "--only single")
#   make deps            install the Debian packages this needs
#   make compdb          compile_commands.json for editors
#   make analyze         clang's static analyzer over the kernel sources
#                        (tools/analyze); fails on any finding
#   make format          rewrite the lines written since .clang-format was
#                        adopted as it says (make check-format: list them)
#   make clean
#
# Knobs: O=dir (build directory, default build), DEBUG=1 (CONFIG_DEBUG_VM).

O		?= build
SMP		?= 1
NODES		?= 1
MEM		?=
MEM_NODES	?=
DIST		?=
RUN		?=
APPEND		?=
ICOUNT		?=
DTB		?=
TIMEOUT		?=
EXTRA_SRCS	?=
EXTRA_CFLAGS	?=
EXTRA_SRC_CFLAGS ?=
DEBUG		?=

CROSS		?= riscv64-unknown-elf-
CC		:= $(CROSS)gcc
LD		:= $(CROSS)ld
NM		:= $(CROSS)nm
OBJDUMP		:= $(CROSS)objdump
HOSTCC		?= gcc
PYTHON		?= python3

LINUX_TARBALL	:= /usr/src/linux-source-6.12.tar.xz
LINUX_DIR	:= $(O)/linux
LIBFDT_DIR	:= $(O)/libfdt
KUNIT_PY	:= $(LINUX_DIR)/tools/testing/kunit/kunit.py

# Installed without recommends (QEMU's SPICE library alone would pull in
# GStreamer and ~200 packages); what the build relied on recommends for is
# named: libFuzzer's runtime (libclang-rt-14-dev) and llvm-14 (its
# llvm-symbolizer gives the sanitizers' reports file and line).
DEBIAN_PACKAGES := gcc-riscv64-unknown-elf binutils-riscv64-unknown-elf \
	qemu-system-misc opensbi linux-source-6.12 libfdt-dev \
	device-tree-compiler gdb-multiarch gnuplot-nox python3 xz-utils \
	clang libclang-rt-14-dev llvm-14 clang-format

ARCHFLAGS	:= -march=rv64imac_zicsr_zifencei -mabi=lp64 -mcmodel=medany
CFLAGS		:= $(ARCHFLAGS) -std=gnu11 -O2 -g -Wall -Wextra -Werror \
	-fno-omit-frame-pointer -ffreestanding -fno-builtin -nostdlib \
	-fno-stack-protector -fno-pic -fno-common -mno-relax \
	-Iinclude -Iinclude/libfdt -isystem $(LIBFDT_DIR) \
	$(if $(DEBUG),-DCONFIG_DEBUG_VM) $(EXTRA_CFLAGS)
ASFLAGS		:= $(ARCHFLAGS) -D__ASSEMBLER__ -Iinclude -g
LDFLAGS		:= -nostdlib -static -T arch/riscv/kernel.ld --gc-sections \
	--no-relax -z noexecstack -z max-page-size=4096

include arch/riscv/Makefile.frag
include kernel/Makefile.frag
include mm/memblock/Makefile.frag
include mm/numa/Makefile.frag
include mm/percpu/Makefile.frag
include mm/buddy/Makefile.frag
include mm/mempolicy/Makefile.frag
include mm/slub/Makefile.frag
include init/Makefile.frag
include lib/Makefile.frag
include tests/lib/Makefile.frag
include tests/kunit/Makefile.frag
include tests/stress/Makefile.frag
include tests/bench/Makefile.frag
include tests/host/Makefile.frag

LIBFDT_SRCS	:= fdt.c fdt_ro.c fdt_strerror.c
LIBFDT_HDRS	:= fdt.h libfdt.h libfdt_internal.h
LIBFDT_OBJS	:= $(addprefix $(O)/libfdt/,$(LIBFDT_SRCS:.c=.o))

SRCS		:= $(ARCH_SRCS) $(KERNEL_SRCS) $(SMP_SRCS) $(SCHED_SRCS) \
		   $(MEMBLOCK_SRCS) $(NUMA_SRCS) $(PERCPU_SRCS) $(BUDDY_SRCS) \
		   $(MEMPOLICY_SRCS) $(SLUB_SRCS) $(INIT_SRCS) $(LIB_SRCS) \
		   $(TESTLIB_SRCS) $(KUNIT_SRCS) $(STRESS_SRCS) $(BENCH_SRCS)
OBJS		:= $(patsubst %,$(O)/%.o,$(basename $(SRCS)))
EXTRA_OBJS	:= $(patsubst /%,$(O)/extra/%.o,$(basename $(abspath $(EXTRA_SRCS))))
ALL_OBJS	:= $(OBJS) $(EXTRA_OBJS) $(LIBFDT_OBJS)

.DEFAULT_GOAL := all
.PHONY: all qemu test gdb deps check-deps compdb clean host-tests check-layers fuzz \
	kunit-tool linux-kunit study report bench
all: $(O)/nodal.elf

# ---- dependencies ----

# The packages dpkg does not list as installed ("ii"): what `make deps` needs.
MISSING_PACKAGES = $(shell for p in $(DEBIAN_PACKAGES); do \
	dpkg-query -W -f='$${db:Status-Abbrev}' $$p 2>/dev/null | grep -q '^ii' || \
	echo $$p; done)

deps:
	@missing="$(strip $(MISSING_PACKAGES))"; \
	if [ -z "$$missing" ]; then echo "deps: all packages installed"; exit 0; fi; \
	echo "deps: missing: $$missing"; \
	if [ "$$(id -u)" = 0 ]; then \
		apt-get update -qq && DEBIAN_FRONTEND=noninteractive \
		apt-get install -y -qq --no-install-recommends $(DEBIAN_PACKAGES); \
	else \
		echo "deps: run as root:  apt-get update && apt-get install -y --no-install-recommends $(DEBIAN_PACKAGES)"; \
		exit 1; \
	fi

# Runs `make deps` only when a package is missing (one dpkg-query otherwise).
check-deps:
	@[ -z "$(strip $(MISSING_PACKAGES))" ] || $(MAKE) --no-print-directory deps

# ---- libfdt and kunit.py, extracted once from Debian's kernel tarball ----

$(O)/.linux-extracted:
	@mkdir -p $(LINUX_DIR)
	@echo "  EXTRACT libfdt + kunit from $(LINUX_TARBALL)"
	@xz -T2 -dc $(LINUX_TARBALL) | tar -x -C $(LINUX_DIR) --strip-components=1 \
		--wildcards 'linux-source-6.12/scripts/dtc/libfdt/*' \
		'linux-source-6.12/tools/testing/kunit/*'
	@touch $@

# libfdt's own libfdt_env.h is left behind: include/libfdt/ provides ours.
$(O)/.libfdt-ready: $(O)/.linux-extracted
	@mkdir -p $(LIBFDT_DIR)
	@cd $(LINUX_DIR)/scripts/dtc/libfdt && cp $(LIBFDT_SRCS) $(LIBFDT_HDRS) $(abspath $(LIBFDT_DIR))/
	@touch $@

# Third-party code: the same flags, minus the warnings it was not written for.
$(O)/libfdt/%.o: $(O)/.libfdt-ready
	@echo "  CC      libfdt/$*.c"
	@$(CC) $(CFLAGS) -Wno-sign-compare -c $(LIBFDT_DIR)/$*.c -o $@

# ---- the kernel ----

# Objects rebuild when the flags change (EXTRA_CFLAGS, DEBUG).
$(O)/.flags: FORCE
	@mkdir -p $(O)
	@echo '$(CFLAGS) | $(EXTRA_SRCS) | $(EXTRA_SRC_CFLAGS)' | cmp -s - $@ || \
		echo '$(CFLAGS) | $(EXTRA_SRCS) | $(EXTRA_SRC_CFLAGS)' > $@
FORCE:

$(O)/%.o: %.c $(O)/.flags $(O)/.libfdt-ready
	@mkdir -p $(dir $@)
	@echo "  CC      $<"
	@$(CC) $(CFLAGS) -MMD -MP -c $< -o $@

$(O)/%.o: %.S $(O)/.flags
	@mkdir -p $(dir $@)
	@echo "  AS      $<"
	@$(CC) $(ASFLAGS) -MMD -MP -c $< -o $@

$(O)/extra/%.o: /%.c $(O)/.flags $(O)/.libfdt-ready
	@mkdir -p $(dir $@)
	@echo "  CC      $< (EXTRA_SRCS)"
	@$(CC) $(CFLAGS) $(EXTRA_SRC_CFLAGS) -MMD -MP -c $< -o $@

$(O)/kallsyms0.S: tools/gen-kallsyms
	@mkdir -p $(O)
	@$(PYTHON) tools/gen-kallsyms --empty > $@

$(O)/kallsyms%.o: $(O)/kallsyms%.S
	@$(CC) $(ASFLAGS) -c $< -o $@

# Two links: the first gives the addresses for the symbol table, the
# second adds it after .data, which moves no function (checked).
# objects.list names what was linked, for tools/check-layers's symbol check.
$(O)/nodal.stage1.elf: $(ALL_OBJS) $(O)/kallsyms0.o arch/riscv/kernel.ld $(O)/.flags
	@echo "  LD      $@"
	@$(LD) $(LDFLAGS) -o $@ $(ALL_OBJS) $(O)/kallsyms0.o
	@printf '%s\n' $(OBJS) $(LIBFDT_OBJS) > $(O)/objects.list

$(O)/kallsyms1.S: $(O)/nodal.stage1.elf tools/gen-kallsyms
	@$(NM) -n -S $< > $(O)/nodal.stage1.nm
	@$(PYTHON) tools/gen-kallsyms $(O)/nodal.stage1.nm > $@

$(O)/nodal.elf: $(O)/nodal.stage1.elf $(O)/kallsyms1.o
	@echo "  LD      $@"
	@$(LD) $(LDFLAGS) -o $@ $(ALL_OBJS) $(O)/kallsyms1.o
	@$(NM) -n -S $@ | grep -i ' t ' > $(O)/nodal.final.text
	@grep -i ' t ' $(O)/nodal.stage1.nm | cmp -s - $(O)/nodal.final.text || \
		{ echo "kallsyms: text moved between links"; rm -f $@; exit 1; }

-include $(OBJS:.o=.d) $(EXTRA_OBJS:.o=.d)

# ---- running ----

QEMU_ARGS = --kernel $(O)/nodal.elf --smp $(SMP) --nodes $(NODES) \
	$(if $(MEM),--mem $(MEM)) $(if $(MEM_NODES),--mem-nodes $(MEM_NODES)) \
	$(if $(DIST),--dist $(DIST)) $(if $(ICOUNT),--icount) \
	$(if $(DTB),--dtb $(DTB),--expect-topology) \
	$(if $(APPEND),--append '$(APPEND)') $(if $(RUN),--run '$(RUN)') \
	--timeout $(if $(TIMEOUT),$(TIMEOUT),$(if $(RUN),900,0))

qemu: check-deps
	@$(MAKE) --no-print-directory all
	@tools/nodal-qemu $(QEMU_ARGS)

gdb: check-deps all
	@tools/nodal-qemu $(QEMU_ARGS) --gdb > $(O)/gdb-qemu.log 2>&1 & \
	qpid=$$!; \
	gdb-multiarch -q $(O)/nodal.elf -ex 'set architecture riscv:rv64' \
		-ex 'target remote localhost:1234'; \
	kill $$qpid 2>/dev/null; wait $$qpid 2>/dev/null; true

# ---- tests ----

test: check-deps
	@tools/run-tests

# Each test is built, then run under HOST_TEST_TIMEOUT seconds; one that does
# not build, crashes or times out fails the target, named
# (tests/host/run_host_tests.sh).
HOST_TEST_TIMEOUT ?= 600
host-tests:
	+@tests/host/run_host_tests.sh $(HOST_TEST_TIMEOUT) $(HOST_TESTS)

check-layers:
	@tools/check-layers --build $(O)

# Fuzz the device-tree reader (mm/numa/dt_scan.c): seeds are QEMU's own trees (1/1, 4/2,
# 8/4 with distances, 4/2 memory-less; QEMU pads its dump to 1 MiB, dtc
# compacts it) and the host test cases.  The corpus grows from run to run.
FUZZ_RUNS	?= 1000000
FUZZ_SEEDS	:= 1x1:--smp 1 --nodes 1|4x2:--smp 4 --nodes 2|4x2-dist:--smp 4 --nodes 2 --dist 0-1:20|8x4:--smp 8 --nodes 4 --dist 0-1:20,0-2:30,0-3:40,1-2:20,1-3:30,2-3:20|4x2-memless:--smp 4 --nodes 2 --mem-nodes 512M,0
fuzz: $(FUZZ_O)/fuzz_topology $(TOPO_DTBS)
	@mkdir -p $(FUZZ_O)/corpus
	@cp $(TOPO_DTBS) $(FUZZ_O)/corpus/
	@seeds='$(FUZZ_SEEDS)'; IFS='|'; for seed in $$seeds; do \
		name=$${seed%%:*}; IFS=' '; \
		tools/nodal-qemu $${seed#*:} --dumpdtb $(FUZZ_O)/qemu-$$name.dtb \
			> /dev/null 2>&1 || { echo "fuzz: QEMU could not dump $$name"; exit 1; }; \
		dtc -q -I dtb -O dtb -o $(FUZZ_O)/corpus/qemu-$$name.dtb \
			$(FUZZ_O)/qemu-$$name.dtb || exit 1; \
		IFS='|'; \
	done
	@echo "  FUZZ    $(FUZZ_RUNS) runs, corpus $(FUZZ_O)/corpus"
	@start=$$(date +%s); \
	$(FUZZ_O)/fuzz_topology -runs=$(FUZZ_RUNS) -print_final_stats=1 \
		-artifact_prefix=$(FUZZ_O)/ $(FUZZ_O)/corpus > $(FUZZ_O)/fuzz.log 2>&1; \
	status=$$?; \
	tail -3 $(FUZZ_O)/fuzz.log; \
	grep -E '^stat::number_of_executed_units' $(FUZZ_O)/fuzz.log; \
	echo "fuzz: exit $$status after $$(( $$(date +%s) - start )) s (log $(FUZZ_O)/fuzz.log)"; \
	exit $$status

kunit-tool: $(O)/.linux-extracted

# ---- Linux's own KUnit suites (tools/linux-kunit; README "Linux's suites") ----
# The files named in tests/linux-kunit/suites are extracted unmodified to
# $(LK_O)/src/lib/; $(LK_O)/src/mm is a link to tests/linux-kunit/mm, so
# that slub_kunit.c's #include "../mm/slab.h" finds Nodal's bridge to SLUB's
# internals.  tools/linux-kunit compiles each (into the kernel $(LK_O)/kernel),
# boots it and runs kunit.py parse.
LK_SUITES	:= tests/linux-kunit/suites
LK_O		:= $(O)/linux-kunit
LK_FILES	= $(shell sed -e 's/\#.*//' $(LK_SUITES) | awk 'NF {print $$1}')
LK_ARGS		?=

$(LK_O)/.extracted: $(LK_SUITES)
	@rm -rf $(LK_O)/src
	@mkdir -p $(LK_O)/src
	@echo "  EXTRACT Linux's KUnit suites from $(LINUX_TARBALL)"
	@xz -T2 -dc $(LINUX_TARBALL) | tar -x -C $(LK_O)/src --strip-components=1 \
		$(addprefix linux-source-6.12/,$(LK_FILES))
	@ln -sfn $(abspath tests/linux-kunit/mm) $(LK_O)/src/mm
	@touch $@

linux-kunit: check-deps $(O)/.linux-extracted $(LK_O)/.extracted
	@$(PYTHON) tools/linux-kunit --suites $(LK_SUITES) --build $(LK_O) \
		--kunit-py $(KUNIT_PY) $(LK_ARGS)

# ---- sweeps and plots (tools/study; README "Sweeps and plots") ----
# One QEMU boot per run: `stress SCENARIO secs=SECS seed=SEED policy=...;
# lockstat; numastat` over every SMP x NODES x CACHES x POLICIES x SCENARIOS.
# SMP and NODES name one machine elsewhere: given on the command line (or in
# the environment) they are the sweep's lists, otherwise tools/study's
# defaults apply.  Empty knobs mean tools/study's defaults.  -j comes from
# make's own -j (JOBS= overrides it).
SWEEP		?= study
CACHES		?=
POLICIES	?=
SCENARIOS	?=
SECS		?=
OPS		?=
SEED		?=
JOBS		?=
STUDY_ARGS	?=
REPORT_ARGS	?=
study_given	= $(filter command line environment environment override,$(origin $(1)))
STUDY_OPTS	= --sweep '$(SWEEP)' --kernel $(O)/nodal.elf \
	$(if $(call study_given,SMP),--smp '$(SMP)') \
	$(if $(call study_given,NODES),--nodes '$(NODES)') \
	$(if $(CACHES),--caches '$(CACHES)') $(if $(POLICIES),--policies '$(POLICIES)') \
	$(if $(SCENARIOS),--scenarios '$(SCENARIOS)') $(if $(SECS),--secs $(SECS)) \
	$(if $(OPS),--ops $(OPS)) $(if $(SEED),--seeds '$(SEED)') \
	$(if $(APPEND),--append '$(APPEND)') $(if $(MEM),--mem $(MEM)) \
	$(if $(TIMEOUT),--timeout $(TIMEOUT)) \
	$(if $(JOBS),--jobs $(JOBS),--jobs-from-make) $(STUDY_ARGS)

study: check-deps
	@$(MAKE) --no-print-directory all
	@$(PYTHON) tools/study run $(STUDY_OPTS)

report:
	@$(PYTHON) tools/study report --sweep '$(SWEEP)' $(REPORT_ARGS)

# ---- benchmarks (tools/bench; README "Benchmarks") ----
# SMP and NODES, given, set the single-hart machine (default 4 harts, 2 nodes);
# the multi-hart topologies are tools/bench's --multi (BENCH_ARGS=).
BENCH_ARGS	?=
bench: check-deps
	@$(MAKE) --no-print-directory all
	@$(PYTHON) tools/bench run --kernel $(O)/nodal.elf \
		$(if $(call study_given,SMP),--smp $(SMP)) \
		$(if $(call study_given,NODES),--nodes $(NODES)) \
		$(if $(TIMEOUT),--timeout $(TIMEOUT)) $(BENCH_ARGS)

# ---- static analysis and format (tools/analyze, tools/check-format) ----
# clang's analyzer with the kernel's flags, on the CONFIG_DEBUG_VM build, whose
# VM_BUG_ON()s state the invariants the analyzer cannot see.  clang 14 names the
# ISA without zicsr and zifencei (its rv64imac includes them).
ANALYZE_CFLAGS	= --target=riscv64-unknown-elf -march=rv64imac \
	$(filter-out -march=% -g -Werror -DCONFIG_DEBUG_VM,$(CFLAGS)) -DCONFIG_DEBUG_VM
ANALYZE_SRCS	= $(filter %.c,$(SRCS))
FORMAT_DIRS	:= arch kernel init mm lib tests include

.PHONY: analyze format check-format
analyze: $(O)/.libfdt-ready
	@$(PYTHON) tools/analyze --cflags '$(ANALYZE_CFLAGS)' --log $(O)/analyze.log \
		$(ANALYZE_SRCS)

# Lines written since the commit that adopted .clang-format must follow it;
# older code keeps its hand alignment (tools/check-format --help says why).
FORMAT_SINCE	:= 34b32ebff2629c4a722cbf0fd393c244e8348c40
format:
	@tools/check-format --since $(FORMAT_SINCE) --fix $(FORMAT_DIRS)

check-format:
	@tools/check-format --since $(FORMAT_SINCE) $(FORMAT_DIRS)

# ---- editors ----

compdb: $(O)/.libfdt-ready
	@$(PYTHON) tools/gen-compdb "$(CC)" "$(CFLAGS)" $(SRCS) > compile_commands.json
	@echo "compdb: wrote compile_commands.json"

clean:
	rm -rf $(O) compile_commands.json
