/// The copies of an environment inside a vector environment and the stepping logic both the
/// synchronous and the threaded vector environments share.
///
/// Copies live in one buffer allocated at construction; `step(_:actions:)` works on a range of
/// copies and touches only their rows of the batch, so disjoint ranges may run on different
/// threads. Each copy owns its generator, so the split across threads never changes results.
@usableFromInline
final class VectorCopies<Base: Environment>: @unchecked Sendable {
    @usableFromInline let environments: UnsafeMutableBufferPointer<Base>
    @usableFromInline let batch: VectorBatch
    @usableFromInline let mode: AutoresetMode
    /// The observation space, the same for every copy, read once so steps need not copy it.
    @usableFromInline let observationSpace: Base.ObservationSpace
    /// The actions of the step in progress, for `stepPending`; set only while a step runs.
    @usableFromInline var pendingActions: UnsafeBufferPointer<Base.Action>?

    @usableFromInline
    init(_ makeEnvironment: (Int) throws -> Base, count: Int, mode: AutoresetMode) rethrows {
        precondition(count > 0, "expected at least one copy, got \(count)")
        var made: [Base] = []
        for index in 0..<count {
            made.append(try makeEnvironment(index))
        }
        environments = .allocate(capacity: count)
        _ = environments.initialize(from: made)
        observationSpace = made[0].observationSpace
        batch = VectorBatch(
            count: count, observationSize: observationSpace.flatDimension,
            actionCount: made[0].actionSpace.indexCount ?? 0, masksActions: made[0].masksActions && made[0].actionSpace.indexCount != nil)
        self.mode = mode
    }

    deinit {
        environments.baseAddress!.deinitialize(count: environments.count)
        environments.deallocate()
    }

    /// Whether the copies have been seeded by a reset.
    @usableFromInline var isSeeded = false

    /// Resets copies in `range`; copy `i` gets seed `seed + i`, as in Gymnasium's vector envs.
    ///
    /// The first reset seeds the copies even without a seed, as `seed` 0 would (copy `i` with
    /// `i`), so unseeded copies play different episodes; later unseeded resets continue each
    /// copy's own stream.
    @inlinable
    func reset(_ range: Range<Int>, seed: UInt64?, options: Options) throws(EnvironmentError) {
        let base = seed ?? (isSeeded ? nil : 0)
        isSeeded = true
        for index in range {
            let result = try environments[index].reset(seed: base.map { $0 &+ UInt64(index) }, options: options)
            observationSpace.flatten(result.observation, into: batch.observationRow(index))
            batch.mutableRewards[index] = 0
            batch.mutableTerminations[index] = false
            batch.mutableTruncations[index] = false
            batch.mutableHasFinalObservation[index] = false
            batch.mutableHasEpisodeStatistics[index] = false
            batch.needsReset[index] = false
            batch.runningReturns[index] = 0
            batch.runningLengths[index] = 0
            writeMask(index)
        }
    }

    /// Copy `index`'s legal actions into the batch, when the environment masks.
    @inlinable
    func writeMask(_ index: Int) {
        if batch.masksActions { environments[index].writeActionMask(into: batch.actionMaskRow(index)) }
    }

    /// Steps copies in `range` with their actions, restarting ended episodes according to `mode`.
    @inlinable
    func step(_ range: Range<Int>, actions: UnsafeBufferPointer<Base.Action>) {
        for index in range {
            batch.mutableHasFinalObservation[index] = false
            batch.mutableHasEpisodeStatistics[index] = false
            if batch.needsReset[index] {
                restart(index, into: batch.observationRow(index))
                batch.mutableRewards[index] = 0
                batch.mutableTerminations[index] = false
                batch.mutableTruncations[index] = false
                batch.needsReset[index] = false
                writeMask(index)
                continue
            }
            let result = environments[index].step(actions[index])
            batch.mutableRewards[index] = result.reward
            batch.mutableTerminations[index] = result.terminated
            batch.mutableTruncations[index] = result.truncated
            batch.runningReturns[index] += result.reward
            batch.runningLengths[index] += 1
            if result.isDone {
                batch.mutableEpisodeReturns[index] = batch.runningReturns[index]
                batch.mutableEpisodeLengths[index] = batch.runningLengths[index]
                batch.mutableHasEpisodeStatistics[index] = true
                batch.runningReturns[index] = 0
                batch.runningLengths[index] = 0
            }
            let space = observationSpace
            switch (mode, result.isDone) {
            case (_, false):
                space.flatten(result.observation, into: batch.observationRow(index))
            case (.nextStep, true):
                space.flatten(result.observation, into: batch.observationRow(index))
                batch.needsReset[index] = true
            case (.sameStep, true):
                space.flatten(result.observation, into: batch.finalObservationRow(index))
                batch.mutableHasFinalObservation[index] = true
                if batch.masksActions {
                    environments[index].writeActionMask(
                        into: UnsafeMutableBufferPointer(rebasing: batch.mutableFinalActionMasks[index * batch.actionCount..<(index + 1) * batch.actionCount]))
                }
                restart(index, into: batch.observationRow(index))
            }
            writeMask(index)
        }
    }

    /// Steps copies in `range` with `pendingActions`, for worker threads.
    @inlinable
    func stepPending(_ range: Range<Int>) {
        guard let actions = pendingActions else { preconditionFailure("expected actions for the step in progress") }
        step(range, actions: actions)
    }

    @inlinable
    func restart(_ index: Int, into row: UnsafeMutableBufferPointer<Float>) {
        do {
            let result = try environments[index].reset(seed: nil, options: [:])
            observationSpace.flatten(result.observation, into: row)
        } catch {
            preconditionFailure("expected reset without options to succeed for copy \(index), got \(error)")
        }
    }
}
