import Agents
import Dojo
import Testing

/// DQN's configuration: SB3's names and defaults, presets, `--set`, and validation messages.
@Suite struct DQNConfigurationTests {
    @Test func defaultsAreStableBaselines3s() {
        let defaults = DQNConfiguration()
        #expect(defaults.learningRate == 1e-4 && defaults.bufferSize == 1_000_000 && defaults.learningStarts == 100)
        #expect(defaults.batchSize == 32 && defaults.tau == 1 && defaults.gamma == 0.99)
        #expect(defaults.trainFreq == 4 && defaults.gradientSteps == 1 && defaults.targetUpdateInterval == 10_000)
        #expect(defaults.explorationFraction == 0.1 && defaults.explorationInitialEps == 1 && defaults.explorationFinalEps == 0.05)
        #expect(defaults.maxGradNorm == 10 && defaults.netArch == [64, 64])
    }

    @Test func zooPresetIsTheZoosCartPole() throws {
        let zoo = try DQNConfiguration.preset(named: "zoo", environmentID: "CartPole-v1")
        let json = zoo.jsonValue
        #expect(json["total_timesteps"] == 50_000 && json["batch_size"] == 64 && json["buffer_size"] == 100_000)
        #expect(json["learning_starts"] == 1_000 && json["target_update_interval"] == 10 && json["train_freq"] == 256)
        #expect(json["gradient_steps"] == 128 && json["exploration_fraction"] == 0.16 && json["exploration_final_eps"] == 0.04)
        #expect(json["net_arch"] == [256, 256] && json["double_q"] == false && json["n_steps"] == 1)
        #expect(zoo.learningRate == 2.3e-3)
    }

    @Test func settingsAreReadAsJSONOrText() throws {
        let changed = try DQNConfiguration().setting(["learning_rate=0.001", "net_arch=[32,16]", "double_q=true", "activation=tanh"])
        #expect(changed.learningRate == 0.001 && changed.netArch == [32, 16] && changed.doubleQ && changed.activation == .tanh)
        let roundTrip = try DQNConfiguration(json: changed.jsonValue)
        #expect(roundTrip == changed)
    }

    @Test func badSettingsNameTheField() {
        #expect(throws: AgentError.invalidConfiguration(
            field: "learning_rat",
            reason: "no such setting; did you mean 'learning_rate'? the settings are \(DQNConfiguration.fieldNames.joined(separator: ", "))")
        ) {
            try DQNConfiguration().setting(["learning_rat=1"])
        }
        #expect(throws: AgentError.invalidConfiguration(
            field: "zzz", reason: "no such setting; the settings are \(DQNConfiguration.fieldNames.joined(separator: ", "))")
        ) {
            try DQNConfiguration().setting(["zzz=1"])
        }
        #expect(closestName(to: "gama", among: DQNConfiguration.fieldNames) == "gamma")
        #expect(closestName(to: "net_arc", among: PPOConfiguration.fieldNames) == "net_arch")
        #expect(closestName(to: "Learning_Rate", among: PPOConfiguration.fieldNames) == "learning_rate")
        do {
            _ = try DQNConfiguration().setting(["batch_size=many"])
            Issue.record("expected a type error")
        } catch {
            #expect("\(error)".hasPrefix("configuration field 'batch_size': cannot use \"many\""))
        }
        #expect(throws: AgentError.self) { try DQNConfiguration().setting(["=3"]) }
        #expect(throws: AgentError.self) { try DQNConfiguration.preset(named: "fast", environmentID: "CartPole-v1") }
    }

    @Test func validationNamesTheFirstBadField() {
        var configuration = DQNConfiguration()
        configuration.tau = 0
        #expect(throws: AgentError.invalidConfiguration(field: "tau", reason: "expected a value in (0, 1], got 0.0")) {
            try configuration.validate()
        }
        configuration = DQNConfiguration()
        configuration.stopOnRewardThreshold = true
        #expect(throws: AgentError.invalidConfiguration(field: "stop_on_reward_threshold", reason: "needs eval_freq above 0 to evaluate")) {
            try configuration.validate()
        }
        for preset in DQNConfiguration.presets(for: "CartPole-v1").values { #expect(throws: Never.self) { try preset.validate() } }
    }
}
