/// The affine map of a fully connected layer, fused into one node.
extension Variable {
    /// `y = x·Wᵀ + b` for `x: [n, in]`, `weight: [out, in]`, `bias: [out]`.
    ///
    /// Backward: `∂x = ∂y·W`, `∂W = ∂yᵀ·x`, `∂b = Σₙ ∂y`.
    /// - Precondition: `x.shape[1] == weight.shape[1]` and `bias.shape == [weight.shape[0]]`.
    public static func linear(_ input: Variable, weight: Variable, bias: Variable?) -> Variable {
        precondition(input.value.rank == 2 && input.shape[1] == weight.shape[1], "expected input [n, \(weight.shape[1])], got \(input.shape)")
        if let bias {
            precondition(bias.shape == [weight.shape[0]], "expected bias [\(weight.shape[0])], got \(bias.shape)")
        }
        let node = recording(.linear, input, weight, bias, shape: .matrix(input.shape[0], weight.shape[0]))
        node.writeValue { out in affine(input.value, weight: weight.value, bias: bias?.value, into: out) }
        return node
    }

    static func backwardLinear(_ node: Variable) {
        let (x, w) = (node.parents[0].value, node.parents[1].value)
        let gradient = node.upstream
        let (rows, inputSize, outputSize) = (x.shape[0], x.shape[1], w.shape[0])
        // The weight's product first, so that a side thread computes it beside the input's
        // when it would start it sooner than this one (``SideThread/takes(productOf:)``).
        if rows > 0, let sideThread = node.tape?.sideThread, sideThread.takes(productOf: rows * inputSize * outputSize), let out = node.parents[1].claimPendingForSideThread() {
            gradient.withPointer { g in
                x.withPointer {
                    sideThread.submit(.init(m: outputSize, n: inputSize, k: rows, a: g, transposingA: true, b: $0, transposingB: false, c: out, accumulate: false))
                }
            }
        } else {
            node.send(to: 1) { out in
                gradient.withPointer { g in x.withPointer { gemm(m: outputSize, n: inputSize, k: rows, a: g, transposingA: true, b: $0, c: out, accumulate: false) } }
            }
        }
        node.send(to: 0) { out in
            gradient.withPointer { g in w.withPointer { gemm(m: rows, n: inputSize, k: outputSize, a: g, b: $0, c: out, accumulate: false) } }
        }
        if node.parents.count == 3 {
            node.send(to: 2) { out in gradient.withPointer { columnSums($0, rows: rows, width: outputSize, into: out) } }
        }
    }
}

/// `x·Wᵀ + b` for a rank-2 `x: [n, in]` and `weight: [out, in]`: one product written straight
/// into `out`, then the bias added to each row (the forward of ``Linear``, with and without graph).
/// - Complexity: O(n·in·out).
func affine(_ x: Tensor, weight: Tensor, bias: Tensor?, into out: UnsafeMutablePointer<Float>) {
    let (rows, inputSize, outputSize) = (x.shape[0], x.shape[1], weight.shape[0])
    if x.count > 0 && weight.count > 0 {
        x.withPointer { a in
            weight.withPointer { b in gemm(m: rows, n: outputSize, k: inputSize, a: a, b: b, transposingB: true, c: out, accumulate: false) }
        }
    } else {
        out.update(repeating: 0, count: rows * outputSize)
    }
    bias?.withPointer { vector in
        for row in 0..<rows {
            let line = out + row * outputSize
            for column in 0..<outputSize { line[column] += vector[column] }
        }
    }
}

/// The sums over the rows of a `rows × width` matrix, adding rows in order (the bias gradient).
func columnSums(_ matrix: UnsafePointer<Float>, rows: Int, width: Int, into out: UnsafeMutablePointer<Float>) {
    out.update(repeating: 0, count: width)
    for row in 0..<rows {
        let line = matrix + row * width
        for column in 0..<width { out[column] += line[column] }
    }
}

extension Tensor {
    /// ``affine(_:weight:bias:into:)`` into a new tensor.
    static func affine(_ x: Tensor, weight: Tensor, bias: Tensor?) -> Tensor {
        var output = Tensor(zeros: .matrix(x.shape[0], weight.shape[0]))
        output.scalars.withUnsafeMutableBufferPointer { out in
            guard let out = out.baseAddress else { return }
            NeuralCore.affine(x, weight: weight, bias: bias, into: out)
        }
        return output
    }
}
