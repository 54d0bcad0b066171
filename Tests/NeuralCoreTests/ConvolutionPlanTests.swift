import NeuralCore
import Testing

/// A convolution large enough to run its chunks of 8 images on every core must give exactly
/// what it gives when each chunk is computed on its own (small enough to run serially).
struct ConvolutionPlanTests {
    @Test func parallelChunksMatchSerialChunksBitForBit() {
        var generator = SplitMix64(seed: 5)
        let weight = Variable(Tensor.normal([32, 16, 3, 3], using: &generator), requiresGradient: true)
        let images = Tensor.normal([32, 16, 14, 14], using: &generator)
        let batched = Variable(images, requiresGradient: true)
        let output = Variable.conv2d(batched, weight: weight, bias: nil)
        output.squared().sum().backward()
        let batchedWeightGradient = weight.grad!

        var weightGradient = Tensor.zeros(weight.shape)
        for chunk in 0..<4 {
            let slice = Tensor(shape: [8, 16, 14, 14], scalars: Array(images.scalars[(chunk * 8 * 3136)..<((chunk + 1) * 8 * 3136)]))
            let part = Variable(slice, requiresGradient: true)
            weight.grad = nil
            let partOutput = Variable.conv2d(part, weight: weight, bias: nil)
            partOutput.squared().sum().backward()
            let outputCount = 8 * 32 * 144
            #expect(partOutput.value.scalars == Array(output.value.scalars[(chunk * outputCount)..<((chunk + 1) * outputCount)]))
            #expect(part.grad!.scalars == Array(batched.grad!.scalars[(chunk * 8 * 3136)..<((chunk + 1) * 8 * 3136)]))
            weightGradient += weight.grad!
        }
        #expect(weightGradient == batchedWeightGradient)
    }
}
