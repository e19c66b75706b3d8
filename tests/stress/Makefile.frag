# SPDX-License-Identifier: MIT
# tests/stress — the `stress` command (run.c, objects.c, snapshot.c,
# report.c) and its scenarios, one file per mechanism pressed, each
# registering its scenarios itself (STRESS_TEST).
STRESS_SRCS := tests/stress/run.c tests/stress/objects.c \
	tests/stress/snapshot.c tests/stress/report.c tests/stress/handoff.c \
	tests/stress/slub_larson.c tests/stress/slub_crossfree.c \
	tests/stress/cpu_caches_drain.c tests/stress/cpu_caches_irq.c \
	tests/stress/slub_churn.c tests/stress/buddy_churn.c \
	tests/stress/buddy_zone_lock.c tests/stress/buddy_watermark.c \
	tests/stress/slub_false_sharing.c
