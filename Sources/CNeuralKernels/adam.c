// The Adam parameter update as one fused pass: a portable loop, and an AVX2 version chosen at
// run time like the GEMM kernel. Both flush moments below the normal range to zero (see
// adam_avx2 for why).
#include "CNeuralKernels.h"
#include <float.h>
#include <math.h>

static inline __attribute__((always_inline)) void adam_body(ptrdiff_t count, float *restrict theta, float *restrict m, float *restrict v,
                                                            const float *restrict g, float rate, float beta1, float beta2,
                                                            float epsilon, float first_correction, float second_correction) {
    float inverse_first = 1.0f / first_correction;
    float inverse_second = 1.0f / second_correction;
    for (ptrdiff_t i = 0; i < count; ++i) {
        m[i] = beta1 * m[i] + (1.0f - beta1) * g[i];
        v[i] = beta2 * v[i] + (1.0f - beta2) * g[i] * g[i];
        if (fabsf(m[i]) < FLT_MIN) m[i] = 0;
        if (v[i] < FLT_MIN) v[i] = 0;
        theta[i] -= rate * (m[i] * inverse_first) / (sqrtf(v[i] * inverse_second) + epsilon);
    }
}

#if defined(__x86_64__) || defined(__i386__)
#include <immintrin.h>

// Eight parameters per step with AVX2+FMA; sqrtf's errno semantics keep the compiler from
// vectorising the portable loop, so the square root is the vector instruction here.
//
// Subnormal moments are flushed to zero (MXCSR's FTZ and DAZ, restored on return). A weight
// whose gradient stays zero (behind a dead ReLU) has its moments decay geometrically into the
// subnormal range, where v lingers for some 16,000 steps at beta2 = 0.999; every operation on
// a subnormal takes a microcode assist of about a hundred cycles, which made this loop most of
// a DQN update's time. A moment below 1.2e-38 changes no update measurably.
__attribute__((target("avx2,fma"))) static void adam_avx2(ptrdiff_t count, float *theta, float *m, float *v, const float *g, float rate,
                                                          float beta1, float beta2, float epsilon, float first_correction, float second_correction) {
    const unsigned int control = _mm_getcsr();
    _mm_setcsr(control | 0x8040);
    const __m256 b1 = _mm256_set1_ps(beta1), one_minus_b1 = _mm256_set1_ps(1.0f - beta1);
    const __m256 b2 = _mm256_set1_ps(beta2), one_minus_b2 = _mm256_set1_ps(1.0f - beta2);
    const __m256 inverse_first = _mm256_set1_ps(1.0f / first_correction), inverse_second = _mm256_set1_ps(1.0f / second_correction);
    const __m256 step = _mm256_set1_ps(rate), floor = _mm256_set1_ps(epsilon);
    ptrdiff_t i = 0;
    for (; i + 8 <= count; i += 8) {
        __m256 gradient = _mm256_loadu_ps(g + i);
        __m256 first = _mm256_add_ps(_mm256_mul_ps(b1, _mm256_loadu_ps(m + i)), _mm256_mul_ps(one_minus_b1, gradient));
        __m256 second = _mm256_add_ps(_mm256_mul_ps(b2, _mm256_loadu_ps(v + i)), _mm256_mul_ps(_mm256_mul_ps(one_minus_b2, gradient), gradient));
        _mm256_storeu_ps(m + i, first);
        _mm256_storeu_ps(v + i, second);
        __m256 denominator = _mm256_add_ps(_mm256_sqrt_ps(_mm256_mul_ps(second, inverse_second)), floor);
        __m256 update = _mm256_div_ps(_mm256_mul_ps(step, _mm256_mul_ps(first, inverse_first)), denominator);
        _mm256_storeu_ps(theta + i, _mm256_sub_ps(_mm256_loadu_ps(theta + i), update));
    }
    adam_body(count - i, theta + i, m + i, v + i, g + i, rate, beta1, beta2, epsilon, first_correction, second_correction);
    _mm_setcsr(control);
}
#endif

void nc_adam_update(ptrdiff_t count, float *theta, float *m, float *v, const float *g, float rate,
                    float beta1, float beta2, float epsilon, float first_correction, float second_correction) {
#if defined(__x86_64__) || defined(__i386__)
    if (nc_has_avx2_fma()) {
        adam_avx2(count, theta, m, v, g, rate, beta1, beta2, epsilon, first_correction, second_correction);
        return;
    }
#endif
    adam_body(count, theta, m, v, g, rate, beta1, beta2, epsilon, first_correction, second_correction);
}
