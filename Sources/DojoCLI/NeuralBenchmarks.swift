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

    /// Every case whose name contains `filter`, each the median of `repeats` timed samples.
    ///
    /// Work is split over ``availableProcessorCount`` threads, the cores this process may use:
    /// run under `taskset -c 0` for one thread, as Benchmarks/run_neural.sh does.
    static func all(filter: String?, repeats: Int) -> [Result] {
        var results: [Result] = []
        func wanted(_ name: String) -> Bool { filter.map(name.contains) ?? true }
        func median(_ runs: Int, _ body: () -> Void) -> Double {
            BenchmarkTiming.median(of: repeats) { BenchmarkTiming.secondsPerRun(runs, body) }
        }
        var generator = SeededGenerator(seed: 1)
        for size in [64, 256, 512, 1024] where wanted("sgemm/\(size)") {
            let a = Tensor.normal([size, size], using: &generator), b = Tensor.normal([size, size], using: &generator)
            let seconds = median(max(3, 100_000_000 / (size * size * size))) { _ = Tensor.matmul(a, b) }
            results.append(Result(name: "sgemm/\(size)", value: 2 * Double(size * size * size) / seconds / 1e9, unit: "GFLOP/s"))
        }
        for hidden in [256, 64] {
            let online = perceptron([4, hidden, hidden, 2], using: &generator)
            let target = perceptron([4, hidden, hidden, 2], using: &generator)
            if wanted("dqn-update/4-\(hidden)-\(hidden)-2") {
                let update = DQNUpdate(online: online, target: target, batchSize: batch)
                let seconds = median(100) { update.run(using: &generator) }
                results.append(Result(name: "dqn-update/4-\(hidden)-\(hidden)-2", value: seconds * 1e3, unit: "ms"))
            }
            if wanted("forward-batch-1/4-\(hidden)-\(hidden)-2") {
                let single = Tensor.normal([1, 4], using: &generator)
                let seconds = median(5_000) { _ = online(single) }
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
            let seconds = median(20) { _ = conv.valueAndGradient { $0(images).squared().mean() } }
            results.append(Result(name: "conv-forward-backward/batch-32", value: seconds * 1e3, unit: "ms"))
        }
        return results
    }

    private static let batch = 64

    private static func perceptron(_ sizes: [Int], using generator: inout SeededGenerator) -> Sequential {
        var layers: [any Layer] = []
        for index in 0..<(sizes.count - 1) {
            layers.append(Linear(inputSize: sizes[index], outputSize: sizes[index + 1], using: &generator))
            if index < sizes.count - 2 { layers.append(ReLU()) }
        }
        return Sequential(layers)
    }

}

/// One DQN update as CleanRL's, the `dqn-update` case of `dojo bench --suite neural`: a fresh
/// random batch, the target network's max over next states, the online network's Q of the
/// taken actions, Huber loss, backward, and an Adam step, all through NeuralCore's graph API
/// on a ``Tape``, so a steady-state update reuses every node and buffer.
final class DQNUpdate {
    let online: Sequential
    let target: Sequential
    let parameters: [Variable]
    let optimizer = Adam(learningRate: 1e-4)
    let tape = Tape()
    var observations: Tensor
    var nextObservations: Tensor
    var rewards: Tensor
    let actions: [Int]

    /// Trains `online` against `target` on batches of `batchSize` transitions of 4-feature observations.
    init(online: Sequential, target: Sequential, batchSize: Int) {
        self.online = online
        self.target = target
        parameters = online.parameters
        observations = Tensor.zeros([batchSize, 4])
        nextObservations = Tensor.zeros([batchSize, 4])
        rewards = Tensor.zeros([batchSize])
        actions = (0..<batchSize).map { $0 % 2 }
    }

    /// Draws a batch from `generator` and applies one update to the online network.
    /// - Returns: the Huber loss before the update.
    @discardableResult
    func run(using generator: inout SeededGenerator) -> Float {
        observations.fillNormal(using: &generator)
        nextObservations.fillNormal(using: &generator)
        rewards.fillNormal(using: &generator)
        let loss = tape.valueAndGradient(at: parameters) { tape in
            let targets = tape.constant(rewards) + target(tape.constant(nextObservations)).max(alongAxis: 1).detached() * 0.99
            return huberLoss(online(tape.constant(observations)).gathering(actions), targets)
        }
        optimizer.step(parameters)
        return loss
    }
}
