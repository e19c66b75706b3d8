# SPDX-License-Identifier: MIT
# mm/numa — the device-tree reader (dt_scan.c: memory, reserved ranges,
# harts, timebase, nodes and distances in one pass; tests/host also builds
# it for the host), the topology applied from it (numa_init); nodes
# (pg_data_t), zones and zonelists; node lists as text (nodelist.c); their
# reports (`topo`, `zonelist`, `harts`) and the device tree's (`dt`, with
# the reader's decoders).
NUMA_SRCS := mm/numa/topology.c mm/numa/dt_scan.c mm/numa/mmzone.c \
	mm/numa/nodelist.c mm/numa/report.c mm/numa/dt_report.c
