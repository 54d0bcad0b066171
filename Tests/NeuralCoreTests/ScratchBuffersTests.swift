import NeuralCore
import Testing

/// Layers that reuse their arrays between steps (``ReLU``, ``Linear``, ``Conv2D``) must never
/// change a tensor handed out earlier: a reused array that is still held is copied on write.
struct ScratchBuffersTests {
    @Test func heldOutputsAndGradientsSurviveTheNextStep() {
        var generator = SplitMix64(seed: 11)
        let model = Sequential([
            Conv2D(inChannels: 2, outChannels: 3, kernelSize: 3, using: &generator), ReLU(), Flatten(),
            Linear(inputSize: 3 * 4 * 4, outputSize: 2, using: &generator),
        ])
        let first = Variable(Tensor.normal([2, 2, 6, 6], using: &generator), requiresGradient: true)
        let second = Variable(Tensor.normal([2, 2, 6, 6], using: &generator), requiresGradient: true)

        let firstOutput = model(first)
        firstOutput.squared().sum().backward()
        let keptOutput = firstOutput.value
        let keptGradient = first.grad
        let keptWeightGradient = model.parameters[0].grad

        zeroGradients(of: model.parameters)
        let secondOutput = model(second)
        secondOutput.squared().sum().backward()

        #expect(firstOutput.value == keptOutput)
        #expect(model(first).value == keptOutput, "recomputing the first step gives the kept result")
        #expect(first.grad == keptGradient)
        #expect(secondOutput.value != keptOutput)

        zeroGradients(of: model.parameters + [first])
        model(first).squared().sum().backward()
        #expect(first.grad == keptGradient, "the same step gives bit-identical gradients with reused arrays")
        #expect(model.parameters[0].grad == keptWeightGradient)
    }
}
