import Agents
import Dojo
import Environments
import Foundation
import TestSupport
import Testing

/// REINFORCE, the policy-gradient loop with whole-episode rollouts, learns CartPole-v1
/// (optimised builds only).
@Suite(.enabled(if: isOptimizedBuild, "learning tests run in optimised builds: swift test -c release"))
struct ReinforceLearningTests {
    /// With a learned baseline and the default settings (4 whole episodes per update, Adam at
    /// 1e-3), 300,000 steps reach a greedy mean return of 475 over 100 episodes in at least 3
    /// of 5 seeds, the bar (5 of 5 at 494 or more when written, about 1.2 s each), and
    /// the checkpoints say `reinforce`.
    @Test func baselineSolvesCartPoleInThreeOfFiveSeeds() throws {
        var configuration = PPOConfiguration.reinforceDefaults()
        configuration.totalTimesteps = 300_000
        var scores: [Double] = []
        for seed: UInt64 in 1...5 {
            let run = try PPO.reinforce(configuration: configuration, seed: seed).train(environmentID: "CartPole-v1", registry: .standard)
            #expect(run.metadata.agent == "reinforce" && run.timesteps >= 300_000)
            scores.append(try evaluate(policy: run.policy, environmentID: "CartPole-v1", registry: .standard, episodes: 100, seed: 10_000 + seed).meanReturn)
        }
        #expect(scores.count { $0 >= 475 } >= 3, "greedy mean returns over 100 episodes: \(scores)")
    }

    /// Every update trains on whole episodes only: with one copy, each rollout ends exactly when
    /// its episode does, so the updates equal the episodes finished.
    @Test func everyUpdateIsOneWholeEpisodePerCopy() throws {
        var configuration = PPOConfiguration.reinforceDefaults(nEnvs: 1)
        configuration.totalTimesteps = 5_000
        let run = try PPO.reinforce(configuration: configuration, seed: 3).train(environmentID: "CartPole-v1", registry: .standard)
        #expect(run.updates == run.episodes && run.episodes > 10)
    }
}
