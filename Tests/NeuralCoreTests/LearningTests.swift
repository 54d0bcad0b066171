import NeuralCore
import Testing

/// Small networks learning with fixed seeds; each asserts the result.
struct LearningTests {
    @Test func xorWithTanhSigmoidMLPAndPlainSGD() {
        var generator = SplitMix64(seed: 42)
        let model = Sequential([
            Linear(inputSize: 2, outputSize: 8, using: &generator), Tanh(),
            Linear(inputSize: 8, outputSize: 1, using: &generator), Sigmoid(),
        ])
        let inputs = Variable(Tensor(shape: [4, 2], scalars: [0, 0, 0, 1, 1, 0, 1, 1]))
        let targets = Variable(Tensor(shape: [4, 1], scalars: [0, 1, 1, 0]))
        let optimizer = SGD(learningRate: 0.5)
        var loss = Float.infinity
        for _ in 0..<3000 {
            loss = model.valueAndGradient { meanSquaredError($0(inputs), targets) }.value
            optimizer.step(model.parameters)
        }
        #expect(loss < 0.01)
        let predictions = model(inputs.value).scalars.map { $0 > 0.5 ? 1 : 0 }
        #expect(predictions == [0, 1, 1, 0])
    }
}
