import Dojo
import Foundation
import NeuralCore

/// The NeuralCore workloads of `dojo bench --suite neural`, matching Benchmarks/torch_neural.py
/// case for case: SGEMM, a full DQN update, batch-1 forward latency, and a small conv net.
enum NeuralBenchmarks {
    /// One measured case: its name and its figure (GFLOP/s for SGEMM, milliseconds otherwise).
    struct Result {
        let name: String
        let value: Double
        let unit: String
    }

    static func all(filter: String?) -> [Result] {
        var results: [Result] = []
        func wanted(_ name: String) -> Bool { filter.map(name.contains) ?? true }
        var generator = SeededGenerator(seed: 1)
        for size in [64, 256, 512, 1024] {
            let a = Tensor.normal([size, size], using: &generator), b = Tensor.normal([size, size], using: &generator)
            let repeats = max(3, 200_000_000 / (size * size * size))
            for threads in [1, ProcessInfo.processInfo.activeProcessorCount] where wanted("sgemm/\(size)/threads-\(threads)") {
                let seconds = timed(repeats) { _ = Tensor.matmul(a, b, threadCount: threads) }
                results.append(Result(name: "sgemm/\(size)/threads-\(threads)", value: 2 * Double(size * size * size) / seconds / 1e9, unit: "GFLOP/s"))
            }
        }
        for hidden in [256, 64] {
            let online = perceptron([4, hidden, hidden, 2], using: &generator)
            let target = perceptron([4, hidden, hidden, 2], using: &generator)
            if wanted("dqn-update/4-\(hidden)-\(hidden)-2") {
                let optimizer = Adam(learningRate: 1e-4)
                let seconds = timed(300) { dqnUpdate(online: online, target: target, optimizer: optimizer, using: &generator) }
                results.append(Result(name: "dqn-update/4-\(hidden)-\(hidden)-2", value: seconds * 1e3, unit: "ms"))
            }
            if wanted("forward-batch-1/4-\(hidden)-\(hidden)-2") {
                let single = Tensor.normal([1, 4], using: &generator)
                let seconds = timed(20_000) { _ = online(single) }
                results.append(Result(name: "forward-batch-1/4-\(hidden)-\(hidden)-2", value: seconds * 1e3, unit: "ms"))
            }
        }
        if wanted("conv-forward-backward") {
            let conv = Sequential([
                Conv2D(inChannels: 3, outChannels: 16, kernelSize: 3, using: &generator), ReLU(),
                Conv2D(inChannels: 16, outChannels: 32, kernelSize: 3, using: &generator), ReLU(), Flatten(),
                Linear(inputSize: 32 * 12 * 12, outputSize: 4, using: &generator),
            ])
            let images = Variable(Tensor.normal([32, 3, 16, 16], using: &generator))
            let seconds = timed(50) { _ = conv.valueAndGradient { $0(images).squared().mean() } }
            results.append(Result(name: "conv-forward-backward/batch-32", value: seconds * 1e3, unit: "ms"))
        }
        return results
    }

    private static let batch = 64

    /// One DQN update as CleanRL's: target network's max over next states, the online
    /// network's Q of the taken actions, Huber loss, backward, and an Adam step.
    private static func dqnUpdate(online: Sequential, target: Sequential, optimizer: Adam, using generator: inout SeededGenerator) {
        let observations = Tensor.normal([batch, 4], using: &generator)
        let nextObservations = Tensor.normal([batch, 4], using: &generator)
        let rewards = Tensor.normal([batch], using: &generator)
        let actions = (0..<batch).map { $0 % 2 }
        let nextQ = target(nextObservations).max(alongAxis: 1)
        let targets = Variable(rewards + nextQ * 0.99)
        _ = online.valueAndGradient { huberLoss($0(Variable(observations)).gathering(actions), targets) }
        optimizer.step(online.parameters)
    }

    private static func perceptron(_ sizes: [Int], using generator: inout SeededGenerator) -> Sequential {
        var layers: [any Layer] = []
        for index in 0..<(sizes.count - 1) {
            layers.append(Linear(inputSize: sizes[index], outputSize: sizes[index + 1], using: &generator))
            if index < sizes.count - 2 { layers.append(ReLU()) }
        }
        return Sequential(layers)
    }

    /// Mean seconds per run of `body` over `repeats` runs, after one warm-up run.
    private static func timed(_ repeats: Int, _ body: () -> Void) -> Double {
        body()
        let start = ContinuousClock.now
        for _ in 0..<repeats { body() }
        let elapsed = start.duration(to: .now)
        return (Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) * 1e-18) / Double(repeats)
    }
}
