/// A vector environment that steps its copies one after another on the caller's thread,
/// as Gymnasium's `SyncVectorEnv`.
///
/// ```swift
/// let envs = SyncVectorEnvironment(count: 8) { _ in TimeLimit(CartPole(), maxEpisodeSteps: 500) }
/// try envs.reset(seed: 42)
/// let batch = envs.step([Int](repeating: 1, count: 8))
/// ```
public final class SyncVectorEnvironment<Base: Environment>: VectorEnvironment {
    @usableFromInline let copies: VectorCopies<Base>
    @usableFromInline var hasReset = false

    /// Makes `count` copies with `makeEnvironment(index)`.
    ///
    /// - Precondition: `count > 0`.
    public init(count: Int, autoresetMode: AutoresetMode = .nextStep, makeEnvironment: (Int) throws -> Base) rethrows {
        copies = try VectorCopies(makeEnvironment, count: count, mode: autoresetMode)
    }

    public var count: Int { copies.batch.count }
    public var autoresetMode: AutoresetMode { copies.mode }
    public var singleObservationSpace: Base.ObservationSpace { copies.observationSpace }
    public var singleActionSpace: Base.ActionSpace { copies.environments[0].actionSpace }
    public var batch: VectorBatch { copies.batch }

    public func saveState() -> VectorEnvironmentState? {
        copies.saveState()
    }

    public func restoreState(_ state: VectorEnvironmentState) throws(EnvironmentError) {
        try copies.restoreState(state)
        hasReset = true
    }

    /// The copy at `index`, for inspection.
    public func environment(_ index: Int) -> Base {
        copies.environments[index]
    }

    @discardableResult
    public func reset(seed: UInt64?, options: Options) throws(EnvironmentError) -> VectorBatch {
        try copies.reset(0..<count, seed: seed, options: options)
        hasReset = true
        return copies.batch
    }

    @inlinable @discardableResult
    public func step(_ actions: [Base.Action]) -> VectorBatch {
        precondition(actions.count == count, "expected \(count) actions, got \(actions.count)")
        precondition(hasReset, "expected reset(seed:options:) before step(_:)")
        actions.withUnsafeBufferPointer { copies.step(0..<count, actions: $0) }
        return copies.batch
    }
}
