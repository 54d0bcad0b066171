/// 2-D convolution by im2col and matrix multiply.
extension Variable {
    /// Cross-correlation of `input: [N, C, H, W]` with `weight: [O, C, kh, kw]` plus `bias: [O]`,
    /// giving `[N, O, H', W']` with `H' = (H + 2p - kh)/s + 1`, like `torch.nn.functional.conv2d`.
    ///
    /// Each image is unfolded into columns `X` (`[C·kh·kw, H'·W']`) so that `Y = W·X + b`;
    /// backward: `∂W = Σₙ ∂Y·Xᵀ`, `∂X = Wᵀ·∂Y` folded back with col2im, `∂b = Σ ∂Y`.
    /// - Precondition: ranks and channel counts agree and the kernel fits the padded input.
    public static func conv2d(_ input: Variable, weight: Variable, bias: Variable?, stride: Int = 1, padding: Int = 0) -> Variable {
        let x = input.value
        let w = weight.value
        precondition(x.rank == 4 && w.rank == 4 && x.shape[1] == w.shape[1], "expected input [N, \(w.shape.count > 1 ? w.shape[1] : 0), H, W] for weight \(w.shape), got \(x.shape)")
        let geometry = ConvolutionGeometry(
            channels: x.shape[1], height: x.shape[2], width: x.shape[3],
            kernelHeight: w.shape[2], kernelWidth: w.shape[3], stride: stride, padding: padding)
        precondition(geometry.outputHeight > 0 && geometry.outputWidth > 0, "expected the kernel \(w.shape) to fit input \(x.shape) with padding \(padding)")
        let batch = x.shape[0]
        let outChannels = w.shape[0]
        let patch = geometry.patchSize
        let positions = geometry.positions
        let imageSize = geometry.channels * geometry.height * geometry.width
        var columns = [Float](repeating: 0, count: batch * patch * positions)
        var output = [Float](repeating: 0, count: batch * outChannels * positions)
        x.scalars.withUnsafeBufferPointer { image in
            w.scalars.withUnsafeBufferPointer { kernel in
                columns.withUnsafeMutableBufferPointer { cols in
                    output.withUnsafeMutableBufferPointer { out in
                        for n in 0..<batch {
                            let col = cols.baseAddress! + n * patch * positions
                            geometry.im2col(image.baseAddress! + n * imageSize, into: col)
                            gemm(m: outChannels, n: positions, k: patch, a: kernel.baseAddress!, b: col,
                                 c: out.baseAddress! + n * outChannels * positions, accumulate: false)
                        }
                    }
                }
            }
        }
        var result = Tensor(shape: [batch, outChannels, geometry.outputHeight, geometry.outputWidth], scalars: output)
        if let bias {
            precondition(bias.shape == [outChannels], "expected bias [\(outChannels)], got \(bias.shape)")
            result = result + bias.value.reshaped(to: [outChannels, 1, 1])
        }
        let unfolded = Tensor(shape: [batch, patch, positions], scalars: columns)
        var parents = [input, weight]
        if let bias { parents.append(bias) }
        return Variable(result, parents: parents) { gradient in
            let perImage = gradient.reshaped(to: [batch, outChannels, positions])
            let weightGradient = Tensor.matmul(perImage, unfolded, transposingRHS: true).sum(alongAxes: [0]).reshaped(to: w.shape)
            let columnGradient = Tensor.matmul(w.reshaped(to: [outChannels, patch]).broadcastBatch(batch), perImage, transposingLHS: true)
            var inputGradient = [Float](repeating: 0, count: x.count)
            columnGradient.scalars.withUnsafeBufferPointer { cols in
                inputGradient.withUnsafeMutableBufferPointer { image in
                    for n in 0..<batch {
                        geometry.col2im(cols.baseAddress! + n * patch * positions, addingInto: image.baseAddress! + n * imageSize)
                    }
                }
            }
            var gradients = [Tensor(shape: x.shape, scalars: inputGradient), weightGradient]
            if bias != nil { gradients.append(gradient.sum(alongAxes: [0, 2, 3])) }
            return gradients
        }
    }
}

extension Tensor {
    /// Repeats a matrix along a new leading batch axis.
    func broadcastBatch(_ batch: Int) -> Tensor {
        reshaped(to: [1] + shape).broadcast(to: [batch] + shape)
    }
}
