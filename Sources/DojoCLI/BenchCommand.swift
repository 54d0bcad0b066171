import ArgumentParser
import Dojo
import Environments
import Foundation

/// `dojo bench`: environment stepping throughput, the Swift half of Benchmarks/run.sh.
///
/// Each case steps with uniformly random actions from a seeded generator and reports steps per
/// second, the best of `--repeats` timed runs after a warm-up. Build with `-c release`.
struct BenchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bench",
        abstract: "Measure environment steps per second (build with -c release).",
        discussion: """
            JSON (--json): {"build": "release"|"debug", "cores": N, "results": [{"name", "env", \
            "copies", "threads", "steps", "seconds", "steps_per_second"}]}.
            """
    )

    @Option(help: "Environment steps per timed run (per case, summed over copies).")
    var steps = 20_000_000

    @Option(help: "Timed runs per case; the best is reported.")
    var repeats = 3

    @Option(help: "Only run cases whose name contains this text.")
    var filter: String?

    @Flag(help: "Print one JSON object on stdout.")
    var json = false

    func validate() throws {
        guard steps > 0, repeats > 0 else { throw ValidationError("--steps and --repeats: expected positive numbers") }
    }

    func run() throws {
        let cases = EnvironmentBenchmarks.all(steps: steps).filter { filter == nil || $0.name.contains(filter!) }
        var results: [JSONValue] = []
        for benchmark in cases {
            let seconds = try benchmark.best(of: repeats)
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
        if json {
            #if DEBUG
            let build = "debug"
            #else
            let build = "release"
            #endif
            let summary: JSONValue = [
                "build": .string(build),
                "cores": .number(Double(ProcessInfo.processInfo.activeProcessorCount)),
                "results": .array(results),
            ]
            print(summary.jsonText)
        }
    }
}
