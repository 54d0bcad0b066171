/// Single-precision matrix multiply on raw row-major buffers: `C = A·B` or `C += A·B`.
///
/// This is the one entry point every matrix product in the module goes through,
/// so a faster kernel can replace the body without touching callers.
/// - Parameters:
///   - a: `m × k` row-major.
///   - b: `k × n` row-major.
///   - c: `m × n` row-major output.
///   - accumulate: add into `c` instead of overwriting it.
/// - Complexity: O(m·n·k).
func gemm(
    m: Int, n: Int, k: Int,
    a: UnsafePointer<Float>, b: UnsafePointer<Float>, c: UnsafeMutablePointer<Float>,
    accumulate: Bool
) {
    if !accumulate { c.update(repeating: 0, count: m * n) }
    for row in 0..<m {
        let output = c + row * n
        let lhs = a + row * k
        for inner in 0..<k {
            let scale = lhs[inner]
            let rhs = b + inner * n
            for column in 0..<n { output[column] += scale * rhs[column] }
        }
    }
}
