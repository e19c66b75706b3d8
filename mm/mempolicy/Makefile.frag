# SPDX-License-Identifier: MIT
# mm/mempolicy — memory policies, the allocation under them, the `policy`
# command.
MEMPOLICY_SRCS := mm/mempolicy/mempolicy.c mm/mempolicy/alloc.c \
	mm/mempolicy/report.c
