# SPDX-License-Identifier: MIT
# tests/lib — what the stress scenarios (tests/stress) and the benchmarks
# (tests/bench) share: a lock-free ring of pointers between two harts.
TESTLIB_SRCS := tests/lib/spsc_ring.c
