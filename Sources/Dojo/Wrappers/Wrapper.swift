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

    /// A wrapper without state of its own saves its base's; wrappers with state override this
    /// and nest their base's state in a ``WrappedState``.
    public func saveState() -> EnvironmentState? { base.saveState() }

    /// Restores the base's state (see ``saveState()``).
    public mutating func restoreState(_ state: EnvironmentState) throws(EnvironmentError) {
        try base.restoreState(state)
    }
}

/// A stateful wrapper's saved state: its own, and its base's nested inside.
public struct WrappedState<Own: Codable & Sendable>: Codable, Sendable {
    /// The wrapper's own state.
    public var own: Own
    /// The wrapped environment's state.
    public var base: EnvironmentState

    /// The wrapper's `own` state around its base's.
    public init(own: Own, base: EnvironmentState) {
        self.own = own
        self.base = base
    }
}

extension Wrapper {
    /// Saves `own` with the base's state nested, or `nil` when the base cannot save.
    public func saveState<Own: Codable & Sendable>(own: Own) -> EnvironmentState? {
        base.saveState().map { EnvironmentState(WrappedState(own: own, base: $0)) }
    }

    /// Restores the base's state from a ``WrappedState`` and returns the wrapper's own part.
    public mutating func restoreState<Own: Codable & Sendable>(_ state: EnvironmentState, own: Own.Type) throws(EnvironmentError) -> Own {
        let wrapped = try state.decoded(as: WrappedState<Own>.self, environment: "\(Self.self)")
        try base.restoreState(wrapped.base)
        return wrapped.own
    }
}

extension Wrapper where ObservationSpace == Base.ObservationSpace {
    @inlinable
    public var observationSpace: ObservationSpace { base.observationSpace }
}

extension Wrapper where ActionSpace == Base.ActionSpace {
    @inlinable
    public var actionSpace: ActionSpace { base.actionSpace }
}
