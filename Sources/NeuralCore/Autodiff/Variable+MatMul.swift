/// Matrix multiplication of variables.
extension Variable {
    /// The (batched) matrix product, as ``Tensor/matmul(_:_:transposingLHS:transposingRHS:)``.
    ///
    /// For `C = A·B`: `∂A = ∂C·Bᵀ` and `∂B = Aᵀ·∂C`; when `B` is a shared `[k, n]`
    /// matrix under batched `A`, its gradient sums over the batch.
    public static func matmul(_ lhs: Variable, _ rhs: Variable) -> Variable {
        let left = lhs.value
        let right = rhs.value
        return Variable(Tensor.matmul(left, right), parents: [lhs, rhs]) { gradient in
            let leftGradient = Tensor.matmul(gradient, right, transposingRHS: true)
            let rightGradient: Tensor
            if right.rank == 2 {
                let k = left.shape[left.rank - 1]
                let n = right.shape[1]
                rightGradient = Tensor.matmul(left.reshaped(to: [-1, k]), gradient.reshaped(to: [-1, n]), transposingLHS: true)
            } else {
                rightGradient = Tensor.matmul(left, gradient, transposingLHS: true)
            }
            return [leftGradient, rightGradient]
        }
    }
}
