/// Turns every observation into its flat `[Float]` form, as Gymnasium's `FlattenObservation`.
///
/// Discrete observations become one-hot vectors (so this is also the one-hot wrapper for
/// tabular environments, see `oneHotObservations()`), Box observations their values in
/// row-major order, and composite observations the concatenation of their parts.
public struct FlattenObservation<Base: Environment>: Wrapper {
    public typealias Observation = [Float]
    public typealias Action = Base.Action
    public typealias ObservationSpace = Box<[Float]>
    public typealias ActionSpace = Base.ActionSpace

    public var base: Base
    public let observationSpace: Box<[Float]>

    /// Wraps `base`.
    public init(_ base: Base) {
        self.base = base
        observationSpace = base.observationSpace.flattenedSpace
    }

    public mutating func reset(seed: UInt64?, options: Options) throws(EnvironmentError) -> Reset<[Float]> {
        let result = try base.reset(seed: seed, options: options)
        return Reset(observation: base.observationSpace.flattened(result.observation), info: result.info)
    }

    public mutating func step(_ action: Action) -> Step<[Float]> {
        let result = base.step(action)
        return Step(
            observation: base.observationSpace.flattened(result.observation), reward: result.reward,
            terminated: result.terminated, truncated: result.truncated, info: result.info)
    }
}

extension Environment where ObservationSpace == Discrete {
    /// This environment with each state index replaced by its one-hot vector of length `n`.
    ///
    /// For tabular environments such as FrozenLake, whose states a network cannot read as numbers.
    public func oneHotObservations() -> FlattenObservation<Self> {
        FlattenObservation(self)
    }
}
