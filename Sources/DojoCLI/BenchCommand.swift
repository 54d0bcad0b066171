import ArgumentParser
import Dojo
import Environments
import Foundation
import NeuralCore

/// `dojo bench`: the Swift half of the side-by-side benchmarks in Benchmarks/.
///
/// `--suite env` (the default) steps environments with uniformly random actions from a seeded
/// generator and reports steps per second; `--suite neural` times NeuralCore: SGEMM, a DQN
/// update, batch-1 forward, a conv net, on the cores the process may use (`taskset`). Every
/// figure is the median of `--repeats` timed samples after a warm-up. Build with `-c release`.
struct BenchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bench",
        abstract: "Measure environment steps per second (build with -c release).",
        discussion: """
            JSON (--json): {"build": "release"|"debug", "cores": N, "threads": T, "repeats": R, \
            "results": [...]}, with results {"name", "env", "copies", "threads", "steps", \
            "seconds", "steps_per_second"} for --suite env and {"name", "value", "unit"} (plus \
            "allocations_per_call" when Benchmarks/run_neural.sh preloads its allocation counter) for \
            --suite neural. T is the number of cores this process may use (its CPU affinity): \
            run under `taskset -c 0` to measure NeuralCore on one thread. Every figure is the \
            median of R timed samples.

            Examples:
              dojo bench --suite env --repeats 5
              dojo bench --suite neural --json
            """
    )

    @Option(help: "Environment steps per timed run (per case, summed over copies).")
    var steps = 20_000_000

    @Option(help: "Timed samples per case; the median is reported.")
    var repeats = 5

    @Option(help: "Which benchmarks: env (environment stepping) or neural (NeuralCore).")
    var suite = "env"

    @Option(help: "Only run cases whose name contains this text.")
    var filter: String?

    @Flag(help: "Print one JSON object on stdout.")
    var json = false

    func validate() throws {
        guard steps > 0, repeats > 0 else { throw ValidationError("--steps and --repeats: expected positive numbers") }
        guard ["env", "neural"].contains(suite) else { throw ValidationError("--suite: expected env or neural, got \(suite)") }
    }

    func run() throws {
        let results = suite == "env" ? try environmentResults() : neuralResults()
        if json {
            #if DEBUG
            let build = "debug"
            #else
            let build = "release"
            #endif
            let summary: JSONValue = [
                "build": .string(build),
                "cores": .number(Double(ProcessInfo.processInfo.activeProcessorCount)),
                "threads": .number(Double(availableProcessorCount)),
                "repeats": .number(Double(repeats)),
                "results": .array(results),
            ]
            print(summary.jsonText)
        }
    }

    private func neuralResults() -> [JSONValue] {
        NeuralBenchmarks.all(filter: filter, repeats: repeats).map { result in
            if !json {
                let allocations = result.allocationsPerCall.map { String(format: "  %.1f allocations per call", $0) } ?? ""
                print("\(result.name.padding(toLength: 44, withPad: " ", startingAt: 0)) \(String(format: "%12.4f", result.value)) \(result.unit)\(allocations)")
            }
            var entry: JSONValue = ["name": .string(result.name), "value": .number(result.value), "unit": .string(result.unit)]
            if case .object(var fields) = entry, let allocations = result.allocationsPerCall {
                fields["allocations_per_call"] = .number(allocations)
                entry = .object(fields)
            }
            return entry
        }
    }

    private func environmentResults() throws -> [JSONValue] {
        let cases = EnvironmentBenchmarks.all(steps: steps).filter { filter == nil || $0.name.contains(filter!) }
        var results: [JSONValue] = []
        for benchmark in cases {
            let seconds = try BenchmarkTiming.median(of: repeats, benchmark.body)
            let rate = Double(benchmark.steps) / seconds
            results.append([
                "name": .string(benchmark.name), "env": .string(benchmark.env),
                "copies": .number(Double(benchmark.copies)), "threads": .number(Double(benchmark.threads)),
                "steps": .number(Double(benchmark.steps)), "seconds": .number(seconds),
                "steps_per_second": .number(rate.rounded()),
            ])
            if !json {
                print("\(benchmark.name.padding(toLength: 44, withPad: " ", startingAt: 0)) \(String(format: "%12.0f", rate)) steps/s")
            }
        }
        return results
    }
}
