# SPDX-License-Identifier: MIT
# tests/bench — the benchmark runner (the `bench` command,
# <nodal/bench.h>) and the microbenchmarks.  Each file registers its
# benchmarks itself (BENCH), so listing it is enough.
BENCH_SRCS := tests/bench/runner.c tests/bench/page_bench.c \
	tests/bench/slab_bench.c tests/bench/multi_bench.c \
	tests/bench/percpu_bench.c
