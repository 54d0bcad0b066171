import Dojo
import Foundation
import NeuralCore

/// The NeuralCore workloads of `dojo bench --suite neural`, matching Benchmarks/torch_neural.py
/// case for case: SGEMM, and training steps through the public graph API on a ``Tape`` (DQN,
/// PPO, a ConnectFour CNN, an LSTM), and batch-1 forward latency.
enum NeuralBenchmarks {
    /// One measured case: its name, its figure (GFLOP/s for SGEMM, milliseconds otherwise) and,
    /// when an allocation counter is loaded (Benchmarks/run_neural.sh preloads one), the heap
    /// allocations of one call in steady state.
    struct Result {
        let name: String
        let value: Double
        let unit: String
        let allocationsPerCall: Double?
    }

    /// Every case whose name contains `filter`, each the median of `repeats` timed samples.
    ///
    /// Work is split over ``availableProcessorCount`` threads, the cores this process may use:
    /// run under `taskset -c 0` for one thread, as Benchmarks/run_neural.sh does.
    static func all(filter: String?, repeats: Int) -> [Result] {
        var results: [Result] = []
        func wanted(_ name: String) -> Bool { filter.map(name.contains) ?? true }
        /// Times `body` (`runs` calls per sample) and counts its allocations over the same calls.
        func measure(_ name: String, runs: Int, unit: String = "ms", _ body: () -> Void) {
            let seconds = BenchmarkTiming.median(of: repeats) { BenchmarkTiming.secondsPerRun(runs, body) }
            let allocations = AllocationCounter.perCall(runs: runs, body)
            let value = unit == "ms" ? seconds * 1e3 : seconds
            results.append(Result(name: name, value: value, unit: unit, allocationsPerCall: allocations))
        }
        var generator = SeededGenerator(seed: 1)
        for size in [64, 256, 512, 1024] where wanted("sgemm/\(size)") {
            let a = Tensor.normal([size, size], using: &generator), b = Tensor.normal([size, size], using: &generator)
            let runs = max(3, 100_000_000 / (size * size * size))
            let seconds = BenchmarkTiming.median(of: repeats) { BenchmarkTiming.secondsPerRun(runs) { _ = Tensor.matmul(a, b) } }
            results.append(Result(name: "sgemm/\(size)", value: 2 * Double(size * size * size) / seconds / 1e9, unit: "GFLOP/s", allocationsPerCall: nil))
        }
        for hidden in [256, 64] where wanted("dqn-update/4-\(hidden)-\(hidden)-2") {
            let update = DQNUpdate(hidden: hidden, batchSize: 64, using: &generator)
            measure("dqn-update/4-\(hidden)-\(hidden)-2", runs: 100) { update.run(using: &generator) }
        }
        if wanted("ppo-update/4-64-64") {
            let update = PPOUpdate(batchSize: 256, using: &generator)
            measure("ppo-update/4-64-64", runs: 50) { update.run(using: &generator) }
        }
        if wanted("cnn-update/connect-four") {
            let update = ConnectFourCNNUpdate(batchSize: 64, using: &generator)
            measure("cnn-update/connect-four", runs: 5) { update.run(using: &generator) }
        }
        if wanted("lstm-update/8-64-seq-32") {
            let update = LSTMUpdate(inputSize: 8, hiddenSize: 64, steps: 32, batchSize: 16, using: &generator)
            measure("lstm-update/8-64-seq-32", runs: 5) { update.run(using: &generator) }
        }
        for hidden in [256, 64] where wanted("forward-batch-1/4-\(hidden)-\(hidden)-2") {
            let forward = SingleForward(sizes: [4, hidden, hidden, 2], using: &generator)
            measure("forward-batch-1/4-\(hidden)-\(hidden)-2", runs: 5_000) { forward.run() }
        }
        return results
    }

    /// A ReLU perceptron of the given layer widths.
    static func perceptron(_ sizes: [Int], activation: () -> any Layer = { ReLU() }, using generator: inout SeededGenerator) -> Sequential {
        var layers: [any Layer] = []
        for index in 0..<(sizes.count - 1) {
            layers.append(Linear(inputSize: sizes[index], outputSize: sizes[index + 1], using: &generator))
            if index < sizes.count - 2 { layers.append(activation()) }
        }
        return Sequential(layers)
    }
}

/// The heap-allocation counter of Tests/Support/AllocationCounter, when a benchmark run has
/// preloaded it as a shared library (`LD_PRELOAD`); the `dojo` binary itself never counts.
enum AllocationCounter {
    private typealias Count = @convention(c) () -> UInt64

    private static let count: Count? = {
        guard let handle = dlopen(nil, RTLD_NOW), let symbol = dlsym(handle, "dojo_allocation_count") else { return nil }
        return unsafeBitCast(symbol, to: Count.self)
    }()

    /// The allocations of one call of `body`, averaged over `runs` calls after a warm-up call;
    /// `nil` when no counter is loaded.
    static func perCall(runs: Int, _ body: () -> Void) -> Double? {
        guard let count else { return nil }
        body()
        let before = count()
        for _ in 0..<runs { body() }
        return Double(count() - before) / Double(runs)
    }
}
