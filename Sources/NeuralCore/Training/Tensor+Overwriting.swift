/// In-place counterparts of the kernels behind ``Linear`` and the activations, writing into a
/// tensor's existing storage (the buffers of ``PerceptronWorkspace``). Each runs the same
/// arithmetic in the same order as the allocating operation it mirrors, so results are
/// bit-identical to the graph's.
extension Tensor {
    /// Copies `source`'s elements into this tensor of the same element count.
    mutating func copyScalars(from source: Tensor) {
        precondition(count == source.count, "expected \(count) elements, got \(source.count)")
        scalars.withUnsafeMutableBufferPointer { target in
            source.scalars.withUnsafeBufferPointer { values in
                guard let target = target.baseAddress, let values = values.baseAddress else { return }
                target.update(from: values, count: source.count)
            }
        }
    }

    /// `self = x·Wᵀ + b` (``affine(_:weight:bias:)``) for `x: [n, in]`, `weight: [out, in]`, `self: [n, out]`.
    mutating func writeAffine(_ x: Tensor, weight: Tensor, bias: Tensor?) {
        let (rows, inputSize, outputSize) = (x.shape[0], x.shape[1], weight.shape[0])
        precondition(count == rows * outputSize, "expected \(rows * outputSize) output elements, got \(count)")
        writeProduct(x, weight, transposingRHS: true, m: rows, n: outputSize, k: inputSize)
        guard let bias else { return }
        scalars.withUnsafeMutableBufferPointer { target in
            bias.scalars.withUnsafeBufferPointer { vector in
                guard let target = target.baseAddress, let vector = vector.baseAddress else { return }
                for row in 0..<rows {
                    let line = target + row * outputSize
                    for column in 0..<outputSize { line[column] += vector[column] }
                }
            }
        }
    }

    /// `self = ∂yᵀ·x` (the weight gradient of ``Variable/linear(_:weight:bias:)``) for
    /// `∂y: [n, out]`, `x: [n, in]`, `self: [out, in]`.
    mutating func writeWeightGradient(_ gradient: Tensor, input x: Tensor) {
        writeProduct(gradient, x, transposingLHS: true, m: gradient.shape[1], n: x.shape[1], k: x.shape[0])
    }

    /// `self = ∂y·W` (the input gradient of a linear layer) for `∂y: [n, out]`, `W: [out, in]`.
    mutating func writeProduct(_ gradient: Tensor, _ weight: Tensor) {
        writeProduct(gradient, weight, m: gradient.shape[0], n: weight.shape[1], k: weight.shape[0])
    }

    /// `self = Σ rows of matrix` (``columnSums()``), each column summed in row order.
    mutating func writeColumnSums(of matrix: Tensor) {
        let (rows, width) = (matrix.shape[0], matrix.shape[1])
        precondition(count == width, "expected \(width) elements, got \(count)")
        scalars.withUnsafeMutableBufferPointer { target in
            target.update(repeating: 0)
            matrix.scalars.withUnsafeBufferPointer { source in
                guard let target = target.baseAddress, let source = source.baseAddress else { return }
                for row in 0..<rows {
                    let line = source + row * width
                    for column in 0..<width { target[column] += line[column] }
                }
            }
        }
    }

    /// `self = f(x)` element-wise for one of the workspace's activations.
    mutating func writeActivation(_ activation: PerceptronWorkspace.Activation, of x: Tensor) {
        switch activation {
        case .relu: writeElementwise(Elementwise.ReLU(), of: x)
        case .tanh: writeElementwise(Elementwise.Tanh(), of: x)
        case .sigmoid: writeElementwise(Elementwise.Sigmoid(), of: x)
        case .leakyReLU(let slope): writeElementwise(Elementwise.LeakyReLU(slope: slope), of: x)
        }
    }

    /// `self = ∂y·f'(x)` element-wise, given the activation's input `x` and output `y`.
    mutating func writeActivationGradient(_ activation: PerceptronWorkspace.Activation, upstream: Tensor, input: Tensor, output: Tensor) {
        switch activation {
        case .relu: writeDerivative(Elementwise.ReLU(), upstream: upstream, input: input, output: output)
        case .tanh: writeDerivative(Elementwise.Tanh(), upstream: upstream, input: input, output: output)
        case .sigmoid: writeDerivative(Elementwise.Sigmoid(), upstream: upstream, input: input, output: output)
        case .leakyReLU(let slope): writeDerivative(Elementwise.LeakyReLU(slope: slope), upstream: upstream, input: input, output: output)
        }
    }

    private mutating func writeElementwise<Function: ElementwiseFunction>(_ function: Function, of x: Tensor) {
        precondition(count == x.count, "expected \(count) elements, got \(x.count)")
        scalars.withUnsafeMutableBufferPointer { y in
            x.scalars.withUnsafeBufferPointer { x in
                for index in 0..<y.count { y[index] = function.value(x[index]) }
            }
        }
    }

    private mutating func writeDerivative<Function: ElementwiseFunction>(_ function: Function, upstream: Tensor, input: Tensor, output: Tensor) {
        precondition(count == upstream.count && count == input.count && count == output.count, "expected \(count) elements per operand")
        scalars.withUnsafeMutableBufferPointer { target in
            upstream.scalars.withUnsafeBufferPointer { g in
                input.scalars.withUnsafeBufferPointer { x in
                    output.scalars.withUnsafeBufferPointer { y in
                        for index in 0..<target.count { target[index] = g[index] * function.derivative(x[index], y[index]) }
                    }
                }
            }
        }
    }

    /// `self = op(lhs)·op(rhs)` through ``gemm(m:n:k:a:transposingA:b:transposingB:c:accumulate:threadCount:)``.
    private mutating func writeProduct(
        _ lhs: Tensor, _ rhs: Tensor, transposingLHS: Bool = false, transposingRHS: Bool = false, m: Int, n: Int, k: Int
    ) {
        precondition(count == m * n && lhs.count == m * k && rhs.count == k * n, "expected a \(m)×\(k) by \(k)×\(n) product into \(m * n) elements")
        scalars.withUnsafeMutableBufferPointer { c in
            lhs.scalars.withUnsafeBufferPointer { a in
                rhs.scalars.withUnsafeBufferPointer { b in
                    guard let c = c.baseAddress else { return }
                    guard let a = a.baseAddress, let b = b.baseAddress else {
                        c.update(repeating: 0, count: m * n)
                        return
                    }
                    gemm(m: m, n: n, k: k, a: a, transposingA: transposingLHS, b: b, transposingB: transposingRHS, c: c, accumulate: false)
                }
            }
        }
    }
}
