/// Stops a program that steps an environment before resetting it, as Gymnasium's `OrderEnforcing`.
///
/// Stepping first is a programming error, so it is a precondition failure with a message
/// rather than a thrown error. `make(id:)` applies this wrapper to every environment.
public struct OrderEnforcing<Base: Environment>: Wrapper {
    public typealias Observation = Base.Observation
    public typealias Action = Base.Action
    public typealias ObservationSpace = Base.ObservationSpace
    public typealias ActionSpace = Base.ActionSpace

    public var base: Base
    @usableFromInline var resetCalled = false
    /// Whether `reset` has been called since construction.
    public var hasReset: Bool { resetCalled }

    /// Wraps `base`.
    public init(_ base: Base) {
        self.base = base
    }

    public mutating func reset(seed: UInt64?, options: Options) throws(EnvironmentError) -> Reset<Observation> {
        let result = try base.reset(seed: seed, options: options)
        resetCalled = true
        return result
    }

    @inlinable
    public mutating func step(_ action: Action) -> Step<Observation> {
        precondition(resetCalled, "expected reset(seed:options:) before step(_:), got step(_:) on an environment never reset")
        return base.step(action)
    }

    /// Whether a reset came first, with the base's state.
    public func saveState() -> EnvironmentState? { saveState(own: resetCalled) }

    public mutating func restoreState(_ state: EnvironmentState) throws(EnvironmentError) {
        resetCalled = try restoreState(state, own: Bool.self)
    }
}
