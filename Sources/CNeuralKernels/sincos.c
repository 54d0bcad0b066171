// sin and cos of one angle with a shared argument reduction (glibc's sincos, whose results equal
// separate sin and cos calls); plain sin and cos elsewhere.
#define _GNU_SOURCE
#include "CNeuralKernels.h"
#include <math.h>

void nc_sincos(double x, double *sine, double *cosine) {
#if defined(__GLIBC__)
    sincos(x, sine, cosine);
#else
    *sine = sin(x);
    *cosine = cos(x);
#endif
}
