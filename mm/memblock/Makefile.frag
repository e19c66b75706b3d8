# SPDX-License-Identifier: MIT
# mm/memblock — boot memory: RAM and reserved ranges tagged by node.
MEMBLOCK_SRCS := mm/memblock/memblock.c mm/memblock/report.c
