/// What changes as a vector environment runs: each copy's ``EnvironmentState``, the current
/// observations, the episode statistics in progress and the copies waiting for a reset, so a
/// checkpoint resumes a vectorised run exactly.
public struct VectorEnvironmentState: Codable, Equatable, Sendable {
    /// Each copy's saved state.
    public var environments: [EnvironmentState]
    /// The current observations, flattened, copy after copy.
    public var observations: [Float]
    /// The return so far of each copy's episode in progress.
    public var runningReturns: [Double]
    /// The length so far of each copy's episode in progress.
    public var runningLengths: [Int]
    /// The copies whose next step resets them (next-step autoreset).
    public var needsReset: [Bool]
    /// Whether the copies were seeded by a reset.
    public var isSeeded: Bool
}

extension VectorCopies {
    /// The copies' state, or `nil` when one of them cannot save its own.
    func saveState() -> VectorEnvironmentState? {
        var states: [EnvironmentState] = []
        for index in 0..<environments.count {
            guard let state = environments[index].saveState() else { return nil }
            states.append(state)
        }
        return VectorEnvironmentState(
            environments: states, observations: Array(batch.mutableObservations), runningReturns: Array(batch.runningReturns),
            runningLengths: Array(batch.runningLengths), needsReset: Array(batch.needsReset), isSeeded: isSeeded)
    }

    /// Restores every copy and the batch from `state`.
    func restoreState(_ state: VectorEnvironmentState) throws(EnvironmentError) {
        let count = environments.count
        guard state.environments.count == count, state.observations.count == batch.mutableObservations.count,
              state.runningReturns.count == count, state.runningLengths.count == count, state.needsReset.count == count
        else {
            throw .invalidState(
                environment: "vector environment of \(count) copies",
                reason: "the saved state has \(state.environments.count) copies or other observation sizes")
        }
        for index in 0..<count {
            try environments[index].restoreState(state.environments[index])
        }
        _ = batch.mutableObservations.update(fromContentsOf: state.observations)
        _ = batch.runningReturns.update(fromContentsOf: state.runningReturns)
        _ = batch.runningLengths.update(fromContentsOf: state.runningLengths)
        _ = batch.needsReset.update(fromContentsOf: state.needsReset)
        for index in 0..<count { writeMask(index) }
        isSeeded = state.isSeeded
    }
}
