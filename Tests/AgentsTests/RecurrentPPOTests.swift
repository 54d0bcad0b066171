import Agents
import Dojo
import Environments
import Foundation
import NeuralCore
import TestSupport
import Testing

/// Recurrent PPO remembers what a feed-forward policy cannot (optimised builds only).
@Suite(.enabled(if: isOptimizedBuild, "learning tests run in optimised builds: swift test -c release"))
struct RecurrentPPOTests {
    /// On MemoryCorridor-v0 the cue is seen only at the first step and the reward, 1, only for
    /// entering the cued end. The recurrent preset succeeds in at least 95% of 200 greedy
    /// episodes (100% on each of seeds 1-6 when written, about 2 s); the same budget and
    /// settings without the LSTM stay near the memoryless bound of 50% (48-52%). The policy
    /// rebuilt from the final checkpoint (`lstm.*`, then `policy.*` and `value.*`) scores the same.
    @Test func lstmPolicySolvesMemoryCorridorWhereFeedForwardCannot() throws {
        var configuration = try PPOConfiguration.preset(named: "default", environmentID: "MemoryCorridor-v0")
        #expect(configuration.recurrent)
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("dojo-recurrent-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        let recurrent = try PPO(configuration: configuration, seed: 1, runFolder: RunFolder(url: folder))
            .train(environmentID: "MemoryCorridor-v0", registry: .standard)
        let remembered = try evaluate(policy: recurrent.policy, environmentID: "MemoryCorridor-v0", registry: .standard, episodes: 200, seed: 9)
        #expect(remembered.meanReturn >= 0.95, "success with an LSTM \(remembered.meanReturn)")

        let url = folder.appendingPathComponent("final.safetensors")
        #expect(try SafeTensors(contentsOf: url).tensors.map(\.name).prefix(4) == ["lstm.weight_ih_l0", "lstm.weight_hh_l0", "lstm.bias_ih_l0", "lstm.bias_hh_l0"])
        let reloaded = try loadPolicy(from: url).policy
        let replayed = try evaluate(policy: reloaded, environmentID: "MemoryCorridor-v0", registry: .standard, episodes: 200, seed: 9)
        #expect(replayed.returns == remembered.returns && replayed.lengths == remembered.lengths)

        configuration.recurrent = false
        let feedForward = try PPO(configuration: configuration, seed: 1).train(environmentID: "MemoryCorridor-v0", registry: .standard)
        let forgotten = try evaluate(policy: feedForward.policy, environmentID: "MemoryCorridor-v0", registry: .standard, episodes: 200, seed: 9)
        #expect(forgotten.meanReturn <= 0.65, "success without an LSTM \(forgotten.meanReturn)")
    }

    /// A recurrent batch must be whole sequences, the LSTM must have a size, and recurrent
    /// rollouts cannot be whole episodes: each is refused before training.
    @Test func recurrentSettingsAreChecked() {
        var configuration = PPOConfiguration.memoryCorridorDefault
        configuration.batchSize = 48
        #expect(throws: AgentError.self) { try PPO(configuration: configuration).train(environmentID: "MemoryCorridor-v0", registry: .standard) }
        configuration = .memoryCorridorDefault
        configuration.lstmHiddenSize = 0
        #expect(throws: AgentError.self) { try PPO(configuration: configuration).train(environmentID: "MemoryCorridor-v0", registry: .standard) }
        configuration = .memoryCorridorDefault
        configuration.completeEpisodes = true
        #expect(throws: AgentError.self) { try PPO(configuration: configuration).train(environmentID: "MemoryCorridor-v0", registry: .standard) }
    }
}
