/// 2-D convolution by im2col and matrix multiply.
extension Variable {
    /// Cross-correlation of `input: [N, C, H, W]` with `weight: [O, C, kh, kw]` plus `bias: [O]`,
    /// giving `[N, O, H', W']` with `H' = (H + 2p - kh)/s + 1`, like `torch.nn.functional.conv2d`.
    ///
    /// Each image is unfolded into a column matrix `X` (`[C·kh·kw, H'·W']`, small enough to stay
    /// in cache) and multiplied straight into its output, `Yₙ = W·Xₙ + b`; backward unfolds it
    /// again for two more products, `∂W = Σₙ ∂Yₙ·Xₙᵀ` and `∂Xₙ = Wᵀ·∂Yₙ` (folded back with
    /// col2im), and `∂b = Σ ∂Y`.
    /// - Precondition: ranks and channel counts agree and the kernel fits the padded input.
    public static func conv2d(_ input: Variable, weight: Variable, bias: Variable?, stride: Int = 1, padding: Int = 0) -> Variable {
        conv2d(input, weight: weight, bias: bias, stride: stride, padding: padding, scratch: nil)
    }

    /// ``conv2d(_:weight:bias:stride:padding:)`` drawing its column, output and gradient buffers from `scratch`.
    static func conv2d(_ input: Variable, weight: Variable, bias: Variable?, stride: Int, padding: Int, scratch: ScratchBuffers?) -> Variable {
        let x = input.value
        let w = weight.value
        precondition(x.rank == 4 && w.rank == 4 && x.shape[1] == w.shape[1], "expected input [N, C, H, W] with C matching weight \(w.shape), got \(x.shape)")
        let geometry = ConvolutionGeometry(
            channels: x.shape[1], height: x.shape[2], width: x.shape[3],
            kernelHeight: w.shape[2], kernelWidth: w.shape[3], stride: stride, padding: padding)
        precondition(geometry.outputHeight > 0 && geometry.outputWidth > 0, "expected the kernel \(w.shape) to fit input \(x.shape) with padding \(padding)")
        if let bias { precondition(bias.shape == [w.shape[0]], "expected bias [\(w.shape[0])], got \(bias.shape)") }
        let batch = x.shape[0]
        let outChannels = w.shape[0]
        let patch = geometry.patchSize
        let positions = geometry.positions
        let imageSize = geometry.channels * geometry.height * geometry.width
        let outputSize = outChannels * positions
        var columns = scratch?.take(patch * positions) ?? [Float](repeating: 0, count: patch * positions)
        var output = scratch?.take(batch * outputSize) ?? [Float](repeating: 0, count: batch * outputSize)
        let biasValues = bias?.value.scalars
        x.scalars.withUnsafeBufferPointer { image in
            w.scalars.withUnsafeBufferPointer { kernel in
                columns.withUnsafeMutableBufferPointer { cols in
                    output.withUnsafeMutableBufferPointer { out in
                        for n in 0..<batch {
                            let target = out.baseAddress! + n * outputSize
                            geometry.im2col(image.baseAddress! + n * imageSize, into: cols.baseAddress!, rowStride: positions)
                            gemm(m: outChannels, n: positions, k: patch, a: kernel.baseAddress!, b: cols.baseAddress!, c: target, accumulate: false)
                            guard let biasValues else { continue }
                            for channel in 0..<outChannels {
                                let row = target + channel * positions
                                let shift = biasValues[channel]
                                for position in 0..<positions { row[position] += shift }
                            }
                        }
                    }
                }
            }
        }
        scratch?.give(columns)
        let result = Tensor(shape: [batch, outChannels, geometry.outputHeight, geometry.outputWidth], scalars: output)
        scratch?.give(output)
        var parents = [input, weight]
        if let bias { parents.append(bias) }
        return Variable(result, parents: parents) { gradient in
            let needsInputGradient = input.requiresGradient
            var weightGradient = [Float](repeating: 0, count: w.count)
            // An input that needs no gradient (the observations) gets an unused placeholder.
            var inputGradient = needsInputGradient ? scratch?.take(x.count) ?? [Float](repeating: 0, count: x.count) : []
            inputGradient.withUnsafeMutableBufferPointer { $0.initialize(repeating: 0) }
            var columns = scratch?.take(patch * positions) ?? [Float](repeating: 0, count: patch * positions)
            let columnCount = needsInputGradient ? patch * positions : 0
            var columnGradient = scratch?.take(columnCount) ?? [Float](repeating: 0, count: columnCount)
            x.scalars.withUnsafeBufferPointer { image in
                w.scalars.withUnsafeBufferPointer { kernel in
                    gradient.scalars.withUnsafeBufferPointer { outputGradient in
                        columns.withUnsafeMutableBufferPointer { cols in
                            weightGradient.withUnsafeMutableBufferPointer { dw in
                                for n in 0..<batch {
                                    let g = outputGradient.baseAddress! + n * outputSize
                                    geometry.im2col(image.baseAddress! + n * imageSize, into: cols.baseAddress!, rowStride: positions)
                                    gemm(m: outChannels, n: patch, k: positions, a: g, b: cols.baseAddress!, transposingB: true, c: dw.baseAddress!, accumulate: n > 0)
                                }
                            }
                        }
                        guard needsInputGradient else { return }
                        columnGradient.withUnsafeMutableBufferPointer { dcols in
                            inputGradient.withUnsafeMutableBufferPointer { dx in
                                for n in 0..<batch {
                                    let g = outputGradient.baseAddress! + n * outputSize
                                    gemm(m: patch, n: positions, k: outChannels, a: kernel.baseAddress!, transposingA: true, b: g, c: dcols.baseAddress!, accumulate: false)
                                    geometry.col2im(dcols.baseAddress!, rowStride: positions, addingInto: dx.baseAddress! + n * imageSize)
                                }
                            }
                        }
                    }
                }
            }
            let inputShape = needsInputGradient ? x.shape : [0]
            var gradients = [Tensor(shape: inputShape, scalars: inputGradient), Tensor(shape: w.shape, scalars: weightGradient)]
            if bias != nil {
                let sums = gradient.scalars.withUnsafeBufferPointer { values in
                    (0..<outChannels).map { channel in
                        var total: Float = 0
                        for n in 0..<batch { total += lanewiseSum(values.baseAddress! + n * outputSize + channel * positions, count: positions) }
                        return total
                    }
                }
                gradients.append(Tensor(shape: [outChannels], scalars: sums))
            }
            scratch?.give(columns)
            scratch?.give(columnGradient)
            scratch?.give(inputGradient)
            return gradients
        }
    }
}

/// The sum of `count` floats in a fixed order that vectorises: sixteen running lanes over the
/// body, folded in SIMD order, then the tail.
func lanewiseSum(_ values: UnsafePointer<Float>, count: Int) -> Float {
    var lanes = SIMD16<Float>()
    var index = 0
    while index + 16 <= count {
        lanes += UnsafeRawPointer(values + index).loadUnaligned(as: SIMD16<Float>.self)
        index += 16
    }
    var total = lanes.sum()
    while index < count {
        total += values[index]
        index += 1
    }
    return total
}
