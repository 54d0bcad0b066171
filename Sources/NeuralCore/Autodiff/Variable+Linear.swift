/// The affine map of a fully connected layer, fused into one node.
extension Variable {
    /// `y = x·Wᵀ + b` for `x: [n, in]`, `weight: [out, in]`, `bias: [out]`.
    ///
    /// Backward: `∂x = ∂y·W`, `∂W = ∂yᵀ·x`, `∂b = Σₙ ∂y`.
    /// - Precondition: `x.shape[1] == weight.shape[1]` and `bias.shape == [weight.shape[0]]`.
    public static func linear(_ input: Variable, weight: Variable, bias: Variable?) -> Variable {
        precondition(input.value.rank == 2 && input.shape[1] == weight.shape[1], "expected input [n, \(weight.shape[1])], got \(input.shape)")
        let x = input.value
        let w = weight.value
        var output = Tensor.matmul(x, w, transposingRHS: true)
        if let bias {
            precondition(bias.shape == [w.shape[0]], "expected bias [\(w.shape[0])], got \(bias.shape)")
            output.addRowVector(bias.value)
        }
        var parents = [input, weight]
        if let bias { parents.append(bias) }
        return Variable(output, parents: parents) { gradient in
            var gradients = [Tensor.matmul(gradient, w), Tensor.matmul(gradient, x, transposingLHS: true)]
            if bias != nil { gradients.append(gradient.sum(alongAxes: [0])) }
            return gradients
        }
    }
}

extension Tensor {
    /// Adds `vector` to every row of this `[..., n]` tensor in place (the bias of a linear layer).
    /// - Precondition: `vector` has `n` elements.
    mutating func addRowVector(_ vector: Tensor) {
        let width = vector.count
        precondition(shape.last == width, "expected a vector of \(shape.last ?? 0) elements, got \(vector.shape)")
        scalars.withUnsafeMutableBufferPointer { target in
            vector.scalars.withUnsafeBufferPointer { source in
                var start = 0
                while start < target.count {
                    for index in 0..<width { target[start + index] += source[index] }
                    start += width
                }
            }
        }
    }
}
