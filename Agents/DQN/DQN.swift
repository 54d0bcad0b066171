import Dojo
import Foundation
import NeuralCore

/// Deep Q-learning (Mnih et al., 2015) with Double DQN, dueling heads, n-step returns,
/// prioritized replay and action masking as options: the entry point to train one.
///
/// ```swift
/// let dqn = DQN(configuration: .cartPoleDefault, seed: 1)
/// let run = try dqn.train(environmentID: "CartPole-v1", registry: .standard)
/// let score = try evaluate(policy: run.policy, environment: CartPole(), episodes: 100)
/// ```
public struct DQN {
    /// The settings.
    public var configuration: DQNConfiguration
    /// The seed of every random draw (network, exploration, replay, environments).
    public var seed: UInt64
    /// Where checkpoints and metrics go, or `nil` to keep everything in memory.
    public var runFolder: RunFolder?
    /// Called with each metrics row as it is written (progress output).
    public var onMetrics: ((MetricsRow) -> Void)?
    /// A DQN checkpoint whose Q-network weights training starts from instead of a fresh
    /// initialisation (`dojo train --init-from`); its network must have this configuration's
    /// architecture.
    public var initialWeights: URL?
    /// Where each periodic evaluation's policy is saved as a checkpoint, just before
    /// `onEvaluation` hears of it (`dojo train --watch` plays them while training goes on).
    public var evaluationSnapshot: URL?
    /// Called after each periodic evaluation.
    public var onEvaluation: ((EvaluationRecord) -> Void)?
    /// Asked after every environment step; `true` stops training cleanly, writing a resumable
    /// latest checkpoint into the run folder (how `dojo train` handles Ctrl-C).
    public var shouldStop: (() -> Bool)?
    /// Stops cleanly, as ``shouldStop`` does, once this many steps are taken (after the
    /// rollout or step that reaches it): the first part of a long run, with every schedule as
    /// the full run has it, and a resumable `latest.safetensors` that `--resume` continues.
    public var stopAfterTimesteps: Int?
    /// The threads one run may use (every core by default): above 1, the learner runs part of
    /// each update on a second thread, with the results one thread gives; concurrent runs
    /// (`dojo train --seeds`) each get their share.
    public var threads = availableProcessorCount

    /// A run of `configuration` from `seed`.
    public init(configuration: DQNConfiguration, seed: UInt64 = 0, runFolder: RunFolder? = nil) {
        self.configuration = configuration
        self.seed = seed
        self.runFolder = runFolder
    }

    /// Trains on the environment registered as `environmentID` (with its time limit), opened
    /// with its concrete type so stepping is specialised.
    ///
    /// - Throws: ``AgentError`` for an invalid configuration, an environment without discrete
    ///   actions, an unknown id or a file that cannot be written.
    /// - Parameter checkpoint: a resumable checkpoint of this run (its latest) to continue from.
    public func train(
        environmentID: String, registry: EnvironmentRegistry, options: Options = [:], resumingFrom checkpoint: URL? = nil
    ) throws(AgentError) -> DQNTrainingResult {
        let rewardThreshold = try registry.agentSpec(environmentID).rewardThreshold
        return try registry.openForAgent(
            id: environmentID, options: options, selfPlay: configuration.selfPlay,
            with: Trainer(dqn: self, environmentID: environmentID, rewardThreshold: rewardThreshold, checkpoint: checkpoint, options: options))
    }

    /// Trains on copies of `environment`.
    ///
    /// - Parameters:
    ///   - environmentID: the id written into checkpoints.
    ///   - rewardThreshold: the evaluation mean return that stops training when
    ///     `stop_on_reward_threshold` is set.
    ///   - checkpoint: a resumable checkpoint of this run to continue from.
    public func train<E: Environment>(
        on environment: E, environmentID: String, rewardThreshold: Double? = nil, resumingFrom checkpoint: URL? = nil,
        environmentOptions: Options = [:], opponentPool: OpponentPool? = nil
    ) throws(AgentError) -> DQNTrainingResult {
        let training = try DQNTraining(
            environment: environment, environmentID: environmentID, rewardThreshold: rewardThreshold,
            configuration: configuration, seed: seed, runFolder: runFolder, initialWeights: initialWeights,
            threads: threads)
        training.events.onMetrics = onMetrics
        training.events.onEvaluation = onEvaluation
        training.events.evaluationSnapshot = evaluationSnapshot
        training.events.opponentPool = opponentPool
        training.shouldStop = shouldStop
        training.stopAfterTimesteps = stopAfterTimesteps
        training.metadataOptions = environmentOptions
        if let checkpoint { try training.restore(from: ResumableCheckpoint.read(checkpoint), path: checkpoint.path) }
        return try training.run()
    }

    /// The run saved in a resumable `checkpoint` (a run folder's latest), with its
    /// configuration and seed, writing into `runFolder`; pass the checkpoint to
    /// ``train(environmentID:registry:options:resumingFrom:)`` to continue it.
    ///
    /// - Returns: the run and the id of the environment it trains on.
    /// - Throws: ``AgentError/invalidCheckpoint(path:reason:)`` when the file is not a
    ///   resumable DQN checkpoint.
    public static func resuming(from checkpoint: URL, runFolder: RunFolder?) throws(AgentError) -> (dqn: DQN, environmentID: String) {
        let file = try ResumableCheckpoint.read(checkpoint)
        let (_, metadata, configuration) = try DQNCheckpoint.load(file, path: checkpoint.path)
        let state = try ResumableCheckpoint.state(DQNTrainingState.self, in: file, path: checkpoint.path)
        return (DQN(configuration: configuration, seed: state.seed, runFolder: runFolder), metadata.environmentID)
    }

    private struct Trainer: SelfPlayTrainer {
        let dqn: DQN
        let environmentID: String
        let rewardThreshold: Double?
        let checkpoint: URL?
        let options: Options
        /// The pool a self-playing run feeds, once ``SelfPlayOpening`` has wrapped the environment.
        var opponentPool: OpponentPool?

        func visit<E: Environment>(_ environment: E) throws -> DQNTrainingResult {
            try dqn.train(
                on: environment, environmentID: environmentID, rewardThreshold: rewardThreshold, resumingFrom: checkpoint,
                environmentOptions: options, opponentPool: opponentPool)
        }
    }
}

/// What a DQN run produced.
public struct DQNTrainingResult {
    /// The trained network as a greedy policy (epsilon-greedy with the final exploration rate
    /// when not deterministic).
    public let policy: DQNPolicy
    /// One row per metrics interval.
    public let metrics: [MetricsRow]
    /// The periodic evaluations.
    public let evaluations: [EvaluationRecord]
    /// Environment steps taken.
    public let timesteps: Int
    /// Gradient steps taken.
    public let updates: Int
    /// Episodes finished.
    public let episodes: Int
    /// The best periodic evaluation's mean return, if any ran.
    public let bestMeanReturn: Double?
    /// Whether training stopped at the reward threshold.
    public let stoppedEarly: Bool
    /// Whether ``DQN/shouldStop`` ended training before its budget; the run folder's latest
    /// checkpoint then resumes it.
    public let interrupted: Bool
    /// The metadata of the final checkpoint.
    public let metadata: CheckpointMetadata
}
