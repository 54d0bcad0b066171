/// Max and average pooling of `[N, C, H, W]` variables, as PyTorch's `max_pool2d` and
/// `avg_pool2d` (padding counted in the average).
extension Variable {
    /// The maximum of each `kernel`×`kernel` window; the gradient flows to the first maximal
    /// element of each window.
    public func maxPool2d(kernel: Int, stride: Int? = nil, padding: Int = 0) -> Variable {
        pooled(PoolPlan(input: value.extents, kernel: kernel, stride: stride ?? kernel, padding: padding, isMax: true))
    }

    /// The mean of each `kernel`×`kernel` window, padding included.
    public func avgPool2d(kernel: Int, stride: Int? = nil, padding: Int = 0) -> Variable {
        pooled(PoolPlan(input: value.extents, kernel: kernel, stride: stride ?? kernel, padding: padding, isMax: false))
    }

    private func pooled(_ plan: PoolPlan) -> Variable {
        let node = Variable.recording(.pool(plan), self, shape: plan.output)
        if plan.isMax { node.saved.prepareIndices(plan.output.count) }
        node.saved.indices.withUnsafeMutableBufferPointer { winners in
            node.writeValue { out in value.withPointer { plan.forward($0, into: out, winners: plan.isMax ? winners.baseAddress : nil) } }
        }
        return node
    }

    static func backwardPool(_ node: Variable, _ plan: PoolPlan) {
        let gradient = node.upstream
        node.send(to: 0) { out in
            out.update(repeating: 0, count: plan.input.count)
            gradient.withPointer { g in
                if plan.isMax {
                    for (target, source) in node.saved.indices.enumerated() { out[source] += g[target] }
                } else {
                    plan.averageBackward(g, into: out)
                }
            }
        }
    }
}

/// The windows of one pooling call over `[N, C, H, W]`.
struct PoolPlan {
    let input: Extents
    let geometry: ConvolutionGeometry
    let isMax: Bool

    /// - Precondition: rank-4 input, `0 ≤ padding ≤ kernel/2`, and the window fits.
    init(input: Extents, kernel: Int, stride: Int, padding: Int, isMax: Bool) {
        precondition(input.rank == 4, "expected input [N, C, H, W], got \(input.array)")
        precondition(padding >= 0 && padding <= kernel / 2, "expected padding in 0...\(kernel / 2), got \(padding)")
        geometry = ConvolutionGeometry(
            channels: 1, height: input[2], width: input[3], kernelHeight: kernel, kernelWidth: kernel, stride: stride, padding: padding)
        precondition(geometry.outputHeight > 0 && geometry.outputWidth > 0, "expected a \(kernel)×\(kernel) window to fit input \(input.array)")
        self.input = input
        self.isMax = isMax
    }

    var planes: Int { input[0] * input[1] }
    var output: Extents {
        var shape = input
        shape[2] = geometry.outputHeight
        shape[3] = geometry.outputWidth
        return shape
    }

    /// Pools `x` into `out`; a max pool writes each output's source index into `winners`.
    func forward(_ x: UnsafePointer<Float>, into out: UnsafeMutablePointer<Float>, winners: UnsafeMutablePointer<Int>?) {
        let (planeSize, positions) = (geometry.height * geometry.width, geometry.positions)
        let scale = 1 / Float(geometry.kernelHeight * geometry.kernelWidth)
        out.update(repeating: isMax ? -Float.infinity : 0, count: planes * positions)
        winners?.update(repeating: -1, count: planes * positions)
        for plane in 0..<planes {
            geometry.forEachTap { _, position, source in
                let target = plane * positions + position
                let candidate = x[plane * planeSize + source]
                if let winners {
                    if winners[target] < 0 || candidate > out[target] {
                        out[target] = candidate
                        winners[target] = plane * planeSize + source
                    }
                } else {
                    out[target] += candidate * scale
                }
            }
        }
    }

    /// Adds each window's share of `g` back to its inputs.
    func averageBackward(_ g: UnsafePointer<Float>, into out: UnsafeMutablePointer<Float>) {
        let (planeSize, positions) = (geometry.height * geometry.width, geometry.positions)
        let scale = 1 / Float(geometry.kernelHeight * geometry.kernelWidth)
        for plane in 0..<planes {
            geometry.forEachTap { _, position, source in
                out[plane * planeSize + source] += g[plane * positions + position] * scale
            }
        }
    }
}
