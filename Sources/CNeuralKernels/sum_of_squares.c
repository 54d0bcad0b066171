// The sum of squares of a float array in double precision, for the global gradient norm. Each
// square is exact in double, and the sums run in 32 independent lanes combined in a fixed order,
// so the portable, AVX2 and AVX-512 versions give identical bits; the lanes let the additions
// overlap instead of each waiting on the one before.
#pragma clang fp contract(off)
#include "CNeuralKernels.h"

#define LANES 32

static inline __attribute__((always_inline)) double sum_of_squares_body(const float *x, ptrdiff_t n) {
    double lanes[LANES] = {0};
    ptrdiff_t i = 0;
    for (; i + LANES <= n; i += LANES) {
        for (int j = 0; j < LANES; ++j) lanes[j] += (double)x[i + j] * (double)x[i + j];
    }
    double total = 0;
    for (int j = 0; j < 8; ++j) total += (lanes[j] + lanes[j + 8]) + (lanes[j + 16] + lanes[j + 24]);
    for (; i < n; ++i) total += (double)x[i] * (double)x[i];
    return total;
}

#if defined(__x86_64__) || defined(__i386__)
__attribute__((target("avx512f"))) static double sum_of_squares_avx512(const float *x, ptrdiff_t n) { return sum_of_squares_body(x, n); }
__attribute__((target("avx2,fma"))) static double sum_of_squares_avx2(const float *x, ptrdiff_t n) { return sum_of_squares_body(x, n); }
#endif

double nc_sum_of_squares(const float *x, ptrdiff_t n) {
#if defined(__x86_64__) || defined(__i386__)
    if (nc_has_avx512f()) return sum_of_squares_avx512(x, n);
    if (nc_has_avx2_fma()) return sum_of_squares_avx2(x, n);
#endif
    return sum_of_squares_body(x, n);
}
