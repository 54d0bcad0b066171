/// One stored transition, copied out of a ``ReplayBuffer`` for inspection (tests, debugging).
public struct StoredTransition: Equatable, Sendable {
    public var observation: [Float]
    public var action: Int
    public var reward: Float
    public var nextObservation: [Float]
    /// Whether the episode truly terminated (a time limit does not count).
    public var terminated: Bool
    /// The discount of the bootstrap value.
    public var discount: Float
    /// The legal actions at the next observation, when the buffer stores masks.
    public var nextMask: [Bool]?
    /// The sampling weight, priority^alpha, when the buffer is prioritized.
    public var priority: Double?
}

extension ReplayBuffer {
    /// A copy of the transition in `slot`.
    /// - Precondition: `slot < count`.
    public func transition(at slot: Int) -> StoredTransition {
        precondition(slot >= 0 && slot < count, "expected a slot below \(count), got \(slot)")
        let rows = slot * observationSize..<(slot + 1) * observationSize
        return StoredTransition(
            observation: Array(observations[rows]), action: Int(actions[slot]), reward: rewards[slot],
            nextObservation: Array(nextObservations[rows]), terminated: terminations[slot], discount: discounts[slot],
            nextMask: storesMasks ? Array(nextMasks[slot * actionCount..<(slot + 1) * actionCount]) : nil,
            priority: priorities.map { $0[slot] })
    }
}
