import Foundation

/// A vector environment that splits its copies into contiguous chunks stepped in parallel, one
/// chunk per thread.
///
/// The caller's thread steps the first chunk while long-lived worker threads step the others;
/// workers wait on semaphores between steps, so a step spawns nothing and allocates nothing.
/// Results are identical to `SyncVectorEnvironment`'s for the same seeds, since each copy owns
/// its generator and chunks never share a copy. Workers stop when the object is released.
public final class ThreadedVectorEnvironment<Base: Environment>: VectorEnvironment {
    @usableFromInline let copies: VectorCopies<Base>
    @usableFromInline let pool: ChunkPool
    @usableFromInline var hasReset = false

    /// Makes `count` copies with `makeEnvironment(index)` and steps them on `threads` threads.
    ///
    /// - Parameter threads: threads to use, the caller's included; at most `count`. Defaults to
    ///   the number of active processors.
    /// - Precondition: `count > 0` and `threads > 0`.
    @inlinable
    public init(
        count: Int, threads: Int = ProcessInfo.processInfo.activeProcessorCount,
        autoresetMode: AutoresetMode = .nextStep, makeEnvironment: (Int) throws -> Base
    ) rethrows {
        precondition(threads > 0, "expected a positive thread count, got \(threads)")
        copies = try VectorCopies(makeEnvironment, count: count, mode: autoresetMode)
        let copies = copies
        pool = ChunkPool(itemCount: count, threads: min(threads, count)) { range in copies.stepPending(range) }
    }

    deinit {
        pool.stop()
    }

    /// The number of threads stepping the copies, the caller's included.
    public var threadCount: Int { pool.chunks.count }
    public var count: Int { copies.batch.count }
    public var autoresetMode: AutoresetMode { copies.mode }
    public var singleObservationSpace: Base.ObservationSpace { copies.observationSpace }
    public var singleActionSpace: Base.ActionSpace { copies.environments[0].actionSpace }
    public var batch: VectorBatch { copies.batch }

    /// Blocks until every worker thread has gone to sleep, as workers do when no step comes
    /// for a while (an agent learning between steps); the next step then wakes them.
    ///
    /// Tests and benchmarks use it to exercise that wake-up path on purpose, without sleeping
    /// for a guessed time.
    public func waitUntilWorkersSleep() {
        pool.waitUntilWorkersSleep()
    }

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
        actions.withUnsafeBufferPointer { actions in
            copies.pendingActions = actions
            pool.run()
            copies.pendingActions = nil
        }
        return copies.batch
    }
}
