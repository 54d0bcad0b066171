import Dispatch
import Foundation
import NeuralCore
import Testing

/// Inference from many threads through the `Sendable` wrapper matches the model's own answers.
struct SharedInferenceModelTests {
    @Test func manyThreadsGetTheModelsAnswers() {
        let model = TrainingFixture.perceptron([4, 16, 3], seed: 8)
        let shared = SharedInferenceModel(copying: model)
        var generator = SplitMix64(seed: 9)
        let inputs = (0..<32).map { _ in Tensor.normal([2, 4], using: &generator) }
        let expected = inputs.map { model($0) }
        let answers = Answers(count: inputs.count)
        DispatchQueue.concurrentPerform(iterations: inputs.count) { index in
            answers.set(index, shared(inputs[index]))
        }
        #expect(answers.values == expected)
    }

    /// The copy is deep: training the source changes nothing until `update(from:)`.
    @Test func updatesOnlyWhenAsked() {
        let model = TrainingFixture.perceptron([4, 3], seed: 2)
        let shared = SharedInferenceModel(copying: model)
        let input = Tensor.ones([1, 4])
        let before = shared(input)
        model.parameters[0].value = model.parameters[0].value * 2
        #expect(shared(input) == before)
        shared.update(from: model)
        #expect(shared(input) == model(input) && shared(input) != before)
    }
}

/// Results written by concurrent iterations, each to its own slot.
private final class Answers: @unchecked Sendable {
    private var slots: [Tensor?]
    private let lock = NSLock()

    init(count: Int) { slots = Array(repeating: nil, count: count) }

    func set(_ index: Int, _ value: Tensor) {
        lock.lock()
        slots[index] = value
        lock.unlock()
    }

    var values: [Tensor] { slots.map { $0! } }
}
