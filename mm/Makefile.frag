# mm — memblock, per-CPU areas, nodes and zonelists, the buddy allocator.
MM_SRCS := mm/buddy/memblock.c mm/buddy/mm_init.c mm/buddy/page_alloc.c mm/buddy/pcp.c \
	mm/buddy/report.c mm/percpu/percpu.c mm/numa/mmzone.c mm/numa/numastat.c
# Memory policies: the policies (mm/numa), alloc_pages() under them and the
# `policy` command (mm/buddy, which may use <gfp.h>).
MM_SRCS += mm/numa/mempolicy.c mm/buddy/policy_alloc.c mm/buddy/policy_cmd.c
