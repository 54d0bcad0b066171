// Blocked SGEMM in the style of BLIS/GotoBLAS: B is packed into KC×NR column strips, A into
// MC×KC row strips of MR rows, and an MR×NR micro-kernel keeps its tile of C in registers.
// The same driver is compiled twice: once for baseline targets and once with AVX2+FMA
// (per-function target attributes), chosen at run time with __builtin_cpu_supports, so the
// package needs no global -march flag and still builds on ARM64.
#include "CNeuralKernels.h"
#include <stdlib.h>
#include <string.h>

#if defined(__x86_64__) || defined(__i386__)
#include <immintrin.h>
#define NC_X86 1
#endif

enum { MR = 6, NR = 16, KC = 256, MC = 96, NC = 1024, SMALL_WORK = 16 * 16 * 16 };

typedef struct {
    const float *data;
    ptrdiff_t row_stride;
    ptrdiff_t column_stride;
} matrix_view;

static inline __attribute__((always_inline)) matrix_view make_view(const float *data, ptrdiff_t ld, int transposed) {
    matrix_view view = {data, transposed ? 1 : ld, transposed ? ld : 1};
    return view;
}

// Packs rows [0, mc) × columns [0, kc) of A into strips of MR rows, column-major within a strip, zero-padded.
static inline __attribute__((always_inline)) void pack_a(ptrdiff_t mc, ptrdiff_t kc, matrix_view a, float *buffer) {
    for (ptrdiff_t strip = 0; strip < mc; strip += MR) {
        ptrdiff_t rows = mc - strip < MR ? mc - strip : MR;
        for (ptrdiff_t p = 0; p < kc; ++p) {
            for (ptrdiff_t i = 0; i < MR; ++i) {
                *buffer++ = i < rows ? a.data[(strip + i) * a.row_stride + p * a.column_stride] : 0.0f;
            }
        }
    }
}

// Packs rows [0, kc) × columns [0, nc) of B into strips of NR columns, row-major within a strip, zero-padded.
static inline __attribute__((always_inline)) void pack_b(ptrdiff_t kc, ptrdiff_t nc, matrix_view b, float *buffer) {
    for (ptrdiff_t strip = 0; strip < nc; strip += NR) {
        ptrdiff_t columns = nc - strip < NR ? nc - strip : NR;
        for (ptrdiff_t p = 0; p < kc; ++p) {
            const float *row = b.data + p * b.row_stride + strip * b.column_stride;
            if (columns == NR && b.column_stride == 1) {
                memcpy(buffer, row, NR * sizeof(float));
                buffer += NR;
            } else {
                for (ptrdiff_t j = 0; j < NR; ++j) *buffer++ = j < columns ? row[j * b.column_stride] : 0.0f;
            }
        }
    }
}

// Portable micro-kernel: tile = (accumulate ? tile : 0) + Apanel·Bpanel; the compiler vectorises the j loops.
static inline __attribute__((always_inline)) void kernel_portable(ptrdiff_t kc, const float *a, const float *b, ptrdiff_t ldb, float *c, ptrdiff_t ldc, int accumulate) {
    float tile[MR][NR] = {{0}};
    for (ptrdiff_t p = 0; p < kc; ++p) {
        for (int i = 0; i < MR; ++i) {
            float scale = a[p * MR + i];
            for (int j = 0; j < NR; ++j) tile[i][j] += scale * b[p * ldb + j];
        }
    }
    for (int i = 0; i < MR; ++i) {
        for (int j = 0; j < NR; ++j) c[i * ldc + j] = accumulate ? c[i * ldc + j] + tile[i][j] : tile[i][j];
    }
}

#ifdef NC_X86
// AVX2+FMA micro-kernel: the 6×16 tile lives in 12 ymm registers; each step broadcasts one
// element of A per row and issues two fused multiply-adds against a 16-wide row of B.
__attribute__((target("avx2,fma"), noinline)) static void kernel_avx2(ptrdiff_t kc, const float *a, const float *b, ptrdiff_t ldb, float *c, ptrdiff_t ldc, int accumulate) {
    __m256 c00 = _mm256_setzero_ps(), c01 = _mm256_setzero_ps(), c10 = _mm256_setzero_ps(), c11 = _mm256_setzero_ps();
    __m256 c20 = _mm256_setzero_ps(), c21 = _mm256_setzero_ps(), c30 = _mm256_setzero_ps(), c31 = _mm256_setzero_ps();
    __m256 c40 = _mm256_setzero_ps(), c41 = _mm256_setzero_ps(), c50 = _mm256_setzero_ps(), c51 = _mm256_setzero_ps();
    for (ptrdiff_t p = 0; p < kc; ++p) {
        __m256 b0 = _mm256_loadu_ps(b), b1 = _mm256_loadu_ps(b + 8);
        __m256 broadcast = _mm256_broadcast_ss(a);
        c00 = _mm256_fmadd_ps(broadcast, b0, c00); c01 = _mm256_fmadd_ps(broadcast, b1, c01);
        broadcast = _mm256_broadcast_ss(a + 1);
        c10 = _mm256_fmadd_ps(broadcast, b0, c10); c11 = _mm256_fmadd_ps(broadcast, b1, c11);
        broadcast = _mm256_broadcast_ss(a + 2);
        c20 = _mm256_fmadd_ps(broadcast, b0, c20); c21 = _mm256_fmadd_ps(broadcast, b1, c21);
        broadcast = _mm256_broadcast_ss(a + 3);
        c30 = _mm256_fmadd_ps(broadcast, b0, c30); c31 = _mm256_fmadd_ps(broadcast, b1, c31);
        broadcast = _mm256_broadcast_ss(a + 4);
        c40 = _mm256_fmadd_ps(broadcast, b0, c40); c41 = _mm256_fmadd_ps(broadcast, b1, c41);
        broadcast = _mm256_broadcast_ss(a + 5);
        c50 = _mm256_fmadd_ps(broadcast, b0, c50); c51 = _mm256_fmadd_ps(broadcast, b1, c51);
        a += MR;
        b += ldb;
    }
#define NC_STORE(row, lo, hi)                                                              \
    do {                                                                                   \
        float *out = c + (row) * ldc;                                                      \
        if (accumulate) {                                                                  \
            lo = _mm256_add_ps(lo, _mm256_loadu_ps(out));                                  \
            hi = _mm256_add_ps(hi, _mm256_loadu_ps(out + 8));                              \
        }                                                                                  \
        _mm256_storeu_ps(out, lo);                                                         \
        _mm256_storeu_ps(out + 8, hi);                                                     \
    } while (0)
    NC_STORE(0, c00, c01); NC_STORE(1, c10, c11); NC_STORE(2, c20, c21);
    NC_STORE(3, c30, c31); NC_STORE(4, c40, c41); NC_STORE(5, c50, c51);
#undef NC_STORE
}
#endif

typedef void (*micro_kernel)(ptrdiff_t, const float *, const float *, ptrdiff_t, float *, ptrdiff_t, int);

static void kernel_portable_entry(ptrdiff_t kc, const float *a, const float *b, ptrdiff_t ldb, float *c, ptrdiff_t ldc, int accumulate) {
    kernel_portable(kc, a, b, ldb, c, ldc, accumulate);
}

// Unpacked product for tiny shapes (and single rows), where packing would cost more than the
// arithmetic. A transposed B (a weight stored [out, in]) is read as contiguous dot products.
static inline __attribute__((always_inline)) void small_gemm(ptrdiff_t m, ptrdiff_t n, ptrdiff_t k, matrix_view a, matrix_view b, float *c, ptrdiff_t ldc, int accumulate) {
    if (b.row_stride == 1 && a.column_stride == 1) {
        for (ptrdiff_t i = 0; i < m; ++i) {
            const float *row = a.data + i * a.row_stride;
            for (ptrdiff_t j = 0; j < n; ++j) {
                const float *column = b.data + j * b.column_stride;
                if (k < 32) {
                    float total = 0.0f;
                    for (ptrdiff_t p = 0; p < k; ++p) total += row[p] * column[p];
                    c[i * ldc + j] = accumulate ? c[i * ldc + j] + total : total;
                    continue;
                }
                // 32 independent lanes (four 8-wide accumulators) hide the multiply-add latency.
                float lanes[32] = {0};
                ptrdiff_t p = 0;
                for (; p + 32 <= k; p += 32) {
                    for (int lane = 0; lane < 32; ++lane) lanes[lane] += row[p + lane] * column[p + lane];
                }
                for (; p + 8 <= k; p += 8) {
                    for (int lane = 0; lane < 8; ++lane) lanes[lane] += row[p + lane] * column[p + lane];
                }
                for (int lane = 0; lane < 8; ++lane) lanes[lane] += (lanes[lane + 8] + lanes[lane + 16]) + lanes[lane + 24];
                float total = ((lanes[0] + lanes[4]) + (lanes[1] + lanes[5])) + ((lanes[2] + lanes[6]) + (lanes[3] + lanes[7]));
                for (; p < k; ++p) total += row[p] * column[p];
                c[i * ldc + j] = accumulate ? c[i * ldc + j] + total : total;
            }
        }
        return;
    }
    for (ptrdiff_t i = 0; i < m; ++i) {
        float *row = c + i * ldc;
        if (!accumulate) memset(row, 0, (size_t)n * sizeof(float));
        for (ptrdiff_t p = 0; p < k; ++p) {
            float scale = a.data[i * a.row_stride + p * a.column_stride];
            const float *source = b.data + p * b.row_stride;
            if (b.column_stride == 1) {
                for (ptrdiff_t j = 0; j < n; ++j) row[j] += scale * source[j];
            } else {
                for (ptrdiff_t j = 0; j < n; ++j) row[j] += scale * source[j * b.column_stride];
            }
        }
    }
}

// The five-loop driver; `kernel` is the micro-kernel for the instruction set in use. A B stored
// row-major (not transposed) is read in place, each full NR-wide strip with its own row stride,
// since its rows are already contiguous; only transposed B, ragged edge strips and row strides
// that are multiples of 4 KiB (whose rows would all land in the same L1 cache sets) are packed.
static inline __attribute__((always_inline)) void blocked_gemm(ptrdiff_t m, ptrdiff_t n, ptrdiff_t k, matrix_view a, matrix_view b, float *c, ptrdiff_t ldc, int accumulate, micro_kernel kernel) {
    int direct_b = b.column_stride == 1 && b.row_stride % 1024 != 0;
    float *packed_a = malloc(sizeof(float) * MC * KC);
    float *packed_b = malloc(sizeof(float) * KC * (direct_b ? NR : NC));
    float edge[MR * NR];
    for (ptrdiff_t jc = 0; jc < n; jc += NC) {
        ptrdiff_t nc = n - jc < NC ? n - jc : NC;
        for (ptrdiff_t pc = 0; pc < k; pc += KC) {
            ptrdiff_t kc = k - pc < KC ? k - pc : KC;
            int add = accumulate || pc > 0;
            matrix_view b_block = {b.data + pc * b.row_stride + jc * b.column_stride, b.row_stride, b.column_stride};
            if (!direct_b) pack_b(kc, nc, b_block, packed_b);
            for (ptrdiff_t ic = 0; ic < m; ic += MC) {
                ptrdiff_t mc = m - ic < MC ? m - ic : MC;
                matrix_view a_block = {a.data + ic * a.row_stride + pc * a.column_stride, a.row_stride, a.column_stride};
                pack_a(mc, kc, a_block, packed_a);
                for (ptrdiff_t jr = 0; jr < nc; jr += NR) {
                    ptrdiff_t columns = nc - jr < NR ? nc - jr : NR;
                    const float *b_strip;
                    ptrdiff_t b_step;
                    if (!direct_b) {
                        b_strip = packed_b + jr * kc;
                        b_step = NR;
                    } else if (columns == NR) {
                        b_strip = b_block.data + jr;
                        b_step = b.row_stride;
                    } else {
                        matrix_view strip = {b_block.data + jr, b.row_stride, 1};
                        pack_b(kc, columns, strip, packed_b);
                        b_strip = packed_b;
                        b_step = NR;
                    }
                    for (ptrdiff_t ir = 0; ir < mc; ir += MR) {
                        ptrdiff_t rows = mc - ir < MR ? mc - ir : MR;
                        float *tile = c + (ic + ir) * ldc + jc + jr;
                        const float *a_strip = packed_a + ir * kc;
                        if (rows == MR && columns == NR) {
                            kernel(kc, a_strip, b_strip, b_step, tile, ldc, add);
                        } else {
                            kernel(kc, a_strip, b_strip, b_step, edge, NR, 0);
                            for (ptrdiff_t i = 0; i < rows; ++i) {
                                for (ptrdiff_t j = 0; j < columns; ++j) {
                                    tile[i * ldc + j] = add ? tile[i * ldc + j] + edge[i * NR + j] : edge[i * NR + j];
                                }
                            }
                        }
                    }
                }
            }
        }
    }
    free(packed_a);
    free(packed_b);
}

int nc_sgemm_prefers_blocked(ptrdiff_t m, ptrdiff_t n, ptrdiff_t k) {
    return !(m * n * k <= SMALL_WORK || m < MR);
}

static void sgemm_portable(ptrdiff_t m, ptrdiff_t n, ptrdiff_t k, matrix_view a, matrix_view b, float *c, ptrdiff_t ldc, int accumulate, int blocked) {
    if (!blocked) {
        small_gemm(m, n, k, a, b, c, ldc, accumulate);
    } else {
        blocked_gemm(m, n, k, a, b, c, ldc, accumulate, kernel_portable_entry);
    }
}

#ifdef NC_X86
__attribute__((target("avx2,fma"))) static void sgemm_avx2(ptrdiff_t m, ptrdiff_t n, ptrdiff_t k, matrix_view a, matrix_view b, float *c, ptrdiff_t ldc, int accumulate, int blocked) {
    if (!blocked) {
        small_gemm(m, n, k, a, b, c, ldc, accumulate);
    } else {
        blocked_gemm(m, n, k, a, b, c, ldc, accumulate, kernel_avx2);
    }
}
#endif

int nc_has_avx2_fma(void) {
#ifdef NC_X86
    return __builtin_cpu_supports("avx2") && __builtin_cpu_supports("fma");
#else
    return 0;
#endif
}

void nc_sgemm(ptrdiff_t m, ptrdiff_t n, ptrdiff_t k,
              const float *a, ptrdiff_t lda, int trans_a,
              const float *b, ptrdiff_t ldb, int trans_b,
              float *c, ptrdiff_t ldc, int accumulate, int blocked) {
    if (m <= 0 || n <= 0) return;
    if (blocked < 0) blocked = nc_sgemm_prefers_blocked(m, n, k);
    if (k <= 0) {
        if (!accumulate) {
            for (ptrdiff_t i = 0; i < m; ++i) memset(c + i * ldc, 0, (size_t)n * sizeof(float));
        }
        return;
    }
    matrix_view a_view = make_view(a, lda, trans_a);
    matrix_view b_view = make_view(b, ldb, trans_b);
#ifdef NC_X86
    if (nc_has_avx2_fma()) {
        sgemm_avx2(m, n, k, a_view, b_view, c, ldc, accumulate, blocked);
        return;
    }
#endif
    sgemm_portable(m, n, k, a_view, b_view, c, ldc, accumulate, blocked);
}
