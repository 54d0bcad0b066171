import Agents
import Dojo
import Environments
import Foundation
import TestSupport
import Testing

/// A policy trained on one grid map starts training on another (optimised builds only).
@Suite(.enabled(if: isOptimizedBuild, "learning tests run in optimised builds: swift test -c release"))
struct PPOTransferTests {
    /// A second walled 8x8 map: other walls and a hole, the goal in the same corner.
    static let secondMap: JSONValue = [
        "S.S.S..S",
        ".S.#.S.S",
        "S..#S...",
        "####.#.S",
        "S.S..#.S",
        ".S.#S#..",
        "S.S#S..H",
        "S...S.SG",
    ]

    /// Both maps registered with a reward threshold of 0.9 (the only reward is 1 at the goal,
    /// so the mean return is the success rate): the early stop then marks the step at which an
    /// evaluation first reaches 90% success.
    static let registry: EnvironmentRegistry = {
        var registry = EnvironmentRegistry.standard
        for (id, map) in [("FirstMap-v0", PPOGridWorldTests.walledMap), ("SecondMap-v0", secondMap)] {
            registry.register(
                id: id, maxEpisodeSteps: 100, rewardThreshold: 0.9, defaultOptions: ["map": map, "observation": "planes", "is_slippery": false]
            ) { options throws(EnvironmentError) in try GridWorldOptions(options: options).makeEnvironment() }
        }
        return registry
    }()

    /// Pretrained on the first map until 90% success, then fine-tuned on the second
    /// (`initialWeights`, what `dojo train --init-from` sets), PPO reaches 90% success on the
    /// second map in fewer environment steps than from scratch, on each of 3 seeds (10,240,
    /// 12,288 and 8,192 steps against 28,672, 22,528 and 38,912 when written; about 28 s).
    @Test func fineTuningReachesNinetyPercentSoonerThanScratch() throws {
        var fineTune = try PPOConfiguration.preset(named: "default", environmentID: "GridWorld-v0")
        fineTune.evalFreq = 2_048
        fineTune.nEvalEpisodes = 50
        fineTune.stopOnRewardThreshold = true
        for seed: UInt64 in 1...3 {
            let folder = FileManager.default.temporaryDirectory.appendingPathComponent("dojo-transfer-\(UUID().uuidString)")
            defer { try? FileManager.default.removeItem(at: folder) }
            let pretrained = try PPO(configuration: fineTune, seed: seed, runFolder: RunFolder(url: folder))
                .train(environmentID: "FirstMap-v0", registry: Self.registry)
            #expect(pretrained.stoppedEarly)
            var transfer = PPO(configuration: fineTune, seed: seed &+ 100)
            transfer.initialWeights = folder.appendingPathComponent("final.safetensors")
            let fineTuned = try transfer.train(environmentID: "SecondMap-v0", registry: Self.registry)
            let scratch = try PPO(configuration: fineTune, seed: seed &+ 100).train(environmentID: "SecondMap-v0", registry: Self.registry)
            #expect(fineTuned.stoppedEarly && fineTuned.timesteps < scratch.timesteps,
                    "seed \(seed): fine-tuned reached 90% at \(fineTuned.timesteps) (\(fineTuned.stoppedEarly)), scratch at \(scratch.timesteps) (\(scratch.stoppedEarly))")
        }
    }

    /// Weights of another architecture are refused, naming the file.
    @Test func weightsOfAnotherArchitectureAreRefused() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("dojo-transfer-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        var small = PPOConfiguration.cartPoleZoo
        small.totalTimesteps = 256
        _ = try PPO(configuration: small, seed: 1, runFolder: RunFolder(url: folder)).train(environmentID: "CartPole-v1", registry: .standard)
        var other = PPO(configuration: .gridWorldDefault, seed: 1)
        other.initialWeights = folder.appendingPathComponent("final.safetensors")
        #expect {
            try other.train(environmentID: "FirstMap-v0", registry: Self.registry)
        } throws: { error in
            guard case .invalidCheckpoint(let path, _) = error as? AgentError else { return false }
            return path.hasSuffix("final.safetensors")
        }
    }
}
