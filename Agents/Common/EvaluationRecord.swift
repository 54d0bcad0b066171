/// An evaluation made during training, and when.
public struct EvaluationRecord: Sendable, Equatable, Codable {
    /// Environment steps trained before the evaluation.
    public var timesteps: Int
    /// What the greedy policy scored.
    public var result: EvaluationResult
}
