/// The batched results of a vector environment, in buffers allocated once and reused every step.
///
/// Row `i` of each buffer belongs to copy `i`. Observations are flattened (see `Space.flatten`)
/// into `observationSize` Floats per copy, so a network can read the whole batch at once.
/// The buffers stay valid as long as the batch is referenced, and change on every step.
public final class VectorBatch: @unchecked Sendable {
    /// The number of copies.
    public let count: Int
    /// Floats per flattened observation.
    public let observationSize: Int
    @usableFromInline let mutableObservations: UnsafeMutableBufferPointer<Float>
    @usableFromInline let mutableFinalObservations: UnsafeMutableBufferPointer<Float>
    @usableFromInline let mutableRewards: UnsafeMutableBufferPointer<Double>
    @usableFromInline let mutableTerminations: UnsafeMutableBufferPointer<Bool>
    @usableFromInline let mutableTruncations: UnsafeMutableBufferPointer<Bool>
    @usableFromInline let mutableHasFinalObservation: UnsafeMutableBufferPointer<Bool>
    @usableFromInline let needsReset: UnsafeMutableBufferPointer<Bool>

    init(count: Int, observationSize: Int) {
        self.count = count
        self.observationSize = observationSize
        mutableObservations = .allocate(capacity: count * observationSize)
        mutableObservations.initialize(repeating: 0)
        mutableFinalObservations = .allocate(capacity: count * observationSize)
        mutableFinalObservations.initialize(repeating: 0)
        mutableRewards = .allocate(capacity: count)
        mutableRewards.initialize(repeating: 0)
        mutableTerminations = .allocate(capacity: count)
        mutableTerminations.initialize(repeating: false)
        mutableTruncations = .allocate(capacity: count)
        mutableTruncations.initialize(repeating: false)
        mutableHasFinalObservation = .allocate(capacity: count)
        mutableHasFinalObservation.initialize(repeating: false)
        needsReset = .allocate(capacity: count)
        needsReset.initialize(repeating: false)
    }

    deinit {
        mutableObservations.deallocate()
        mutableFinalObservations.deallocate()
        mutableRewards.deallocate()
        mutableTerminations.deallocate()
        mutableTruncations.deallocate()
        mutableHasFinalObservation.deallocate()
        needsReset.deallocate()
    }

    /// All observations, `count` rows of `observationSize`.
    public var observations: UnsafeBufferPointer<Float> { UnsafeBufferPointer(mutableObservations) }
    /// In `sameStep` mode, the last observation of the episodes that ended on this step (rows
    /// where `hasFinalObservation` is true); in `nextStep` mode that observation is in `observations`.
    public var finalObservations: UnsafeBufferPointer<Float> { UnsafeBufferPointer(mutableFinalObservations) }
    /// The reward of each copy on this step.
    public var rewards: UnsafeBufferPointer<Double> { UnsafeBufferPointer(mutableRewards) }
    /// Whether each copy's episode terminated on this step.
    public var terminations: UnsafeBufferPointer<Bool> { UnsafeBufferPointer(mutableTerminations) }
    /// Whether each copy's episode was truncated on this step.
    public var truncations: UnsafeBufferPointer<Bool> { UnsafeBufferPointer(mutableTruncations) }
    /// Whether `finalObservations` holds a row for each copy on this step.
    public var hasFinalObservation: UnsafeBufferPointer<Bool> { UnsafeBufferPointer(mutableHasFinalObservation) }

    /// The observation of copy `index`.
    @inlinable
    public func observation(_ index: Int) -> UnsafeBufferPointer<Float> {
        UnsafeBufferPointer(observationRow(index))
    }

    /// The final observation of copy `index`, meaningful where `hasFinalObservation[index]`.
    public func finalObservation(_ index: Int) -> UnsafeBufferPointer<Float> {
        UnsafeBufferPointer(finalObservationRow(index))
    }

    @inlinable
    func observationRow(_ index: Int) -> UnsafeMutableBufferPointer<Float> {
        UnsafeMutableBufferPointer(rebasing: mutableObservations[index * observationSize..<(index + 1) * observationSize])
    }

    @inlinable
    func finalObservationRow(_ index: Int) -> UnsafeMutableBufferPointer<Float> {
        UnsafeMutableBufferPointer(rebasing: mutableFinalObservations[index * observationSize..<(index + 1) * observationSize])
    }
}
