/// The shapes of a (batched) matrix product `op(A)·op(B)`: `A` is `[..., rows, columns]`, `B`
/// is `[..., rows, columns]` with the same leading axes or rank 2 (shared by every batch).
struct MatrixProductShape {
    let m: Int, n: Int, k: Int
    let batch: Int
    let sharedRHS: Bool
    let output: Extents

    /// - Precondition: both operands have rank ≥ 2, inner extents agree, and batch axes match
    ///   unless `rhs` has rank 2.
    init(_ lhs: Extents, _ rhs: Extents, transposingLHS: Bool, transposingRHS: Bool) {
        precondition(lhs.rank >= 2 && rhs.rank >= 2, "expected matrices of rank >= 2, got \(lhs.array) and \(rhs.array)")
        let (lhsRows, lhsColumns) = (lhs[lhs.rank - 2], lhs[lhs.rank - 1])
        let (rhsRows, rhsColumns) = (rhs[rhs.rank - 2], rhs[rhs.rank - 1])
        (m, k) = transposingLHS ? (lhsColumns, lhsRows) : (lhsRows, lhsColumns)
        let (rhsK, columns) = transposingRHS ? (rhsColumns, rhsRows) : (rhsRows, rhsColumns)
        n = columns
        precondition(rhsK == k, "expected inner extents to agree, got \(lhs.array) × \(rhs.array) (transposed: \(transposingLHS), \(transposingRHS))")
        sharedRHS = rhs.rank == 2
        if !sharedRHS {
            var matches = rhs.rank == lhs.rank
            for axis in 0..<(lhs.rank - 2) where matches && lhs[axis] != rhs[axis] { matches = false }
            precondition(matches, "expected equal batch axes, got \(lhs.array) × \(rhs.array)")
        }
        batch = lhs.count(before: lhs.rank - 2)
        var output = lhs
        output[lhs.rank - 2] = m
        output[lhs.rank - 1] = n
        self.output = output
    }
}

/// `C = op(A)·op(B)` for every batch (each element of `C` written), through ``gemm``.
func matrixProduct(
    _ a: UnsafePointer<Float>, _ b: UnsafePointer<Float>, into c: UnsafeMutablePointer<Float>, _ shape: MatrixProductShape,
    transposingLHS: Bool, transposingRHS: Bool, threadCount: Int? = nil
) {
    let (m, n, k) = (shape.m, shape.n, shape.k)
    if shape.sharedRHS && !transposingLHS {
        gemm(m: shape.batch * m, n: n, k: k, a: a, b: b, transposingB: transposingRHS, c: c, accumulate: false, threadCount: threadCount)
        return
    }
    for index in 0..<shape.batch {
        gemm(
            m: m, n: n, k: k, a: a + index * m * k, transposingA: transposingLHS,
            b: shape.sharedRHS ? b : b + index * k * n, transposingB: transposingRHS,
            c: c + index * m * n, accumulate: false, threadCount: threadCount)
    }
}
