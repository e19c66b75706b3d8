# SPDX-License-Identifier: MIT
# tests/kunit — the KUnit runner (the `test` command, KTAP output) and the
# in-kernel suites, one file per subsystem.  Each file registers its suites
# itself (kunit_test_suite), so listing it is enough.
KUNIT_SRCS := tests/kunit/runner.c tests/kunit/resource.c tests/kunit/device.c \
	tests/kunit/smp_kunit.c tests/kunit/percpu_kunit.c \
	tests/kunit/printk_kunit.c tests/kunit/fault_kunit.c \
	tests/kunit/lib_kunit.c tests/kunit/buddy_kunit.c \
	tests/kunit/buddy_pcp_kunit.c tests/kunit/numa_kunit.c \
	tests/kunit/slub_kunit.c tests/kunit/sched_kunit.c \
	tests/kunit/mempolicy_kunit.c tests/kunit/tick_kunit.c \
	tests/kunit/init_shell_kunit.c tests/kunit/fault_inject_kunit.c \
	tests/kunit/kunit_resource_kunit.c tests/kunit/bits_kunit.c \
	tests/kunit/devres_kunit.c tests/kunit/list_kunit.c \
	tests/kunit/random_kunit.c
