# SPDX-License-Identifier: MIT
# tests/stress — allocator stress scenarios behind the `stress` command.
# Each file registers its scenarios itself (STRESS_TEST).
STRESS_SRCS := tests/stress/run.c tests/stress/objects.c \
	tests/stress/snapshot.c tests/stress/report.c tests/stress/handoff.c \
	tests/stress/slub_churn.c tests/stress/slub_false_sharing.c
