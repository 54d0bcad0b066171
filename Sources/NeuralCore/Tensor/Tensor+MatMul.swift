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
        precondition(lhs.rank >= 2 && rhs.rank >= 2, "expected matrices of rank >= 2, got \(lhs.shape) and \(rhs.shape)")
        let lhsRows = lhs.shape[lhs.rank - 2]
        let lhsColumns = lhs.shape[lhs.rank - 1]
        let rhsRows = rhs.shape[rhs.rank - 2]
        let rhsColumns = rhs.shape[rhs.rank - 1]
        let (m, k) = transposingLHS ? (lhsColumns, lhsRows) : (lhsRows, lhsColumns)
        let (rhsK, n) = transposingRHS ? (rhsColumns, rhsRows) : (rhsRows, rhsColumns)
        precondition(rhsK == k, "expected inner extents to agree, got \(lhs.shape) × \(rhs.shape) (transposed: \(transposingLHS), \(transposingRHS))")
        let batchShape = Array(lhs.shape.dropLast(2))
        let sharedRHS = rhs.rank == 2
        if !sharedRHS {
            precondition(Array(rhs.shape.dropLast(2)) == batchShape, "expected equal batch axes, got \(lhs.shape) × \(rhs.shape)")
        }
        let batch = batchShape.reduce(1, *)
        // Every element is written by the products below (or zeroed when k is 0).
        let result = [Float](unsafeUninitializedCapacity: batch * m * n) { c, initialized in
            initialized = batch * m * n
            lhs.scalars.withUnsafeBufferPointer { a in
                rhs.scalars.withUnsafeBufferPointer { b in
                    guard let a = a.baseAddress, let b = b.baseAddress, let c = c.baseAddress else {
                        c.initialize(repeating: 0)
                        return
                    }
                    if sharedRHS && !transposingLHS {
                        gemm(m: batch * m, n: n, k: k, a: a, b: b, transposingB: transposingRHS, c: c, accumulate: false, threadCount: threadCount)
                        return
                    }
                    for index in 0..<batch {
                        gemm(
                            m: m, n: n, k: k, a: a + index * m * k, transposingA: transposingLHS,
                            b: sharedRHS ? b : b + index * k * n, transposingB: transposingRHS,
                            c: c + index * m * n, accumulate: false, threadCount: threadCount)
                    }
                }
            }
        }
        return Tensor(shape: batchShape + [m, n], scalars: result)
    }

    /// The plain product `lhs·rhs` of two matrices, written into an array from `scratch` (which
    /// keeps it for the next call; see ``ScratchBuffers``).
    static func matmul(_ lhs: Tensor, _ rhs: Tensor, scratch: ScratchBuffers?) -> Tensor {
        guard let scratch, lhs.rank == 2, rhs.rank == 2, lhs.shape[1] == rhs.shape[0], lhs.count > 0, rhs.count > 0 else {
            return matmul(lhs, rhs)
        }
        let (m, k, n) = (lhs.shape[0], lhs.shape[1], rhs.shape[1])
        var result = scratch.take(m * n)
        lhs.scalars.withUnsafeBufferPointer { a in
            rhs.scalars.withUnsafeBufferPointer { b in
                result.withUnsafeMutableBufferPointer { c in
                    gemm(m: m, n: n, k: k, a: a.baseAddress!, b: b.baseAddress!, c: c.baseAddress!, accumulate: false)
                }
            }
        }
        scratch.give(result)
        return Tensor(shape: [m, n], scalars: result)
    }
}
