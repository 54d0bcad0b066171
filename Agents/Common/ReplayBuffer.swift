import Dojo
import Foundation
import NeuralCore

/// A ring of transitions in parallel arrays, sized once, sampled uniformly or in proportion to
/// priority (prioritized replay).
///
/// As Stable-Baselines3's buffer with `handle_timeout_termination`, a transition remembers
/// whether its episode truly terminated; an episode cut by a time limit still bootstraps from
/// its last observation. Transitions may span several steps (n-step returns): each stores its
/// discounted reward sum and the discount to apply to the bootstrap value. Where the
/// environment masks actions, the legal actions at the next observation are kept so the
/// bootstrap max ranges over legal actions only.
public struct ReplayBuffer: Sendable {
    /// The number of transitions held at most; the oldest is overwritten first.
    public let capacity: Int
    /// Floats per flattened observation.
    public let observationSize: Int
    /// Action indices per step.
    public let actionCount: Int
    /// Whether next-state action masks are stored.
    public let storesMasks: Bool
    /// The number of transitions held.
    public internal(set) var count = 0
    /// The slot the next transition goes to.
    public internal(set) var position = 0

    var observations: [Float]
    var nextObservations: [Float]
    var actions: [Int32]
    var rewards: [Float]
    var terminations: [Bool]
    var discounts: [Float]
    var nextMasks: [Bool]
    /// Priorities raised to `alpha`, when sampling is prioritized.
    var priorities: SumTree?
    /// How strongly priorities shape sampling (0 is uniform).
    public let alpha: Double
    /// The largest priority seen, given to new transitions so each is sampled at least once soon.
    var maxPriority = 1.0

    /// A buffer of `capacity` transitions.
    ///
    /// - Parameters:
    ///   - prioritized: sample in proportion to priority^`alpha` instead of uniformly.
    public init(capacity: Int, observationSize: Int, actionCount: Int, storesMasks: Bool, prioritized: Bool = false, alpha: Double = 0.6) {
        precondition(capacity > 0, "expected a positive capacity, got \(capacity)")
        self.capacity = capacity
        self.observationSize = observationSize
        self.actionCount = actionCount
        self.storesMasks = storesMasks
        self.alpha = alpha
        observations = Array(repeating: 0, count: capacity * observationSize)
        nextObservations = Array(repeating: 0, count: capacity * observationSize)
        actions = Array(repeating: 0, count: capacity)
        rewards = Array(repeating: 0, count: capacity)
        terminations = Array(repeating: false, count: capacity)
        discounts = Array(repeating: 0, count: capacity)
        nextMasks = Array(repeating: true, count: storesMasks ? capacity * actionCount : 0)
        priorities = prioritized ? SumTree(capacity: capacity) : nil
    }

    /// Whether sampling is prioritized.
    public var isPrioritized: Bool { priorities != nil }

    /// Stores one transition, overwriting the oldest when full.
    ///
    /// - Parameters:
    ///   - reward: the reward, or the discounted sum of rewards over the steps it spans.
    ///   - terminated: whether the episode truly ended at `nextObservation` (not a time limit).
    ///   - discount: the discount of the bootstrap value, gamma^steps.
    ///   - nextMask: the legal actions at `nextObservation` (ignored unless `storesMasks`).
    public mutating func add(
        observation: UnsafeBufferPointer<Float>, action: Int, reward: Float, nextObservation: UnsafeBufferPointer<Float>,
        terminated: Bool, discount: Float, nextMask: UnsafeBufferPointer<Bool>?
    ) {
        let slot = position
        let row = slot * observationSize
        observations.withUnsafeMutableBufferPointer { rows in
            for index in 0..<observationSize { rows[row + index] = observation[index] }
        }
        nextObservations.withUnsafeMutableBufferPointer { rows in
            for index in 0..<observationSize { rows[row + index] = nextObservation[index] }
        }
        actions[slot] = Int32(action)
        rewards[slot] = reward
        terminations[slot] = terminated
        discounts[slot] = discount
        if storesMasks {
            // A terminal state's mask is irrelevant (its value is not bootstrapped) and may allow
            // nothing; all-true keeps the masked max finite.
            let base = slot * actionCount
            for index in 0..<actionCount { nextMasks[base + index] = terminated || (nextMask?[index] ?? true) }
        }
        if priorities != nil { priorities![slot] = pow(maxPriority, alpha) }
        position = (position + 1) % capacity
        count = min(count + 1, capacity)
    }

    /// Fills `batch` with transitions drawn from `generator`: uniformly with replacement, or,
    /// when prioritized, one draw from each of `batch.size` equal slices of the total priority
    /// with importance weights `(count·P(i))^-beta` divided by the batch's largest.
    ///
    /// - Precondition: the buffer holds at least one transition, and `batch` matches its sizes.
    public func sample(into batch: ReplayBatch, beta: Double = 1, using generator: inout SeededGenerator) {
        precondition(count > 0, "expected a transition in the replay buffer before sampling")
        precondition(batch.observations.shape == [batch.size, observationSize], "expected a batch of \(observationSize)-float observations")
        if let priorities {
            let segment = priorities.total / Double(batch.size)
            var largest = 0.0
            for row in 0..<batch.size {
                let slot = min(priorities.leaf(atPrefixSum: segment * (Double(row) + generator.nextUnitDouble())), count - 1)
                batch.indices[row] = slot
                let probability = priorities[slot] / priorities.total
                let weight = Float(pow(Double(count) * probability, -beta))
                largest = max(largest, Double(weight))
                batch.computedWeights[row] = weight
            }
            for row in 0..<batch.size { batch.computedWeights[row] = Float(Double(batch.computedWeights[row]) / largest) }
            batch.weights.assign(batch.computedWeights)
        } else {
            for row in 0..<batch.size { batch.indices[row] = Int(generator.next(upperBound: UInt64(count))) }
        }
        gather(into: batch)
    }

    /// Fills `batch` with the transitions in `slots`, in order, with unit weights (a batch
    /// chosen by hand, as in tests).
    /// - Precondition: one slot per row, each below `count`.
    public func fill(_ batch: ReplayBatch, slots: [Int]) {
        precondition(slots.count == batch.size && slots.allSatisfy { $0 >= 0 && $0 < count }, "expected \(batch.size) slots below \(count)")
        for row in 0..<batch.size {
            batch.indices[row] = slots[row]
            batch.computedWeights[row] = 1
        }
        batch.weights.assign(batch.computedWeights)
        gather(into: batch)
    }

    /// Copies the transitions at `batch.indices` into the batch's tensors.
    private func gather(into batch: ReplayBatch) {
        let rows = batch.indices[...]
        batch.observations.assignRows(rows, of: observations)
        batch.nextObservations.assignRows(rows, of: nextObservations)
        batch.rewards.assignRows(rows, of: rewards)
        for row in 0..<batch.size {
            let slot = batch.indices[row]
            batch.computedScales[row] = terminations[slot] ? 0 : discounts[slot]
        }
        batch.bootstrapScales.assign(batch.computedScales)
        for row in 0..<batch.size { batch.actions[row] = Int(actions[batch.indices[row]]) }
        if storesMasks {
            for row in 0..<batch.size {
                let source = batch.indices[row] * actionCount
                for index in 0..<actionCount { batch.nextMasks[row * actionCount + index] = nextMasks[source + index] }
            }
        }
    }

    /// Sets the priorities of the sampled slots from their TD errors: `(|error| + epsilon)^alpha`.
    ///
    /// - Precondition: the buffer is prioritized.
    public mutating func updatePriorities(indices: [Int], tdErrors: UnsafeBufferPointer<Float>, epsilon: Double = 1e-6) {
        precondition(priorities != nil, "expected a prioritized replay buffer")
        for (row, slot) in indices.enumerated() {
            let priority = Double(abs(tdErrors[row])) + epsilon
            maxPriority = max(maxPriority, priority)
            priorities![slot] = pow(priority, alpha)
        }
    }
}
