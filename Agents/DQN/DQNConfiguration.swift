/// Every setting of a DQN run, with Stable-Baselines3's names and meanings (`learning_rate`,
/// `buffer_size`, `train_freq`, ...), plus Dojo's options for the DQN family (Double, dueling,
/// n-step, prioritized replay) and for training events (evaluation, checkpoints, metrics).
///
/// The defaults are SB3's `DQN` defaults; presets (``DQNConfiguration/preset(named:environmentID:)``)
/// are named values of this struct. Encoded as JSON with the snake_case names, it is the
/// `hyperparameters` entry of a checkpoint's metadata, and `--set name=value` edits it.
public struct DQNConfiguration: AgentConfiguration, TrainingEventSettings, Equatable, Sendable {
    /// Environment steps to train for, summed over copies.
    public var totalTimesteps = 100_000
    /// Adam's step size (at the start, when decayed).
    public var learningRate: Float = 1e-4
    /// `constant`, or `linear` from `learning_rate` to 0 over training (the zoo's `lin_` rates).
    public var learningRateSchedule = ScheduleShape.constant
    /// Transitions the replay buffer holds.
    public var bufferSize = 1_000_000
    /// Environment steps of random actions before learning starts.
    public var learningStarts = 100
    /// Transitions per gradient step.
    public var batchSize = 32
    /// Polyak coefficient of the target update: 1 copies the online network.
    public var tau: Float = 1
    /// Discount factor.
    public var gamma: Float = 0.99
    /// Environment steps (per copy) between training phases.
    public var trainFreq = 4
    /// Gradient steps per training phase; -1 for as many as environment steps collected.
    public var gradientSteps = 1
    /// Environment steps between target-network updates.
    public var targetUpdateInterval = 10_000
    /// The fraction of training over which epsilon falls from its initial to its final value.
    public var explorationFraction = 0.1
    /// Epsilon at the start.
    public var explorationInitialEps = 1.0
    /// Epsilon after the exploration fraction.
    public var explorationFinalEps = 0.05
    /// The largest global gradient norm; larger gradients are scaled down.
    public var maxGradNorm: Float = 10
    /// Hidden layer widths of the Q-network.
    public var netArch = [64, 64]
    /// The activation between hidden layers.
    public var activation = HiddenActivation.relu
    /// The widths of the 3x3 convolutions in front of `net_arch` when observations are planes
    /// (a Box of three axes); `[]` flattens planes into the MLP.
    public var cnnChannels = [32, 64]
    /// Double DQN (van Hasselt et al., 2016): the online network picks the next action, the
    /// target network values it.
    public var doubleQ = false
    /// Dueling heads (Wang et al., 2016).
    public var dueling = false
    /// Steps per transition for n-step returns (1 is plain DQN).
    public var nSteps = 1
    /// Prioritized replay (Schaul et al., 2016).
    public var prioritizedReplay = false
    /// How strongly priorities shape sampling.
    public var prioritizedReplayAlpha = 0.6
    /// The importance-sampling exponent at the start, annealed linearly to 1.
    public var prioritizedReplayBeta0 = 0.4
    /// Added to every |TD error| so no transition's priority is 0.
    public var prioritizedReplayEps = 1e-6
    /// Copies of the environment stepped together.
    public var nEnvs = 1
    /// Environment steps between evaluations of the greedy policy; 0 for none.
    public var evalFreq = 0
    /// Episodes per evaluation.
    public var nEvalEpisodes = 10
    /// Stop once an evaluation's mean return reaches the environment's reward threshold.
    public var stopOnRewardThreshold = false
    /// Environment steps between resumable `latest` checkpoints; 0 for none.
    public var checkpointFreq = 0
    /// Keep the replay buffer in resumable checkpoints.
    public var saveReplayBuffer = false
    /// Environment steps between metrics rows.
    public var metricsInterval = 1_000

    /// SB3's defaults.
    /// Self-play against the learner's past snapshots and built-in opponents, for two-player
    /// turn-based environments; `nil` trains against the environment as it is.
    public var selfPlay: SelfPlaySettings?

    public init() {}

    /// How a value moves over training.
    public enum ScheduleShape: String, Codable, Sendable, CaseIterable {
        case constant, linear
    }

    enum CodingKeys: String, CodingKey, CaseIterable {
        case totalTimesteps = "total_timesteps"
        case learningRate = "learning_rate"
        case learningRateSchedule = "learning_rate_schedule"
        case bufferSize = "buffer_size"
        case learningStarts = "learning_starts"
        case batchSize = "batch_size"
        case tau, gamma
        case trainFreq = "train_freq"
        case gradientSteps = "gradient_steps"
        case targetUpdateInterval = "target_update_interval"
        case explorationFraction = "exploration_fraction"
        case explorationInitialEps = "exploration_initial_eps"
        case explorationFinalEps = "exploration_final_eps"
        case maxGradNorm = "max_grad_norm"
        case netArch = "net_arch"
        case activation
        case cnnChannels = "cnn_channels"
        case doubleQ = "double_q"
        case dueling
        case nSteps = "n_steps"
        case prioritizedReplay = "prioritized_replay"
        case prioritizedReplayAlpha = "prioritized_replay_alpha"
        case prioritizedReplayBeta0 = "prioritized_replay_beta0"
        case prioritizedReplayEps = "prioritized_replay_eps"
        case nEnvs = "n_envs"
        case evalFreq = "eval_freq"
        case nEvalEpisodes = "n_eval_episodes"
        case stopOnRewardThreshold = "stop_on_reward_threshold"
        case checkpointFreq = "checkpoint_freq"
        case saveReplayBuffer = "save_replay_buffer"
        case metricsInterval = "metrics_interval"
        case selfPlay = "self_play"
    }

    /// The names `--set` accepts, in declaration order.
    public static var fieldNames: [String] { CodingKeys.allCases.map(\.rawValue) }
}
