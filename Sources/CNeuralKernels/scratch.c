// Per-thread packing buffers for the SGEMM driver. Allocating them per product cost more than
// packing for batch-64 networks: any request of a kilobyte or more makes glibc's malloc
// consolidate its fast bins first. Each thread keeps one 64-byte-aligned buffer, grown on demand
// and freed by a thread-specific-data destructor when the thread exits.
#include "sgemm_driver.h"
#include <pthread.h>

typedef struct {
    size_t capacity;
    float *data;
} scratch_buffer;

static pthread_key_t scratch_key;
static pthread_once_t scratch_once = PTHREAD_ONCE_INIT;

static void release_scratch(void *pointer) {
    scratch_buffer *buffer = pointer;
    free(buffer->data);
    free(buffer);
}

static void create_scratch_key(void) {
    pthread_key_create(&scratch_key, release_scratch);
}

float *nc_thread_scratch(size_t count) {
    pthread_once(&scratch_once, create_scratch_key);
    scratch_buffer *buffer = pthread_getspecific(scratch_key);
    if (buffer == NULL) {
        buffer = calloc(1, sizeof(scratch_buffer));
        if (buffer == NULL) return NULL;
        pthread_setspecific(scratch_key, buffer);
    }
    if (buffer->capacity < count) {
        size_t capacity = (count + 15) / 16 * 16;
        float *data = aligned_alloc(64, capacity * sizeof(float));
        if (data == NULL) return NULL;
        free(buffer->data);
        buffer->data = data;
        buffer->capacity = capacity;
    }
    return buffer->data;
}
