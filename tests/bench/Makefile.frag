# tests/bench — the microbenchmarks behind the `bench` command (include/bench.h).
# Each file registers its benchmarks itself (BENCH), so listing it is enough.
BENCH_SRCS := tests/bench/page_bench.c tests/bench/slab_bench.c \
	tests/bench/multi_bench.c tests/bench/percpu_bench.c
