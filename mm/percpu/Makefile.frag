# SPDX-License-Identifier: MIT
# mm/percpu — per-CPU areas on each CPU's node, alloc_percpu; the `percpu`
# report.
PERCPU_SRCS := mm/percpu/percpu.c mm/percpu/report.c
