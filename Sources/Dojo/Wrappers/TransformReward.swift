/// Applies a function to every reward, as Gymnasium's `TransformReward`.
public struct TransformReward<Base: Environment>: Wrapper {
    public typealias Observation = Base.Observation
    public typealias Action = Base.Action
    public typealias ObservationSpace = Base.ObservationSpace
    public typealias ActionSpace = Base.ActionSpace

    public var base: Base
    /// The function applied to each reward.
    public let transform: @Sendable (Double) -> Double

    /// Wraps `base` so each step's reward becomes `transform(reward)`.
    public init(_ base: Base, transform: @escaping @Sendable (Double) -> Double) {
        self.base = base
        self.transform = transform
    }

    public mutating func reset(seed: UInt64?, options: Options) throws(EnvironmentError) -> Reset<Observation> {
        try base.reset(seed: seed, options: options)
    }

    public mutating func step(_ action: Action) -> Step<Observation> {
        var result = base.step(action)
        result.reward = transform(result.reward)
        return result
    }
}
