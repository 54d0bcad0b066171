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

    /// Dojo's default preset stops at the first 20-episode evaluation that reaches 475, and its
    /// policy then reaches a greedy mean of 475 over 100 episodes in at least 4 of 5 seeds (5 of
    /// 5 when written, after 5k-25k steps and about half a second each).
    @Test func defaultPresetSolvesCartPoleAndStopsEarly() throws {
        let configuration = try PPOConfiguration.preset(named: "default", environmentID: "CartPole-v1")
        #expect(configuration == .cartPoleDefault)
        var scores: [Double] = []
        for seed: UInt64 in 1...5 {
            let run = try PPO(configuration: configuration, seed: seed).train(environmentID: "CartPole-v1", registry: .standard)
            #expect(run.stoppedEarly && run.timesteps < 100_000)
            scores.append(try evaluate(policy: run.policy, environmentID: "CartPole-v1", registry: .standard, episodes: 100, seed: 10_000 + seed).meanReturn)
        }
        #expect(scores.count { $0 >= 475 } >= 4, "greedy mean returns over 100 episodes: \(scores)")
    }

    /// Masked PPO against ConnectFour's random opponent, with the `versus_random` preset (the
    /// `default` is now the 15M-step self-play one): no illegal move in 1,000 evaluation
    /// games, and at least 90% wins (96.6% over 500 games when written, after about 2.4 s of
    /// training).
    @Test func maskedPPOBeatsConnectFoursRandomOpponent() throws {
        let configuration = try PPOConfiguration.preset(named: "versus_random", environmentID: "ConnectFour-v0")
        let run = try PPO(configuration: configuration, seed: 1).train(environmentID: "ConnectFour-v0", registry: .standard)
        let result = try evaluate(policy: run.policy, environmentID: "ConnectFour-v0", registry: .standard, episodes: 1_000, seed: 7)
        #expect(result.illegalActions == 0)
        let wins = try #require(result.successRate)
        #expect(wins >= 0.9, "wins \(wins)")
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

    /// The final checkpoint names the actor `policy.<index>` and the critic `value.<index>` in
    /// PyTorch shapes, and the policy rebuilt from the file alone acts as the trained one.
    @Test func checkpointRebuildsThePolicy() throws {
        var configuration = PPOConfiguration.cartPoleZoo
        configuration.totalTimesteps = 8_192
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("dojo-ppo-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        let run = try PPO(configuration: configuration, seed: 4, runFolder: RunFolder(url: folder))
            .train(environmentID: "CartPole-v1", registry: .standard)
        let url = folder.appendingPathComponent("final.safetensors")
        let file = try SafeTensors(contentsOf: url)
        #expect(file.tensors.map(\.name) == [
            "policy.0.weight", "policy.0.bias", "policy.2.weight", "policy.2.bias", "policy.4.weight", "policy.4.bias",
            "value.0.weight", "value.0.bias", "value.2.weight", "value.2.bias", "value.4.weight", "value.4.bias",
        ])
        #expect(file["policy.4.weight"]?.shape == [2, 64] && file["value.4.weight"]?.shape == [1, 64])
        let (policy, metadata) = try loadPolicy(from: url)
        #expect(metadata.agent == "ppo" && metadata.timesteps == run.timesteps)
        let original = try evaluate(policy: run.policy, environmentID: "CartPole-v1", registry: .standard, episodes: 10, seed: 8)
        let rebuilt = try evaluate(policy: policy, environmentID: "CartPole-v1", registry: .standard, episodes: 10, seed: 8)
        #expect(rebuilt.returns == original.returns)
    }

    /// Periodic evaluation between rollouts, as for DQN: every evaluation is recorded, the best
    /// one's networks go to `best.safetensors`, metrics rows go to `metrics.csv` (no epsilon
    /// column value for a policy-gradient agent), and reaching CartPole's reward threshold with
    /// `stop_on_reward_threshold` ends the run before its budget.
    @Test func evaluationsKeepTheBestAndStopAtTheRewardThreshold() throws {
        var configuration = PPOConfiguration.cartPoleZoo
        configuration.evalFreq = 10_000
        configuration.nEvalEpisodes = 10
        configuration.stopOnRewardThreshold = true
        configuration.metricsInterval = 5_000
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("dojo-ppo-events-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        let run = try PPO(configuration: configuration, seed: 1, runFolder: RunFolder(url: folder))
            .train(environmentID: "CartPole-v1", registry: .standard)
        #expect(run.stoppedEarly && run.timesteps < 100_000, "stopped early \(run.stoppedEarly) at \(run.timesteps)")
        #expect(run.evaluations.count == run.timesteps / 10_000 && run.evaluations.last.map { $0.result.meanReturn >= 475 } == true)
        #expect(run.bestMeanReturn == run.evaluations.map(\.result.meanReturn).max())
        #expect(run.metrics.count == run.timesteps / 5_000 && run.metrics.allSatisfy { $0.epsilon == nil && $0.loss != nil })
        let best = try loadPolicy(from: folder.appendingPathComponent("checkpoints/best.safetensors"))
        #expect(best.metadata.agent == "ppo")
        let csv = try String(contentsOf: folder.appendingPathComponent("progress.csv"), encoding: .utf8)
        #expect(csv.split(separator: "\n").count == 1 + run.metrics.count)
    }
}
