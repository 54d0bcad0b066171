/// Clips continuous actions into the action space's bounds before passing them on, as Gymnasium's `ClipAction`.
///
/// The wrapper accepts any real vector of the right length, so its action space is the
/// unbounded Box of the same shape.
public struct ClipAction<Base: Environment, Vector: FloatVector>: Wrapper where Base.ActionSpace == Box<Vector> {
    public typealias Observation = Base.Observation
    public typealias Action = Vector
    public typealias ObservationSpace = Base.ObservationSpace
    public typealias ActionSpace = Box<Vector>

    public var base: Base
    public let actionSpace: Box<Vector>

    /// Wraps `base`.
    public init(_ base: Base) {
        self.base = base
        actionSpace = Box(low: -.infinity, high: .infinity, shape: base.actionSpace.shape)
    }

    public mutating func reset(seed: UInt64?, options: Options) throws(EnvironmentError) -> Reset<Observation> {
        try base.reset(seed: seed, options: options)
    }

    public mutating func step(_ action: Vector) -> Step<Observation> {
        base.step(base.actionSpace.clamped(action))
    }
}
