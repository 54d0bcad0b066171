import Dojo
import Foundation
import NeuralCore

/// Resumable policy-gradient checkpoints, written between rollouts: the networks as in `final`
/// (`policy.*`, `value.*`, `lstm.*` and ``CheckpointMetadata``), the optimizer's state under
/// `optimizer.*`, a recurrent policy's memory of every copy under `memory.hidden` and
/// `memory.cell`, a self-playing run's opponent snapshots under `opponent_pool.<id>.*`, and in
/// `__metadata__["training_state"]` the JSON of everything else: the counters, both
/// generators, the shuffled orders, the episode-start flags, the environments' states and the
/// statistics behind the metrics. A run resumed from one ends bit-identical to
/// the run that was never stopped.
enum PPOResumableCheckpoint {
    static let memoryHidden = "memory.hidden"
    static let memoryCell = "memory.cell"
}

/// Everything about a policy-gradient run between rollouts that is not a tensor.
struct PPOTrainingState: Codable {
    var seed: UInt64
    var timesteps: Int
    var episodes: Int
    var updates: Int
    var statistics: TrainingEvents.Statistics
    var collection: SeededGenerator
    var shuffle: SeededGenerator
    var rows: [Int]
    var copyOrder: [Int]
    var episodeStarts: [Bool]
    var environments: VectorEnvironmentState
    var optimizer: [String: String]
    var opponentPool: OpponentPool.SavedState?
}

extension PPOTraining {
    /// The run as a checkpoint: resumable when every environment copy can save its state,
    /// otherwise the networks alone.
    func checkpointContents() -> SafeTensors {
        var file = learner.network.module.state(metadata: metadata().entries)
        guard let environments = envs.saveState() else { return file }
        let named = learner.network.module.namedParameters
        let progress = TrainingProgress(step: updates, scheduleStep: timesteps, learningRate: learner.optimizer.learningRate)
        let optimizer = learner.optimizer.checkpoint(of: named, progress: progress)
        file.tensors += optimizer.tensors.map { (ResumableCheckpoint.optimizerPrefix + $0.name, $0.tensor) }
        if let memory = policy.memory {
            let shape = [memory.rows, memory.hiddenSize]
            file.tensors.append((PPOResumableCheckpoint.memoryHidden, Tensor(shape: shape, scalars: memory.hidden)))
            file.tensors.append((PPOResumableCheckpoint.memoryCell, Tensor(shape: shape, scalars: memory.cell)))
        }
        var state = PPOTrainingState(
            seed: seed, timesteps: timesteps, episodes: episodes, updates: updates, statistics: events.statistics,
            collection: collectionGenerator, shuffle: shuffleGenerator, rows: rows, copyOrder: copyOrder, episodeStarts: episodeStarts,
            environments: environments, optimizer: optimizer.metadata)
        state.opponentPool = events.opponentPool?.save(into: &file)
        ResumableCheckpoint.store(state, in: &file)
        return file
    }

    /// Writes ``checkpointContents()`` to the run folder's latest checkpoint, atomically.
    func writeLatestCheckpoint() throws(AgentError) {
        try ResumableCheckpoint.writeLatest(checkpointContents(), to: runFolder)
    }

    /// Continues the run saved in `file` (read from `path`): weights, optimizer, memory,
    /// counters, generators, orders and environments.
    ///
    /// - Throws: ``AgentError/invalidCheckpoint(path:reason:)`` naming what is missing or does
    ///   not fit this run.
    func restore(from file: SafeTensors, path: String) throws(AgentError) {
        let state = try ResumableCheckpoint.state(PPOTrainingState.self, in: file, path: path)
        guard state.seed == seed else {
            throw .invalidCheckpoint(path: path, reason: "was trained with seed \(state.seed), not \(seed)")
        }
        guard state.rows.count == rows.count, state.copyOrder.count == copyOrder.count, state.episodeStarts.count == episodeStarts.count else {
            throw .invalidCheckpoint(path: path, reason: "its rollouts do not fit n_steps \(configuration.nSteps) and \(configuration.nEnvs) environments")
        }
        let optimizer = ResumableCheckpoint.tensors(withPrefix: ResumableCheckpoint.optimizerPrefix, in: file, metadata: state.optimizer)
        do {
            try learner.network.module.load(file)
            _ = try learner.optimizer.restore(from: optimizer, parameters: learner.network.module.namedParameters)
            try envs.restoreState(state.environments)
        } catch {
            throw .invalidCheckpoint(path: path, reason: "\(error)")
        }
        if let pool = events.opponentPool, let saved = state.opponentPool {
            try pool.restore(saved, from: file, rebuilding: policy, path: path)
        }
        if policy.memory != nil {
            guard let hidden = file[PPOResumableCheckpoint.memoryHidden], let cell = file[PPOResumableCheckpoint.memoryCell],
                  hidden.shape == [envs.count, configuration.lstmHiddenSize], cell.shape == hidden.shape
            else {
                throw .invalidCheckpoint(path: path, reason: "expected the recurrent memory of \(envs.count) copies")
            }
            policy.memory?.restore(hidden: hidden.scalars, cell: cell.scalars)
        }
        (timesteps, episodes, updates, events.statistics) = (state.timesteps, state.episodes, state.updates, state.statistics)
        (collectionGenerator, shuffleGenerator) = (state.collection, state.shuffle)
        (rows, copyOrder, episodeStarts) = (state.rows, state.copyOrder, state.episodeStarts)
        isResumed = true
    }
}
