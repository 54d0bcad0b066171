// Packing of A and B panels for the SGEMM driver (included by sgemm_driver.h, which defines
// matrix_view and NC_INLINE): each source line read contiguously, transposed operands moved
// through 8×8 and 4×4 register transposes where the caller's instruction set allows.
#ifndef NC_SGEMM_PACKING_H
#define NC_SGEMM_PACKING_H

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
// zero-padded. Each source line is read contiguously, and once: a transposed A's stored rows
// (whole columns of A) are dealt out to every strip in one pass, since reading them strip by
// strip would fetch each cache line once per strip; rows of A otherwise, which
// `vector_transpose` (x86 AVX2/AVX-512 callers only) moves in 8×8 and 4×4 blocks.
NC_INLINE void pack_a(ptrdiff_t mc, ptrdiff_t kc, matrix_view a, float *buffer, int mr, int vector_transpose) {
    if (a.row_stride == 1) {
        ptrdiff_t full = mc / mr * mr;
        for (ptrdiff_t p = 0; p < kc; ++p) {
            const float *column = a.data + p * a.column_stride;
            for (ptrdiff_t strip = 0; strip < full; strip += mr) {
                memcpy(buffer + strip * kc + p * mr, column + strip, (size_t)mr * sizeof(float));
            }
            for (ptrdiff_t i = 0; full < mc && i < mr; ++i) buffer[full * kc + p * mr + i] = full + i < mc ? column[full + i] : 0.0f;
        }
        return;
    }
    for (ptrdiff_t strip = 0; strip < mc; strip += mr, buffer += mr * kc) {
        ptrdiff_t rows = mc - strip < mr ? mc - strip : mr;
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
        // A ragged strip (a 2-output layer's weight) is zeroed whole, then its columns filled:
        // whole 8×8 blocks by register transposes where allowed, the rest one by one.
        if (columns < nr) memset(buffer, 0, (size_t)(kc * nr) * sizeof(float));
        ptrdiff_t p_start = 0, vector_columns = 0;
#ifdef NC_X86
        if (vector_transpose && b.row_stride == 1) {
            vector_columns = columns / 8 * 8;
            for (; p_start + 8 <= kc; p_start += 8) {
                for (ptrdiff_t j = 0; j < vector_columns; j += 8) {
                    transpose_8x8(b.data + (strip + j) * b.column_stride + p_start, b.column_stride, buffer + p_start * nr + j, nr);
                }
            }
        }
#endif
        for (ptrdiff_t j = 0; j < columns; ++j) {
            const float *column = b.data + (strip + j) * b.column_stride;
            for (ptrdiff_t p = j < vector_columns ? p_start : 0; p < kc; ++p) buffer[p * nr + j] = column[p * b.row_stride];
        }
    }
}

#endif
