# tests/kunit — in-kernel KUnit suites, one file per subsystem.  Each file
# registers its suites itself (kunit_test_suite), so listing it is enough.
KUNIT_SRCS := tests/kunit/smp_kunit.c tests/kunit/percpu_kunit.c \
	tests/kunit/printk_kunit.c tests/kunit/fault_kunit.c \
	tests/kunit/lib_kunit.c
KUNIT_SRCS += tests/kunit/buddy_kunit.c
KUNIT_SRCS += tests/kunit/buddy_pcp_kunit.c
KUNIT_SRCS += tests/kunit/numa_kunit.c
KUNIT_SRCS += tests/kunit/slub_kunit.c
KUNIT_SRCS += tests/kunit/sched_kunit.c
KUNIT_SRCS += tests/kunit/mempolicy_kunit.c
