# SPDX-License-Identifier: MIT
# init — start_kernel() (the boot order) and the monitor shell on top.
INIT_SRCS := init/main.c init/shell.c
