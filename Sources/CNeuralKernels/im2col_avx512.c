// AVX-512 versions of the unpadded, unit-stride im2col and col2im. Output rows of small feature
// maps are 8 to 32 values, too short for a vectorised loop with a scalar tail; masked 16-wide
// loads and stores move a whole row in one or two instructions. The results equal the portable
// loops bit for bit.
#if defined(__x86_64__)
#include "CNeuralKernels.h"
#include <immintrin.h>

void nc_im2col_dense_avx512(const nc_convolution_geometry *g, const float *image, float *columns, ptrdiff_t row_stride,
                            ptrdiff_t output_height, ptrdiff_t output_width);
void nc_col2im_dense_avx512(const nc_convolution_geometry *g, const float *columns, ptrdiff_t row_stride, float *image,
                            ptrdiff_t output_height, ptrdiff_t output_width);

__attribute__((target("avx512f"))) void nc_im2col_dense_avx512(const nc_convolution_geometry *g, const float *image, float *columns,
                                                                ptrdiff_t row_stride, ptrdiff_t output_height, ptrdiff_t output_width) {
    __mmask16 tail = (__mmask16)((1u << (output_width % 16)) - 1);
    ptrdiff_t full = output_width / 16 * 16;
    for (ptrdiff_t channel = 0; channel < g->channels; ++channel) {
        for (ptrdiff_t ky = 0; ky < g->kernel_height; ++ky) {
            for (ptrdiff_t kx = 0; kx < g->kernel_width; ++kx) {
                float *target = columns + ((channel * g->kernel_height + ky) * g->kernel_width + kx) * row_stride;
                const float *source = image + (channel * g->height + ky) * g->width + kx;
                for (ptrdiff_t oy = 0; oy < output_height; ++oy, target += output_width, source += g->width) {
                    for (ptrdiff_t ox = 0; ox < full; ox += 16) _mm512_storeu_ps(target + ox, _mm512_loadu_ps(source + ox));
                    if (tail) _mm512_mask_storeu_ps(target + full, tail, _mm512_maskz_loadu_ps(tail, source + full));
                }
            }
        }
    }
}

// Images at most 16 wide: each image row is summed in one register over every (ky, kx) tap
// that reaches it, the column row loaded shifted into place by a masked load, and stored once.
// (Adding into memory tap by tap would reload rows still in the store buffer.) Every pixel
// still receives its terms in (ky, kx) order, as in the portable loop.
__attribute__((target("avx512f"))) void nc_col2im_dense_avx512(const nc_convolution_geometry *g, const float *columns, ptrdiff_t row_stride,
                                                                float *image, ptrdiff_t output_height, ptrdiff_t output_width) {
    __mmask16 image_mask = (__mmask16)((1u << g->width) - 1);
    unsigned row_mask = (1u << output_width) - 1;
    for (ptrdiff_t channel = 0; channel < g->channels; ++channel) {
        for (ptrdiff_t y = 0; y < g->height; ++y) {
            float *target = image + (channel * g->height + y) * g->width;
            __m512 sum = _mm512_maskz_loadu_ps(image_mask, target);
            for (ptrdiff_t ky = 0; ky < g->kernel_height; ++ky) {
                ptrdiff_t oy = y - ky;
                if (oy < 0 || oy >= output_height) continue;
                for (ptrdiff_t kx = 0; kx < g->kernel_width; ++kx) {
                    const float *source = columns + ((channel * g->kernel_height + ky) * g->kernel_width + kx) * row_stride + oy * output_width;
                    __mmask16 lanes = (__mmask16)(row_mask << kx);
                    sum = _mm512_mask_add_ps(sum, lanes, sum, _mm512_maskz_loadu_ps(lanes, source - kx));
                }
            }
            _mm512_mask_storeu_ps(target, image_mask, sum);
        }
    }
}
#endif
