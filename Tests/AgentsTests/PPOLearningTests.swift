import Agents
import Dojo
import Environments
import Foundation
import NeuralCore
import TestSupport
import Testing

/// PPO learns from fixed seeds, scored by greedy evaluation over 100 episodes (optimised
/// builds only, like every learning test).
@Suite(.enabled(if: isOptimizedBuild, "learning tests run in optimised builds: swift test -c release"))
struct PPOLearningTests {
    /// The zoo preset (8 copies, 100,000 steps) reaches a greedy mean return of 475 in at least
    /// 4 of 5 seeds, the bar (5 of 5 at 500 when written, about 3 s each).
    @Test func zooPresetSolvesCartPoleInFourOfFiveSeeds() throws {
        var scores: [Double] = []
        for seed: UInt64 in 1...5 {
            let run = try PPO(configuration: .cartPoleZoo, seed: seed).train(environmentID: "CartPole-v1", registry: .standard)
            #expect(run.timesteps <= 100_096)
            scores.append(try evaluate(policy: run.policy, environmentID: "CartPole-v1", registry: .standard, episodes: 100, seed: 10_000 + seed).meanReturn)
        }
        #expect(scores.count { $0 >= 475 } >= 4, "greedy mean returns over 100 episodes: \(scores)")
    }

    /// The same seed twice gives bit-identical networks.
    @Test func theSameSeedGivesTheSameWeights() throws {
        var configuration = PPOConfiguration.cartPoleZoo
        configuration.totalTimesteps = 4_096
        let first = try PPO(configuration: configuration, seed: 3).train(environmentID: "CartPole-v1", registry: .standard)
        let second = try PPO(configuration: configuration, seed: 3).train(environmentID: "CartPole-v1", registry: .standard)
        #expect(first.policy.network.parameters.map(\.value) == second.policy.network.parameters.map(\.value))
        #expect(first.updates == 16 * 20 && first.episodes == second.episodes)
    }
}
