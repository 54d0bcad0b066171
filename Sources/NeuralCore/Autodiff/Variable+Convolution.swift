/// 2-D convolution of variables (``ConvolutionPlan`` does the unfolding and products).
extension Variable {
    /// Cross-correlation of `input: [N, C, H, W]` with `weight: [O, C, kH, kW]`, plus `bias: [O]`,
    /// as PyTorch's `conv2d`.
    ///
    /// Backward: `∂W = Σₙ ∂Yₙ·im2col(Xₙ)ᵀ` (summed per chunk of images, then in chunk order),
    /// `∂X = col2im(Wᵀ·∂Y)`, `∂b = Σ ∂Y` over images and positions.
    /// - Precondition: `input` and `weight` have rank 4 with matching channels, the kernel fits
    ///   the padded input, and `bias` has `O` elements.
    public static func conv2d(_ input: Variable, weight: Variable, bias: Variable?, stride: Int = 1, padding: Int = 0) -> Variable {
        let (x, w) = (input.value, weight.value)
        precondition(x.rank == 4 && w.rank == 4 && x.shape[1] == w.shape[1], "expected input [N, C, H, W] with C matching weight \(w.shape), got \(x.shape)")
        let geometry = ConvolutionGeometry(
            channels: x.shape[1], height: x.shape[2], width: x.shape[3],
            kernelHeight: w.shape[2], kernelWidth: w.shape[3], stride: stride, padding: padding)
        precondition(geometry.outputHeight > 0 && geometry.outputWidth > 0, "expected the kernel \(w.shape) to fit input \(x.shape) with padding \(padding)")
        if let bias { precondition(bias.shape == [w.shape[0]], "expected bias [\(w.shape[0])], got \(bias.shape)") }
        let plan = ConvolutionPlan(geometry: geometry, batch: x.shape[0], outChannels: w.shape[0])
        var shape = Extents(ones: 4)
        shape[0] = plan.batch
        shape[1] = plan.outChannels
        shape[2] = geometry.outputHeight
        shape[3] = geometry.outputWidth
        let node = recording(.conv2d(plan), input, weight, bias, shape: shape)
        node.saved.prepareScalars(plan.savedColumnCount)
        node.saved.scalars.withUnsafeMutableBufferPointer { columns in
            node.writeValue { out in
                withScratch(node.tape, plan.productScratchCount) { products in
                    x.withPointer { image in
                        w.withPointer { kernel in
                            if let bias {
                                bias.value.withPointer {
                                    plan.forward(image: image, kernel: kernel, bias: $0, columns: columns.baseAddress!, products: products, output: out)
                                }
                            } else {
                                plan.forward(image: image, kernel: kernel, bias: nil, columns: columns.baseAddress!, products: products, output: out)
                            }
                        }
                    }
                }
            }
        }
        return node
    }

    static func backwardConv2d(_ node: Variable, _ plan: ConvolutionPlan) {
        let (input, x, w) = (node.parents[0], node.parents[0].value, node.parents[1].value)
        let gradient = node.upstream
        let tape = node.tape
        withScratch(tape, plan.chunks * w.count) { partials in
            withScratch(tape, plan.columnScratchCount) { columnGradients in
                withScratch(tape, plan.productScratchCount) { products in
                    node.saved.scalars.withUnsafeBufferPointer { columns in
                        w.withPointer { kernel in
                            gradient.withPointer { g in
                                func run(_ inputGradient: UnsafeMutablePointer<Float>?) {
                                    plan.backward(
                                        kernel: kernel, outputGradient: g, columns: columns.baseAddress!, columnGradients: columnGradients,
                                        products: products, weightPartials: partials, inputGradient: inputGradient)
                                }
                                if input.requiresGradient {
                                    node.send(to: 0) { dx in
                                        dx.update(repeating: 0, count: x.count)
                                        run(dx)
                                    }
                                } else {
                                    run(nil)
                                }
                            }
                        }
                    }
                }
            }
            // The chunks' weight gradients, added in chunk order.
            node.send(to: 1) { dw in
                dw.update(repeating: 0, count: w.count)
                for chunk in 0..<plan.chunks {
                    let partial = partials + chunk * w.count
                    for index in 0..<w.count { dw[index] += partial[index] }
                }
            }
        }
        guard node.parents.count == 3 else { return }
        node.send(to: 2) { db in
            gradient.withPointer { values in
                for channel in 0..<plan.outChannels {
                    var total: Float = 0
                    for n in 0..<plan.batch { total += lanewiseSum(values + n * plan.outputSize + channel * plan.positions, count: plan.positions) }
                    db[channel] = total
                }
            }
        }
    }
}

/// The sum of `count` values in 16 lanes, then the lanes and the tail (the order of the bias
/// gradient's sums).
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
