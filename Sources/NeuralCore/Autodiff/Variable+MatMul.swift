/// Matrix products of variables.
extension Variable {
    /// Batched matrix product `lhs · rhs` (``Tensor/matmul(_:_:transposingLHS:transposingRHS:threadCount:)``).
    ///
    /// Backward: `∂lhs = ∂y · rhsᵀ`, `∂rhs = lhsᵀ · ∂y` (summed over the batch when `rhs` is shared).
    public static func matmul(_ lhs: Variable, _ rhs: Variable) -> Variable {
        let shape = MatrixProductShape(lhs.value.extents, rhs.value.extents, transposingLHS: false, transposingRHS: false)
        let node = recording(.matmul, lhs, rhs, shape: shape.output)
        node.writeValue { c in
            lhs.value.withPointer { a in
                rhs.value.withPointer { b in matrixProduct(a, b, into: c, shape, transposingLHS: false, transposingRHS: false) }
            }
        }
        return node
    }

    static func backwardMatmul(_ node: Variable) {
        let (left, right) = (node.parents[0].value, node.parents[1].value)
        let gradient = node.upstream
        let outShape = gradient.extents
        node.send(to: 0) { out in
            let shape = MatrixProductShape(outShape, right.extents, transposingLHS: false, transposingRHS: true)
            gradient.withPointer { g in right.withPointer { b in matrixProduct(g, b, into: out, shape, transposingLHS: false, transposingRHS: true) } }
        }
        node.send(to: 1) { out in
            left.withPointer { a in
                gradient.withPointer { g in
                    if right.rank == 2 {
                        let k = left.shape[left.rank - 1], n = right.shape[1]
                        let shape = MatrixProductShape(.matrix(left.count / k, k), .matrix(gradient.count / n, n), transposingLHS: true, transposingRHS: false)
                        matrixProduct(a, g, into: out, shape, transposingLHS: true, transposingRHS: false)
                    } else {
                        let shape = MatrixProductShape(left.extents, outShape, transposingLHS: true, transposingRHS: false)
                        matrixProduct(a, g, into: out, shape, transposingLHS: true, transposingRHS: false)
                    }
                }
            }
        }
    }
}
