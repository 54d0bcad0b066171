import NeuralCore

/// A minibatch of rollout rows in tensors allocated once and refilled by
/// ``RolloutBuffer/fill(_:rows:)``, ready for a learner's tape.
public final class RolloutBatch {
    /// The number of rows.
    public let size: Int
    /// Observations, `[size, observationSize]`.
    public internal(set) var observations: Tensor
    /// The action indices taken.
    public internal(set) var actions: [Int]
    /// Their log-probabilities when taken, `[size]`.
    public internal(set) var oldLogProbabilities: Tensor
    /// The critic's values when collected, `[size]`.
    public internal(set) var oldValues: Tensor
    /// GAE advantages, `[size]`.
    public internal(set) var advantages: Tensor
    /// The critic's targets, `[size]`.
    public internal(set) var returns: Tensor
    /// Legal actions, `size` rows of `actionCount` flags (all `true` without masks).
    public internal(set) var masks: [Bool]
    /// Whether the rows carry masks to apply.
    public let usesMasks: Bool

    /// An empty batch of `size` rows.
    public init(size: Int, observationSize: Int, actionCount: Int, usesMasks: Bool) {
        self.size = size
        self.usesMasks = usesMasks
        observations = Tensor.zeros([size, observationSize])
        actions = Array(repeating: 0, count: size)
        oldLogProbabilities = Tensor.zeros([size])
        oldValues = Tensor.zeros([size])
        advantages = Tensor.zeros([size])
        returns = Tensor.zeros([size])
        masks = Array(repeating: true, count: size * actionCount)
    }
}

extension RolloutBuffer {
    /// Copies the buffer rows `rows` (training rows, after ``computeAdvantages(lastValues:gamma:lambda:)``)
    /// into `batch`, in order.
    /// - Precondition: one row per batch row.
    public func fill(_ batch: RolloutBatch, rows: ArraySlice<Int>) {
        precondition(rows.count == batch.size, "expected \(batch.size) rows, got \(rows.count)")
        batch.observations.assignRows(rows, of: observations)
        for (index, row) in rows.enumerated() {
            batch.actions[index] = actions[row]
            if storesMasks {
                for action in 0..<actionCount { batch.masks[index * actionCount + action] = masks[row * actionCount + action] }
            }
        }
        batch.oldLogProbabilities.assignRows(rows, of: logProbabilities)
        batch.oldValues.assignRows(rows, of: values)
        batch.advantages.assignRows(rows, of: advantages)
        batch.returns.assignRows(rows, of: returns)
    }
}
