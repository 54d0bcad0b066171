import Dojo
import Foundation
import NeuralCore

/// An actor-critic's actor as a ``Policy``: the most probable legal action when deterministic,
/// otherwise one drawn from the softmax over the legal actions' logits. It also gives a
/// collector the log-probability of each chosen action and the critic's value.
public final class ActorCriticPolicy: Policy {
    /// The networks.
    public let network: ActorCritic
    /// The number of action indices.
    public let actionCount: Int
    private let tape = Tape()
    private var input = PolicyInput()

    /// A policy acting with `network`'s actor over `actionCount` actions.
    public init(network: ActorCritic, actionCount: Int) {
        self.network = network
        self.actionCount = actionCount
    }

    public func chooseActions(
        observations: UnsafeBufferPointer<Float>, count: Int, masks: UnsafeBufferPointer<Bool>?,
        deterministic: Bool, into actions: UnsafeMutableBufferPointer<Int>, using generator: inout SeededGenerator
    ) {
        act(observations: observations, count: count, masks: masks, deterministic: deterministic, actions: actions, logProbabilities: nil, values: nil, using: &generator)
    }

    /// Chooses an action per row and, when asked, writes its log-probability under the policy
    /// and the critic's value of the row.
    public func act(
        observations: UnsafeBufferPointer<Float>, count: Int, masks: UnsafeBufferPointer<Bool>?, deterministic: Bool,
        actions: UnsafeMutableBufferPointer<Int>, logProbabilities: UnsafeMutableBufferPointer<Float>?,
        values: UnsafeMutableBufferPointer<Float>?, using generator: inout SeededGenerator
    ) {
        input.load(observations, count: count)
        tape.evaluate { tape in
            let states = tape.constant(input.tensor)
            network.actor(states).value.scalars.withUnsafeBufferPointer { logits in
                for row in 0..<count {
                    let rowLogits = UnsafeBufferPointer(rebasing: logits[row * actionCount..<(row + 1) * actionCount])
                    let mask = masks.map { UnsafeBufferPointer(rebasing: $0[row * actionCount..<(row + 1) * actionCount]) }
                    let (action, logProbability) = Self.choose(logits: rowLogits, mask: mask, deterministic: deterministic, using: &generator)
                    actions[row] = action
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

    /// The critic's value of each of `count` observations.
    public func values(observations: UnsafeBufferPointer<Float>, count: Int, into values: UnsafeMutableBufferPointer<Float>) {
        input.load(observations, count: count)
        tape.evaluate { tape in
            network.critic(tape.constant(input.tensor)).value.scalars.withUnsafeBufferPointer { critic in
                for row in 0..<count { values[row] = critic[row] }
            }
        }
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
