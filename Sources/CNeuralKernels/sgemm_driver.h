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

#ifdef NC_X86
// Transposes the 8×8 block at `source` (row stride ld) into `target` (row stride ldt) with the
// classic unpack/shuffle/permute sequence; called only from AVX2 or AVX-512 code.
__attribute__((target("avx2"), unused)) static void transpose_8x8(const float *source, ptrdiff_t ld, float *target, ptrdiff_t ldt) {
    __m256 r[8], t[8], u[8];
    for (int i = 0; i < 8; ++i) r[i] = _mm256_loadu_ps(source + i * ld);
    for (int i = 0; i < 8; i += 2) {
        t[i] = _mm256_unpacklo_ps(r[i], r[i + 1]);
        t[i + 1] = _mm256_unpackhi_ps(r[i], r[i + 1]);
    }
    for (int i = 0; i < 8; i += 4) {
        u[i] = _mm256_shuffle_ps(t[i], t[i + 2], _MM_SHUFFLE(1, 0, 1, 0));
        u[i + 1] = _mm256_shuffle_ps(t[i], t[i + 2], _MM_SHUFFLE(3, 2, 3, 2));
        u[i + 2] = _mm256_shuffle_ps(t[i + 1], t[i + 3], _MM_SHUFFLE(1, 0, 1, 0));
        u[i + 3] = _mm256_shuffle_ps(t[i + 1], t[i + 3], _MM_SHUFFLE(3, 2, 3, 2));
    }
    for (int i = 0; i < 4; ++i) {
        _mm256_storeu_ps(target + i * ldt, _mm256_permute2f128_ps(u[i], u[i + 4], 0x20));
        _mm256_storeu_ps(target + (i + 4) * ldt, _mm256_permute2f128_ps(u[i], u[i + 4], 0x31));
    }
}
// Transposes the 4×4 block at `source` (row stride ld) into `target` (row stride ldt).
__attribute__((target("avx2"), unused)) static void transpose_4x4(const float *source, ptrdiff_t ld, float *target, ptrdiff_t ldt) {
    __m128 r0 = _mm_loadu_ps(source), r1 = _mm_loadu_ps(source + ld);
    __m128 r2 = _mm_loadu_ps(source + 2 * ld), r3 = _mm_loadu_ps(source + 3 * ld);
    _MM_TRANSPOSE4_PS(r0, r1, r2, r3);
    _mm_storeu_ps(target, r0);
    _mm_storeu_ps(target + ldt, r1);
    _mm_storeu_ps(target + 2 * ldt, r2);
    _mm_storeu_ps(target + 3 * ldt, r3);
}
#endif

// Packs rows [0, mc) × columns [0, kc) of A into strips of mr rows, column-major within a strip,
// zero-padded. Each source line is read contiguously: whole columns of a transposed A, rows
// otherwise, which `vector_transpose` (x86 AVX2/AVX-512 callers only) moves in 8×8 and 4×4 blocks.
NC_INLINE void pack_a(ptrdiff_t mc, ptrdiff_t kc, matrix_view a, float *buffer, int mr, int vector_transpose) {
    for (ptrdiff_t strip = 0; strip < mc; strip += mr, buffer += mr * kc) {
        ptrdiff_t rows = mc - strip < mr ? mc - strip : mr;
        if (a.row_stride == 1) {
            for (ptrdiff_t p = 0; p < kc; ++p) {
                const float *column = a.data + strip + p * a.column_stride;
                if (rows == mr) {
                    memcpy(buffer + p * mr, column, (size_t)mr * sizeof(float));
                } else {
                    for (ptrdiff_t i = 0; i < mr; ++i) buffer[p * mr + i] = i < rows ? column[i] : 0.0f;
                }
            }
            continue;
        }
        ptrdiff_t p_start = 0;
#ifdef NC_X86
        if (vector_transpose && rows == mr && a.column_stride == 1 && mr % 4 == 0) {
            for (; p_start + 8 <= kc; p_start += 8) {
                const float *block = a.data + strip * a.row_stride + p_start;
                float *target = buffer + p_start * mr;
                ptrdiff_t i = 0;
                for (; i + 8 <= mr; i += 8) transpose_8x8(block + i * a.row_stride, a.row_stride, target + i, mr);
                for (; i < mr; i += 4) {
                    transpose_4x4(block + i * a.row_stride, a.row_stride, target + i, mr);
                    transpose_4x4(block + i * a.row_stride + 4, a.row_stride, target + 4 * mr + i, mr);
                }
            }
        }
#endif
        if (rows < mr) memset(buffer + p_start * mr, 0, (size_t)((kc - p_start) * mr) * sizeof(float));
        for (ptrdiff_t i = 0; i < rows; ++i) {
            const float *row = a.data + (strip + i) * a.row_stride;
            for (ptrdiff_t p = p_start; p < kc; ++p) buffer[p * mr + i] = row[p * a.column_stride];
        }
    }
}

// Packs rows [0, kc) × columns [0, nc) of B into strips of nr columns, row-major within a strip,
// zero-padded. Each source line is read contiguously: rows of B, or rows of a transposed B's
// storage, which `vector_transpose` (x86 AVX2/AVX-512 callers only) moves in 8×8 register blocks.
NC_INLINE void pack_b(ptrdiff_t kc, ptrdiff_t nc, matrix_view b, float *buffer, int nr, int vector_transpose) {
    for (ptrdiff_t strip = 0; strip < nc; strip += nr, buffer += nr * kc) {
        ptrdiff_t columns = nc - strip < nr ? nc - strip : nr;
        if (b.column_stride == 1) {
            for (ptrdiff_t p = 0; p < kc; ++p) {
                const float *row = b.data + p * b.row_stride + strip;
                for (ptrdiff_t j = 0; j < nr; ++j) buffer[p * nr + j] = j < columns ? row[j] : 0.0f;
            }
            continue;
        }
        ptrdiff_t p_start = 0;
#ifdef NC_X86
        if (vector_transpose && columns == nr && b.row_stride == 1) {
            for (; p_start + 8 <= kc; p_start += 8) {
                for (ptrdiff_t j = 0; j < nr; j += 8) {
                    transpose_8x8(b.data + (strip + j) * b.column_stride + p_start, b.column_stride, buffer + p_start * nr + j, nr);
                }
            }
        }
#endif
        // A ragged strip (a 2-output layer's weight) is zeroed whole, then its few columns filled.
        if (columns < nr) memset(buffer + p_start * nr, 0, (size_t)((kc - p_start) * nr) * sizeof(float));
        for (ptrdiff_t j = 0; j < columns; ++j) {
            const float *column = b.data + (strip + j) * b.column_stride;
            for (ptrdiff_t p = p_start; p < kc; ++p) buffer[p * nr + j] = column[p * b.row_stride];
        }
    }
}

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
// would all land in the same L1 cache sets) are packed.
NC_INLINE void blocked_gemm(ptrdiff_t m, ptrdiff_t n, ptrdiff_t k, matrix_view a, matrix_view b, float *c, ptrdiff_t ldc,
                            int accumulate, micro_kernel kernel, int mr, int nr, int vector_transpose) {
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
                        float *tile = c + (ic + ir) * ldc + jc + jr;
                        const float *a_strip = packed_a + ir * kc;
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

// The whole product for one instruction set: unpacked for tiny shapes, else blocked.
NC_INLINE void sgemm_with(ptrdiff_t m, ptrdiff_t n, ptrdiff_t k, matrix_view a, matrix_view b, float *c, ptrdiff_t ldc,
                          int accumulate, int blocked, micro_kernel kernel, int mr, int nr, int vector_transpose) {
    if (!blocked) {
        small_gemm(m, n, k, a, b, c, ldc, accumulate);
    } else {
        blocked_gemm(m, n, k, a, b, c, ldc, accumulate, kernel, mr, nr, vector_transpose);
    }
}

#ifdef NC_X86
/// The AVX2+FMA product (6×16 tile), in sgemm_avx2.c.
void nc_sgemm_avx2(ptrdiff_t m, ptrdiff_t n, ptrdiff_t k, matrix_view a, matrix_view b, float *c, ptrdiff_t ldc, int accumulate, int blocked);
/// The AVX-512F product (8×32 tile), in sgemm_avx512.c.
void nc_sgemm_avx512(ptrdiff_t m, ptrdiff_t n, ptrdiff_t k, matrix_view a, matrix_view b, float *c, ptrdiff_t ldc, int accumulate, int blocked);
#endif

#endif
