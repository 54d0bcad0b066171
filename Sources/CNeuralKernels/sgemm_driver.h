// The shared body of every SGEMM variant, in the style of BLIS/GotoBLAS: B is packed into KC×nr
// column strips, A into MC×KC row strips of mr rows, and an mr×nr micro-kernel keeps its tile of
// C in registers. Everything here is `static inline` with the tile shape passed as a constant,
// so each instruction-set file (sgemm.c, sgemm_avx2.c, sgemm_avx512.c) compiles its own copy
// under its own target attribute.
//
// Every element of C is summed in the same order (fused multiply-adds over p within a KC block,
// blocks added in order) whatever the tile shape or the split over threads, so the AVX2 and
// AVX-512 paths give bit-identical results.
#ifndef NC_SGEMM_DRIVER_H
#define NC_SGEMM_DRIVER_H

#include <stddef.h>
#include <stdlib.h>
#include <string.h>

#if defined(__x86_64__) || defined(__i386__)
#include <immintrin.h>
#define NC_X86 1
#endif

enum { KC = 256, MC = 96, NC = 1024, SMALL_WORK = 16 * 16 * 16, MAX_TILE = 16 * 32 };

#define NC_INLINE static inline __attribute__((always_inline))

typedef struct {
    const float *data;
    ptrdiff_t row_stride;
    ptrdiff_t column_stride;
} matrix_view;

/// A 64-byte-aligned buffer of at least `count` floats owned by the calling thread, reused by its
/// next call (scratch.c); NULL when memory runs out.
float *nc_thread_scratch(size_t count);

/// A micro-kernel: tile (mr×nr at c, row stride ldc) = (accumulate ? tile : 0) + Apanel·Bpanel.
typedef void (*micro_kernel)(ptrdiff_t kc, const float *a, const float *b, ptrdiff_t ldb, float *c, ptrdiff_t ldc, int accumulate);

NC_INLINE matrix_view make_view(const float *data, ptrdiff_t ld, int transposed) {
    matrix_view view = {data, transposed ? 1 : ld, transposed ? ld : 1};
    return view;
}

#include "sgemm_packing.h"

// Unpacked product for tiny shapes (and single rows), where packing would cost more than the
// arithmetic. A transposed B (a weight stored [out, in]) is read as contiguous dot products.
NC_INLINE void small_gemm(ptrdiff_t m, ptrdiff_t n, ptrdiff_t k, matrix_view a, matrix_view b, float *c, ptrdiff_t ldc, int accumulate) {
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

// The five-loop driver for an mr×nr `kernel`. A B stored row-major (not transposed) is read in
// place, each full nr-wide strip with its own row stride, since its rows are already contiguous;
// only transposed B, ragged edge strips and row strides that are multiples of 4 KiB (whose rows
// would all land in the same L1 cache sets) are packed. With `transposed_c` the product is
// C's transpose: element (i, j) goes to c[j * ldc + i], through the edge buffer.
NC_INLINE void blocked_gemm(ptrdiff_t m, ptrdiff_t n, ptrdiff_t k, matrix_view a, matrix_view b, float *c, ptrdiff_t ldc,
                            int accumulate, micro_kernel kernel, int mr, int nr, int vector_transpose, int transposed_c) {
    int direct_b = b.column_stride == 1 && b.row_stride % 1024 != 0;
    // Packing space sized for this product: MC×KC of A (fewer rows or columns when the product
    // has fewer), then KC × one strip (B read in place) or KC×NC of B, rounded to cache lines.
    ptrdiff_t a_rows = m < MC ? (m + mr - 1) / mr * mr : MC;
    ptrdiff_t depth = k < KC ? k : KC;
    ptrdiff_t a_size = (a_rows * depth + 15) / 16 * 16;
    ptrdiff_t b_size = depth * (direct_b ? nr : (n < NC ? (n + nr - 1) / nr * nr : NC));
    float *packed_a = nc_thread_scratch((size_t)(a_size + b_size));
    if (packed_a == NULL) abort();
    float *packed_b = packed_a + a_size;
    float edge[MAX_TILE] __attribute__((aligned(64)));
    for (ptrdiff_t jc = 0; jc < n; jc += NC) {
        ptrdiff_t nc = n - jc < NC ? n - jc : NC;
        for (ptrdiff_t pc = 0; pc < k; pc += KC) {
            ptrdiff_t kc = k - pc < KC ? k - pc : KC;
            int add = accumulate || pc > 0;
            matrix_view b_block = {b.data + pc * b.row_stride + jc * b.column_stride, b.row_stride, b.column_stride};
            if (!direct_b) pack_b(kc, nc, b_block, packed_b, nr, vector_transpose);
            for (ptrdiff_t ic = 0; ic < m; ic += MC) {
                ptrdiff_t mc = m - ic < MC ? m - ic : MC;
                matrix_view a_block = {a.data + ic * a.row_stride + pc * a.column_stride, a.row_stride, a.column_stride};
                pack_a(mc, kc, a_block, packed_a, mr, vector_transpose);
                for (ptrdiff_t jr = 0; jr < nc; jr += nr) {
                    ptrdiff_t columns = nc - jr < nr ? nc - jr : nr;
                    const float *b_strip;
                    ptrdiff_t b_step;
                    if (!direct_b) {
                        b_strip = packed_b + jr * kc;
                        b_step = nr;
                    } else if (columns == nr) {
                        b_strip = b_block.data + jr;
                        b_step = b.row_stride;
                    } else {
                        matrix_view strip = {b_block.data + jr, b.row_stride, 1};
                        pack_b(kc, columns, strip, packed_b, nr, vector_transpose);
                        b_strip = packed_b;
                        b_step = nr;
                    }
                    for (ptrdiff_t ir = 0; ir < mc; ir += mr) {
                        ptrdiff_t rows = mc - ir < mr ? mc - ir : mr;
                        const float *a_strip = packed_a + ir * kc;
                        if (transposed_c) {
                            kernel(kc, a_strip, b_strip, b_step, edge, nr, 0);
                            float *tile = c + (jc + jr) * ldc + ic + ir;
                            for (ptrdiff_t i = 0; i < rows; ++i) {
                                for (ptrdiff_t j = 0; j < columns; ++j) {
                                    tile[j * ldc + i] = add ? tile[j * ldc + i] + edge[i * nr + j] : edge[i * nr + j];
                                }
                            }
                            continue;
                        }
                        float *tile = c + (ic + ir) * ldc + jc + jr;
                        if (rows == mr && columns == nr) {
                            kernel(kc, a_strip, b_strip, b_step, tile, ldc, add);
                        } else {
                            kernel(kc, a_strip, b_strip, b_step, edge, nr, 0);
                            for (ptrdiff_t i = 0; i < rows; ++i) {
                                for (ptrdiff_t j = 0; j < columns; ++j) {
                                    tile[i * ldc + j] = add ? tile[i * ldc + j] + edge[i * nr + j] : edge[i * nr + j];
                                }
                            }
                        }
                    }
                }
            }
        }
    }
}

// The whole product for one instruction set: unpacked for tiny shapes, else blocked. A product
// at most mr columns wide (a layer with one to a few outputs, a weight gradient of a few
// inputs) and at least nr tall is computed as its transpose, C' = B'A': an mr×nr tile then
// holds up to mr of its columns by nr of its rows, where it would hold nr columns of which the
// product fills only a few. Each element is the same fused multiply-add chain over p either
// way (a product's factors commute exactly), so the bits are the same.
NC_INLINE void sgemm_with(ptrdiff_t m, ptrdiff_t n, ptrdiff_t k, matrix_view a, matrix_view b, float *c, ptrdiff_t ldc,
                          int accumulate, int blocked, micro_kernel kernel, int mr, int nr, int vector_transpose) {
    if (!blocked) {
        small_gemm(m, n, k, a, b, c, ldc, accumulate);
    } else if (n <= mr && m >= nr) {
        matrix_view b_transposed = {b.data, b.column_stride, b.row_stride};
        matrix_view a_transposed = {a.data, a.column_stride, a.row_stride};
        blocked_gemm(n, m, k, b_transposed, a_transposed, c, ldc, accumulate, kernel, mr, nr, vector_transpose, 1);
    } else {
        blocked_gemm(m, n, k, a, b, c, ldc, accumulate, kernel, mr, nr, vector_transpose, 0);
    }
}

#ifdef NC_X86
/// The AVX2+FMA product (6×16 tile), in sgemm_avx2.c.
void nc_sgemm_avx2(ptrdiff_t m, ptrdiff_t n, ptrdiff_t k, matrix_view a, matrix_view b, float *c, ptrdiff_t ldc, int accumulate, int blocked);
/// The AVX-512F product (8×32 tile), in sgemm_avx512.c.
void nc_sgemm_avx512(ptrdiff_t m, ptrdiff_t n, ptrdiff_t k, matrix_view a, matrix_view b, float *c, ptrdiff_t ldc, int accumulate, int blocked);
#endif

#endif
