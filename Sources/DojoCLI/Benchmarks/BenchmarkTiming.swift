/// Timing for `dojo bench`: one untimed warm-up, then the median of several timed samples, as
/// the Python side of Benchmarks/ measures too.
enum BenchmarkTiming {
    /// The median of `repeats` samples taken after one warm-up sample.
    ///
    /// - Parameter sample: runs the workload once and returns its duration in seconds.
    static func median(of repeats: Int, _ sample: () throws -> Double) rethrows -> Double {
        _ = try sample()
        var samples: [Double] = []
        for _ in 0..<repeats { samples.append(try sample()) }
        samples.sort()
        let middle = samples.count / 2
        return samples.count.isMultiple(of: 2) ? (samples[middle - 1] + samples[middle]) / 2 : samples[middle]
    }

    /// Mean seconds per call of `body` over `runs` calls.
    static func secondsPerRun(_ runs: Int, _ body: () -> Void) -> Double {
        let clock = ContinuousClock()
        let start = clock.now
        for _ in 0..<runs { body() }
        return seconds(start.duration(to: clock.now)) / Double(runs)
    }

    /// A duration in seconds.
    static func seconds(_ duration: Duration) -> Double {
        Double(duration.components.seconds) + Double(duration.components.attoseconds) * 1e-18
    }
}
