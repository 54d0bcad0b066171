/// The batched results of a vector environment, in buffers allocated once and reused every step.
///
/// Row `i` of each buffer belongs to copy `i`. Observations are flattened (see `Space.flatten`)
/// into `observationSize` Floats per copy, so a network can read the whole batch at once. Where
/// the environment masks actions, `actionMasks` holds each copy's legal actions for its current
/// observation; when a copy's episode ends, its return and length are reported for that step,
/// as Gymnasium's `RecordEpisodeStatistics` puts them in `info["episode"]`. The buffers stay
/// valid as long as the batch is referenced, and change on every step.
public final class VectorBatch: @unchecked Sendable {
    /// The number of copies.
    public let count: Int
    /// Floats per flattened observation.
    public let observationSize: Int
    /// Actions per copy when the action space is finite (``Space/indexCount``), else 0.
    public let actionCount: Int
    /// Whether the environment masks actions, so `actionMasks` is filled.
    public let masksActions: Bool
    @usableFromInline let mutableObservations: UnsafeMutableBufferPointer<Float>
    @usableFromInline let mutableFinalObservations: UnsafeMutableBufferPointer<Float>
    @usableFromInline let mutableRewards: UnsafeMutableBufferPointer<Double>
    @usableFromInline let mutableTerminations: UnsafeMutableBufferPointer<Bool>
    @usableFromInline let mutableTruncations: UnsafeMutableBufferPointer<Bool>
    @usableFromInline let mutableHasFinalObservation: UnsafeMutableBufferPointer<Bool>
    @usableFromInline let mutableActionMasks: UnsafeMutableBufferPointer<Bool>
    @usableFromInline let mutableFinalActionMasks: UnsafeMutableBufferPointer<Bool>
    @usableFromInline let mutableEpisodeReturns: UnsafeMutableBufferPointer<Double>
    @usableFromInline let mutableEpisodeLengths: UnsafeMutableBufferPointer<Int>
    @usableFromInline let mutableHasEpisodeStatistics: UnsafeMutableBufferPointer<Bool>
    @usableFromInline let needsReset: UnsafeMutableBufferPointer<Bool>
    /// The return and length of each copy's episode so far.
    @usableFromInline let runningReturns: UnsafeMutableBufferPointer<Double>
    @usableFromInline let runningLengths: UnsafeMutableBufferPointer<Int>

    init(count: Int, observationSize: Int, actionCount: Int, masksActions: Bool) {
        self.count = count
        self.observationSize = observationSize
        self.actionCount = actionCount
        self.masksActions = masksActions
        func buffer<Element>(_ size: Int, _ value: Element) -> UnsafeMutableBufferPointer<Element> {
            let buffer = UnsafeMutableBufferPointer<Element>.allocate(capacity: size)
            buffer.initialize(repeating: value)
            return buffer
        }
        mutableObservations = buffer(count * observationSize, 0)
        mutableFinalObservations = buffer(count * observationSize, 0)
        mutableRewards = buffer(count, 0)
        mutableTerminations = buffer(count, false)
        mutableTruncations = buffer(count, false)
        mutableHasFinalObservation = buffer(count, false)
        mutableActionMasks = buffer(masksActions ? count * actionCount : 0, true)
        mutableFinalActionMasks = buffer(masksActions ? count * actionCount : 0, true)
        mutableEpisodeReturns = buffer(count, 0)
        mutableEpisodeLengths = buffer(count, 0)
        mutableHasEpisodeStatistics = buffer(count, false)
        needsReset = buffer(count, false)
        runningReturns = buffer(count, 0)
        runningLengths = buffer(count, 0)
    }

    deinit {
        for buffer in [mutableObservations, mutableFinalObservations] { buffer.deallocate() }
        for buffer in [mutableTerminations, mutableTruncations, mutableHasFinalObservation, mutableActionMasks, mutableFinalActionMasks, mutableHasEpisodeStatistics, needsReset] {
            buffer.deallocate()
        }
        for buffer in [mutableRewards, mutableEpisodeReturns, runningReturns] { buffer.deallocate() }
        for buffer in [mutableEpisodeLengths, runningLengths] { buffer.deallocate() }
    }

    /// Every copy's flattened observation, row by row.
    public var observations: UnsafeBufferPointer<Float> { UnsafeBufferPointer(mutableObservations) }
    /// The final observations of episodes that ended this step (same-step autoreset only).
    public var finalObservations: UnsafeBufferPointer<Float> { UnsafeBufferPointer(mutableFinalObservations) }
    /// Each copy's reward for this step.
    public var rewards: UnsafeBufferPointer<Double> { UnsafeBufferPointer(mutableRewards) }
    /// Whether each copy's episode terminated this step.
    public var terminations: UnsafeBufferPointer<Bool> { UnsafeBufferPointer(mutableTerminations) }
    /// Whether each copy's episode was truncated this step.
    public var truncations: UnsafeBufferPointer<Bool> { UnsafeBufferPointer(mutableTruncations) }
    /// Whether `finalObservations` holds a row for each copy this step.
    public var hasFinalObservation: UnsafeBufferPointer<Bool> { UnsafeBufferPointer(mutableHasFinalObservation) }
    /// Each copy's legal actions for its current observation, `actionCount` flags per copy
    /// (empty when the environment does not mask).
    public var actionMasks: UnsafeBufferPointer<Bool> { UnsafeBufferPointer(mutableActionMasks) }
    /// The legal actions at each final observation (same-step autoreset, where the environment
    /// masks), so a learner that bootstraps from a truncated episode's last state masks it right.
    public var finalActionMasks: UnsafeBufferPointer<Bool> { UnsafeBufferPointer(mutableFinalActionMasks) }
    /// The return of each copy's episode that ended this step (see `hasEpisodeStatistics`).
    public var episodeReturns: UnsafeBufferPointer<Double> { UnsafeBufferPointer(mutableEpisodeReturns) }
    /// The length of each copy's episode that ended this step (see `hasEpisodeStatistics`).
    public var episodeLengths: UnsafeBufferPointer<Int> { UnsafeBufferPointer(mutableEpisodeLengths) }
    /// Whether each copy's episode ended this step, so its return and length are reported.
    public var hasEpisodeStatistics: UnsafeBufferPointer<Bool> { UnsafeBufferPointer(mutableHasEpisodeStatistics) }

    /// Copy `index`'s flattened observation.
    @inlinable
    public func observation(_ index: Int) -> UnsafeBufferPointer<Float> {
        UnsafeBufferPointer(observationRow(index))
    }

    /// Copy `index`'s final observation (valid when `hasFinalObservation[index]`).
    public func finalObservation(_ index: Int) -> UnsafeBufferPointer<Float> {
        UnsafeBufferPointer(finalObservationRow(index))
    }

    /// Copy `index`'s legal actions at its final observation (valid when `masksActions` and
    /// `hasFinalObservation[index]`).
    public func finalActionMask(_ index: Int) -> UnsafeBufferPointer<Bool> {
        UnsafeBufferPointer(rebasing: mutableFinalActionMasks[index * actionCount..<(index + 1) * actionCount])
    }

    /// Copy `index`'s legal actions (valid when `masksActions`).
    @inlinable
    public func actionMask(_ index: Int) -> UnsafeBufferPointer<Bool> {
        UnsafeBufferPointer(actionMaskRow(index))
    }

    @inlinable
    func observationRow(_ index: Int) -> UnsafeMutableBufferPointer<Float> {
        UnsafeMutableBufferPointer(rebasing: mutableObservations[index * observationSize..<(index + 1) * observationSize])
    }

    @inlinable
    func finalObservationRow(_ index: Int) -> UnsafeMutableBufferPointer<Float> {
        UnsafeMutableBufferPointer(rebasing: mutableFinalObservations[index * observationSize..<(index + 1) * observationSize])
    }

    @inlinable
    func actionMaskRow(_ index: Int) -> UnsafeMutableBufferPointer<Bool> {
        UnsafeMutableBufferPointer(rebasing: mutableActionMasks[index * actionCount..<(index + 1) * actionCount])
    }
}
