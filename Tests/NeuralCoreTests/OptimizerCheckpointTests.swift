import Foundation
import NeuralCore
import Testing

/// A run resumed from a checkpoint continues bit-identically to one that never stopped.
struct OptimizerCheckpointTests {
    /// Trains a small model `steps` steps with a linear schedule and gradient clipping,
    /// starting the schedule at `start`.
    static func train(_ model: Sequential, _ optimizer: some Optimizer, steps: Range<Int>, data: Tensor, targets: Tensor) {
        let schedule = LinearSchedule(initial: 0.05, final: 0.005, steps: 20)
        let parameters = model.parameters
        let tape = Tape()
        for step in steps {
            optimizer.learningRate = schedule(step)
            tape.valueAndGradient(at: parameters) { tape in meanSquaredError(model(tape.constant(data)), tape.constant(targets)) }
            clipGradients(of: parameters, maxNorm: 0.5)
            optimizer.step(parameters)
        }
    }

    @Test(arguments: ["adam", "adamw", "rmsprop", "sgd"])
    func resumedRunIsBitIdentical(kind: String) throws {
        func optimizer() -> any Optimizer {
            switch kind {
            case "adam": Adam(learningRate: 0.05, weightDecay: 0.01)
            case "adamw": AdamW(learningRate: 0.05)
            case "rmsprop": RMSProp(learningRate: 0.05)
            default: SGD(learningRate: 0.05, momentum: 0.9, isNesterov: true)
            }
        }
        var generator = SplitMix64(seed: 21)
        let data = Tensor.normal([16, 3], using: &generator), targets = Tensor.normal([16, 2], using: &generator)
        let continuous = TrainingFixture.perceptron([3, 8, 2], seed: 4)
        let continuousOptimizer = optimizer()
        Self.train(continuous, continuousOptimizer, steps: 0..<12, data: data, targets: targets)

        let interrupted = TrainingFixture.perceptron([3, 8, 2], seed: 4)
        let firstOptimizer = optimizer()
        Self.train(interrupted, firstOptimizer, steps: 0..<5, data: data, targets: targets)
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("resume-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let progress = TrainingProgress(step: 5, scheduleStep: 5, learningRate: firstOptimizer.learningRate, gradientClipNorm: 0.5)
        try interrupted.save(to: directory.appendingPathComponent("model.safetensors"))
        try firstOptimizer.checkpoint(of: interrupted.namedParameters, progress: progress).write(to: directory.appendingPathComponent("optimizer.safetensors"))

        let (loaded, _) = try loadModule(from: directory.appendingPathComponent("model.safetensors"))
        let resumed = try #require(loaded as? Sequential)
        let resumedOptimizer = optimizer()
        let restored = try resumedOptimizer.restore(from: SafeTensors(contentsOf: directory.appendingPathComponent("optimizer.safetensors")), parameters: resumed.namedParameters)
        #expect(restored == progress)
        Self.train(resumed, resumedOptimizer, steps: restored.scheduleStep..<12, data: data, targets: targets)
        #expect(resumed.parameters.map(\.value) == continuous.parameters.map(\.value))
    }

    @Test func anotherOptimizersCheckpointIsRefused() throws {
        let model = TrainingFixture.perceptron([3, 4, 2], seed: 1)
        let adam = Adam()
        Self.train(model, adam, steps: 0..<1, data: Tensor.ones([2, 3]), targets: Tensor.ones([2, 2]))
        let file = adam.checkpoint(of: model.namedParameters, progress: TrainingProgress(step: 1, scheduleStep: 1, learningRate: 1e-3))
        #expect(throws: SafeTensorsError.invalidHeader(reason: "optimizer checkpoint of Adam, expected RMSProp")) {
            _ = try RMSProp().restore(from: file, parameters: model.namedParameters)
        }
        let other = TrainingFixture.perceptron([3, 5, 2], seed: 1)
        #expect(throws: SafeTensorsError.self) { _ = try Adam().restore(from: file, parameters: other.namedParameters) }
    }
}
