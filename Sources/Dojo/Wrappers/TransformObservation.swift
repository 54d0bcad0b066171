/// Applies a function to every observation, as Gymnasium's `TransformObservation`.
///
/// The caller states the space the new observations lie in, since the wrapper cannot derive it.
public struct TransformObservation<Base: Environment, NewSpace: Space>: Wrapper {
    public typealias Observation = NewSpace.Element
    public typealias Action = Base.Action
    public typealias ObservationSpace = NewSpace
    public typealias ActionSpace = Base.ActionSpace

    public var base: Base
    public let observationSpace: NewSpace
    /// The function applied to each observation.
    public let transform: @Sendable (Base.Observation) -> NewSpace.Element

    /// Wraps `base` so each observation becomes `transform(observation)`, an element of `observationSpace`.
    public init(
        _ base: Base, observationSpace: NewSpace,
        transform: @escaping @Sendable (Base.Observation) -> NewSpace.Element
    ) {
        self.base = base
        self.observationSpace = observationSpace
        self.transform = transform
    }

    public mutating func reset(seed: UInt64?, options: Options) throws(EnvironmentError) -> Reset<Observation> {
        let result = try base.reset(seed: seed, options: options)
        return Reset(observation: transform(result.observation), info: result.info)
    }

    public mutating func step(_ action: Action) -> Step<Observation> {
        let result = base.step(action)
        return Step(
            observation: transform(result.observation), reward: result.reward,
            terminated: result.terminated, truncated: result.truncated, info: result.info)
    }
}
