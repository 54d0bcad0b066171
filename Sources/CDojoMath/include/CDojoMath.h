#ifndef CDOJOMATH_H
#define CDOJOMATH_H

/* Sine and cosine of one angle in a single call. glibc's and Apple's sincos compute exactly
 * the values sin and cos return (checked bit for bit on glibc over [-4, 4]) in about half the
 * time; Swift does not see these GNU/Apple extensions, so this header forwards to them. */
#include <math.h>

#if defined(__GLIBC__)
void sincos(double x, double *sine, double *cosine);
#endif

static inline void dojo_sincos(double x, double *sine, double *cosine) {
#if defined(__APPLE__)
    __sincos(x, sine, cosine);
#elif defined(__GLIBC__)
    sincos(x, sine, cosine);
#else
    *sine = sin(x);
    *cosine = cos(x);
#endif
}

#endif
