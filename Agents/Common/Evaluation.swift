import Dojo

/// The outcome of playing a policy for some episodes, as Stable-Baselines3's `evaluate_policy`
/// reports it, plus the success rate where the environment has one.
public struct EvaluationResult: Sendable, Equatable, Codable {
    /// Each episode's undiscounted return, in order.
    public var returns: [Double]
    /// Each episode's length in steps, in order.
    public var lengths: [Int]
    /// Each episode's success (a goal reached, a game won), or `nil` when the environment does
    /// not report success.
    public var successes: [Bool]?
    /// Actions the policy chose that the environment's mask forbade (always 0 for a policy
    /// that honours masks).
    public var illegalActions: Int

    /// The number of episodes.
    public var episodes: Int { returns.count }
    /// The mean return.
    public var meanReturn: Double { returns.reduce(0, +) / Double(max(returns.count, 1)) }
    /// The population standard deviation of the returns (NumPy's `std`, as SB3 reports it).
    public var standardDeviationOfReturn: Double {
        let mean = meanReturn
        let squares = returns.reduce(0) { $0 + ($1 - mean) * ($1 - mean) }
        return (squares / Double(max(returns.count, 1))).squareRoot()
    }
    /// The mean episode length.
    public var meanLength: Double { Double(lengths.reduce(0, +)) / Double(max(lengths.count, 1)) }
    /// The fraction of successful episodes, or `nil` when the environment does not report success.
    public var successRate: Double? {
        successes.map { Double($0.count { $0 }) / Double(max($0.count, 1)) }
    }
}

/// Plays `policy` in `environment` for `episodes` episodes and reports returns, lengths and the
/// success rate: the headless evaluation to call in tests.
///
/// The first episode starts from `reset(seed: seed)`, later ones continue the environment's
/// own random stream (as Gymnasium's environments do), so one seed fixes the whole evaluation.
/// The policy's own draws (when not `deterministic`) come from a generator seeded with `seed`.
///
/// A `Box` action space is played by a ``ContinuousPolicy`` (a Gaussian actor-critic), its
/// values clipped into the space's bounds.
///
/// - Parameters:
///   - deterministic: greedy actions (the default, as SB3's `evaluate_policy`).
/// - Throws: ``AgentError/unsupportedActionSpace(environment:space:)`` when the action space
///   does not match the policy's (another number of actions, or a Box for a discrete policy),
///   and ``AgentError/environment(_:)`` when a reset fails.
public func evaluate<E: Environment>(
    policy: some Policy, environment: E, episodes: Int = 10, seed: UInt64 = 0, deterministic: Bool = true
) throws(AgentError) -> EvaluationResult {
    let actionSpace = environment.actionSpace
    if let actionCount = actionSpace.indexCount, actionCount == policy.actionCount {
        return try play(environment, episodes: episodes, seed: seed, forget: policy.resetMemory) { observation, mask, generator in
            let index = policy.action(for: observation, mask: mask, deterministic: deterministic, using: &generator)
            return (actionSpace.element(atIndex: index), mask.map { !$0[index] } ?? false)
        }
    }
    // A Box action space takes a continuous policy's values, clipped into its bounds.
    guard actionSpace.indexCount == nil, let continuous = policy as? any ContinuousPolicy, continuous.actionSize == actionSpace.flatDimension else {
        throw .unsupportedActionSpace(environment: "\(E.self)", space: actionSpace.description)
    }
    let values = UnsafeMutableBufferPointer<Float>.allocate(capacity: continuous.actionSize)
    defer { values.deallocate() }
    return try play(environment, episodes: episodes, seed: seed, forget: continuous.resetMemory) { observation, _, generator in
        continuous.chooseActions(observations: observation, count: 1, deterministic: deterministic, into: values, using: &generator)
        guard let action = actionSpace.clippedElement(fromFlat: UnsafeBufferPointer(values)) else {
            preconditionFailure("expected a space without indices to take continuous values, got \(actionSpace)")
        }
        return (action, false)
    }
}

/// Plays `episodes` episodes of `environment` with the actions `choose` gives for each flattened
/// observation and legal-action mask (and whether that action was illegal), calling `forget`
/// before each episode.
private func play<E: Environment>(
    _ environment: E, episodes: Int, seed: UInt64, forget: () -> Void,
    choose: (UnsafeBufferPointer<Float>, UnsafeBufferPointer<Bool>?, inout SeededGenerator) -> (action: E.Action, illegal: Bool)
) throws(AgentError) -> EvaluationResult {
    var environment = environment
    let observationSpace = environment.observationSpace
    let observation = UnsafeMutableBufferPointer<Float>.allocate(capacity: observationSpace.flatDimension)
    let mask = UnsafeMutableBufferPointer<Bool>.allocate(capacity: max(environment.actionSpace.indexCount ?? 0, 1))
    defer {
        observation.deallocate()
        mask.deallocate()
    }
    let masks = environment.masksActions
    var generator = SeededGenerator(seed: seed)
    var result = EvaluationResult(returns: [], lengths: [], successes: nil, illegalActions: 0)
    for episode in 0..<episodes {
        let start: Reset<E.Observation>
        do {
            start = try environment.reset(seed: episode == 0 ? seed : nil)
        } catch {
            throw .environment(error)
        }
        observationSpace.flatten(start.observation, into: observation)
        forget()
        var episodeReturn = 0.0
        var length = 0
        while true {
            if masks { environment.writeActionMask(into: mask) }
            let (action, illegal) = choose(UnsafeBufferPointer(observation), masks ? UnsafeBufferPointer(mask) : nil, &generator)
            if illegal { result.illegalActions += 1 }
            let step = environment.step(action)
            episodeReturn += step.reward
            length += 1
            observationSpace.flatten(step.observation, into: observation)
            if step.isDone { break }
        }
        result.returns.append(episodeReturn)
        result.lengths.append(length)
        if environment.reportsSuccess { result.successes = (result.successes ?? []) + [environment.isSuccess] }
    }
    return result
}
