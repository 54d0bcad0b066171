import Agents
import Dojo
import Foundation

extension SeedGroup {
    /// `summary.json`: the job, each seed's final score and time to the reward threshold, and
    /// the mean and standard deviation (numpy's, over seeds) of the final scores.
    func summary(_ results: [SeedRun.Result], rewardThreshold: Double?) -> JSONValue {
        let finals = results.compactMap { $0.finalEvaluation?.meanReturn }
        let (mean, deviation) = Self.meanAndDeviation(finals)
        let perSeed: [JSONValue] = results.map { result in
            [
                "seed": .number(Double(result.seed)), "run_folder": .string(result.folder.path),
                "final_mean_return": result.finalEvaluation.map { .number($0.meanReturn) } ?? .null,
                "final_std_return": result.finalEvaluation.map { .number($0.standardDeviationOfReturn) } ?? .null,
                "timesteps": .number(Double(result.counts.timesteps)), "seconds": .number(result.seconds),
                "steps_to_threshold": result.threshold.map { .number(Double($0.timesteps)) } ?? .null,
                "seconds_to_threshold": result.threshold.map { .number($0.seconds) } ?? .null,
            ]
        }
        return [
            "env": .string(job.environmentID), "agent": .string(job.agent), "preset": job.preset.map { .string($0) } ?? .null,
            "reward_threshold": rewardThreshold.map { .number($0) } ?? .null, "seeds": .array(perSeed),
            "mean_final_return": mean.map { .number($0) } ?? .null, "std_final_return": deviation.map { .number($0) } ?? .null,
        ]
    }

    /// The table `dojo train --seeds` prints: a row per seed, then the mean and deviation.
    func table(_ results: [SeedRun.Result]) -> String {
        var lines = ["seed   final return        steps to threshold   time to threshold   wall-clock"]
        for result in results {
            let final = result.finalEvaluation.map { String(format: "%8.2f ± %-8.2f", $0.meanReturn, $0.standardDeviationOfReturn) } ?? "       -           "
            let steps = result.threshold.map { String($0.timesteps) } ?? "-"
            let time = result.threshold.map { String(format: "%.1f s", $0.seconds) } ?? "-"
            lines.append(
                "\(String(result.seed).padding(toLength: 6, withPad: " ", startingAt: 0)) \(final)  \(steps.leftPadded(to: 18))   \(time.leftPadded(to: 17))   \(String(format: "%8.1f s", result.seconds))")
        }
        let (mean, deviation) = Self.meanAndDeviation(results.compactMap { $0.finalEvaluation?.meanReturn })
        if let mean, let deviation {
            lines.append(String(format: "mean   %8.2f ± %-8.2f (over %d seeds)", mean, deviation, results.count))
        }
        return lines.joined(separator: "\n")
    }

    /// The mean and the population standard deviation, or `nil`s for no values.
    static func meanAndDeviation(_ values: [Double]) -> (mean: Double?, deviation: Double?) {
        guard !values.isEmpty else { return (nil, nil) }
        let mean = values.reduce(0, +) / Double(values.count)
        let variance = values.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / Double(values.count)
        return (mean, variance.squareRoot())
    }
}

extension String {
    /// The string right-aligned in `width` columns.
    fileprivate func leftPadded(to width: Int) -> String {
        count >= width ? self : String(repeating: " ", count: width - count) + self
    }
}
