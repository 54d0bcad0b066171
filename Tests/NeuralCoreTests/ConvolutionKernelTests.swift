import NeuralCore
import Testing

/// im2col and col2im (through a convolution's output and input gradient) against a direct
/// loop, for images narrower than, as wide as, and wider than one 16-float register row.
struct ConvolutionKernelTests {
    @Test(arguments: [5, 14, 16, 21])
    func matchesDirectConvolution(width: Int) {
        var generator = SplitMix64(seed: UInt64(width))
        let (channels, outChannels, height, kernel) = (3, 4, 7, 3)
        let input = Variable(Tensor.normal([2, channels, height, width], using: &generator), requiresGradient: true)
        let weight = Variable(Tensor.normal([outChannels, channels, kernel, kernel], using: &generator), requiresGradient: true)
        let output = Variable.conv2d(input, weight: weight, bias: nil)
        let (outHeight, outWidth) = (height - kernel + 1, width - kernel + 1)
        let upstream = Tensor.normal([2, outChannels, outHeight, outWidth], using: &generator)
        (output * Variable(upstream)).sum().backward()

        let x = input.value.scalars, w = weight.value.scalars, g = upstream.scalars
        var expectedOutput = [Float](repeating: 0, count: 2 * outChannels * outHeight * outWidth)
        var expectedGradient = [Float](repeating: 0, count: x.count)
        for n in 0..<2 {
            for o in 0..<outChannels {
                for oy in 0..<outHeight {
                    for ox in 0..<outWidth {
                        let outputIndex = ((n * outChannels + o) * outHeight + oy) * outWidth + ox
                        for c in 0..<channels {
                            for ky in 0..<kernel {
                                for kx in 0..<kernel {
                                    let inputIndex = ((n * channels + c) * height + oy + ky) * width + ox + kx
                                    let weightValue = w[((o * channels + c) * kernel + ky) * kernel + kx]
                                    expectedOutput[outputIndex] += x[inputIndex] * weightValue
                                    expectedGradient[inputIndex] += g[outputIndex] * weightValue
                                }
                            }
                        }
                    }
                }
            }
        }
        #expect(isApproximatelyEqual(output.value.scalars, expectedOutput, tolerance: 1e-4))
        #expect(isApproximatelyEqual(input.grad!.scalars, expectedGradient, tolerance: 1e-4))
    }
}
