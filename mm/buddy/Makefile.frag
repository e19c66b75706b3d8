# SPDX-License-Identifier: MIT
# mm/buddy — the memory map, zones, free areas, per-CPU page lists, the
# page allocator and its reports.
BUDDY_SRCS := mm/buddy/mm_init.c mm/buddy/page_alloc.c mm/buddy/pcp.c \
	mm/buddy/report.c mm/buddy/numastat.c mm/buddy/fail_page_alloc.c
