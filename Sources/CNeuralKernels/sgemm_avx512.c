// The AVX-512F SGEMM: the shared driver compiled with target("avx512f") around an 8×32 kernel.
#include "sgemm_driver.h"

#ifdef NC_X86
enum { MR = 8, NR = 32 };

// The 8×32 tile lives in 16 zmm registers; each step loads a 32-wide row of B into two registers
// and issues two fused multiply-adds per row of A against its broadcast element (an
// embedded-broadcast memory operand), 16 independent chains that cover the FMA latency. Eight
// rows rather than the 12 or 14 the register file allows: batches of 32, 64 or 256 rows then
// fill every tile, and on Zen 5 the extra loads per multiply-add cost nothing measurable
// (SGEMM 1024: the same GFLOP/s as 12×32; batch-64 products 4-10% faster).
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
