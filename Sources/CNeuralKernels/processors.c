// The processors this process may run on: its CPU affinity where the system has one (taskset,
// cgroup cpusets, CI runners), so work is never split across more threads than cores it owns.
#define _GNU_SOURCE
#include "CNeuralKernels.h"
#include <unistd.h>
#ifdef __linux__
#include <sched.h>
#endif

ptrdiff_t nc_available_processors(void) {
#ifdef __linux__
    cpu_set_t set;
    CPU_ZERO(&set);
    if (sched_getaffinity(0, sizeof(set), &set) == 0) {
        int count = CPU_COUNT(&set);
        if (count > 0) return count;
    }
#endif
    long online = sysconf(_SC_NPROCESSORS_ONLN);
    return online > 0 ? (ptrdiff_t)online : 1;
}
