/// An environment with finitely many states whose full transition model is known, as the
/// `P` table of Gymnasium's toy-text environments. Planning code (value iteration) and
/// `dojo inspect` read it.
public protocol TabularEnvironment: Environment {
    /// The number of states, numbered from 0.
    var stateCount: Int { get }
    /// The number of actions, numbered from 0.
    var actionCount: Int { get }
    /// The outcomes of taking `action` in `state`, in a fixed order, with probabilities summing to 1.
    func transitions(state: Int, action: Int) -> [Transition]
}

/// One possible outcome of an action in a tabular environment: Gymnasium's
/// `(prob, next_state, reward, terminated)` tuple.
public struct Transition: Sendable, Hashable {
    /// The probability of this outcome.
    public var probability: Double
    /// The state it leads to.
    public var nextState: Int
    /// The reward it gives.
    public var reward: Double
    /// Whether the next state is terminal.
    public var terminated: Bool

    /// Creates an outcome.
    public init(probability: Double, nextState: Int, reward: Double, terminated: Bool) {
        self.probability = probability
        self.nextState = nextState
        self.reward = reward
        self.terminated = terminated
    }
}
