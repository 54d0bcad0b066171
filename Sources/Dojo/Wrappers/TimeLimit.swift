/// Truncates episodes after a fixed number of steps, as Gymnasium's `TimeLimit`.
///
/// The step that reaches the limit has `truncated == true`; if the environment terminated on
/// that same step, both flags are set, exactly as in Gymnasium. `make(id:)` applies it with the
/// id's registered limit.
public struct TimeLimit<Base: Environment>: Wrapper {
    public typealias Observation = Base.Observation
    public typealias Action = Base.Action
    public typealias ObservationSpace = Base.ObservationSpace
    public typealias ActionSpace = Base.ActionSpace

    public var base: Base
    /// The number of steps after which an episode is truncated.
    public let maxEpisodeSteps: Int
    @usableFromInline
    var steps = 0
    /// Steps taken since the last reset.
    public var elapsedSteps: Int { steps }

    /// Wraps `base` so its episodes last at most `maxEpisodeSteps` steps.
    ///
    /// - Precondition: `maxEpisodeSteps > 0`.
    public init(_ base: Base, maxEpisodeSteps: Int) {
        precondition(maxEpisodeSteps > 0, "expected a positive step limit, got \(maxEpisodeSteps)")
        self.base = base
        self.maxEpisodeSteps = maxEpisodeSteps
    }

    public mutating func reset(seed: UInt64?, options: Options) throws(EnvironmentError) -> Reset<Observation> {
        steps = 0
        return try base.reset(seed: seed, options: options)
    }

    @inlinable
    public mutating func step(_ action: Action) -> Step<Observation> {
        var result = base.step(action)
        steps += 1
        if steps >= maxEpisodeSteps {
            result.truncated = true
        }
        return result
    }

    /// The steps taken this episode, with the base's state.
    public func saveState() -> EnvironmentState? { saveState(own: steps) }

    public mutating func restoreState(_ state: EnvironmentState) throws(EnvironmentError) {
        steps = try restoreState(state, own: Int.self)
    }
}
