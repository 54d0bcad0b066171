/// Several copies of one environment stepped together into batched buffers, as Gymnasium's vector envs.
///
/// `reset(seed:options:)` seeds copy `i` with `seed + i` (with `i` at a first reset without a seed); `step(_:)` takes one action per copy
/// and fills the shared `batch`. Ended episodes restart automatically (see `AutoresetMode`).
/// `SyncVectorEnvironment` steps the copies on the caller's thread; `ThreadedVectorEnvironment`
/// splits them across threads. Given the same seeds both produce identical batches, because
/// every copy owns its generator.
public protocol VectorEnvironment<Base>: AnyObject {
    /// The type of each copy.
    associatedtype Base: Environment

    /// The number of copies.
    var count: Int { get }
    /// When ended episodes restart.
    var autoresetMode: AutoresetMode { get }
    /// The space of one copy's observation (before flattening).
    var singleObservationSpace: Base.ObservationSpace { get }
    /// The space of one copy's action.
    var singleActionSpace: Base.ActionSpace { get }
    /// The buffers that `reset` and `step` fill.
    var batch: VectorBatch { get }

    /// A copy of copy `index` as it stands, for inspection.
    func environment(_ index: Int) -> Base

    /// Resets every copy; copy `i` is seeded with `seed + i` when a seed is given.
    ///
    /// Without a seed, the first reset seeds copy `i` with `i` (as `seed: 0` would), so the
    /// copies differ and the run is still reproducible; a later reset without a seed continues
    /// each copy's own stream, as Gymnasium's does.
    ///
    /// - Throws: `EnvironmentError.invalidOption` when a copy rejects `options`.
    @discardableResult
    func reset(seed: UInt64?, options: Options) throws(EnvironmentError) -> VectorBatch

    /// Steps every copy with its action from `actions` and returns the filled batch.
    ///
    /// - Precondition: `actions.count == count`, and `reset` was called first.
    /// - Complexity: O(count); no heap allocation.
    @discardableResult
    func step(_ actions: [Base.Action]) -> VectorBatch

    /// The copies' state and the batch in progress, for a checkpoint that resumes a run
    /// exactly, or `nil` when a copy cannot save its state.
    func saveState() -> VectorEnvironmentState?

    /// Returns every copy and the batch to a state ``saveState()`` gave; the next step is the
    /// one the saved run would have taken.
    ///
    /// - Throws: ``EnvironmentError/invalidState(environment:reason:)`` when the state has
    ///   another number of copies or sizes, or a copy refuses its part.
    func restoreState(_ state: VectorEnvironmentState) throws(EnvironmentError)
}

extension VectorEnvironment {
    /// Resets every copy without options; see `reset(seed:options:)`.
    @discardableResult
    public func reset(seed: UInt64? = nil) throws(EnvironmentError) -> VectorBatch {
        try reset(seed: seed, options: [:])
    }
}
