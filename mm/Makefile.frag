# mm — memblock, per-CPU areas (the page allocator and SLUB come later).
MM_SRCS := mm/buddy/memblock.c mm/percpu/percpu.c
