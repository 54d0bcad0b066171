/// Matrix multiplication, plain and batched.
extension Tensor {
    /// The matrix product of the last two axes, batched over the leading ones.
    ///
    /// `lhs` is `[..., m, k]` and `rhs` is `[k, n]` (shared by every batch) or
    /// `[..., k, n]` with the same leading axes as `lhs`; the result is `[..., m, n]`.
    /// Either operand may be read transposed (its last two axes swapped) without
    /// materialising the transpose.
    /// - Parameter threadCount: threads for large products; `nil` uses every core for products
    ///   of about 200³ multiply-adds or more. Results are identical for any thread count.
    /// - Precondition: ranks are at least 2 and the inner extents agree.
    /// - Complexity: O(batch·m·n·k).
    public static func matmul(
        _ lhs: Tensor, _ rhs: Tensor, transposingLHS: Bool = false, transposingRHS: Bool = false, threadCount: Int? = nil
    ) -> Tensor {
        let shape = MatrixProductShape(lhs.extents, rhs.extents, transposingLHS: transposingLHS, transposingRHS: transposingRHS)
        var result = Tensor(zeros: shape.output)
        guard lhs.count > 0, rhs.count > 0, result.count > 0 else { return result }
        result.scalars.withUnsafeMutableBufferPointer { c in
            lhs.withPointer { a in
                rhs.withPointer { b in
                    matrixProduct(a, b, into: c.baseAddress!, shape, transposingLHS: transposingLHS, transposingRHS: transposingRHS, threadCount: threadCount)
                }
            }
        }
        return result
    }
}
