/// The affine map of a fully connected layer, fused into one node.
extension Variable {
    /// `y = x·Wᵀ + b` for `x: [n, in]`, `weight: [out, in]`, `bias: [out]`.
    ///
    /// Backward: `∂x = ∂y·W`, `∂W = ∂yᵀ·x`, `∂b = Σₙ ∂y`.
    /// - Precondition: `x.shape[1] == weight.shape[1]` and `bias.shape == [weight.shape[0]]`.
    public static func linear(_ input: Variable, weight: Variable, bias: Variable?) -> Variable {
        linear(input, weight: weight, bias: bias, scratch: nil)
    }

    /// ``linear(_:weight:bias:)`` with the input-gradient arrays taken from a layer's pool.
    static func linear(_ input: Variable, weight: Variable, bias: Variable?, scratch: ScratchBuffers?) -> Variable {
        precondition(input.value.rank == 2 && input.shape[1] == weight.shape[1], "expected input [n, \(weight.shape[1])], got \(input.shape)")
        let x = input.value
        let w = weight.value
        if let bias {
            precondition(bias.shape == [w.shape[0]], "expected bias [\(w.shape[0])], got \(bias.shape)")
        }
        let output = Tensor.affine(x, weight: w, bias: bias?.value)
        var parents = [input, weight]
        if let bias { parents.append(bias) }
        return Variable(output, parents: parents) { gradient in
            // An input that needs no gradient (the observations) gets an unused placeholder.
            let inputGradient = input.requiresGradient ? Tensor.matmul(gradient, w, scratch: scratch) : Tensor(shape: [0], scalars: [])
            var gradients = [inputGradient, Tensor.matmul(gradient, x, transposingLHS: true)]
            if bias != nil { gradients.append(gradient.columnSums()) }
            return gradients
        }
    }
}

extension Tensor {
    /// `x·Wᵀ + b` for a rank-2 `x: [n, in]` and `weight: [out, in]`: one product written straight
    /// into the result, then the bias added to each row (the shared forward of ``Linear``).
    /// - Complexity: O(n·in·out).
    static func affine(_ x: Tensor, weight: Tensor, bias: Tensor?) -> Tensor {
        let rows = x.shape[0]
        let inputSize = x.shape[1]
        let outputSize = weight.shape[0]
        let scalars = [Float](unsafeUninitializedCapacity: rows * outputSize) { output, initialized in
            initialized = rows * outputSize
            guard let c = output.baseAddress else { return }
            x.scalars.withUnsafeBufferPointer { a in
                weight.scalars.withUnsafeBufferPointer { b in
                    if let a = a.baseAddress, let b = b.baseAddress {
                        gemm(m: rows, n: outputSize, k: inputSize, a: a, b: b, transposingB: true, c: c, accumulate: false)
                    } else {
                        c.initialize(repeating: 0, count: rows * outputSize)
                    }
                }
            }
            bias?.scalars.withUnsafeBufferPointer { vector in
                guard let vector = vector.baseAddress else { return }
                addRowVector(vector, to: c, rows: rows, width: outputSize)
            }
        }
        return Tensor(shape: [rows, outputSize], scalars: scalars)
    }

    /// Adds `vector` to every row of this `[..., n]` tensor in place (the bias of a linear layer).
    /// - Precondition: `vector` has `n` elements.
    mutating func addRowVector(_ vector: Tensor) {
        let width = vector.count
        precondition(shape.last == width, "expected a vector of \(shape.last ?? 0) elements, got \(vector.shape)")
        let rows = width == 0 ? 0 : count / width
        scalars.withUnsafeMutableBufferPointer { target in
            vector.scalars.withUnsafeBufferPointer { source in
                guard let target = target.baseAddress, let source = source.baseAddress else { return }
                Tensor.addRowVector(source, to: target, rows: rows, width: width)
            }
        }
    }

    /// The sums over the rows of this `[n, width]` matrix (`sum(alongAxes: [0])`, same order of
    /// additions), without the general reduction's axis bookkeeping.
    /// - Complexity: O(n·width).
    func columnSums() -> Tensor {
        let width = shape[1]
        let rows = shape[0]
        let sums = [Float](unsafeUninitializedCapacity: width) { target, initialized in
            target.initialize(repeating: 0)
            initialized = width
            scalars.withUnsafeBufferPointer { source in
                guard let target = target.baseAddress, let source = source.baseAddress else { return }
                for row in 0..<rows {
                    let line = source + row * width
                    for column in 0..<width { target[column] += line[column] }
                }
            }
        }
        return Tensor(shape: [width], scalars: sums)
    }

    /// `target[i, j] += vector[j]` over a `rows × width` block.
    private static func addRowVector(_ vector: UnsafePointer<Float>, to target: UnsafeMutablePointer<Float>, rows: Int, width: Int) {
        for row in 0..<rows {
            let line = target + row * width
            for column in 0..<width { line[column] += vector[column] }
        }
    }
}
