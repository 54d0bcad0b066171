import Agents
import Dojo
import Foundation
import NeuralCore
import Testing

/// A policy-gradient run stopped between rollouts and resumed from its latest checkpoint ends
/// exactly where the run that was never stopped ends: the same weights bit for bit, the same
/// metrics rows, the same evaluations.
@Suite struct PPOResumeTests {
    /// PPO (Adam, shuffled minibatches, periodic evaluation), A2C (RMSProp), REINFORCE (whole
    /// episodes) and recurrent PPO (the copies' memories), each stopped after its third rollout.
    @Test(arguments: ["ppo", "a2c", "reinforce", "recurrent"])
    func resumedRunEndsBitIdentical(agent: String) throws {
        var configuration: PPOConfiguration
        var environmentID = "CartPole-v1"
        switch agent {
        case "a2c":
            configuration = .cartPoleA2CZoo
            configuration.totalTimesteps = 1_000
        case "reinforce":
            configuration = .reinforceDefaults()
            configuration.totalTimesteps = 3_000
        case "recurrent":
            configuration = .memoryCorridorDefault
            configuration.totalTimesteps = 2_048
            environmentID = "MemoryCorridor-v0"
        default:
            configuration = .cartPoleZoo
            configuration.totalTimesteps = 2_560
            configuration.evalFreq = 512
            configuration.nEvalEpisodes = 3
        }
        configuration.metricsInterval = 200
        func make(_ folder: URL) throws -> PPO {
            let runFolder = try RunFolder(url: folder)
            return switch agent {
            case "a2c": PPO.a2c(configuration: configuration, seed: 7, runFolder: runFolder)
            case "reinforce": PPO.reinforce(configuration: configuration, seed: 7, runFolder: runFolder)
            default: PPO(configuration: configuration, seed: 7, runFolder: runFolder)
            }
        }
        let (whole, stopped) = (DQNResumeTests().temporaryFolder(), DQNResumeTests().temporaryFolder())
        defer {
            try? FileManager.default.removeItem(at: whole)
            try? FileManager.default.removeItem(at: stopped)
        }
        let uninterrupted = try make(whole).train(environmentID: environmentID, registry: .standard)
        #expect(!uninterrupted.interrupted)

        var first = try make(stopped)
        first.shouldStop = DQNResumeTests.StopAfter(3).ask
        let partial = try first.train(environmentID: environmentID, registry: .standard)
        #expect(partial.interrupted && partial.timesteps < uninterrupted.timesteps)
        let latest = stopped.appendingPathComponent("checkpoints/latest.safetensors")
        #expect(!FileManager.default.fileExists(atPath: stopped.appendingPathComponent("final.safetensors").path))

        let (resumed, resumedEnvironment) = try PPO.resuming(from: latest, runFolder: RunFolder(url: stopped))
        #expect(resumedEnvironment == environmentID && resumed.seed == 7 && resumed.configuration == configuration)
        let rest = try resumed.train(environmentID: environmentID, registry: .standard, resumingFrom: latest)
        #expect(!rest.interrupted && rest.timesteps == uninterrupted.timesteps && rest.episodes == uninterrupted.episodes)
        #expect(rest.updates == uninterrupted.updates && rest.metadata.agent == uninterrupted.metadata.agent)
        #expect(rest.evaluations.map(\.result.returns) == uninterrupted.evaluations.suffix(rest.evaluations.count).map(\.result.returns))

        try DQNResumeTests().expectSameEnding(of: stopped, as: whole)
    }

    /// A checkpoint of another run's seed, or a policy without training state, is refused.
    @Test func foreignCheckpointsAreRefused() throws {
        let folder = DQNResumeTests().temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        var configuration = PPOConfiguration.cartPoleZoo
        configuration.totalTimesteps = 512
        _ = try PPO(configuration: configuration, seed: 1, runFolder: RunFolder(url: folder)).train(environmentID: "CartPole-v1", registry: .standard)
        let final = folder.appendingPathComponent("final.safetensors")
        #expect(throws: AgentError.self) { try PPO.resuming(from: final, runFolder: nil) }
        #expect(throws: AgentError.self) {
            try PPO(configuration: configuration, seed: 1).train(environmentID: "CartPole-v1", registry: .standard, resumingFrom: final)
        }
    }
}
