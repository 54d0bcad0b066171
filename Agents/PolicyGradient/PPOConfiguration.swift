/// Every setting of the policy-gradient loop, with Stable-Baselines3's names (snake_case in
/// JSON) and PPO's defaults; A2C is the same loop with ``a2cDefaults(nEnvs:)`` (one pass over
/// each rollout, no clipping, RMSProp) and REINFORCE with ``reinforceDefaults`` (whole
/// episodes, Monte-Carlo returns, one step per rollout).
public struct PPOConfiguration: AgentConfiguration, TrainingEventSettings, Equatable, Sendable {
    /// Environment steps to train for, over all copies.
    public var totalTimesteps = 100_000
    /// Adam's step size.
    public var learningRate: Float = 3e-4
    /// Constant, or decayed linearly to 0 over training.
    public var learningRateSchedule = DQNConfiguration.ScheduleShape.constant
    /// Steps per copy in each rollout.
    public var nSteps = 2_048
    /// Rows per minibatch.
    public var batchSize = 64
    /// Passes over each rollout.
    public var nEpochs = 10
    /// The discount factor.
    public var gamma: Float = 0.99
    /// GAE's lambda.
    public var gaeLambda: Float = 0.95
    /// The surrogate's clip range.
    public var clipRange: Float = 0.2
    /// Constant, or decayed linearly to 0 over training.
    public var clipRangeSchedule = DQNConfiguration.ScheduleShape.constant
    /// The value clip range, or `nil` not to clip values.
    public var clipRangeVf: Float?
    /// Whether advantages are normalised per minibatch.
    public var normalizeAdvantage = true
    /// The entropy bonus's weight.
    public var entCoef: Float = 0
    /// The value loss's weight.
    public var vfCoef: Float = 0.5
    /// The largest global gradient norm.
    public var maxGradNorm: Float = 0.5
    /// Stop a rollout's epochs once the approximate KL passes 1.5 times this, or `nil` never.
    public var targetKl: Float?
    /// Hidden widths of the actor and of the critic.
    public var netArch = [64, 64]
    /// The activation between hidden layers.
    public var activation = HiddenActivation.tanh
    /// Widths of the 3x3 convolutions in front of the hidden layers for plane observations.
    public var cnnChannels = [32, 64]
    /// Whether the actor and the critic share everything before their heads.
    public var sharedTrunk = false
    /// Whether an LSTM in front of the actor and the critic carries memory through each
    /// episode (sb3-contrib's RecurrentPPO); minibatches are then whole sequences of copies,
    /// `batch_size / n_steps` of them.
    public var recurrent = false
    /// The LSTM's hidden size.
    public var lstmHiddenSize = 64
    /// Environment steps between evaluations of the greedy policy (after the rollout that
    /// crosses a multiple); 0 for none.
    public var evalFreq = 0
    /// Episodes per evaluation.
    public var nEvalEpisodes = 10
    /// Stop once an evaluation's mean return reaches the environment's reward threshold.
    public var stopOnRewardThreshold = false
    /// Environment steps between resumable `latest` checkpoints (written after the rollout that
    /// crosses a multiple); 0 for none.
    public var checkpointFreq = 0
    /// Environment steps between metrics rows (written after the rollout that crosses a multiple).
    public var metricsInterval = 1_000
    /// How the copies are stepped: on the training thread, or split across threads (results are
    /// the same; SB3's `vec_env_class`).
    public var vecEnv = VectorEnvironmentKind.sync

    /// The vector environments a run can step its copies with.
    public enum VectorEnvironmentKind: String, Codable, Sendable, CaseIterable {
        /// ``Dojo/SyncVectorEnvironment``: every copy on the training thread.
        case sync
        /// ``Dojo/ThreadedVectorEnvironment``: copies split across one thread per core.
        case threaded
    }
    /// Vector-environment copies.
    public var nEnvs = 1
    /// RMSProp (alpha 0.99) instead of Adam, as SB3's A2C uses.
    public var useRmsProp = false
    /// RMSProp's epsilon.
    public var rmsPropEps: Float = 1e-5
    /// Whether each rollout is one whole episode of every copy (REINFORCE's Monte-Carlo
    /// returns): all copies start an episode together, a copy that finishes steps on outside
    /// training until the last one finishes, `n_steps` caps an episode's length, and every
    /// epoch is one batch of all the rollout's rows (`batch_size` is not used).
    public var completeEpisodes = false
    /// Whether the critic's values are the baseline subtracted from returns; without one the
    /// advantages are the returns themselves and the critic is not trained.
    public var useBaseline = true

    /// Self-play against the learner's past snapshots and built-in opponents, for two-player
    /// turn-based environments; `nil` trains against the environment as it is.
    public var selfPlay: SelfPlaySettings?

    public init() {}

    enum CodingKeys: String, CodingKey, CaseIterable {
        case totalTimesteps = "total_timesteps"
        case learningRate = "learning_rate"
        case learningRateSchedule = "learning_rate_schedule"
        case nSteps = "n_steps"
        case batchSize = "batch_size"
        case nEpochs = "n_epochs"
        case gamma
        case gaeLambda = "gae_lambda"
        case clipRange = "clip_range"
        case clipRangeSchedule = "clip_range_schedule"
        case clipRangeVf = "clip_range_vf"
        case normalizeAdvantage = "normalize_advantage"
        case entCoef = "ent_coef"
        case vfCoef = "vf_coef"
        case maxGradNorm = "max_grad_norm"
        case targetKl = "target_kl"
        case netArch = "net_arch"
        case activation
        case cnnChannels = "cnn_channels"
        case sharedTrunk = "shared_trunk"
        case recurrent
        case lstmHiddenSize = "lstm_hidden_size"
        case vecEnv = "vec_env"
        case evalFreq = "eval_freq"
        case nEvalEpisodes = "n_eval_episodes"
        case stopOnRewardThreshold = "stop_on_reward_threshold"
        case metricsInterval = "metrics_interval"
        case checkpointFreq = "checkpoint_freq"
        case nEnvs = "n_envs"
        case useRmsProp = "use_rms_prop"
        case rmsPropEps = "rms_prop_eps"
        case completeEpisodes = "complete_episodes"
        case useBaseline = "use_baseline"
        case selfPlay = "self_play"
    }

    public static var fieldNames: [String] { CodingKeys.allCases.map(\.rawValue) }

    /// Stable-Baselines3's A2C defaults as settings of the loop: 5-step rollouts used whole
    /// once (`batch_size` = `n_steps` x `n_envs`, one epoch), no clipping, lambda 1, learning
    /// rate 7e-4, RMSProp with epsilon 1e-5, advantages not normalised.
    public static func a2cDefaults(nEnvs: Int = 1) -> PPOConfiguration {
        var configuration = PPOConfiguration()
        configuration.nEnvs = nEnvs
        configuration.learningRate = 7e-4
        configuration.nSteps = 5
        configuration.batchSize = 5 * nEnvs
        configuration.nEpochs = 1
        configuration.gaeLambda = 1
        configuration.clipRange = .infinity
        configuration.normalizeAdvantage = false
        configuration.useRmsProp = true
        return configuration
    }

    /// REINFORCE (Williams, 1992) with a learned baseline, as settings of the loop: whole
    /// episodes of `nEnvs` copies per rollout (up to 1,000 steps each), rewards-to-go (lambda
    /// 1, the critic only as a baseline), returns less baseline normalised per batch, one
    /// unclipped gradient step per rollout with Adam at 1e-3.
    public static func reinforceDefaults(nEnvs: Int = 4) -> PPOConfiguration {
        var configuration = PPOConfiguration()
        configuration.nEnvs = nEnvs
        configuration.completeEpisodes = true
        configuration.nSteps = 1_000
        configuration.nEpochs = 1
        configuration.learningRate = 1e-3
        configuration.gaeLambda = 1
        configuration.clipRange = .infinity
        configuration.maxGradNorm = .infinity
        return configuration
    }

    /// RL Baselines3 Zoo's A2C for CartPole-v1 (`hyperparams/a2c.yml`): 8 copies, 500k steps,
    /// entropy coefficient 0, otherwise SB3's A2C defaults.
    public static var cartPoleA2CZoo: PPOConfiguration {
        var configuration = a2cDefaults(nEnvs: 8)
        configuration.totalTimesteps = 500_000
        return configuration
    }

    /// RL Baselines3 Zoo's PPO for CartPole-v1 (`hyperparams/ppo.yml`): 8 copies, 100k steps,
    /// rollouts of 32 steps, minibatches of 256, 20 epochs, gamma 0.98, lambda 0.8, and the
    /// learning rate and clip range decayed linearly from 1e-3 and 0.2.
    public static var cartPoleZoo: PPOConfiguration {
        var configuration = PPOConfiguration()
        configuration.nEnvs = 8
        configuration.totalTimesteps = 100_000
        configuration.nSteps = 32
        configuration.batchSize = 256
        configuration.gaeLambda = 0.8
        configuration.gamma = 0.98
        configuration.nEpochs = 20
        configuration.entCoef = 0
        configuration.learningRate = 1e-3
        configuration.learningRateSchedule = .linear
        configuration.clipRange = 0.2
        configuration.clipRangeSchedule = .linear
        return configuration
    }
}
