import Dojo
import NeuralCore

/// Chooses discrete actions from flattened observations: what evaluation, `watch` and the
/// tools need from any trained agent (a DQN's Q-network, later a PPO actor) or from chance.
///
/// Actions are indices into the action space (``Dojo/Space/element(atIndex:)`` turns one into
/// the environment's action); observations are rows of ``Dojo/Space/flatten(_:into:)`` output.
/// Where the environment masks actions, a policy never chooses an illegal one.
public protocol Policy {
    /// The number of action indices the policy chooses among.
    var actionCount: Int { get }

    /// Writes one action index per observation into `actions`.
    ///
    /// - Parameters:
    ///   - observations: `count` flattened observations, one after another.
    ///   - masks: `count` rows of `actionCount` legal-action flags, or `nil` when every action is legal.
    ///   - deterministic: the greedy action when `true` (evaluation); the policy's exploring or
    ///     sampling behaviour when `false`.
    ///   - generator: the source of every random draw.
    func chooseActions(
        observations: UnsafeBufferPointer<Float>, count: Int, masks: UnsafeBufferPointer<Bool>?,
        deterministic: Bool, into actions: UnsafeMutableBufferPointer<Int>, using generator: inout SeededGenerator)

    /// Forgets what the policy remembers of the episode so far (a recurrent policy's state);
    /// whoever plays episodes calls it before each one. Memoryless policies do nothing.
    func resetMemory()

    /// A copy that training no longer changes: a frozen opponent for self-play. Policies whose
    /// choices depend on nothing training updates return themselves.
    func snapshot() -> any Policy

    /// What a resumable checkpoint keeps of a ``snapshot()`` in a self-play opponent pool: the
    /// weights training changes, by name, and any setting they act with. Empty for a policy
    /// whose snapshot is itself.
    func snapshotState() -> SafeTensors

    /// A frozen copy of this policy acting with `state` (a ``snapshotState()`` of one like
    /// it) instead of its own weights: how a resumed run rebuilds its opponent pool.
    ///
    /// - Throws: `SafeTensorsError` or ``AgentError`` when `state` does not fit the policy.
    func snapshot(restoring state: SafeTensors) throws -> any Policy

    /// The policy's estimate of the return from one flattened observation (a critic's value,
    /// a Q-network's best legal Q-value), or `nil` for a policy without one: what `dojo play`
    /// shows beside a network opponent's moves.
    func estimatedValue(of observation: UnsafeBufferPointer<Float>, mask: UnsafeBufferPointer<Bool>?) -> Float?
}

extension Policy {
    public func resetMemory() {}

    public func snapshot() -> any Policy { self }

    public func snapshotState() -> SafeTensors { SafeTensors(tensors: [], metadata: [:]) }

    public func snapshot(restoring state: SafeTensors) throws -> any Policy { self }

    public func estimatedValue(of observation: UnsafeBufferPointer<Float>, mask: UnsafeBufferPointer<Bool>?) -> Float? { nil }

    /// The action index for one flattened observation (`mask` holds `actionCount` flags).
    public func action(
        for observation: UnsafeBufferPointer<Float>, mask: UnsafeBufferPointer<Bool>? = nil,
        deterministic: Bool = true, using generator: inout SeededGenerator
    ) -> Int {
        var action = 0
        withUnsafeMutablePointer(to: &action) { pointer in
            chooseActions(
                observations: observation, count: 1, masks: mask, deterministic: deterministic,
                into: UnsafeMutableBufferPointer(start: pointer, count: 1), using: &generator)
        }
        return action
    }
}

/// Chooses continuous actions (a `Box` action space's flat values) from flattened observations:
/// what evaluation and `watch` need from a Gaussian policy. The environment clips the values
/// into its bounds (``Dojo/Space/clippedElement(fromFlat:)``).
public protocol ContinuousPolicy {
    /// Floats per action.
    var actionSize: Int { get }

    /// Writes `actionSize` values per observation into `actions`: the most probable action when
    /// `deterministic`, else a draw from `generator`.
    func chooseActions(
        observations: UnsafeBufferPointer<Float>, count: Int, deterministic: Bool, into actions: UnsafeMutableBufferPointer<Float>,
        using generator: inout SeededGenerator)

    /// Forgets what the policy remembers of the episode so far.
    func resetMemory()
}

/// Uniformly random legal actions: the baseline every learner must beat.
public struct RandomPolicy: Policy, Sendable {
    public let actionCount: Int

    /// A policy over `actionCount` action indices.
    public init(actionCount: Int) {
        self.actionCount = actionCount
    }

    public func chooseActions(
        observations: UnsafeBufferPointer<Float>, count: Int, masks: UnsafeBufferPointer<Bool>?,
        deterministic: Bool, into actions: UnsafeMutableBufferPointer<Int>, using generator: inout SeededGenerator
    ) {
        for row in 0..<count {
            let mask = masks.map { UnsafeBufferPointer(rebasing: $0[row * actionCount..<(row + 1) * actionCount]) }
            actions[row] = randomLegalAction(count: actionCount, mask: mask, using: &generator)
        }
    }
}

/// A uniform draw among the indices `mask` allows (all of `0..<count` without a mask); 0 when
/// the mask allows none.
@inlinable
func randomLegalAction(count: Int, mask: UnsafeBufferPointer<Bool>?, using generator: inout SeededGenerator) -> Int {
    guard let mask else { return Int(generator.next(upperBound: UInt64(count))) }
    var allowed = 0
    for flag in mask where flag { allowed += 1 }
    guard allowed > 0 else { return 0 }
    var pick = Int(generator.next(upperBound: UInt64(allowed)))
    for index in 0..<count where mask[index] {
        if pick == 0 { return index }
        pick -= 1
    }
    return 0
}
