import Dojo
import NeuralCore

/// A Q-network acting greedily over the legal actions, or epsilon-greedily when not
/// deterministic: a trained DQN agent as a ``Policy``.
public final class DQNPolicy: Policy {
    /// The network whose Q-values rank the actions.
    public let network: QNetwork
    /// The probability of a random legal action when not deterministic (SB3's
    /// `exploration_rate`).
    public var explorationRate: Double
    private let tape = Tape()
    private var input = PolicyInput()
    private var greedy: [Int] = []

    /// A policy acting with `network`.
    public init(network: QNetwork, explorationRate: Double = 0.05) {
        self.network = network
        self.explorationRate = explorationRate
    }

    public var actionCount: Int { network.actionCount }

    /// The largest Q-value among the legal actions.
    public func estimatedValue(of observation: UnsafeBufferPointer<Float>, mask: UnsafeBufferPointer<Bool>?) -> Float? {
        var best = -Float.infinity
        writeQValues(observations: observation, count: 1) { q in
            for action in 0..<actionCount where mask?[action] ?? true { best = max(best, q[action]) }
        }
        return best.isFinite ? best : nil
    }

    /// A policy over a deep copy of the network, exploring at the same rate.
    public func snapshot() -> any Policy {
        DQNPolicy(network: network.copy(), explorationRate: explorationRate)
    }

    /// The Q-network's weights, named as in a checkpoint, and the exploration rate under
    /// `exploration_rate`.
    public func snapshotState() -> SafeTensors {
        SafeTensors(
            tensors: network.model.namedParameters.map { ($0.name, $0.parameter.value) },
            metadata: [Self.explorationRateKey: String(explorationRate)])
    }

    public func snapshot(restoring state: SafeTensors) throws -> any Policy {
        guard let rate = state.metadata[Self.explorationRateKey].flatMap(Double.init), (0...1).contains(rate) else {
            throw AgentError.invalidConfiguration(
                field: Self.explorationRateKey, reason: "expected a snapshot's exploration rate from 0 to 1, got \(state.metadata[Self.explorationRateKey] ?? "none")")
        }
        let copy = network.copy()
        try copy.model.load(state)
        return DQNPolicy(network: copy, explorationRate: rate)
    }

    private static let explorationRateKey = "exploration_rate"

    public func chooseActions(
        observations: UnsafeBufferPointer<Float>, count: Int, masks: UnsafeBufferPointer<Bool>?,
        deterministic: Bool, into actions: UnsafeMutableBufferPointer<Int>, using generator: inout SeededGenerator
    ) {
        writeQValues(observations: observations, count: count) { q in
            if greedy.count != count { greedy = Array(repeating: 0, count: count) }
            writeGreedyActions(q: q, columns: actionCount, masks: masks, into: &greedy)
        }
        for row in 0..<count {
            if !deterministic && generator.nextUnitDouble() < explorationRate {
                let mask = masks.map { UnsafeBufferPointer(rebasing: $0[row * actionCount..<(row + 1) * actionCount]) }
                actions[row] = randomLegalAction(count: actionCount, mask: mask, using: &generator)
            } else {
                actions[row] = greedy[row]
            }
        }
    }

    /// Runs the network on `count` flattened observations and hands `body` the Q-values,
    /// `count` rows of `actionCount`, valid only during the call.
    public func writeQValues(observations: UnsafeBufferPointer<Float>, count: Int, _ body: (UnsafeBufferPointer<Float>) -> Void) {
        input.load(observations, count: count)
        tape.evaluate { tape in
            network(tape.constant(input.tensor)).value.scalars.withUnsafeBufferPointer { body($0) }
        }
    }
}
