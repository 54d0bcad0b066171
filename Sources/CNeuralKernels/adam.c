// The Adam parameter update as one fused pass, compiled for baseline and AVX2+FMA targets and
// chosen at run time like the GEMM kernel; `restrict` lets the compiler vectorise the loop.
#include "CNeuralKernels.h"
#include <math.h>

static inline __attribute__((always_inline)) void adam_body(ptrdiff_t count, float *restrict theta, float *restrict m, float *restrict v,
                                                            const float *restrict g, float rate, float beta1, float beta2,
                                                            float epsilon, float first_correction, float second_correction) {
    float inverse_first = 1.0f / first_correction;
    float inverse_second = 1.0f / second_correction;
    for (ptrdiff_t i = 0; i < count; ++i) {
        m[i] = beta1 * m[i] + (1.0f - beta1) * g[i];
        v[i] = beta2 * v[i] + (1.0f - beta2) * g[i] * g[i];
        theta[i] -= rate * (m[i] * inverse_first) / (sqrtf(v[i] * inverse_second) + epsilon);
    }
}

#if defined(__x86_64__) || defined(__i386__)
__attribute__((target("avx2,fma"))) static void adam_avx2(ptrdiff_t count, float *theta, float *m, float *v, const float *g, float rate,
                                                          float beta1, float beta2, float epsilon, float first_correction, float second_correction) {
    adam_body(count, theta, m, v, g, rate, beta1, beta2, epsilon, first_correction, second_correction);
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
