# SPDX-License-Identifier: MIT
# mm/percpu — per-CPU areas on each CPU's node, alloc_percpu.
PERCPU_SRCS := mm/percpu/percpu.c
