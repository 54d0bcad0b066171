/// 2-D convolution by im2col and matrix multiply.
extension Variable {
    /// Cross-correlation of `input: [N, C, H, W]` with `weight: [O, C, kh, kw]` plus `bias: [O]`,
    /// giving `[N, O, H', W']` with `H' = (H + 2p - kh)/s + 1`, like `torch.nn.functional.conv2d`.
    ///
    /// All images are unfolded side by side into one column matrix `X` (`[C·kh·kw, N·H'·W']`)
    /// so the whole batch is one product `Y = W·X + b`; backward is two more products,
    /// `∂W = ∂Y·Xᵀ` and `∂X = Wᵀ·∂Y` (folded back with col2im), and `∂b = Σ ∂Y`.
    /// - Precondition: ranks and channel counts agree and the kernel fits the padded input.
    public static func conv2d(_ input: Variable, weight: Variable, bias: Variable?, stride: Int = 1, padding: Int = 0) -> Variable {
        conv2d(input, weight: weight, bias: bias, stride: stride, padding: padding, scratch: nil)
    }

    /// ``conv2d(_:weight:bias:stride:padding:)`` drawing its column and product buffers from `scratch`.
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
        let wide = batch * positions
        let imageSize = geometry.channels * geometry.height * geometry.width
        var columns = scratch?.take(patch * wide) ?? [Float](repeating: 0, count: patch * wide)
        var product = scratch?.take(outChannels * wide) ?? [Float](repeating: 0, count: outChannels * wide)
        let biasValues = bias?.value.scalars ?? [Float](repeating: 0, count: outChannels)
        x.scalars.withUnsafeBufferPointer { image in
            columns.withUnsafeMutableBufferPointer { cols in
                for n in 0..<batch {
                    geometry.im2col(image.baseAddress! + n * imageSize, into: cols.baseAddress! + n * positions, rowStride: wide)
                }
                w.scalars.withUnsafeBufferPointer { kernel in
                    product.withUnsafeMutableBufferPointer { out in
                        gemm(m: outChannels, n: wide, k: patch, a: kernel.baseAddress!, b: cols.baseAddress!, c: out.baseAddress!, accumulate: false)
                    }
                }
            }
        }
        // [C_out, N·positions] from the product to [N, C_out, positions], adding the bias.
        var output = scratch?.take(batch * outChannels * positions) ?? [Float](repeating: 0, count: batch * outChannels * positions)
        output.withUnsafeMutableBufferPointer { target in
            product.withUnsafeBufferPointer { source in
                for n in 0..<batch {
                    for channel in 0..<outChannels {
                        let from = source.baseAddress! + channel * wide + n * positions
                        let to = target.baseAddress! + (n * outChannels + channel) * positions
                        let shift = biasValues[channel]
                        for position in 0..<positions { to[position] = from[position] + shift }
                    }
                }
            }
        }
        scratch?.give(product)
        let result = Tensor(shape: [batch, outChannels, geometry.outputHeight, geometry.outputWidth], scalars: output)
        scratch?.give(output)
        var parents = [input, weight]
        if let bias { parents.append(bias) }
        return Variable(result, parents: parents) { gradient in
            var byChannel = scratch?.take(outChannels * wide) ?? [Float](repeating: 0, count: outChannels * wide)
            byChannel.withUnsafeMutableBufferPointer { target in
                gradient.scalars.withUnsafeBufferPointer { source in
                    for n in 0..<batch {
                        for channel in 0..<outChannels {
                            let from = source.baseAddress! + (n * outChannels + channel) * positions
                            (target.baseAddress! + channel * wide + n * positions).update(from: from, count: positions)
                        }
                    }
                }
            }
            var weightGradient = [Float](repeating: 0, count: w.count)
            let needsInputGradient = input.requiresGradient
            // An input that needs no gradient (the observations) gets an unused placeholder.
            var inputGradient = needsInputGradient ? scratch?.take(x.count) ?? [Float](repeating: 0, count: x.count) : []
            inputGradient.withUnsafeMutableBufferPointer { $0.initialize(repeating: 0) }
            let columnCount = needsInputGradient ? patch * wide : 0
            var columnGradient = scratch?.take(columnCount) ?? [Float](repeating: 0, count: columnCount)
            byChannel.withUnsafeBufferPointer { g in
                columns.withUnsafeBufferPointer { cols in
                    weightGradient.withUnsafeMutableBufferPointer { dw in
                        gemm(m: outChannels, n: patch, k: wide, a: g.baseAddress!, b: cols.baseAddress!, transposingB: true, c: dw.baseAddress!, accumulate: false)
                    }
                }
                // The first layer's input (an observation) needs no gradient: skip ∂X and col2im.
                guard needsInputGradient else { return }
                w.scalars.withUnsafeBufferPointer { kernel in
                    columnGradient.withUnsafeMutableBufferPointer { dcols in
                        gemm(m: patch, n: wide, k: outChannels, a: kernel.baseAddress!, transposingA: true, b: g.baseAddress!, c: dcols.baseAddress!, accumulate: false)
                    }
                }
            }
            columnGradient.withUnsafeBufferPointer { dcols in
                inputGradient.withUnsafeMutableBufferPointer { image in
                    for n in 0..<batch where needsInputGradient {
                        geometry.col2im(dcols.baseAddress! + n * positions, rowStride: wide, addingInto: image.baseAddress! + n * imageSize)
                    }
                }
            }
            let inputShape = needsInputGradient ? x.shape : [0]
            var gradients = [Tensor(shape: inputShape, scalars: inputGradient), Tensor(shape: w.shape, scalars: weightGradient)]
            if bias != nil {
                let sums = byChannel.withUnsafeBufferPointer { rows in
                    (0..<outChannels).map { channel in lanewiseSum(rows.baseAddress! + channel * wide, count: wide) }
                }
                gradients.append(Tensor(shape: [outChannels], scalars: sums))
            }
            scratch?.give(byChannel)
            scratch?.give(inputGradient)
            scratch?.give(columnGradient)
            scratch?.give(columns)
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
