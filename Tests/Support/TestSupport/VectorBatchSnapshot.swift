import Dojo

/// A copy of everything a `VectorBatch` holds after a step, for comparing two vector
/// environments (threaded against sync) step by step.
public struct VectorBatchSnapshot: Equatable, Sendable {
    public var observations: [Float]
    public var rewards: [Double]
    public var terminations: [Bool]
    public var truncations: [Bool]
    public var finalObservations: [Float]
    public var hasFinalObservation: [Bool]

    /// Copies the batch's buffers.
    public init(_ batch: VectorBatch) {
        observations = Array(batch.observations)
        rewards = Array(batch.rewards)
        terminations = Array(batch.terminations)
        truncations = Array(batch.truncations)
        finalObservations = Array(batch.finalObservations)
        hasFinalObservation = Array(batch.hasFinalObservation)
    }

    /// How many copies ended an episode at this step, either way.
    public var endedEpisodes: Int {
        zip(terminations, truncations).filter { $0 || $1 }.count
    }
}
