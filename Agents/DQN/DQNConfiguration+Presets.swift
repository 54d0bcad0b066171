extension DQNConfiguration {
    /// RL Baselines3 Zoo's tuned DQN for CartPole-v1 (`hyperparams/dqn.yml`): plain DQN, 50k
    /// steps, a [256, 256] network trained in bursts of 128 gradient steps every 256 steps.
    public static var cartPoleZoo: DQNConfiguration {
        var configuration = DQNConfiguration()
        configuration.totalTimesteps = 50_000
        configuration.learningRate = 2.3e-3
        configuration.batchSize = 64
        configuration.bufferSize = 100_000
        configuration.learningStarts = 1_000
        configuration.gamma = 0.99
        configuration.targetUpdateInterval = 10
        configuration.trainFreq = 256
        configuration.gradientSteps = 128
        configuration.explorationFraction = 0.16
        configuration.explorationFinalEps = 0.04
        configuration.netArch = [256, 256]
        return configuration
    }

    /// Dojo's CartPole-v1 preset: Double DQN with 3-step returns on a [64, 64] network, one
    /// gradient step every 2 environment steps, and a learning rate decayed linearly to 0. The
    /// 3-step returns carry the survival reward back fast, and the decaying rate holds a solved
    /// policy in place, so it does not suffer DQN's late collapse on CartPole (measured in
    /// BENCHMARKS.md). A 20-episode greedy evaluation every 2,500 steps stops the run once it
    /// reaches the reward threshold (475), typically after 30,000 to 40,000 steps, in under two
    /// seconds.
    public static var cartPoleDefault: DQNConfiguration {
        var configuration = DQNConfiguration()
        configuration.totalTimesteps = 50_000
        configuration.learningRate = 2.5e-3
        configuration.learningRateSchedule = .linear
        configuration.batchSize = 64
        configuration.bufferSize = 50_000
        configuration.learningStarts = 1_000
        configuration.gamma = 0.99
        configuration.targetUpdateInterval = 500
        configuration.trainFreq = 2
        configuration.gradientSteps = 1
        configuration.explorationFraction = 0.1
        configuration.explorationFinalEps = 0.02
        configuration.netArch = [64, 64]
        configuration.doubleQ = true
        configuration.nSteps = 3
        configuration.evalFreq = 2_500
        configuration.nEvalEpisodes = 20
        configuration.stopOnRewardThreshold = true
        return configuration
    }

    /// FrozenLake 4x4 (slippery): a one-hot state into a small network, a long exploration
    /// phase, and gamma 0.99 so the agent prefers safe, slow paths to the goal.
    public static var frozenLakeDefault: DQNConfiguration {
        var configuration = DQNConfiguration()
        configuration.totalTimesteps = 60_000
        configuration.learningRate = 1e-3
        configuration.learningRateSchedule = .linear
        configuration.batchSize = 64
        configuration.bufferSize = 50_000
        configuration.learningStarts = 1_000
        configuration.gamma = 0.99
        configuration.targetUpdateInterval = 500
        configuration.trainFreq = 4
        configuration.explorationFraction = 0.5
        configuration.explorationFinalEps = 0.02
        configuration.netArch = [64]
        configuration.doubleQ = true
        return configuration
    }

    /// FrozenLake 8x8 (slippery): the 4x4 preset with a wider network and gamma 0.999, since
    /// the safe paths are long and a smaller gamma prefers a risky short one.
    public static var frozenLake8x8Default: DQNConfiguration {
        var configuration = frozenLakeDefault
        configuration.totalTimesteps = 100_000
        configuration.gamma = 0.999
        configuration.netArch = [128]
        return configuration
    }

    /// TicTacToe against the random opponent, with masks: the agent learns to win in few moves.
    public static var ticTacToeDefault: DQNConfiguration {
        var configuration = DQNConfiguration()
        configuration.totalTimesteps = 60_000
        configuration.learningRate = 1e-3
        configuration.learningRateSchedule = .linear
        configuration.batchSize = 64
        configuration.bufferSize = 50_000
        configuration.learningStarts = 1_000
        configuration.gamma = 0.99
        configuration.targetUpdateInterval = 500
        configuration.explorationFraction = 0.3
        configuration.explorationFinalEps = 0.02
        configuration.netArch = [128, 128]
        configuration.cnnChannels = []
        configuration.doubleQ = true
        return configuration
    }

    /// The named presets for `environmentID`: `sb3` (SB3's defaults) everywhere, `default`
    /// and others where Dojo has tuned values.
    public static func presets(for environmentID: String) -> [String: DQNConfiguration] {
        var presets = ["sb3": DQNConfiguration()]
        switch environmentID {
        case "CartPole-v1":
            presets["default"] = cartPoleDefault
            presets["zoo"] = cartPoleZoo
        case "FrozenLake-v1":
            presets["default"] = frozenLakeDefault
        case "FrozenLake8x8-v1":
            presets["default"] = frozenLake8x8Default
        case "TicTacToe-v0":
            presets["default"] = ticTacToeDefault
        default:
            break
        }
        return presets
    }

    /// The preset `name` for `environmentID`; `default` falls back to SB3's defaults where
    /// Dojo has no tuned values.
    ///
    /// - Throws: ``AgentError/invalidConfiguration(field:reason:)`` naming the presets there are.
    public static func preset(named name: String, environmentID: String) throws(AgentError) -> DQNConfiguration {
        let presets = presets(for: environmentID)
        if let preset = presets[name] { return preset }
        if name == "default" { return DQNConfiguration() }
        throw .invalidConfiguration(
            field: "preset", reason: "no DQN preset '\(name)' for \(environmentID); there are \(presets.keys.sorted().joined(separator: ", "))")
    }
}
