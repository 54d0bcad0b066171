// The AVX-512 tanh of activations.c, 16 values at a time. tanh_core computes both of its
// branches for every value, the expf and division as well as the polynomial; here a block of
// 16 whose values all fall below 0.625, or all above, computes only its own branch (hidden
// layers mostly give such blocks: two thirds of them were small and a quarter large in PPO on
// CartPole). Each branch performs tanh_core's operations in its order, so every value has
// tanh_core's bits. Included by activations.c only, after its constants and cores.
#include <immintrin.h>

#define AVX512 __attribute__((target("avx512f")))

/// e^x for 16 values x in [0, 18], as exp_core computes each.
AVX512 static inline __m512 exp_block(__m512 x) {
    __m512 n = _mm512_roundscale_ps(_mm512_add_ps(_mm512_mul_ps(x, _mm512_set1_ps(EXP_LOG2E)), _mm512_set1_ps(0.5f)),
                                    _MM_FROUND_TO_NEG_INF | _MM_FROUND_NO_EXC);
    __m512 r = _mm512_sub_ps(x, _mm512_mul_ps(n, _mm512_set1_ps(EXP_LN2_HIGH)));
    r = _mm512_sub_ps(r, _mm512_mul_ps(n, _mm512_set1_ps(EXP_LN2_LOW)));
    __m512 z = _mm512_mul_ps(r, r);
    __m512 y = _mm512_set1_ps(exp_coefficients[0]);
    for (int i = 1; i < 6; ++i) y = _mm512_add_ps(_mm512_mul_ps(y, r), _mm512_set1_ps(exp_coefficients[i]));
    y = _mm512_add_ps(_mm512_add_ps(_mm512_mul_ps(y, z), r), _mm512_set1_ps(1.0f));
    __m512i bits = _mm512_slli_epi32(_mm512_add_epi32(_mm512_cvttps_epi32(n), _mm512_set1_epi32(127)), 23);
    return _mm512_mul_ps(y, _mm512_castsi512_ps(bits));
}

/// tanh_core's branch at and above 0.625, of the magnitudes a: `1 - 2/(e^{2a} + 1)`.
AVX512 static inline __m512 tanh_large_block(__m512 a) {
    __m512 e = exp_block(_mm512_min_ps(_mm512_add_ps(a, a), _mm512_set1_ps(18.0f)));
    return _mm512_sub_ps(_mm512_set1_ps(1.0f), _mm512_div_ps(_mm512_set1_ps(2.0f), _mm512_add_ps(e, _mm512_set1_ps(1.0f))));
}

/// tanh_core's branch below 0.625, of the values x and their magnitudes a: `a + a x^2 P(x^2)`.
AVX512 static inline __m512 tanh_small_block(__m512 x, __m512 a) {
    __m512 s = _mm512_mul_ps(x, x);
    __m512 p = _mm512_set1_ps(tanh_coefficients[0]);
    for (int i = 1; i < 5; ++i) p = _mm512_add_ps(_mm512_mul_ps(p, s), _mm512_set1_ps(tanh_coefficients[i]));
    return _mm512_add_ps(_mm512_mul_ps(_mm512_mul_ps(p, s), a), a);
}

AVX512 static void tanh_avx512(const float *x, float *y, ptrdiff_t n) {
    const __m512i sign = _mm512_set1_epi32((int32_t)0x80000000u);
    for (ptrdiff_t i = 0; i < n; i += 16) {
        __mmask16 lanes = n - i >= 16 ? (__mmask16)0xFFFF : (__mmask16)((1u << (n - i)) - 1);
        __m512 v = _mm512_maskz_loadu_ps(lanes, x + i);
        __m512 a = _mm512_abs_ps(v);
        __mmask16 small = _mm512_mask_cmp_ps_mask(lanes, a, _mm512_set1_ps(TANH_SMALL_LIMIT), _CMP_LT_OQ);
        __m512 magnitude;
        if (small == lanes) magnitude = tanh_small_block(v, a);
        else if (small == 0) magnitude = tanh_large_block(a);
        else magnitude = _mm512_mask_blend_ps(small, tanh_large_block(a), tanh_small_block(v, a));
        __m512i signed_bits = _mm512_or_si512(_mm512_andnot_si512(sign, _mm512_castps_si512(magnitude)),
                                              _mm512_and_si512(sign, _mm512_castps_si512(v)));
        __m512 r = _mm512_mask_mov_ps(v, _mm512_cmp_ps_mask(v, v, _CMP_ORD_Q), _mm512_castsi512_ps(signed_bits));
        _mm512_mask_storeu_ps(y + i, lanes, r);
    }
}

#undef AVX512
