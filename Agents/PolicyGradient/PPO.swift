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

    /// Trains on the environment registered as `environmentID`, opened with its concrete type.
    public func train(environmentID: String, registry: EnvironmentRegistry, options: Options = [:]) throws(AgentError) -> PPOTrainingResult {
        try registry.openForAgent(id: environmentID, options: options, with: Trainer(ppo: self, environmentID: environmentID))
    }

    /// Trains on copies of `environment`.
    public func train<E: Environment>(on environment: E, environmentID: String) throws(AgentError) -> PPOTrainingResult {
        let training = try PPOTraining(
            environment: environment, environmentID: environmentID, configuration: configuration, seed: seed, agentName: agentName)
        try runFolder?.write(configuration.jsonValue.jsonText + "\n", to: "config.json")
        try training.run()
        let metadata = training.metadata()
        if let runFolder { try PPOCheckpoint.save(training.learner.network, metadata: metadata, to: runFolder.finalCheckpoint) }
        return PPOTrainingResult(
            policy: training.policy, timesteps: training.timesteps, updates: training.updates, episodes: training.episodes, metadata: metadata)
    }

    private struct Trainer: EnvironmentVisitor {
        let ppo: PPO
        let environmentID: String

        func visit<E: Environment>(_ environment: E) throws -> PPOTrainingResult {
            try ppo.train(on: environment, environmentID: environmentID)
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
    /// The metadata of the final checkpoint.
    public let metadata: CheckpointMetadata
}
