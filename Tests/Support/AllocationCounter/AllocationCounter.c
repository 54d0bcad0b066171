// Counts heap allocations for the tests that check a hot path allocates nothing.
//
// On glibc, a program that defines malloc and friends replaces the C library's for every
// caller in the process, the Swift runtime included; each replacement counts and forwards to
// glibc's own entry points (__libc_malloc ...). Test processes only: no library links this.
// Under a sanitizer, which brings its own allocator, nothing is replaced and counting is off.
#include "AllocationCounter.h"

#if defined(__has_feature)
#if __has_feature(address_sanitizer) || __has_feature(thread_sanitizer)
#define DOJO_SANITIZED_BUILD 1
#endif
#endif

#if defined(__linux__) && defined(__GLIBC__) && !defined(DOJO_SANITIZED_BUILD)
#include <errno.h>
#include <stdatomic.h>
#include <stddef.h>

extern void *__libc_malloc(size_t size);
extern void *__libc_calloc(size_t count, size_t size);
extern void *__libc_realloc(void *pointer, size_t size);
extern void *__libc_memalign(size_t alignment, size_t size);
extern void __libc_free(void *pointer);

static _Atomic uint64_t allocations;

static inline void count_one(void) {
    atomic_fetch_add_explicit(&allocations, 1, memory_order_relaxed);
}

void *malloc(size_t size) {
    count_one();
    return __libc_malloc(size);
}

void *calloc(size_t count, size_t size) {
    count_one();
    return __libc_calloc(count, size);
}

void *realloc(void *pointer, size_t size) {
    count_one();
    return __libc_realloc(pointer, size);
}

void free(void *pointer) {
    __libc_free(pointer);
}

void *memalign(size_t alignment, size_t size) {
    count_one();
    return __libc_memalign(alignment, size);
}

void *aligned_alloc(size_t alignment, size_t size) {
    count_one();
    return __libc_memalign(alignment, size);
}

int posix_memalign(void **result, size_t alignment, size_t size) {
    count_one();
    void *pointer = __libc_memalign(alignment, size);
    if (pointer == NULL && size != 0) {
        return ENOMEM;
    }
    *result = pointer;
    return 0;
}

uint64_t dojo_allocation_count(void) {
    return atomic_load_explicit(&allocations, memory_order_relaxed);
}

bool dojo_allocation_counting_available(void) {
    return true;
}
#else
uint64_t dojo_allocation_count(void) {
    return 0;
}

bool dojo_allocation_counting_available(void) {
    return false;
}
#endif
