import Dojo
import Foundation
import NeuralCore

/// An actor-critic's actor as a ``Policy``: the most probable legal action when deterministic,
/// otherwise one drawn from the softmax over the legal actions' logits. It also gives a
/// collector the log-probability of each chosen action and the critic's value.
///
/// With a recurrent network the policy remembers: each call advances one LSTM state per row,
/// which ``resetMemory()`` (or an episode-start flag) clears.
public final class ActorCriticPolicy: Policy {
    /// The networks.
    public let network: ActorCritic
    /// The number of action indices.
    public let actionCount: Int
    private let tape = Tape()
    private var input = PolicyInput()
    var memory: PolicyMemory?

    /// A policy acting with `network`'s actor over `actionCount` actions.
    public init(network: ActorCritic, actionCount: Int) {
        self.network = network
        self.actionCount = actionCount
        memory = network.memory.map { PolicyMemory(hiddenSize: $0.cell.hiddenSize) }
    }

    /// A policy over a deep copy of the networks, with a memory of its own.
    public func snapshot() -> any Policy {
        ActorCriticPolicy(network: network.copy(), actionCount: actionCount)
    }

    /// The networks' weights, named as in a checkpoint (`policy.0.weight`, ...).
    public func snapshotState() -> SafeTensors {
        SafeTensors(tensors: network.module.namedParameters.map { ($0.name, $0.parameter.value) }, metadata: [:])
    }

    public func snapshot(restoring state: SafeTensors) throws -> any Policy {
        let copy = network.copy()
        try copy.module.load(state)
        return ActorCriticPolicy(network: copy, actionCount: actionCount)
    }

    /// The critic's value of the observation (a recurrent policy's memory is read, not advanced).
    public func estimatedValue(of observation: UnsafeBufferPointer<Float>, mask: UnsafeBufferPointer<Bool>?) -> Float? {
        var value: Float = 0
        withUnsafeMutablePointer(to: &value) { values(observations: observation, count: 1, into: UnsafeMutableBufferPointer(start: $0, count: 1)) }
        return value
    }

    /// Forgets what a recurrent policy remembers, before a new episode.
    public func resetMemory() {
        memory?.clear()
    }

    public func chooseActions(
        observations: UnsafeBufferPointer<Float>, count: Int, masks: UnsafeBufferPointer<Bool>?,
        deterministic: Bool, into actions: UnsafeMutableBufferPointer<Int>, using generator: inout SeededGenerator
    ) {
        act(observations: observations, count: count, masks: masks, deterministic: deterministic, actions: actions, logProbabilities: nil, values: nil, using: &generator)
    }

    /// Chooses an action per row and, when asked, writes its log-probability under the policy
    /// and the critic's value of the row. A recurrent policy first forgets the rows flagged in
    /// `episodeStarts`, then advances its memory of every row. A Gaussian policy writes its
    /// actions, `actionCount` floats per row, into `continuousActions` (and 0 into `actions`).
    public func act(
        observations: UnsafeBufferPointer<Float>, count: Int, masks: UnsafeBufferPointer<Bool>?, deterministic: Bool,
        actions: UnsafeMutableBufferPointer<Int>?, logProbabilities: UnsafeMutableBufferPointer<Float>?,
        values: UnsafeMutableBufferPointer<Float>?, episodeStarts: UnsafeBufferPointer<Bool>? = nil,
        continuousActions: UnsafeMutableBufferPointer<Float>? = nil, using generator: inout SeededGenerator
    ) {
        input.load(observations, count: count)
        if memory != nil {
            memory?.resize(to: count)
            if let episodeStarts { memory?.forget(where: episodeStarts) }
        }
        tape.evaluate { tape in
            let states = remembering(tape.constant(input.tensor), on: tape, rows: 0..<count, advancing: true)
            network.actor(states).value.scalars.withUnsafeBufferPointer { logits in
                if let logStandardDeviation = network.logStandardDeviation {
                    logStandardDeviation.value.value.scalars.withUnsafeBufferPointer { logStandardDeviation in
                        for row in 0..<count {
                            let span = row * actionCount..<(row + 1) * actionCount
                            let logProbability = Self.sample(
                                means: UnsafeBufferPointer(rebasing: logits[span]), logStandardDeviations: logStandardDeviation,
                                deterministic: deterministic, into: continuousActions.map { UnsafeMutableBufferPointer(rebasing: $0[span]) },
                                using: &generator)
                            actions?[row] = 0
                            logProbabilities?[row] = logProbability
                        }
                    }
                    return
                }
                for row in 0..<count {
                    let rowLogits = UnsafeBufferPointer(rebasing: logits[row * actionCount..<(row + 1) * actionCount])
                    let mask = masks.map { UnsafeBufferPointer(rebasing: $0[row * actionCount..<(row + 1) * actionCount]) }
                    let (action, logProbability) = Self.choose(logits: rowLogits, mask: mask, deterministic: deterministic, using: &generator)
                    actions?[row] = action
                    logProbabilities?[row] = logProbability
                }
            }
            if let values {
                network.critic(states).value.scalars.withUnsafeBufferPointer { critic in
                    for row in 0..<count { values[row] = critic[row] }
                }
            }
        }
    }

    /// The critic's value of each of `count` observations; a recurrent policy reads them from
    /// its memory rows starting at `firstRow` without advancing it (the value of a truncated
    /// episode's final observation, or of the observations after a rollout).
    public func values(observations: UnsafeBufferPointer<Float>, count: Int, firstRow: Int = 0, into values: UnsafeMutableBufferPointer<Float>) {
        input.load(observations, count: count)
        tape.evaluate { tape in
            let states = remembering(tape.constant(input.tensor), on: tape, rows: firstRow..<firstRow + count, advancing: false)
            network.critic(states).value.scalars.withUnsafeBufferPointer { critic in
                for row in 0..<count { values[row] = critic[row] }
            }
        }
    }

    /// The memory's output for `observations` from the state of `rows` (kept as the new state
    /// when `advancing`), or the observations themselves for a feed-forward network.
    private func remembering(_ observations: Variable, on tape: Tape, rows: Range<Int>, advancing: Bool) -> Variable {
        guard let lstm = network.memory, memory != nil else { return observations }
        let state = lstm.cell(observations, state: memory!.state(rows, on: tape))
        if advancing { memory!.store(state, rows: rows) }
        return state.hidden
    }

    /// The mean (deterministic) or a draw `μ + σ·ε` of a diagonal Gaussian, written into
    /// `action`, and its log-probability `Σ -(a-μ)²/(2σ²) - log σ - log √(2π)`.
    static func sample(
        means: UnsafeBufferPointer<Float>, logStandardDeviations: UnsafeBufferPointer<Float>, deterministic: Bool,
        into action: UnsafeMutableBufferPointer<Float>?, using generator: inout SeededGenerator
    ) -> Float {
        var logProbability: Float = 0
        for index in means.indices {
            let noise = deterministic ? 0 : Float(generator.normal())
            let value = means[index] + exp(logStandardDeviations[index]) * noise
            action?[index] = value
            logProbability += -0.5 * noise * noise - logStandardDeviations[index] - 0.918_938_5
        }
        return logProbability
    }

    /// The greedy or sampled legal action of one row of logits and its log-probability.
    static func choose(
        logits: UnsafeBufferPointer<Float>, mask: UnsafeBufferPointer<Bool>?, deterministic: Bool, using generator: inout SeededGenerator
    ) -> (action: Int, logProbability: Float) {
        var largest = -Float.infinity
        var best = 0
        for index in 0..<logits.count where mask?[index] ?? true {
            if logits[index] > largest {
                largest = logits[index]
                best = index
            }
        }
        var total: Float = 0
        for index in 0..<logits.count where mask?[index] ?? true { total += exp(logits[index] - largest) }
        let logTotal = log(total) + largest
        guard !deterministic else { return (best, logits[best] - logTotal) }
        let draw = Float(generator.nextUnitDouble()) * total
        var cumulative: Float = 0
        var chosen = best
        for index in 0..<logits.count where mask?[index] ?? true {
            chosen = index
            cumulative += exp(logits[index] - largest)
            if draw < cumulative { break }
        }
        return (chosen, logits[chosen] - logTotal)
    }
}

extension ActorCriticPolicy: ContinuousPolicy {
    /// The action's dimensions (the actor's outputs).
    public var actionSize: Int { actionCount }

    public func chooseActions(
        observations: UnsafeBufferPointer<Float>, count: Int, deterministic: Bool, into actions: UnsafeMutableBufferPointer<Float>,
        using generator: inout SeededGenerator
    ) {
        act(
            observations: observations, count: count, masks: nil, deterministic: deterministic, actions: nil,
            logProbabilities: nil, values: nil, continuousActions: actions, using: &generator)
    }
}
