// im2col and col2im for one [C, H, W] image. Rows of the column matrix are short (one output row
// of a small feature map is often 8 to 32 values), so the copies are plain loops the compiler
// vectorises in place (restrict: the image and the column matrix never overlap) rather than a
// library call per row.
#include "CNeuralKernels.h"

#if defined(__x86_64__)
// The AVX-512 row copies of im2col_avx512.c, used where the CPU has AVX-512F.
void nc_im2col_dense_avx512(const nc_convolution_geometry *g, const float *image, float *columns, ptrdiff_t row_stride,
                            ptrdiff_t output_height, ptrdiff_t output_width);
void nc_col2im_dense_avx512(const nc_convolution_geometry *g, const float *columns, ptrdiff_t row_stride, float *image,
                            ptrdiff_t output_height, ptrdiff_t output_width);
#define NC_AVX512_ROWS() (__builtin_cpu_supports("avx512f"))
#endif

// Output columns ox whose input column ox·stride − padding + kx lies inside [0, width).
static void valid_columns(const nc_convolution_geometry *g, ptrdiff_t kx, ptrdiff_t output_width, ptrdiff_t *first, ptrdiff_t *last) {
    ptrdiff_t offset = g->padding - kx;
    ptrdiff_t lower = offset > 0 ? (offset + g->stride - 1) / g->stride : 0;
    ptrdiff_t upper = g->width - 1 + offset >= 0 ? (g->width - 1 + offset) / g->stride + 1 : 0;
    if (upper > output_width) upper = output_width;
    *first = lower;
    *last = upper > lower ? upper : lower;
}

// The common unpadded, unit-stride case: every tap row is a run of shifted image rows. no_builtin
// keeps the compiler from turning each short row copy back into a memmove call.
__attribute__((no_builtin("memcpy", "memmove"))) static void im2col_dense(const nc_convolution_geometry *g, const float *restrict image, float *restrict columns, ptrdiff_t row_stride,
                         ptrdiff_t output_height, ptrdiff_t output_width) {
    for (ptrdiff_t channel = 0; channel < g->channels; ++channel) {
        for (ptrdiff_t ky = 0; ky < g->kernel_height; ++ky) {
            for (ptrdiff_t kx = 0; kx < g->kernel_width; ++kx) {
                float *restrict target = columns + ((channel * g->kernel_height + ky) * g->kernel_width + kx) * row_stride;
                const float *restrict source = image + (channel * g->height + ky) * g->width + kx;
                for (ptrdiff_t oy = 0; oy < output_height; ++oy, target += output_width, source += g->width) {
                    for (ptrdiff_t ox = 0; ox < output_width; ++ox) target[ox] = source[ox];
                }
            }
        }
    }
}

void nc_im2col(const nc_convolution_geometry *g, const float *image, float *columns, ptrdiff_t row_stride) {
    ptrdiff_t output_height = (g->height + 2 * g->padding - g->kernel_height) / g->stride + 1;
    ptrdiff_t output_width = (g->width + 2 * g->padding - g->kernel_width) / g->stride + 1;
    if (g->stride == 1 && g->padding == 0) {
#if defined(__x86_64__)
        if (NC_AVX512_ROWS()) {
            nc_im2col_dense_avx512(g, image, columns, row_stride, output_height, output_width);
            return;
        }
#endif
        im2col_dense(g, image, columns, row_stride, output_height, output_width);
        return;
    }
    for (ptrdiff_t channel = 0; channel < g->channels; ++channel) {
        for (ptrdiff_t ky = 0; ky < g->kernel_height; ++ky) {
            for (ptrdiff_t kx = 0; kx < g->kernel_width; ++kx) {
                float *row = columns + ((channel * g->kernel_height + ky) * g->kernel_width + kx) * row_stride;
                ptrdiff_t first, last;
                valid_columns(g, kx, output_width, &first, &last);
                for (ptrdiff_t oy = 0; oy < output_height; ++oy) {
                    float *restrict target = row + oy * output_width;
                    ptrdiff_t y = oy * g->stride - g->padding + ky;
                    if (y < 0 || y >= g->height || first == last) {
                        for (ptrdiff_t ox = 0; ox < output_width; ++ox) target[ox] = 0.0f;
                        continue;
                    }
                    const float *restrict source = image + (channel * g->height + y) * g->width - g->padding + kx;
                    for (ptrdiff_t ox = 0; ox < first; ++ox) target[ox] = 0.0f;
                    if (g->stride == 1) {
                        for (ptrdiff_t ox = first; ox < last; ++ox) target[ox] = source[ox];
                    } else {
                        for (ptrdiff_t ox = first; ox < last; ++ox) target[ox] = source[ox * g->stride];
                    }
                    for (ptrdiff_t ox = last; ox < output_width; ++ox) target[ox] = 0.0f;
                }
            }
        }
    }
}

void nc_col2im(const nc_convolution_geometry *g, const float *columns, ptrdiff_t row_stride, float *image) {
    ptrdiff_t output_height = (g->height + 2 * g->padding - g->kernel_height) / g->stride + 1;
    ptrdiff_t output_width = (g->width + 2 * g->padding - g->kernel_width) / g->stride + 1;
#if defined(__x86_64__)
    if (g->stride == 1 && g->padding == 0 && g->width <= 16 && NC_AVX512_ROWS()) {
        nc_col2im_dense_avx512(g, columns, row_stride, image, output_height, output_width);
        return;
    }
#endif
    for (ptrdiff_t channel = 0; channel < g->channels; ++channel) {
        for (ptrdiff_t ky = 0; ky < g->kernel_height; ++ky) {
            for (ptrdiff_t kx = 0; kx < g->kernel_width; ++kx) {
                const float *row = columns + ((channel * g->kernel_height + ky) * g->kernel_width + kx) * row_stride;
                ptrdiff_t first, last;
                valid_columns(g, kx, output_width, &first, &last);
                for (ptrdiff_t oy = 0; oy < output_height; ++oy) {
                    ptrdiff_t y = oy * g->stride - g->padding + ky;
                    if (y < 0 || y >= g->height) continue;
                    const float *restrict source = row + oy * output_width;
                    float *restrict target = image + (channel * g->height + y) * g->width - g->padding + kx;
                    if (g->stride == 1) {
                        for (ptrdiff_t ox = first; ox < last; ++ox) target[ox] += source[ox];
                    } else {
                        for (ptrdiff_t ox = first; ox < last; ++ox) target[ox * g->stride] += source[ox];
                    }
                }
            }
        }
    }
}
