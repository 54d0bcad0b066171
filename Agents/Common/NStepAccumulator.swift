import Dojo

/// Turns each vector-environment copy's steps into n-step transitions for a replay buffer:
/// the discounted sum of up to `steps` rewards, the observation after them, and the discount
/// gamma^k to apply to its bootstrap value.
///
/// When an episode ends, every pending step is written out with the rewards up to the end:
/// a termination stops the bootstrap, a time-limit truncation keeps it (from the final
/// observation, discounted by the steps actually taken). With `steps == 1` this is the usual
/// one-step transition.
public struct NStepAccumulator: Sendable, Codable {
    /// The most steps a transition spans.
    public let steps: Int
    /// The discount factor.
    public let gamma: Float
    let observationSize: Int
    var pendingObservations: [Float]
    var pendingActions: [Int]
    var pendingRewards: [Float]
    /// Each copy's oldest pending step's slot and the number pending.
    var starts: [Int]
    var counts: [Int]

    /// An accumulator for `copies` vector-environment copies.
    public init(steps: Int, gamma: Float, copies: Int, observationSize: Int) {
        precondition(steps >= 1, "expected at least one step, got \(steps)")
        self.steps = steps
        self.gamma = gamma
        self.observationSize = observationSize
        pendingObservations = Array(repeating: 0, count: copies * steps * observationSize)
        pendingActions = Array(repeating: 0, count: copies * steps)
        pendingRewards = Array(repeating: 0, count: copies * steps)
        starts = Array(repeating: 0, count: copies)
        counts = Array(repeating: 0, count: copies)
    }

    /// Records that `copy` took `action` at `observation`, received `reward` and reached
    /// `nextObservation` (the final observation when the episode ended), and adds every
    /// transition this completes to `buffer`.
    public mutating func record(
        copy: Int, observation: UnsafeBufferPointer<Float>, action: Int, reward: Float,
        nextObservation: UnsafeBufferPointer<Float>, terminated: Bool, truncated: Bool,
        nextMask: UnsafeBufferPointer<Bool>?, into buffer: inout ReplayBuffer
    ) {
        let slot = copy * steps + (starts[copy] + counts[copy]) % steps
        pendingObservations.withUnsafeMutableBufferPointer { rows in
            for index in 0..<observationSize { rows[slot * observationSize + index] = observation[index] }
        }
        pendingActions[slot] = action
        pendingRewards[slot] = reward
        counts[copy] += 1
        if terminated || truncated {
            while counts[copy] > 0 { emitOldest(copy: copy, next: nextObservation, terminated: terminated, nextMask: nextMask, into: &buffer) }
        } else if counts[copy] == steps {
            emitOldest(copy: copy, next: nextObservation, terminated: false, nextMask: nextMask, into: &buffer)
        }
    }

    /// Writes `copy`'s oldest pending step as a transition over all its pending steps, then drops it.
    private mutating func emitOldest(
        copy: Int, next: UnsafeBufferPointer<Float>, terminated: Bool, nextMask: UnsafeBufferPointer<Bool>?,
        into buffer: inout ReplayBuffer
    ) {
        var rewardSum: Float = 0
        var discount: Float = 1
        for offset in 0..<counts[copy] {
            rewardSum += discount * pendingRewards[copy * steps + (starts[copy] + offset) % steps]
            discount *= gamma
        }
        let slot = copy * steps + starts[copy]
        let action = pendingActions[slot]
        pendingObservations.withUnsafeBufferPointer { rows in
            buffer.add(
                observation: UnsafeBufferPointer(rebasing: rows[slot * observationSize..<(slot + 1) * observationSize]),
                action: action, reward: rewardSum, nextObservation: next, terminated: terminated, discount: discount,
                nextMask: nextMask)
        }
        starts[copy] = (starts[copy] + 1) % steps
        counts[copy] -= 1
    }
}
