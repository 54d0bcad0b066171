// Vectorised tanh and sigmoid over arrays, with the formulas of Cephes' tanhf and a polynomial
// expf (within 1.3 and 1 ulp of the exact values). Floating-point contraction is off, so the
// portable, AVX2 and AVX-512 versions of each loop, and the scalar entry points, perform the
// same operations in the same order: identical bits whichever runs. Each element reads only
// itself, so the loops may run in place (x == y) and are vectorised without overlap checks.
#pragma clang fp contract(off)
#include "CNeuralKernels.h"
#include <math.h>
#include <stdint.h>
#include <string.h>

/// Cephes' expf: ln 2 in two parts for the range reduction, then a degree-6 polynomial.
#define EXP_LOG2E 1.44269504088896341f
#define EXP_LN2_HIGH 0.693359375f
#define EXP_LN2_LOW -2.12194440e-4f
static const float exp_coefficients[6] = {1.9875691500e-4f, 1.3981999507e-3f, 8.3334519073e-3f,
                                          4.1665795894e-2f, 1.6666665459e-1f, 5.0000001201e-1f};
/// Cephes' tanhf below 0.625: `x + x^3 P(x^2)`.
#define TANH_SMALL_LIMIT 0.625f
static const float tanh_coefficients[5] = {-5.70498872745e-3f, 2.06390887954e-2f, -5.37397155531e-2f,
                                           1.33314422036e-1f, -3.33332819422e-1f};

/// e^x for x in [-87, 88]: Cephes' expf (range reduction by ln 2 in two parts, degree-6 polynomial).
static inline float exp_core(float x) {
    x = fminf(fmaxf(x, -87.0f), 88.0f);
    float n = floorf(x * EXP_LOG2E + 0.5f);
    float r = x - n * EXP_LN2_HIGH;
    r = r - n * EXP_LN2_LOW;
    float z = r * r;
    float y = exp_coefficients[0];
    for (int i = 1; i < 6; ++i) y = y * r + exp_coefficients[i];
    y = y * z + r + 1.0f;
    int32_t bits = ((int32_t)n + 127) << 23;
    float scale;
    memcpy(&scale, &bits, sizeof scale);
    return y * scale;
}

/// tanh: an odd polynomial below 0.625, `1 - 2/(e^{2|x|} + 1)` above (1 beyond 9), NaN kept.
static inline float tanh_core(float x) {
    float a = fabsf(x);
    float e = exp_core(fminf(a + a, 18.0f));
    float large = 1.0f - 2.0f / (e + 1.0f);
    float s = x * x;
    float p = tanh_coefficients[0];
    for (int i = 1; i < 5; ++i) p = p * s + tanh_coefficients[i];
    float small = p * s * a + a;
    float r = copysignf(a < TANH_SMALL_LIMIT ? small : large, x);
    return x == x ? r : x;
}

/// The logistic function `1/(1 + e^{-x})`, as `e^{x}/(1 + e^{x})` below 0 so it never overflows.
static inline float sigmoid_core(float x) {
    float e = exp_core(-fabsf(x));
    float r = x >= 0.0f ? 1.0f / (1.0f + e) : e / (1.0f + e);
    return x == x ? r : x;
}

#define DEFINE_MAP(name, core)                                                                  \
    static void name##_portable(const float *x, float *y, ptrdiff_t n) {                       \
        _Pragma("clang loop vectorize(assume_safety)")                                         \
        for (ptrdiff_t i = 0; i < n; ++i) y[i] = core(x[i]);                                   \
    }                                                                                           \
    DEFINE_MAP_X86(name, core)                                                                  \
    void nc_##name(const float *x, float *y, ptrdiff_t n) {                                    \
        DISPATCH_X86(name)                                                                      \
        name##_portable(x, y, n);                                                               \
    }                                                                                           \
    float nc_##name##f(float x) { return core(x); }

#if defined(__x86_64__) || defined(__i386__)
#define DEFINE_MAP_X86(name, core)                                                              \
    __attribute__((target("avx2,fma"))) static void name##_avx2(const float *x, float *y, ptrdiff_t n) { \
        _Pragma("clang loop vectorize(assume_safety)")                                         \
        for (ptrdiff_t i = 0; i < n; ++i) y[i] = core(x[i]);                                   \
    }
#define DEFINE_MAP_AVX512(name, core)                                                           \
    __attribute__((target("avx512f"))) static void name##_avx512(const float *x, float *y, ptrdiff_t n) { \
        _Pragma("clang loop vectorize(assume_safety)")                                         \
        for (ptrdiff_t i = 0; i < n; ++i) y[i] = core(x[i]);                                   \
    }
#define DISPATCH_X86(name)                                                                      \
    if (nc_has_avx512f()) { name##_avx512(x, y, n); return; }                                   \
    if (nc_has_avx2_fma()) { name##_avx2(x, y, n); return; }
#include "tanh_avx512.h"
#else
#define DEFINE_MAP_X86(name, core)
#define DEFINE_MAP_AVX512(name, core)
#define DISPATCH_X86(name)
#endif

DEFINE_MAP(tanh, tanh_core)
DEFINE_MAP_AVX512(sigmoid, sigmoid_core)
DEFINE_MAP(sigmoid, sigmoid_core)
