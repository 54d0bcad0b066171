/// An evaluation made during training, and when: a row of a run's `eval.csv`.
public struct EvaluationRecord: Sendable, Equatable, Codable {
    /// Environment steps trained before the evaluation.
    public var timesteps: Int
    /// What the greedy policy scored.
    public var result: EvaluationResult

    /// The CSV header of `eval.csv`.
    public static let csvHeader = "timesteps,episodes,mean_return,std_return,mean_length,success_rate"

    /// The record as CSV, with an empty success rate where the environment reports none.
    public var csvLine: String {
        [
            String(timesteps), String(result.episodes), "\(result.meanReturn)", "\(result.standardDeviationOfReturn)", "\(result.meanLength)",
            result.successRate.map { "\($0)" } ?? "",
        ].joined(separator: ",")
    }
}
