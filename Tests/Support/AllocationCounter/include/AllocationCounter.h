#ifndef DOJO_ALLOCATION_COUNTER_H
#define DOJO_ALLOCATION_COUNTER_H

#include <stdbool.h>
#include <stdint.h>

/// Heap allocations (malloc, calloc, realloc, memalign and friends) made by the whole process
/// since it started; only counted where the C library lets us interpose (glibc).
uint64_t dojo_allocation_count(void);

/// Whether this platform counts allocations; elsewhere the count stays 0.
bool dojo_allocation_counting_available(void);

#endif
