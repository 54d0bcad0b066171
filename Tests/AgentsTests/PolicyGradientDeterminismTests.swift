import Agents
import Dojo
import Environments
import Foundation
import NeuralCore
import Testing

/// One seed fixes a policy-gradient run, whichever vector environment steps the copies.
@Suite struct PolicyGradientDeterminismTests {
    static func short(_ configuration: PPOConfiguration, steps: Int, vecEnv: PPOConfiguration.VectorEnvironmentKind) -> PPOConfiguration {
        var configuration = configuration
        configuration.totalTimesteps = steps
        configuration.vecEnv = vecEnv
        return configuration
    }

    /// PPO, A2C and REINFORCE on CartPole-v1, and recurrent PPO on MemoryCorridor-v0: the
    /// threaded vector environment gives bit-identical weights, episode counts and updates to
    /// the synchronous one, and a second synchronous run gives them again.
    @Test(arguments: ["ppo", "a2c", "reinforce", "recurrent"])
    func threadedAndSynchronousRunsAgree(agent: String) throws {
        func run(_ vecEnv: PPOConfiguration.VectorEnvironmentKind) throws -> PPOTrainingResult {
            switch agent {
            case "a2c":
                return try PPO.a2c(configuration: Self.short(.cartPoleA2CZoo, steps: 2_000, vecEnv: vecEnv), seed: 5)
                    .train(environmentID: "CartPole-v1", registry: .standard)
            case "reinforce":
                return try PPO.reinforce(configuration: Self.short(.reinforceDefaults(), steps: 3_000, vecEnv: vecEnv), seed: 5)
                    .train(environmentID: "CartPole-v1", registry: .standard)
            case "recurrent":
                return try PPO(configuration: Self.short(.memoryCorridorDefault, steps: 1_024, vecEnv: vecEnv), seed: 5)
                    .train(environmentID: "MemoryCorridor-v0", registry: .standard)
            default:
                return try PPO(configuration: Self.short(.cartPoleZoo, steps: 2_048, vecEnv: vecEnv), seed: 5)
                    .train(environmentID: "CartPole-v1", registry: .standard)
            }
        }
        let synchronous = try run(.sync)
        let threaded = try run(.threaded)
        let again = try run(.sync)
        let weights = synchronous.policy.network.parameters.map(\.value)
        #expect(threaded.policy.network.parameters.map(\.value) == weights)
        #expect(again.policy.network.parameters.map(\.value) == weights)
        #expect(threaded.episodes == synchronous.episodes && threaded.updates == synchronous.updates && threaded.episodes > 0)
        #expect(synchronous.metadata.hyperparameters != threaded.metadata.hyperparameters)
    }
}
