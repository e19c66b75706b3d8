/* SPDX-License-Identifier: MIT */
/*
 * include/linux/percpu.h — the per-CPU areas and alloc_percpu().
 *
 * Implemented by: mm/percpu/percpu.c.  Mirrors: <linux/percpu.h>.  The
 * accessors (DEFINE_PER_CPU, this_cpu_ptr(), per_cpu() ...) are
 * <linux/percpu-defs.h>'s, included here as in Linux; a layer below
 * mm/percpu includes that header alone.
 */
#ifndef NODAL_PERCPU_H
#define NODAL_PERCPU_H

#include <linux/percpu-defs.h>
#include <linux/types.h>

/* The template: the .percpu section, as the linker script places it. */
extern char __per_cpu_start[], __per_cpu_end[];

/**
 * setup_per_cpu_areas() - give every possible CPU its copy of the template
 *
 * Context: boot hart, before secondary harts start.
 */
void setup_per_cpu_areas(void);

/**
 * __alloc_percpu() - zeroed memory with one copy per CPU, each on its node
 * @size: bytes
 * @align: power of two
 *
 * Context: any.  Return: a pointer for per_cpu_ptr()/this_cpu_ptr(), or
 * NULL (warned) when the dynamic area is full.
 */
void *__alloc_percpu(size_t size, size_t align);
#define alloc_percpu(type) \
	((__typeof__(type) *)__alloc_percpu(sizeof(type), __alignof__(type)))

/** free_percpu() - give back an alloc_percpu() object (NULL: no-op) */
void free_percpu(void *ptr);

/** percpu_dynamic_used() - bytes of the dynamic area in use */
unsigned long percpu_dynamic_used(void);

/** pcpu_unit_nid() - the node whose memory holds CPU @cpu's unit */
int pcpu_unit_nid(unsigned int cpu);

/**
 * percpu_area_size() - bytes of one CPU's copy of the static section
 */
static inline unsigned long percpu_area_size(void)
{
	return (unsigned long)(__per_cpu_end - __per_cpu_start);
}

#endif /* NODAL_PERCPU_H */
