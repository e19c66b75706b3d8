# SPDX-License-Identifier: MIT
# mm/slub — SLUB object caches, kmalloc, slab debugging, reports.
SLUB_SRCS := mm/slub/slub.c mm/slub/cache.c mm/slub/kmalloc.c mm/slub/debug.c \
	mm/slub/devres.c \
	mm/slub/report.c mm/slub/failslab.c
