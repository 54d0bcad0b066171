extension PPOConfiguration {
    /// The named A2C presets for `environmentID`: `sb3` (SB3's A2C defaults) everywhere; for
    /// CartPole-v1 `zoo`, which is also the `default`.
    public static func a2cPresets(for environmentID: String) -> [String: PPOConfiguration] {
        var presets = ["sb3": a2cDefaults()]
        if environmentID == "CartPole-v1" {
            presets["zoo"] = cartPoleA2CZoo
            presets["default"] = cartPoleA2CZoo
        }
        return presets
    }

    /// The named REINFORCE presets for `environmentID`: `default`, ``reinforceDefaults(nEnvs:)``,
    /// everywhere.
    public static func reinforcePresets(for environmentID: String) -> [String: PPOConfiguration] {
        ["default": reinforceDefaults()]
    }

    /// The named PPO presets for `environmentID`: `sb3` (SB3's defaults) everywhere; for
    /// CartPole-v1 `zoo` and the `default` ``cartPoleDefault``; for the board games
    /// ``boardGameDefault``, the grid worlds ``gridWorldDefault`` and MemoryCorridor
    /// ``memoryCorridorDefault``.
    public static func presets(for environmentID: String) -> [String: PPOConfiguration] {
        var presets = ["sb3": PPOConfiguration()]
        switch environmentID {
        case "CartPole-v1":
            presets["zoo"] = cartPoleZoo
            presets["default"] = cartPoleDefault
        case "TicTacToe-v0":
            presets["default"] = ticTacToeSelfPlay
            presets["self_play"] = ticTacToeSelfPlay
            presets["versus_random"] = boardGameDefault
        case "ConnectFour-v0":
            presets["default"] = connectFourSelfPlay
            presets["self_play"] = connectFourSelfPlay
            presets["versus_random"] = boardGameDefault
        case "GridWorld-v0", "GridWorldMaze-v0", "FrozenLake-v1", "FrozenLake8x8-v1":
            presets["default"] = gridWorldDefault
        case "MemoryCorridor-v0":
            presets["default"] = memoryCorridorDefault
        default:
            break
        }
        return presets
    }

    /// Self-play PPO for TicTacToe-v0, one network for both sides: ``boardGameDefault``'s
    /// network and rollouts for 800k steps with 10 epochs and an entropy bonus of 0.03 (less
    /// and the first reply collapses onto a losing move before the perfect player has taught
    /// it otherwise), against a perfect alpha-beta player in half the episodes, its own
    /// snapshots (a new one every 20k steps, the last 10 kept) in 30% and a random player in
    /// 20%, taking the first and the second side in turn.
    public static var ticTacToeSelfPlay: PPOConfiguration {
        var configuration = boardGameDefault
        configuration.totalTimesteps = 800_000
        configuration.nEpochs = 10
        configuration.entCoef = 0.03
        configuration.selfPlay = SelfPlaySettings(
            opponents: [SelfPlaySettings.selfName: 0.3, "alphabeta:9": 0.5, "random": 0.2], snapshotInterval: 20_000, poolSize: 10)
        return configuration
    }

    /// Self-play PPO for ConnectFour-v0, one network for both sides: 16 copies, rollouts of
    /// 128, 4 epochs of minibatches of 512, a [256, 256] MLP with ReLU over the flattened planes
    /// (with tanh it lost 1.4-4.4% of its games to random play as second player), a learning
    /// rate decayed linearly from 1e-3, an entropy bonus of 0.03 (less and the policy collapses
    /// onto moves that leave a threat open) and gamma 0.97 (a win now worth clearly more than
    /// one later), for 15M steps, against the `tactical` player in 60% of the episodes,
    /// alpha-beta at depth 2 in 20%, and a random player and its own snapshots (a new one every
    /// 200k steps, the last 10 kept) in 10% each. The tactical player punishes the one-move
    /// blunders (a win left on the board, a threat left open) that random play reaches but
    /// rarely punishes.
    public static var connectFourSelfPlay: PPOConfiguration {
        var configuration = boardGameDefault
        configuration.nEnvs = 16
        configuration.batchSize = 512
        configuration.netArch = [256, 256]
        configuration.activation = .relu
        configuration.entCoef = 0.03
        configuration.gamma = 0.97
        configuration.totalTimesteps = 15_000_000
        configuration.selfPlay = SelfPlaySettings(
            opponents: ["tactical": 0.6, "alphabeta:2": 0.2, "random": 0.1, SelfPlaySettings.selfName: 0.1],
            snapshotInterval: 200_000, poolSize: 10)
        return configuration
    }

    /// Dojo's CartPole-v1 PPO: the zoo's settings with 10 epochs instead of 20 and a learning
    /// rate decayed from 2e-3, evaluated over 20 episodes every 2,500 steps and stopped at the
    /// first evaluation that reaches the reward threshold (475). It solves CartPole-v1 in about
    /// half a second (7 of 8 seeds at 475 or more over 100 episodes when tuned).
    public static var cartPoleDefault: PPOConfiguration {
        var configuration = cartPoleZoo
        configuration.nEpochs = 10
        configuration.learningRate = 2e-3
        configuration.evalFreq = 2_500
        configuration.nEvalEpisodes = 20
        configuration.stopOnRewardThreshold = true
        return configuration
    }

    /// Masked PPO against a board game's built-in random opponent: 8 copies, 100k steps,
    /// rollouts of 128, 4 epochs of minibatches of 256, a [128, 128] MLP over the flattened
    /// planes, a learning rate decayed linearly from 1e-3 and an entropy bonus of 0.01.
    public static var boardGameDefault: PPOConfiguration {
        var configuration = PPOConfiguration()
        configuration.nEnvs = 8
        configuration.totalTimesteps = 100_000
        configuration.nSteps = 128
        configuration.batchSize = 256
        configuration.nEpochs = 4
        configuration.learningRate = 1e-3
        configuration.learningRateSchedule = .linear
        configuration.entCoef = 0.01
        configuration.netArch = [128, 128]
        configuration.cnnChannels = []
        return configuration
    }

    /// PPO for the grid worlds, whatever their observation: 8 copies, 80k steps, rollouts of
    /// 128, 4 epochs of minibatches of 256, an entropy bonus of 0.01, a learning rate of 1e-3
    /// decayed linearly, gamma 0.95 (short paths pay), and for planes one 3x3 convolution of
    /// 16 channels in front of one hidden layer of 64.
    public static var gridWorldDefault: PPOConfiguration {
        var configuration = PPOConfiguration()
        configuration.nEnvs = 8
        configuration.totalTimesteps = 80_000
        configuration.nSteps = 128
        configuration.batchSize = 256
        configuration.nEpochs = 4
        configuration.gamma = 0.95
        configuration.learningRate = 1e-3
        configuration.learningRateSchedule = .linear
        configuration.entCoef = 0.01
        configuration.cnnChannels = [16]
        configuration.netArch = [64]
        return configuration
    }

    /// Recurrent PPO for MemoryCorridor-v0, whose cue must be remembered: an LSTM of 32 in
    /// front of one hidden layer of 32, 8 copies, 50k steps, rollouts of 32, minibatches of 2
    /// whole sequences, 10 epochs, a learning rate of 1e-3 decayed linearly, an entropy bonus
    /// of 0.01.
    public static var memoryCorridorDefault: PPOConfiguration {
        var configuration = PPOConfiguration()
        configuration.recurrent = true
        configuration.lstmHiddenSize = 32
        configuration.netArch = [32]
        configuration.nEnvs = 8
        configuration.totalTimesteps = 50_000
        configuration.nSteps = 32
        configuration.batchSize = 64
        configuration.nEpochs = 10
        configuration.learningRate = 1e-3
        configuration.learningRateSchedule = .linear
        configuration.entCoef = 0.01
        return configuration
    }

    /// The preset `name` for `environmentID`; `default` falls back to SB3's defaults where
    /// Dojo has no tuned values.
    ///
    /// - Throws: ``AgentError/invalidConfiguration(field:reason:)`` naming the presets there are.
    /// - Parameter agent: `ppo`, `a2c` or `reinforce`.
    public static func preset(named name: String, environmentID: String, agent: String = "ppo") throws(AgentError) -> PPOConfiguration {
        let presets = switch agent {
        case PPOCheckpoint.a2cAgentName: a2cPresets(for: environmentID)
        case PPOCheckpoint.reinforceAgentName: reinforcePresets(for: environmentID)
        default: presets(for: environmentID)
        }
        if let preset = presets[name] { return preset }
        if name == "default" { return agent == PPOCheckpoint.a2cAgentName ? a2cDefaults() : PPOConfiguration() }
        throw .invalidConfiguration(
            field: "preset",
            reason: "no \(agent.uppercased()) preset '\(name)' for \(environmentID); there are \(presets.keys.sorted().joined(separator: ", "))")
    }
}
