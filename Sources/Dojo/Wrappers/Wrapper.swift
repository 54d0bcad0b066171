/// An environment that wraps another and changes part of its behaviour, as Gymnasium's `Wrapper`.
///
/// Wrappers compose: `TimeLimit(OrderEnforcing(CartPole()), maxEpisodeSteps: 500)`. Each keeps
/// the environment it wraps in `base`, and `unwrapped` reaches the innermost one.
public protocol Wrapper: Environment {
    /// The type of the wrapped environment.
    associatedtype Base: Environment
    /// The wrapped environment.
    var base: Base { get set }
}

extension Wrapper {
    public var metadata: EnvironmentMetadata { base.metadata }

    public func render(_ mode: RenderMode) -> RenderOutput? {
        base.render(mode)
    }

    public mutating func close() {
        base.close()
    }

    public var unwrapped: any Environment { base.unwrapped }

    /// The wrapped environment's: every wrapper forwards the action mask unless it says otherwise.
    public var masksActions: Bool { base.masksActions }

    /// The wrapped environment's mask.
    public func writeActionMask(into mask: UnsafeMutableBufferPointer<Bool>) {
        base.writeActionMask(into: mask)
    }

    /// The wrapped environment's.
    public var reportsSuccess: Bool { base.reportsSuccess }

    /// The wrapped environment's.
    public var isSuccess: Bool { base.isSuccess }
}

extension Wrapper where ObservationSpace == Base.ObservationSpace {
    @inlinable
    public var observationSpace: ObservationSpace { base.observationSpace }
}

extension Wrapper where ActionSpace == Base.ActionSpace {
    @inlinable
    public var actionSpace: ActionSpace { base.actionSpace }
}
