/// Scales rewards by the running spread of the discounted return, as Gymnasium's `NormalizeReward`.
///
/// The wrapper keeps the discounted return `G = gamma * G * (1 - terminated) + r` and divides
/// each reward by `sqrt(variance(G) + epsilon)`, which keeps value targets near unit scale
/// without shifting them. Freeze with `isUpdating = false` and restore `statistics` for evaluation.
public struct NormalizeReward<Base: Environment>: Wrapper {
    public typealias Observation = Base.Observation
    public typealias Action = Base.Action
    public typealias ObservationSpace = Base.ObservationSpace
    public typealias ActionSpace = Base.ActionSpace

    public var base: Base
    /// The discount factor γ of the return whose spread scales rewards.
    public let gamma: Double
    /// Added to the variance before the square root, for stability.
    public let epsilon: Double
    /// The running statistics of the discounted return.
    public var statistics = RunningMeanStd(dimension: 1)
    /// Whether rewards still update `statistics`; turn off to freeze them.
    public var isUpdating = true
    private var discountedReturn = 0.0

    /// Wraps `base`.
    public init(_ base: Base, gamma: Double = 0.99, epsilon: Double = 1e-8) {
        self.base = base
        self.gamma = gamma
        self.epsilon = epsilon
    }

    public mutating func reset(seed: UInt64?, options: Options) throws(EnvironmentError) -> Reset<Observation> {
        try base.reset(seed: seed, options: options)
    }

    public mutating func step(_ action: Action) -> Step<Observation> {
        var result = base.step(action)
        discountedReturn = discountedReturn * gamma * (result.terminated ? 0 : 1) + result.reward
        if isUpdating {
            statistics.update(CollectionOfOne(discountedReturn))
        }
        result.reward /= (statistics.variance[0] + epsilon).squareRoot()
        return result
    }

    /// The running statistics and discounted return, with the base's state.
    private struct Running: Codable, Sendable {
        var statistics: RunningMeanStd
        var discountedReturn: Double
    }

    public func saveState() -> EnvironmentState? { saveState(own: Running(statistics: statistics, discountedReturn: discountedReturn)) }

    public mutating func restoreState(_ state: EnvironmentState) throws(EnvironmentError) {
        let running = try restoreState(state, own: Running.self)
        (statistics, discountedReturn) = (running.statistics, running.discountedReturn)
    }
}
