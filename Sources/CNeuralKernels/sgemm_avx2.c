// The AVX2+FMA SGEMM: the shared driver compiled with target("avx2,fma") around a 6×16 kernel.
#include "sgemm_driver.h"

#ifdef NC_X86
enum { MR = 6, NR = 16 };

// The 6×16 tile lives in 12 ymm registers; each step broadcasts one element of A per row and
// issues two fused multiply-adds against a 16-wide row of B.
__attribute__((target("avx2,fma"), noinline)) static void kernel_avx2(ptrdiff_t kc, const float *a, const float *b, ptrdiff_t ldb, float *c, ptrdiff_t ldc, int accumulate) {
    __m256 tile[MR][2];
    for (int i = 0; i < MR; ++i) tile[i][0] = tile[i][1] = _mm256_setzero_ps();
    for (ptrdiff_t p = 0; p < kc; ++p) {
        __m256 b0 = _mm256_loadu_ps(b), b1 = _mm256_loadu_ps(b + 8);
        for (int i = 0; i < MR; ++i) {
            __m256 broadcast = _mm256_broadcast_ss(a + i);
            tile[i][0] = _mm256_fmadd_ps(broadcast, b0, tile[i][0]);
            tile[i][1] = _mm256_fmadd_ps(broadcast, b1, tile[i][1]);
        }
        a += MR;
        b += ldb;
    }
    for (int i = 0; i < MR; ++i) {
        float *out = c + i * ldc;
        if (accumulate) {
            tile[i][0] = _mm256_add_ps(tile[i][0], _mm256_loadu_ps(out));
            tile[i][1] = _mm256_add_ps(tile[i][1], _mm256_loadu_ps(out + 8));
        }
        _mm256_storeu_ps(out, tile[i][0]);
        _mm256_storeu_ps(out + 8, tile[i][1]);
    }
}

__attribute__((target("avx2,fma"))) void nc_sgemm_avx2(ptrdiff_t m, ptrdiff_t n, ptrdiff_t k, matrix_view a, matrix_view b, float *c, ptrdiff_t ldc, int accumulate, int blocked) {
    sgemm_with(m, n, k, a, b, c, ldc, accumulate, blocked, kernel_avx2, MR, NR, 1);
}
#endif
