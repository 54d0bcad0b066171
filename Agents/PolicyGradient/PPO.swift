import Dojo
import Foundation
import NeuralCore

/// Proximal Policy Optimization (Schulman et al., 2017), with masks where the environment
/// gives them: the entry point to train one.
///
/// ```swift
/// let run = try PPO(configuration: .cartPoleZoo, seed: 1).train(environmentID: "CartPole-v1", registry: .standard)
/// let score = try evaluate(policy: run.policy, environmentID: "CartPole-v1", registry: .standard, episodes: 100)
/// ```
public struct PPO {
    /// The settings.
    public var configuration: PPOConfiguration
    /// The seed of every random draw (networks, sampling, shuffling, environments).
    public var seed: UInt64
    /// Where `config.json` and `final.safetensors` go, or `nil` to keep everything in memory.
    public var runFolder: RunFolder?
    /// A checkpoint whose weights the networks start from instead of a fresh initialisation
    /// (`dojo train --init-from`: fine-tuning, transfer to another map); its networks must have
    /// this configuration's architecture.
    public var initialWeights: URL?
    /// Asked after every rollout; returning `true` stops training cleanly with a resumable
    /// `latest.safetensors` (Ctrl-C in `dojo train`).
    public var shouldStop: (() -> Bool)?
    /// Stops cleanly, as ``shouldStop`` does, once this many steps are taken (after the
    /// rollout or step that reaches it): the first part of a long run, with every schedule as
    /// the full run has it, and a resumable `latest.safetensors` that `--resume` continues.
    public var stopAfterTimesteps: Int?
    /// Called with each metrics row as it is written (progress output).
    public var onMetrics: ((MetricsRow) -> Void)?
    /// Where each periodic evaluation's policy is saved as a checkpoint, just before
    /// `onEvaluation` hears of it (`dojo train --watch` plays them while training goes on).
    public var evaluationSnapshot: URL?
    /// Called with each periodic evaluation.
    public var onEvaluation: ((EvaluationRecord) -> Void)?
    /// The threads one run may use (every core by default): above 1, the learner runs part of
    /// each update on a second thread, with the results one thread gives; concurrent runs
    /// (`dojo train --seeds`) each get their share.
    public var threads = availableProcessorCount
    /// The agent named in checkpoints.
    let agentName: String

    /// A run of `configuration` from `seed`.
    public init(configuration: PPOConfiguration, seed: UInt64 = 0, runFolder: RunFolder? = nil) {
        self.init(configuration: configuration, seed: seed, runFolder: runFolder, agentName: PPOCheckpoint.agentName)
    }

    /// A run of the policy-gradient loop named `agentName` in its checkpoints.
    init(configuration: PPOConfiguration, seed: UInt64, runFolder: RunFolder?, agentName: String) {
        self.configuration = configuration
        self.seed = seed
        self.runFolder = runFolder
        self.agentName = agentName
    }

    /// Advantage Actor-Critic (Mnih et al., 2016) as Stable-Baselines3 runs it: this loop with
    /// A2C's settings (``PPOConfiguration/a2cDefaults(nEnvs:)``), named `a2c` in checkpoints.
    public static func a2c(configuration: PPOConfiguration, seed: UInt64 = 0, runFolder: RunFolder? = nil) -> PPO {
        PPO(configuration: configuration, seed: seed, runFolder: runFolder, agentName: PPOCheckpoint.a2cAgentName)
    }

    /// REINFORCE (Williams, 1992) with an optional learned baseline: this loop with whole-episode
    /// rollouts (``PPOConfiguration/reinforceDefaults(nEnvs:)``), named `reinforce` in checkpoints.
    public static func reinforce(configuration: PPOConfiguration, seed: UInt64 = 0, runFolder: RunFolder? = nil) -> PPO {
        PPO(configuration: configuration, seed: seed, runFolder: runFolder, agentName: PPOCheckpoint.reinforceAgentName)
    }

    /// Trains on the environment registered as `environmentID`, opened with its concrete type;
    /// its spec's reward threshold ends training early with `stop_on_reward_threshold`.
    ///
    /// - Parameter checkpoint: a resumable checkpoint of this run (its latest) to continue from.
    public func train(
        environmentID: String, registry: EnvironmentRegistry, options: Options = [:], resumingFrom checkpoint: URL? = nil
    ) throws(AgentError) -> PPOTrainingResult {
        let rewardThreshold = try registry.agentSpec(environmentID).rewardThreshold
        return try registry.openForAgent(
            id: environmentID, options: options, selfPlay: configuration.selfPlay,
            with: Trainer(ppo: self, environmentID: environmentID, rewardThreshold: rewardThreshold, checkpoint: checkpoint, options: options))
    }

    /// Trains on copies of `environment`.
    ///
    /// - Parameter rewardThreshold: the evaluation mean return that stops training when
    ///   `stop_on_reward_threshold` is set.
    public func train<E: Environment>(
        on environment: E, environmentID: String, rewardThreshold: Double? = nil, resumingFrom checkpoint: URL? = nil,
        environmentOptions: Options = [:], opponentPool: OpponentPool? = nil
    ) throws(AgentError) -> PPOTrainingResult {
        let training = try PPOTraining(
            environment: environment, environmentID: environmentID, rewardThreshold: rewardThreshold, configuration: configuration,
            seed: seed, agentName: agentName, runFolder: runFolder, initialWeights: initialWeights, threads: threads)
        training.events.onMetrics = onMetrics
        training.events.onEvaluation = onEvaluation
        training.events.evaluationSnapshot = evaluationSnapshot
        training.events.opponentPool = opponentPool
        training.shouldStop = shouldStop
        training.stopAfterTimesteps = stopAfterTimesteps
        training.metadataOptions = environmentOptions
        if let checkpoint { try training.restore(from: ResumableCheckpoint.read(checkpoint), path: checkpoint.path) }
        try training.run()
        return PPOTrainingResult(
            policy: training.policy, timesteps: training.timesteps, updates: training.updates, episodes: training.episodes,
            metrics: training.events.metrics, evaluations: training.events.evaluations,
            bestMeanReturn: training.events.statistics.bestMeanReturn, stoppedEarly: training.events.stoppedEarly,
            interrupted: training.interrupted, metadata: training.metadata())
    }

    /// The run saved in a resumable `checkpoint` (a run folder's latest): its agent, settings
    /// and seed, writing into `runFolder`; pass the checkpoint to
    /// ``train(environmentID:registry:options:resumingFrom:)`` to continue it.
    ///
    /// - Returns: the run and the id of the environment it trains on.
    /// - Throws: ``AgentError/invalidCheckpoint(path:reason:)`` when the file is not a resumable
    ///   policy-gradient checkpoint.
    public static func resuming(from checkpoint: URL, runFolder: RunFolder?) throws(AgentError) -> (ppo: PPO, environmentID: String) {
        let file = try ResumableCheckpoint.read(checkpoint)
        let metadata = try CheckpointMetadata(entries: file.metadata, path: checkpoint.path)
        guard PPOCheckpoint.agentNames.contains(metadata.agent) else {
            throw .invalidCheckpoint(path: checkpoint.path, reason: "holds a '\(metadata.agent)' agent, not one of \(PPOCheckpoint.agentNames.joined(separator: ", "))")
        }
        let configuration = try PPOConfiguration(json: metadata.hyperparameters)
        let state = try ResumableCheckpoint.state(PPOTrainingState.self, in: file, path: checkpoint.path)
        let ppo = PPO(configuration: configuration, seed: state.seed, runFolder: runFolder, agentName: metadata.agent)
        return (ppo, metadata.environmentID)
    }

    private struct Trainer: SelfPlayTrainer {
        let ppo: PPO
        let environmentID: String
        let rewardThreshold: Double?
        let checkpoint: URL?
        let options: Options
        /// The pool a self-playing run feeds, once ``SelfPlayOpening`` has wrapped the environment.
        var opponentPool: OpponentPool?

        func visit<E: Environment>(_ environment: E) throws -> PPOTrainingResult {
            try ppo.train(
                on: environment, environmentID: environmentID, rewardThreshold: rewardThreshold, resumingFrom: checkpoint,
                environmentOptions: options, opponentPool: opponentPool)
        }
    }
}

/// What a PPO run produced.
public struct PPOTrainingResult {
    /// The trained actor-critic as a policy (greedy when evaluated deterministically).
    public let policy: ActorCriticPolicy
    /// Environment steps taken.
    public let timesteps: Int
    /// Gradient steps taken.
    public let updates: Int
    /// Episodes finished.
    public let episodes: Int
    /// One row per metrics interval.
    public let metrics: [MetricsRow]
    /// The periodic evaluations.
    public let evaluations: [EvaluationRecord]
    /// The best periodic evaluation's mean return, or `nil` without evaluations.
    public let bestMeanReturn: Double?
    /// Whether an evaluation reached the reward threshold and ended training early.
    public let stoppedEarly: Bool
    /// Whether ``PPO/shouldStop`` ended training before its budget; the run folder's latest
    /// checkpoint then continues it.
    public let interrupted: Bool
    /// The metadata of the final checkpoint.
    public let metadata: CheckpointMetadata
}
