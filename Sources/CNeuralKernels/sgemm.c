// SGEMM entry point and instruction-set dispatch. The shared driver (sgemm_driver.h) is compiled
// three times: here for the baseline target with a portable 6×16 kernel, in sgemm_avx2.c with
// target("avx2,fma") and in sgemm_avx512.c with target("avx512f"). nc_sgemm picks the widest one
// the running CPU supports with __builtin_cpu_supports, so the package needs no global -march
// flag and still builds and runs on ARM64 and older x86-64.
#include "CNeuralKernels.h"
#include "sgemm_driver.h"

enum { PORTABLE_MR = 6, PORTABLE_NR = 16 };

// Portable micro-kernel: the compiler vectorises the j loops for whatever the baseline offers.
static void kernel_portable(ptrdiff_t kc, const float *a, const float *b, ptrdiff_t ldb, float *c, ptrdiff_t ldc, int accumulate) {
    float tile[PORTABLE_MR][PORTABLE_NR] = {{0}};
    for (ptrdiff_t p = 0; p < kc; ++p) {
        for (int i = 0; i < PORTABLE_MR; ++i) {
            float scale = a[p * PORTABLE_MR + i];
            for (int j = 0; j < PORTABLE_NR; ++j) tile[i][j] += scale * b[p * ldb + j];
        }
    }
    for (int i = 0; i < PORTABLE_MR; ++i) {
        for (int j = 0; j < PORTABLE_NR; ++j) c[i * ldc + j] = accumulate ? c[i * ldc + j] + tile[i][j] : tile[i][j];
    }
}

int nc_sgemm_prefers_blocked(ptrdiff_t m, ptrdiff_t n, ptrdiff_t k) {
    return !(m * n * k <= SMALL_WORK || m < PORTABLE_MR);
}

int nc_has_avx2_fma(void) {
#ifdef NC_X86
    return __builtin_cpu_supports("avx2") && __builtin_cpu_supports("fma");
#else
    return 0;
#endif
}

int nc_has_avx512f(void) {
#ifdef NC_X86
    return __builtin_cpu_supports("avx512f") && nc_has_avx2_fma();
#else
    return 0;
#endif
}

ptrdiff_t nc_sgemm_tile_rows(void) {
    return nc_has_avx512f() ? 8 : 6;
}

ptrdiff_t nc_sgemm_tile_columns(void) {
    return nc_has_avx512f() ? 32 : 16;
}

int nc_sgemm_using(int instruction_set, ptrdiff_t m, ptrdiff_t n, ptrdiff_t k,
                   const float *a, ptrdiff_t lda, int trans_a,
                   const float *b, ptrdiff_t ldb, int trans_b,
                   float *c, ptrdiff_t ldc, int accumulate, int blocked) {
    if (m <= 0 || n <= 0) return -1;
    if (blocked < 0) blocked = nc_sgemm_prefers_blocked(m, n, k);
    if (k <= 0) {
        if (!accumulate) {
            for (ptrdiff_t i = 0; i < m; ++i) memset(c + i * ldc, 0, (size_t)n * sizeof(float));
        }
        return -1;
    }
    matrix_view a_view = make_view(a, lda, trans_a);
    matrix_view b_view = make_view(b, ldb, trans_b);
#ifdef NC_X86
    if (instruction_set >= 2 && nc_has_avx512f()) {
        nc_sgemm_avx512(m, n, k, a_view, b_view, c, ldc, accumulate, blocked);
        return 2;
    }
    if (instruction_set >= 1 && nc_has_avx2_fma()) {
        nc_sgemm_avx2(m, n, k, a_view, b_view, c, ldc, accumulate, blocked);
        return 1;
    }
#endif
    sgemm_with(m, n, k, a_view, b_view, c, ldc, accumulate, blocked, kernel_portable, PORTABLE_MR, PORTABLE_NR, 0);
    return 0;
}

void nc_sgemm(ptrdiff_t m, ptrdiff_t n, ptrdiff_t k,
              const float *a, ptrdiff_t lda, int trans_a,
              const float *b, ptrdiff_t ldb, int trans_b,
              float *c, ptrdiff_t ldc, int accumulate, int blocked) {
    (void)nc_sgemm_using(2, m, n, k, a, lda, trans_a, b, ldb, trans_b, c, ldc, accumulate, blocked);
}
