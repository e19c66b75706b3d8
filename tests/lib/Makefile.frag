# SPDX-License-Identifier: MIT
# tests/lib — what the stress scenarios (tests/stress) and the benchmarks
# (tests/bench) share: tasks bound to harts and released together, a
# lock-free ring of pointers between two harts, counter snapshots, option
# numbers checked against their range.
TESTLIB_SRCS := tests/lib/hart_tasks.c tests/lib/spsc_ring.c \
	tests/lib/counters.c tests/lib/options.c
