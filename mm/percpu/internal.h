/* SPDX-License-Identifier: MIT */
/*
 * mm/percpu/internal.h — private to mm/percpu and its own tests.
 */
#ifndef NODAL_MM_PERCPU_INTERNAL_H
#define NODAL_MM_PERCPU_INTERNAL_H

/* Each unit's area for alloc_percpu(), after the static copy. */
#define PERCPU_DYNAMIC_SIZE (64 * 1024)

/* pcpu_unit_bytes() - one CPU's unit: static copy and dynamic area. */
unsigned long pcpu_unit_bytes(void);

#endif /* NODAL_MM_PERCPU_INTERNAL_H */
