import Agents
import Dojo
import Environments
import Foundation
import NeuralCore
import TestSupport
import Testing

/// A2C, the policy-gradient loop with A2C's settings, learns CartPole-v1 (optimised builds only).
@Suite(.enabled(if: isOptimizedBuild, "learning tests run in optimised builds: swift test -c release"))
struct A2CLearningTests {
    /// The zoo preset (8 copies, 500,000 steps, 5-step rollouts, RMSProp) reaches a greedy mean
    /// return of 475 in at least 4 of 5 seeds, the issue's bar (5 of 5 at 500 when written,
    /// about 3 s each), and its checkpoints say `a2c`.
    @Test func zooPresetSolvesCartPoleInFourOfFiveSeeds() throws {
        var scores: [Double] = []
        for seed: UInt64 in 1...5 {
            let run = try PPO.a2c(configuration: .cartPoleA2CZoo, seed: seed).train(environmentID: "CartPole-v1", registry: .standard)
            #expect(run.metadata.agent == "a2c" && run.updates == 12_500)
            scores.append(try evaluate(policy: run.policy, environmentID: "CartPole-v1", registry: .standard, episodes: 100, seed: 10_000 + seed).meanReturn)
        }
        #expect(scores.count { $0 >= 475 } >= 4, "greedy mean returns over 100 episodes: \(scores)")
    }

    /// A2C's settings survive the checkpoint's JSON, the infinite clip range included.
    @Test func settingsRoundTripThroughJSON() throws {
        let configuration = PPOConfiguration.cartPoleA2CZoo
        #expect(configuration.jsonValue.jsonText.contains(#""clip_range":"inf""#))
        #expect(try PPOConfiguration(json: configuration.jsonValue) == configuration)
    }
}
