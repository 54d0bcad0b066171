import Agents
import Foundation

/// What a training run reports as it goes, and how it is asked to stop.
struct TrainingObserver {
    var onMetrics: ((MetricsRow) -> Void)?
    var onEvaluation: ((EvaluationRecord) -> Void)?
    var shouldStop: (() -> Bool)?
    /// Where each evaluated policy is saved (`--watch`).
    var evaluationSnapshot: URL?
}
