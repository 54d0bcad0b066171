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
    /// The continuous actions taken, `[size, continuousActionSize]` (no columns for indices).
    public internal(set) var continuousActions: Tensor
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
    /// For a recurrent policy, the steps of each sequence (rows are step-major blocks of
    /// copies); 0 for rows to treat one by one.
    public let sequenceSteps: Int
    /// Per row, 0 where it begins an episode (the memory starts afresh) and 1 elsewhere,
    /// `[size, 1]` (recurrent only).
    public internal(set) var keep: Tensor
    /// The memory's hidden state at the start of each sequence, `[size / sequenceSteps,
    /// hiddenSize]` (recurrent only).
    public internal(set) var initialHidden: Tensor
    /// The memory's cell state at the start of each sequence, shaped as ``initialHidden``.
    public internal(set) var initialCell: Tensor

    /// An empty batch of `size` rows; `memory` gives the sequence length and hidden size for a
    /// recurrent policy.
    public init(
        size: Int, observationSize: Int, actionCount: Int, usesMasks: Bool, memory: (steps: Int, hiddenSize: Int)? = nil,
        continuousActionSize: Int = 0
    ) {
        self.size = size
        continuousActions = Tensor.zeros([size, continuousActionSize])
        self.usesMasks = usesMasks
        sequenceSteps = memory?.steps ?? 0
        keep = Tensor.zeros([memory == nil ? 0 : size, 1])
        let sequences = memory.map { size / $0.steps } ?? 0
        initialHidden = Tensor.zeros([sequences, memory?.hiddenSize ?? 0])
        initialCell = initialHidden
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
        if continuousActionSize > 0 { batch.continuousActions.assignRows(rows, of: continuousActions) }
        batch.oldLogProbabilities.assignRows(rows, of: logProbabilities)
        batch.oldValues.assignRows(rows, of: values)
        batch.advantages.assignRows(rows, of: advantages)
        batch.returns.assignRows(rows, of: returns)
    }

    /// Copies the whole sequences of `copies` into a recurrent `batch`: every step of those
    /// copies, step-major, with the episode-start flags as `keep` and each copy's memory at the
    /// start of the rollout (`initialHidden` and `initialCell`, one row of `hiddenSize` per copy).
    public func fillSequences(_ batch: RolloutBatch, copies chosen: ArraySlice<Int>, initialHidden: [Float], initialCell: [Float]) {
        precondition(batch.sequenceSteps == count && chosen.count * count == batch.size, "expected \(batch.size / max(count, 1)) sequences of \(count) steps")
        let rows = (0..<count).flatMap { step in chosen.map { step * copies + $0 } }
        fill(batch, rows: rows[...])
        batch.keep.assign(rows.map { episodeStarts[$0] ? 0 : 1 })
        batch.initialHidden.assignRows(chosen, of: initialHidden)
        batch.initialCell.assignRows(chosen, of: initialCell)
    }
}
