import Dojo
import Foundation
import NeuralCore

/// Resumable DQN checkpoints: besides the policy (`q_net.*` and ``CheckpointMetadata``), the
/// target network under `q_net_target.*`, Adam's moments under `optimizer.*`, optionally the
/// replay buffer under `replay_buffer.*`, a self-playing run's opponent snapshots under
/// `opponent_pool.<id>.*`, and in `__metadata__["training_state"]` the JSON of
/// everything else a run carries: step counters, the collection phase's position, the
/// exploration and replay generators, the n-step windows, the environments' states and the
/// statistics behind the metrics. A run resumed from one ends bit-identical to the run that
/// was never stopped.
enum DQNResumableCheckpoint {
    static let targetPrefix = "q_net_target."
    static let replayPrefix = "replay_buffer."
}

/// Everything about a DQN run that is not a tensor.
struct DQNTrainingState: Codable {
    var seed: UInt64
    var timesteps: Int
    var collectionSteps: Int
    var phaseSteps: Int
    var episodes: Int
    var evaluationCount: Int
    var updates: Int
    var recentReturns: RecentReturns
    var lossSum: Double
    var lossCount: Int
    var bestMeanReturn: Double?
    var exploration: SeededGenerator
    var replay: SeededGenerator
    var accumulator: NStepAccumulator
    var environments: VectorEnvironmentState
    var optimizer: [String: String]
    var opponentPool: OpponentPool.SavedState?
    var replayBuffer: ReplayBuffer.CheckpointHeader?
}

extension DQNTraining {
    /// The run as a checkpoint: resumable when every environment copy can save its state,
    /// otherwise the policy alone.
    func checkpointContents() -> SafeTensors {
        var file = DQNCheckpoint.contents(of: learner.online, metadata: metadata())
        guard let environments = envs.saveState() else { return file }
        let online = learner.online.model.namedParameters
        file.tensors += learner.target.model.namedParameters.map { (DQNResumableCheckpoint.targetPrefix + $0.name, $0.parameter.value) }
        let progress = TrainingProgress(step: learner.updates, scheduleStep: timesteps, learningRate: learner.optimizer.learningRate)
        let optimizer = learner.optimizer.checkpoint(of: online, progress: progress)
        file.tensors += optimizer.tensors.map { (ResumableCheckpoint.optimizerPrefix + $0.name, $0.tensor) }
        if configuration.saveReplayBuffer {
            file.tensors += buffer.checkpointTensors(prefix: DQNResumableCheckpoint.replayPrefix)
        }
        var state = DQNTrainingState(
            seed: seed, timesteps: timesteps, collectionSteps: collectionSteps, phaseSteps: phaseSteps, episodes: episodes,
            evaluationCount: events.statistics.evaluationCount, updates: learner.updates,
            recentReturns: events.statistics.recentReturns, lossSum: events.statistics.lossSum,
            lossCount: events.statistics.lossCount, bestMeanReturn: events.statistics.bestMeanReturn,
            exploration: explorationGenerator, replay: replayGenerator,
            accumulator: accumulator, environments: environments, optimizer: optimizer.metadata,
            replayBuffer: configuration.saveReplayBuffer ? buffer.checkpointHeader : nil)
        state.opponentPool = events.opponentPool?.save(into: &file)
        ResumableCheckpoint.store(state, in: &file)
        return file
    }

    /// Writes ``checkpointContents()`` to the run folder's latest checkpoint, atomically.
    func writeLatestCheckpoint() throws(AgentError) {
        try ResumableCheckpoint.writeLatest(checkpointContents(), to: runFolder)
    }

    /// Continues the run saved in `file` (read from `path`): weights, optimizer, counters,
    /// generators, environments and, when saved, the replay buffer. Without a saved buffer the
    /// run resumes with an empty one, as Stable-Baselines3 does unless its buffer is loaded.
    ///
    /// - Throws: ``AgentError/invalidCheckpoint(path:reason:)`` naming what is missing or does
    ///   not fit this run.
    func restore(from file: SafeTensors, path: String) throws(AgentError) {
        let state = try ResumableCheckpoint.state(DQNTrainingState.self, in: file, path: path)
        guard state.seed == seed else {
            throw .invalidCheckpoint(path: path, reason: "was trained with seed \(state.seed), not \(seed)")
        }
        func tensors(_ prefix: String) -> SafeTensors {
            ResumableCheckpoint.tensors(withPrefix: prefix, in: file, metadata: prefix == ResumableCheckpoint.optimizerPrefix ? state.optimizer : [:])
        }
        do {
            try learner.online.model.load(tensors(DQNCheckpoint.networkPrefix))
            try learner.target.model.load(tensors(DQNResumableCheckpoint.targetPrefix))
            _ = try learner.optimizer.restore(from: tensors(ResumableCheckpoint.optimizerPrefix), parameters: learner.online.model.namedParameters)
            try envs.restoreState(state.environments)
        } catch {
            throw .invalidCheckpoint(path: path, reason: "\(error)")
        }
        if let pool = events.opponentPool, let saved = state.opponentPool {
            try pool.restore(saved, from: file, rebuilding: policy, path: path)
        }
        if let header = state.replayBuffer {
            try buffer.restore(header: header, from: file, prefix: DQNResumableCheckpoint.replayPrefix, path: path)
        }
        guard state.accumulator.steps == accumulator.steps, state.accumulator.counts.count == accumulator.counts.count else {
            throw .invalidCheckpoint(path: path, reason: "the n-step windows do not fit n_steps \(configuration.nSteps) and \(configuration.nEnvs) environments")
        }
        (timesteps, collectionSteps, phaseSteps, episodes) = (state.timesteps, state.collectionSteps, state.phaseSteps, state.episodes)
        learner.updates = state.updates
        events.statistics = TrainingEvents.Statistics(
            evaluationCount: state.evaluationCount, recentReturns: state.recentReturns, lossSum: state.lossSum,
            lossCount: state.lossCount, bestMeanReturn: state.bestMeanReturn)
        (explorationGenerator, replayGenerator, accumulator) = (state.exploration, state.replay, state.accumulator)
        isResumed = true
    }
}
