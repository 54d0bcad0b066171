import Dojo
import Foundation

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
    /// Called with each metrics row as it is written (progress output).
    public var onMetrics: ((MetricsRow) -> Void)?
    /// Called with each periodic evaluation.
    public var onEvaluation: ((EvaluationRecord) -> Void)?
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
    public func train(environmentID: String, registry: EnvironmentRegistry, options: Options = [:]) throws(AgentError) -> PPOTrainingResult {
        let spec: EnvironmentSpec
        do {
            spec = try registry.spec(environmentID)
        } catch {
            throw .environment(error)
        }
        return try registry.openForAgent(
            id: environmentID, options: options,
            with: Trainer(ppo: self, environmentID: environmentID, rewardThreshold: spec.rewardThreshold))
    }

    /// Trains on copies of `environment`.
    ///
    /// - Parameter rewardThreshold: the evaluation mean return that stops training when
    ///   `stop_on_reward_threshold` is set.
    public func train<E: Environment>(on environment: E, environmentID: String, rewardThreshold: Double? = nil) throws(AgentError) -> PPOTrainingResult {
        let training = try PPOTraining(
            environment: environment, environmentID: environmentID, rewardThreshold: rewardThreshold, configuration: configuration,
            seed: seed, agentName: agentName, runFolder: runFolder, initialWeights: initialWeights)
        training.events.onMetrics = onMetrics
        training.events.onEvaluation = onEvaluation
        try training.run()
        return PPOTrainingResult(
            policy: training.policy, timesteps: training.timesteps, updates: training.updates, episodes: training.episodes,
            metrics: training.events.metrics, evaluations: training.events.evaluations,
            bestMeanReturn: training.events.statistics.bestMeanReturn, stoppedEarly: training.events.stoppedEarly,
            metadata: training.metadata())
    }

    private struct Trainer: EnvironmentVisitor {
        let ppo: PPO
        let environmentID: String
        let rewardThreshold: Double?

        func visit<E: Environment>(_ environment: E) throws -> PPOTrainingResult {
            try ppo.train(on: environment, environmentID: environmentID, rewardThreshold: rewardThreshold)
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
    /// The metadata of the final checkpoint.
    public let metadata: CheckpointMetadata
}
