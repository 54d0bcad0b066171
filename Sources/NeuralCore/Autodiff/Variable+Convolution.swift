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
        let plan = ConvolutionPlan(geometry: geometry, batch: x.shape[0], outChannels: w.shape[0])
        let (batch, outChannels, outputSize) = (plan.batch, plan.outChannels, plan.outputSize)
        let columnCount = plan.chunks * plan.patch * plan.positions
        var columns = scratch?.take(columnCount) ?? [Float](repeating: 0, count: columnCount)
        var output = scratch?.take(batch * outputSize) ?? [Float](repeating: 0, count: batch * outputSize)
        x.scalars.withUnsafeBufferPointer { image in
            w.scalars.withUnsafeBufferPointer { kernel in
                columns.withUnsafeMutableBufferPointer { cols in
                    output.withUnsafeMutableBufferPointer { out in
                        guard let image = image.baseAddress, let kernel = kernel.baseAddress, let out = out.baseAddress else { return }
                        if let bias {
                            bias.value.scalars.withUnsafeBufferPointer { shift in
                                plan.forward(image: image, kernel: kernel, bias: shift.baseAddress, columns: cols.baseAddress!, output: out)
                            }
                        } else {
                            plan.forward(image: image, kernel: kernel, bias: nil, columns: cols.baseAddress!, output: out)
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
            var weightPartials = [Float](repeating: 0, count: plan.chunks * w.count)
            // An input that needs no gradient (the observations) gets an unused placeholder.
            var inputGradient = needsInputGradient ? scratch?.take(x.count) ?? [Float](repeating: 0, count: x.count) : []
            inputGradient.withUnsafeMutableBufferPointer { $0.initialize(repeating: 0) }
            var columns = scratch?.take(columnCount) ?? [Float](repeating: 0, count: columnCount)
            var columnGradients = scratch?.take(columnCount) ?? [Float](repeating: 0, count: columnCount)
            x.scalars.withUnsafeBufferPointer { image in
                w.scalars.withUnsafeBufferPointer { kernel in
                    gradient.scalars.withUnsafeBufferPointer { outputGradient in
                        columns.withUnsafeMutableBufferPointer { cols in
                            columnGradients.withUnsafeMutableBufferPointer { dcols in
                                weightPartials.withUnsafeMutableBufferPointer { dw in
                                    inputGradient.withUnsafeMutableBufferPointer { dx in
                                        guard let image = image.baseAddress, let kernel = kernel.baseAddress,
                                              let outputGradient = outputGradient.baseAddress else { return }
                                        plan.backward(
                                            image: image, kernel: kernel, outputGradient: outputGradient,
                                            columns: cols.baseAddress!, columnGradients: dcols.baseAddress!,
                                            weightPartials: dw.baseAddress!, inputGradient: needsInputGradient ? dx.baseAddress : nil)
                                    }
                                }
                            }
                        }
                    }
                }
            }
            // The chunks' weight gradients, added in chunk order.
            var weightGradient = [Float](repeating: 0, count: w.count)
            weightPartials.withUnsafeBufferPointer { partials in
                for chunk in 0..<plan.chunks {
                    for index in 0..<w.count { weightGradient[index] += partials[chunk * w.count + index] }
                }
            }
            let inputShape = needsInputGradient ? x.shape : [0]
            var gradients = [Tensor(shape: inputShape, scalars: inputGradient), Tensor(shape: w.shape, scalars: weightGradient)]
            if bias != nil {
                let sums = gradient.scalars.withUnsafeBufferPointer { values in
                    (0..<outChannels).map { channel in
                        var total: Float = 0
                        for n in 0..<batch { total += lanewiseSum(values.baseAddress! + n * outputSize + channel * plan.positions, count: plan.positions) }
                        return total
                    }
                }
                gradients.append(Tensor(shape: [outChannels], scalars: sums))
            }
            scratch?.give(columns)
            scratch?.give(columnGradients)
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
