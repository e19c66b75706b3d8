# SPDX-License-Identifier: MIT
# mm/numa — topology from the device tree (numa_init, the `topo` command)
# and its pure parser, which tests/host also builds for the host; nodes
# (pg_data_t), zones and zonelists; the numastat report.
NUMA_SRCS := mm/numa/topology.c mm/numa/dt_scan.c mm/numa/mmzone.c mm/numa/numastat.c
