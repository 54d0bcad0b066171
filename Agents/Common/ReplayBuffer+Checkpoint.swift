import NeuralCore

extension ReplayBuffer {
    /// The buffer's small state for a resumable checkpoint; the transitions themselves go in
    /// tensors (``checkpointTensors(prefix:)``).
    struct CheckpointHeader: Codable {
        var count: Int
        var position: Int
        var maxPriority: Double
        var priorities: SumTree?
    }

    var checkpointHeader: CheckpointHeader {
        CheckpointHeader(count: count, position: position, maxPriority: maxPriority, priorities: priorities)
    }

    /// The transitions as F32 tensors under `prefix` (actions, flags and masks as 0/1 and
    /// small integers, which F32 holds exactly): `observations`, `next_observations`,
    /// `actions`, `rewards`, `terminations`, `discounts` and, when stored, `next_masks`.
    func checkpointTensors(prefix: String) -> [(name: String, tensor: Tensor)] {
        var tensors: [(name: String, tensor: Tensor)] = [
            (prefix + "observations", Tensor(shape: [capacity, observationSize], scalars: observations)),
            (prefix + "next_observations", Tensor(shape: [capacity, observationSize], scalars: nextObservations)),
            (prefix + "actions", Tensor(shape: [capacity], scalars: actions.map(Float.init))),
            (prefix + "rewards", Tensor(shape: [capacity], scalars: rewards)),
            (prefix + "terminations", Tensor(shape: [capacity], scalars: terminations.map { $0 ? 1 : 0 })),
            (prefix + "discounts", Tensor(shape: [capacity], scalars: discounts)),
        ]
        if storesMasks {
            tensors.append((prefix + "next_masks", Tensor(shape: [capacity, actionCount], scalars: nextMasks.map { $0 ? 1 : 0 })))
        }
        return tensors
    }

    /// Refills the buffer from a checkpoint's header and tensors.
    ///
    /// - Throws: ``AgentError/invalidCheckpoint(path:reason:)`` naming the first tensor missing
    ///   or of another shape.
    mutating func restore(header: CheckpointHeader, from file: SafeTensors, prefix: String, path: String) throws(AgentError) {
        func tensor(_ name: String, _ shape: [Int]) throws(AgentError) -> [Float] {
            guard let tensor = file[prefix + name], tensor.shape == shape else {
                throw .invalidCheckpoint(path: path, reason: "expected a replay-buffer tensor \(prefix + name) of shape \(shape)")
            }
            return tensor.scalars
        }
        guard header.count >= 0, header.count <= capacity, header.position >= 0, header.position < capacity,
              (header.priorities != nil) == isPrioritized, header.priorities.map({ $0.capacity == capacity }) ?? true
        else {
            throw .invalidCheckpoint(path: path, reason: "the replay buffer's counters do not fit a buffer of \(capacity)")
        }
        observations = try tensor("observations", [capacity, observationSize])
        nextObservations = try tensor("next_observations", [capacity, observationSize])
        let storedActions = try tensor("actions", [capacity])
        guard storedActions.allSatisfy({ $0 >= 0 && $0 < Float(actionCount) && $0.rounded() == $0 }) else {
            throw .invalidCheckpoint(path: path, reason: "expected action indices below \(actionCount) in \(prefix)actions")
        }
        actions = storedActions.map { Int32($0) }
        rewards = try tensor("rewards", [capacity])
        terminations = try tensor("terminations", [capacity]).map { $0 != 0 }
        discounts = try tensor("discounts", [capacity])
        if storesMasks { nextMasks = try tensor("next_masks", [capacity, actionCount]).map { $0 != 0 } }
        (count, position, maxPriority, priorities) = (header.count, header.position, header.maxPriority, header.priorities)
    }
}
