// The AVX-512F SGEMM: the shared driver compiled with target("avx512f") around a 12×32 kernel.
#include "sgemm_driver.h"

#ifdef NC_X86
enum { MR = 12, NR = 32 };

// The 12×32 tile lives in 24 zmm registers (of 32); each step loads a 32-wide row of B into two
// registers and issues two fused multiply-adds per row of A against its broadcast element (an
// embedded-broadcast memory operand), 24 independent chains that cover the FMA latency.
__attribute__((target("avx512f"), noinline)) static void kernel_avx512(ptrdiff_t kc, const float *a, const float *b, ptrdiff_t ldb, float *c, ptrdiff_t ldc, int accumulate) {
    __m512 tile[MR][2];
    for (int i = 0; i < MR; ++i) tile[i][0] = tile[i][1] = _mm512_setzero_ps();
    for (ptrdiff_t p = 0; p < kc; ++p) {
        __m512 b0 = _mm512_loadu_ps(b), b1 = _mm512_loadu_ps(b + 16);
        for (int i = 0; i < MR; ++i) {
            __m512 broadcast = _mm512_set1_ps(a[i]);
            tile[i][0] = _mm512_fmadd_ps(broadcast, b0, tile[i][0]);
            tile[i][1] = _mm512_fmadd_ps(broadcast, b1, tile[i][1]);
        }
        a += MR;
        b += ldb;
    }
    for (int i = 0; i < MR; ++i) {
        float *out = c + i * ldc;
        if (accumulate) {
            tile[i][0] = _mm512_add_ps(tile[i][0], _mm512_loadu_ps(out));
            tile[i][1] = _mm512_add_ps(tile[i][1], _mm512_loadu_ps(out + 16));
        }
        _mm512_storeu_ps(out, tile[i][0]);
        _mm512_storeu_ps(out + 16, tile[i][1]);
    }
}

__attribute__((target("avx512f"))) void nc_sgemm_avx512(ptrdiff_t m, ptrdiff_t n, ptrdiff_t k, matrix_view a, matrix_view b, float *c, ptrdiff_t ldc, int accumulate, int blocked) {
    sgemm_with(m, n, k, a, b, c, ldc, accumulate, blocked, kernel_avx512, MR, NR, 1);
}
#endif
