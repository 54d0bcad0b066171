import CNeuralKernels

#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

// Thin wrappers over the C math library, so the rest of the module needs no platform imports.

@inline(__always) func _log(_ x: Double) -> Double { log(x) }
@inline(__always) func _cos(_ x: Double) -> Double { cos(x) }
@inline(__always) func _sin(_ x: Double) -> Double { sin(x) }

/// `(sin x, cos x)` with one shared argument reduction where the C library offers `sincos`
/// (glibc, whose results equal separate `sin` and `cos` calls).
@inline(__always) func _sinCos(_ x: Double) -> (sin: Double, cos: Double) {
    var sine = 0.0
    var cosine = 0.0
    nc_sincos(x, &sine, &cosine)
    return (sine, cosine)
}
@inline(__always) func _exp(_ x: Float) -> Float { expf(x) }
@inline(__always) func _log(_ x: Float) -> Float { logf(x) }
@inline(__always) func _log1p(_ x: Float) -> Float { log1pf(x) }
@inline(__always) func _tanh(_ x: Float) -> Float { tanhf(x) }
@inline(__always) func _erf(_ x: Float) -> Float { erff(x) }
@inline(__always) func _pow(_ x: Float, _ y: Float) -> Float { powf(x, y) }
@inline(__always) func _cos(_ x: Float) -> Float { cosf(x) }
