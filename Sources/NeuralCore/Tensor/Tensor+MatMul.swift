/// Matrix multiplication, plain and batched.
extension Tensor {
    /// The matrix product of the last two axes, batched over the leading ones.
    ///
    /// `lhs` is `[..., m, k]` and `rhs` is `[k, n]` (shared by every batch) or
    /// `[..., k, n]` with the same leading axes as `lhs`; the result is `[..., m, n]`.
    /// Either operand may be read transposed (its last two axes swapped) without
    /// the caller materialising the transpose.
    /// - Precondition: ranks are at least 2 and the inner extents agree.
    /// - Complexity: O(batch·m·n·k).
    public static func matmul(
        _ lhs: Tensor, _ rhs: Tensor, transposingLHS: Bool = false, transposingRHS: Bool = false
    ) -> Tensor {
        precondition(lhs.rank >= 2 && rhs.rank >= 2, "expected matrices of rank >= 2, got \(lhs.shape) and \(rhs.shape)")
        let left = transposingLHS ? lhs.transposed() : lhs
        let right = transposingRHS ? rhs.transposed() : rhs
        let m = left.shape[left.rank - 2]
        let k = left.shape[left.rank - 1]
        let n = right.shape[right.rank - 1]
        precondition(right.shape[right.rank - 2] == k, "expected inner extents to agree, got \(left.shape) × \(right.shape)")
        let batchShape = Array(left.shape.dropLast(2))
        var resultShape = batchShape
        resultShape.append(contentsOf: [m, n])
        let sharedRHS = right.rank == 2
        if !sharedRHS {
            precondition(Array(right.shape.dropLast(2)) == batchShape, "expected equal batch axes, got \(left.shape) × \(right.shape)")
        }
        let batch = batchShape.reduce(1, *)
        var result = [Float](repeating: 0, count: batch * m * n)
        left.scalars.withUnsafeBufferPointer { a in
            right.scalars.withUnsafeBufferPointer { b in
                result.withUnsafeMutableBufferPointer { c in
                    if sharedRHS {
                        gemm(m: batch * m, n: n, k: k, a: a.baseAddress!, b: b.baseAddress!, c: c.baseAddress!, accumulate: false)
                    } else {
                        for index in 0..<batch {
                            gemm(
                                m: m, n: n, k: k, a: a.baseAddress! + index * m * k, b: b.baseAddress! + index * k * n,
                                c: c.baseAddress! + index * m * n, accumulate: false)
                        }
                    }
                }
            }
        }
        return Tensor(shape: resultShape, scalars: result)
    }
}
