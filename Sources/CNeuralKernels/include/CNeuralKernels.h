#ifndef CNEURALKERNELS_H
#define CNEURALKERNELS_H

#include <stddef.h>

/// Row-major single-precision GEMM on a block of rows: C = op(A)·op(B) (+ C when accumulate != 0).
///
/// op(A) is m×k and op(B) is k×n. With trans_a == 0, A is stored m×k with row stride lda;
/// otherwise A is stored k×m (so op(A) = Aᵀ). Likewise for B. C is m×n with row stride ldc.
/// Picks an AVX-512F kernel at run time where the CPU has one, else AVX2+FMA, else portable C;
/// the two fast kernels give bit-identical results.
/// `blocked` selects the algorithm: 1 packed/blocked, 0 unpacked (tiny shapes), -1 decide from
/// the shape. Callers that split one product into pieces pass the whole product's choice, so
/// every element is summed in the same order however the work is split.
void nc_sgemm(ptrdiff_t m, ptrdiff_t n, ptrdiff_t k,
              const float *a, ptrdiff_t lda, int trans_a,
              const float *b, ptrdiff_t ldb, int trans_b,
              float *c, ptrdiff_t ldc, int accumulate, int blocked);

/// nc_sgemm limited to an instruction set: 0 portable C, 1 AVX2+FMA, 2 AVX-512F (each falls back
/// to the next narrower one the CPU lacks). For tests that compare the kernels with each other.
/// Returns the instruction set whose kernel ran (0, 1 or 2), or -1 for an empty product.
int nc_sgemm_using(int instruction_set, ptrdiff_t m, ptrdiff_t n, ptrdiff_t k,
                   const float *a, ptrdiff_t lda, int trans_a,
                   const float *b, ptrdiff_t ldb, int trans_b,
                   float *c, ptrdiff_t ldc, int accumulate, int blocked);

/// 1 when nc_sgemm would use the blocked algorithm for an m×n×k product, else 0.
int nc_sgemm_prefers_blocked(ptrdiff_t m, ptrdiff_t n, ptrdiff_t k);

/// The processors this process may run on: its CPU affinity on Linux (taskset, cpusets), the
/// online processors elsewhere; at least 1.
ptrdiff_t nc_available_processors(void);

/// y[i] = tanh(x[i]) for n elements, vectorised (within 1.3 ulp); bit-identical to nc_tanhf on
/// every instruction set.
void nc_tanh(const float *x, float *y, ptrdiff_t n);
/// tanh of one value, exactly as nc_tanh computes it.
float nc_tanhf(float x);
/// y[i] = 1 / (1 + e^{-x[i]}) for n elements, vectorised; bit-identical to nc_sigmoidf.
void nc_sigmoid(const float *x, float *y, ptrdiff_t n);
/// The logistic function of one value, exactly as nc_sigmoid computes it.
float nc_sigmoidf(float x);

/// A hint inside a spin-wait loop: the core slows the loop down and gives its resources to
/// the other thread sharing it, if any (x86 `pause`, Arm `yield`).
static inline void nc_spin_pause(void) {
#if defined(__x86_64__) || defined(__i386__)
    __builtin_ia32_pause();
#elif defined(__aarch64__)
    __asm__ __volatile__("yield");
#endif
}

/// 1 when the running CPU has AVX2 and FMA (the fast path of nc_sgemm), else 0.
int nc_has_avx2_fma(void);

/// 1 when the running CPU has AVX-512F (and AVX2+FMA), so nc_sgemm uses its AVX-512 kernel, else 0.
int nc_has_avx512f(void);

/// Rows of the register tile nc_sgemm uses on this CPU (a good granule for splitting rows).
ptrdiff_t nc_sgemm_tile_rows(void);

/// Columns of the register tile nc_sgemm uses on this CPU (a good granule for splitting columns).
ptrdiff_t nc_sgemm_tile_columns(void);

/// The geometry of a 2-D convolution window over one [C, H, W] image.
typedef struct {
    ptrdiff_t channels, height, width;
    ptrdiff_t kernel_height, kernel_width;
    ptrdiff_t stride, padding;
} nc_convolution_geometry;

/// Writes the column matrix of `image`: row (c·KH + ky)·KW + kx holds, for every output position,
/// the input value under that kernel tap (0 in the padding). Rows are `row_stride` floats apart.
void nc_im2col(const nc_convolution_geometry *geometry, const float *image, float *columns, ptrdiff_t row_stride);

/// The adjoint of nc_im2col: adds each column-matrix entry into the image value it was read from.
void nc_col2im(const nc_convolution_geometry *geometry, const float *columns, ptrdiff_t row_stride, float *image);

/// Writes sin(x) and cos(x), with one shared argument reduction where the C library allows.
void nc_sincos(double x, double *sine, double *cosine);

/// The sum of x[i]² over n elements in double precision, in a fixed order (identical bits on
/// every CPU path).
double nc_sum_of_squares(const float *x, ptrdiff_t n);

/// One Adam step over `count` parameters, in place: m ← β₁m + (1-β₁)g, v ← β₂v + (1-β₂)g²,
/// θ ← θ - rate·(m/first_correction)/(√(v/second_correction) + ε). Arrays must not overlap.
void nc_adam_update(ptrdiff_t count, float *theta, float *m, float *v, const float *g, float rate,
                    float beta1, float beta2, float epsilon, float first_correction, float second_correction);

#endif
