# mm/numa — topology from the device tree (numa_init, the `topo` command)
# and its pure parser, which tests/host also builds for the host.
NUMA_SRCS := mm/numa/topology.c mm/numa/fdt_numa.c
