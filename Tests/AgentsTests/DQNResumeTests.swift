import Agents
import Dojo
import Foundation
import NeuralCore
import Testing

/// A DQN run stopped part-way and resumed from its latest checkpoint ends exactly where the
/// run that was never stopped ends: the same weights bit for bit, the same metrics rows.
@Suite struct DQNResumeTests {
    func temporaryFolder() -> URL {
        FileManager.default.temporaryDirectory.appendingPathComponent("dojo-resume-\(UUID().uuidString)")
    }

    /// Counts the questions `shouldStop` is asked and answers yes at the `stopAt`-th.
    final class StopAfter {
        let stopAt: Int
        var asked = 0
        init(_ stopAt: Int) { self.stopAt = stopAt }
        func ask() -> Bool {
            asked += 1
            return asked == stopAt
        }
    }

    /// Expects the resumed run in `stopped` to end as the uninterrupted run in `whole` did: the
    /// same final weights bit for bit, and the same metrics rows.
    func expectSameEnding(of stopped: URL, as whole: URL, sourceLocation: SourceLocation = #_sourceLocation) throws {
        let expected = try SafeTensors(contentsOf: whole.appendingPathComponent("final.safetensors"))
        let actual = try SafeTensors(contentsOf: stopped.appendingPathComponent("final.safetensors"))
        #expect(actual.tensors.map(\.name) == expected.tensors.map(\.name), sourceLocation: sourceLocation)
        #expect(actual.tensors.map(\.tensor) == expected.tensors.map(\.tensor), sourceLocation: sourceLocation)
        #expect(try metricsWithoutTiming(in: stopped) == metricsWithoutTiming(in: whole), sourceLocation: sourceLocation)
    }

    /// The metrics file without its timing column (steps per second depends on the machine).
    func metricsWithoutTiming(in folder: URL) throws -> [String] {
        try String(contentsOf: folder.appendingPathComponent("progress.csv"), encoding: .utf8)
            .split(separator: "\n").map { $0.split(separator: ",", omittingEmptySubsequences: false).dropLast().joined(separator: ",") }
    }

    /// Double DQN with 3-step returns over two environment copies (uniform replay), and dueling
    /// heads with prioritized replay, each stopped in the middle of a collection phase.
    @Test(arguments: [false, true])
    func resumedRunEndsBitIdentical(prioritized: Bool) throws {
        var configuration = DQNConfiguration.cartPoleDefault
        configuration.totalTimesteps = 4_000
        configuration.learningStarts = 500
        configuration.nEnvs = 2
        configuration.trainFreq = 4
        configuration.metricsInterval = 500
        configuration.saveReplayBuffer = true
        configuration.prioritizedReplay = prioritized
        configuration.dueling = prioritized
        let (whole, stopped) = (temporaryFolder(), temporaryFolder())
        defer {
            try? FileManager.default.removeItem(at: whole)
            try? FileManager.default.removeItem(at: stopped)
        }
        let uninterrupted = try DQN(configuration: configuration, seed: 5, runFolder: RunFolder(url: whole))
            .train(environmentID: "CartPole-v1", registry: .standard)
        #expect(!uninterrupted.interrupted)

        var first = DQN(configuration: configuration, seed: 5, runFolder: try RunFolder(url: stopped))
        let stop = StopAfter(1_001)
        first.shouldStop = stop.ask
        let partial = try first.train(environmentID: "CartPole-v1", registry: .standard)
        #expect(partial.interrupted && partial.timesteps == 2_002)
        let latest = stopped.appendingPathComponent("checkpoints/latest.safetensors")
        #expect(!FileManager.default.fileExists(atPath: stopped.appendingPathComponent("final.safetensors").path))

        let (resumed, environmentID) = try DQN.resuming(from: latest, runFolder: RunFolder(url: stopped))
        #expect(environmentID == "CartPole-v1" && resumed.seed == 5 && resumed.configuration == configuration)
        let rest = try resumed.train(environmentID: environmentID, registry: .standard, resumingFrom: latest)
        #expect(!rest.interrupted && rest.timesteps == uninterrupted.timesteps && rest.episodes == uninterrupted.episodes)
        #expect(rest.updates == uninterrupted.updates)

        try expectSameEnding(of: stopped, as: whole)
    }

    /// The latest checkpoint holds the target network, Adam's state and the replay buffer
    /// besides the policy, and still loads as a policy.
    @Test func latestCheckpointHoldsTheTrainingState() throws {
        var configuration = DQNConfiguration.cartPoleDefault
        configuration.totalTimesteps = 2_500
        configuration.checkpointFreq = 2_000
        configuration.saveReplayBuffer = true
        let folder = temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        _ = try DQN(configuration: configuration, seed: 2, runFolder: RunFolder(url: folder))
            .train(environmentID: "CartPole-v1", registry: .standard)
        let latest = folder.appendingPathComponent("checkpoints/latest.safetensors")
        let file = try SafeTensors(contentsOf: latest)
        let names = Set(file.tensors.map(\.name))
        for name in ["q_net.0.weight", "q_net_target.0.weight", "optimizer.0.weight.first_moment", "replay_buffer.observations", "replay_buffer.discounts"] {
            #expect(names.contains(name), "\(name)")
        }
        #expect(file.metadata["training_state"] != nil && file.metadata["timesteps"] == "2000")
        #expect(file["replay_buffer.observations"]?.shape == [configuration.bufferSize, 4])
        let loaded = try DQNCheckpoint.load(from: latest)
        #expect(loaded.metadata.timesteps == 2_000)
    }

    /// A policy-only checkpoint cannot be resumed, and says why.
    @Test func finalCheckpointIsNotResumable() throws {
        var configuration = DQNConfiguration.cartPoleDefault
        configuration.totalTimesteps = 600
        let folder = temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        _ = try DQN(configuration: configuration, seed: 2, runFolder: RunFolder(url: folder))
            .train(environmentID: "CartPole-v1", registry: .standard)
        let final = folder.appendingPathComponent("final.safetensors")
        #expect {
            _ = try DQN.resuming(from: final, runFolder: nil)
        } throws: { error in
            "\(error)".contains("no training state to resume")
        }
    }
}
