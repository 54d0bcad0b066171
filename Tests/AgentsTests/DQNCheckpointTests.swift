import Agents
import Dojo
import Foundation
import NeuralCore
import Testing

/// DQN checkpoints: tensor names, metadata, rebuilding the policy from the file alone, and
/// clear errors for files that are not DQN checkpoints.
@Suite struct DQNCheckpointTests {
    func temporaryFolder() -> URL {
        FileManager.default.temporaryDirectory.appendingPathComponent("dojo-checkpoint-\(UUID().uuidString)")
    }

    @Test(arguments: [false, true])
    func checkpointRebuildsTheSameGreedyPolicy(dueling: Bool) throws {
        let folder = temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        var configuration = DQNConfiguration.cartPoleDefault
        configuration.totalTimesteps = 2_000
        configuration.dueling = dueling
        let run = try DQN(configuration: configuration, seed: 1, runFolder: RunFolder(url: folder))
            .train(environmentID: "CartPole-v1", registry: .standard)
        let file = try SafeTensors(contentsOf: folder.appendingPathComponent("final.safetensors"))
        let names = file.tensors.map(\.name)
        if dueling {
            #expect(names.first == "q_net.features.0.weight" && names.contains("q_net.advantage.0.bias"))
        } else {
            #expect(names == ["q_net.0.weight", "q_net.0.bias", "q_net.2.weight", "q_net.2.bias", "q_net.4.weight", "q_net.4.bias"])
            #expect(file.tensors.map(\.tensor.shape) == [[64, 4], [64], [64, 64], [64], [2, 64], [2]])
        }
        #expect(file.metadata["env_id"] == "CartPole-v1" && file.metadata["agent"] == "dqn")
        #expect(file.metadata["timesteps"] == "2000")
        for key in ["observation_space", "action_space", "architecture", "hyperparameters"] {
            #expect(file.metadata[key].map { (try? JSONValue(parsing: $0)) != nil } == true, "\(key) is JSON")
        }

        let loaded = try DQNCheckpoint.load(from: folder.appendingPathComponent("final.safetensors"))
        #expect(loaded.configuration == configuration && loaded.policy.network.isDueling == dueling)
        var generator = SeededGenerator(seed: 1)
        var observation = [Float](repeating: 0, count: 4)
        for _ in 0..<200 {
            for index in 0..<4 { observation[index] = Float(generator.normal()) }
            let expected = observation.withUnsafeBufferPointer { run.policy.action(for: $0, using: &generator) }
            let got = observation.withUnsafeBufferPointer { loaded.policy.action(for: $0, using: &generator) }
            #expect(expected == got)
        }
        #expect(FileManager.default.fileExists(atPath: folder.appendingPathComponent("progress.csv").path))
        #expect(FileManager.default.fileExists(atPath: folder.appendingPathComponent("config.json").path))
    }

    @Test func filesThatAreNotDQNCheckpointsAreRefusedByName() throws {
        let folder = temporaryFolder()
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let plain = folder.appendingPathComponent("weights.safetensors")
        try SafeTensors(tensors: [("weight", Tensor.zeros([2, 2]))]).write(to: plain)
        #expect(throws: AgentError.invalidCheckpoint(
            path: plain.path, reason: "no 'env_id' entry in __metadata__; is this a Dojo agent checkpoint?")
        ) {
            try DQNCheckpoint.load(from: plain)
        }
        let missing = folder.appendingPathComponent("missing.safetensors")
        #expect(throws: AgentError.self) { try DQNCheckpoint.load(from: missing) }
    }
}
