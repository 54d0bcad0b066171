/// Standardises observations with running statistics, as Gymnasium's `NormalizeObservation`.
///
/// Each observation becomes `(x - mean) / sqrt(variance + epsilon)`, value by value, with the
/// statistics updated from every observation while `isUpdating` is true. For evaluation, set
/// `isUpdating = false` and load the `statistics` saved from training.
public struct NormalizeObservation<Base: Environment>: Wrapper {
    public typealias Observation = [Float]
    public typealias Action = Base.Action
    public typealias ObservationSpace = Box<[Float]>
    public typealias ActionSpace = Base.ActionSpace

    public var base: Base
    public let observationSpace: Box<[Float]>
    /// The running statistics of the raw (flattened) observations.
    public var statistics: RunningMeanStd
    /// Whether observations still update `statistics`; turn off to freeze them.
    public var isUpdating = true
    /// Added to the variance before the square root, for stability.
    public let epsilon: Double

    /// Wraps `base`.
    public init(_ base: Base, epsilon: Double = 1e-8) {
        self.base = base
        self.epsilon = epsilon
        observationSpace = Box(low: -.infinity, high: .infinity, shape: [base.observationSpace.flatDimension])
        statistics = RunningMeanStd(dimension: base.observationSpace.flatDimension)
    }

    public mutating func reset(seed: UInt64?, options: Options) throws(EnvironmentError) -> Reset<[Float]> {
        let result = try base.reset(seed: seed, options: options)
        return Reset(observation: normalized(result.observation), info: result.info)
    }

    public mutating func step(_ action: Action) -> Step<[Float]> {
        let result = base.step(action)
        return Step(
            observation: normalized(result.observation), reward: result.reward,
            terminated: result.terminated, truncated: result.truncated, info: result.info)
    }

    private mutating func normalized(_ observation: Base.Observation) -> [Float] {
        var values = base.observationSpace.flattened(observation)
        if isUpdating {
            statistics.update(values.lazy.map(Double.init))
        }
        for index in values.indices {
            let scale = (statistics.variance[index] + epsilon).squareRoot()
            values[index] = Float((Double(values[index]) - statistics.mean[index]) / scale)
        }
        return values
    }

    /// The running statistics, with the base's state.
    public func saveState() -> EnvironmentState? { saveState(own: statistics) }

    public mutating func restoreState(_ state: EnvironmentState) throws(EnvironmentError) {
        statistics = try restoreState(state, own: RunningMeanStd.self)
    }
}
