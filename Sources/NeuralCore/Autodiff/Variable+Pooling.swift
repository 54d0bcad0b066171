/// 2-D max and average pooling over `[N, C, H, W]` inputs.
extension Variable {
    /// The maximum over each `kernel × kernel` window (zero padding is never chosen);
    /// the gradient flows to the first maximal element of each window.
    public func maxPool2d(kernel: Int, stride: Int? = nil, padding: Int = 0) -> Variable {
        pooled(kernel: kernel, stride: stride ?? kernel, padding: padding, isMax: true)
    }

    /// The mean over each `kernel × kernel` window, counting padded cells as zeros
    /// (PyTorch's `count_include_pad=True`); the gradient is spread evenly over the window.
    public func avgPool2d(kernel: Int, stride: Int? = nil, padding: Int = 0) -> Variable {
        pooled(kernel: kernel, stride: stride ?? kernel, padding: padding, isMax: false)
    }

    private func pooled(kernel: Int, stride: Int, padding: Int, isMax: Bool) -> Variable {
        let x = value
        precondition(x.rank == 4, "expected input [N, C, H, W], got \(x.shape)")
        precondition(padding >= 0 && padding <= kernel / 2, "expected padding in 0...\(kernel / 2), got \(padding)")
        let geometry = ConvolutionGeometry(
            channels: 1, height: x.shape[2], width: x.shape[3],
            kernelHeight: kernel, kernelWidth: kernel, stride: stride, padding: padding)
        precondition(geometry.outputHeight > 0 && geometry.outputWidth > 0, "expected a \(kernel)×\(kernel) window to fit input \(x.shape)")
        let planes = x.shape[0] * x.shape[1]
        let planeSize = geometry.height * geometry.width
        let positions = geometry.positions
        var output = [Float](repeating: isMax ? -Float.infinity : 0, count: planes * positions)
        var winners = [Int](repeating: -1, count: isMax ? planes * positions : 0)
        let scale = 1 / Float(kernel * kernel)
        for plane in 0..<planes {
            geometry.forEachTap { _, position, source in
                let target = plane * positions + position
                let candidate = x.scalars[plane * planeSize + source]
                if isMax {
                    if winners[target] < 0 || candidate > output[target] {
                        output[target] = candidate
                        winners[target] = plane * planeSize + source
                    }
                } else {
                    output[target] += candidate * scale
                }
            }
        }
        let shape = [x.shape[0], x.shape[1], geometry.outputHeight, geometry.outputWidth]
        return Variable(Tensor(shape: shape, scalars: output), parents: [self]) { gradient in
            var local = [Float](repeating: 0, count: x.count)
            if isMax {
                for (target, source) in winners.enumerated() { local[source] += gradient.scalars[target] }
            } else {
                for plane in 0..<planes {
                    geometry.forEachTap { _, position, source in
                        local[plane * planeSize + source] += gradient.scalars[plane * positions + position] * scale
                    }
                }
            }
            return [Tensor(shape: x.shape, scalars: local)]
        }
    }
}
