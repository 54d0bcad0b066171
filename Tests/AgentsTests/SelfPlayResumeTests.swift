import Agents
import Dojo
import Foundation
import NeuralCore
import Testing

/// A self-playing run stopped part-way and resumed from its latest checkpoint meets the same
/// opponents the stopped run would have, its own past snapshots included, and ends with the
/// same weights bit for bit as the run that was never stopped.
@Suite struct SelfPlayResumeTests {
    /// Mostly its own snapshots, a new one every 512 steps and only the newest two kept, so
    /// the pool at the stop holds snapshots that are neither the first nor the current policy.
    static let settings = SelfPlaySettings(
        opponents: [SelfPlaySettings.selfName: 0.8, "random": 0.2], snapshotInterval: 512, poolSize: 2)

    @Test(arguments: ["ppo", "dqn"])
    func resumedSelfPlayEndsBitIdentical(agent: String) throws {
        let (whole, stopped) = (DQNResumeTests().temporaryFolder(), DQNResumeTests().temporaryFolder())
        defer {
            try? FileManager.default.removeItem(at: whole)
            try? FileManager.default.removeItem(at: stopped)
        }
        let latest = stopped.appendingPathComponent("checkpoints/latest.safetensors")
        if agent == "ppo" {
            var configuration = PPOConfiguration.boardGameDefault
            configuration.totalTimesteps = 5_120
            configuration.selfPlay = Self.settings
            let make = { (folder: URL) in PPO(configuration: configuration, seed: 3, runFolder: try RunFolder(url: folder)) }
            _ = try make(whole).train(environmentID: "TicTacToe-v0", registry: .standard)
            var first = try make(stopped)
            first.shouldStop = DQNResumeTests.StopAfter(3).ask
            #expect(try first.train(environmentID: "TicTacToe-v0", registry: .standard).interrupted)
            try expectPoolSnapshots(in: latest, named: "policy.0.weight")
            let (resumed, _) = try PPO.resuming(from: latest, runFolder: RunFolder(url: stopped))
            #expect(resumed.configuration.selfPlay == Self.settings)
            #expect(try !resumed.train(environmentID: "TicTacToe-v0", registry: .standard, resumingFrom: latest).interrupted)
        } else {
            var configuration = DQNConfiguration.ticTacToeDefault
            configuration.totalTimesteps = 3_000
            configuration.learningStarts = 500
            configuration.saveReplayBuffer = true
            configuration.selfPlay = Self.settings
            let make = { (folder: URL) in DQN(configuration: configuration, seed: 3, runFolder: try RunFolder(url: folder)) }
            _ = try make(whole).train(environmentID: "TicTacToe-v0", registry: .standard)
            var first = try make(stopped)
            first.shouldStop = DQNResumeTests.StopAfter(1_601).ask
            #expect(try first.train(environmentID: "TicTacToe-v0", registry: .standard).interrupted)
            try expectPoolSnapshots(in: latest, named: "0.weight")
            let (resumed, _) = try DQN.resuming(from: latest, runFolder: RunFolder(url: stopped))
            #expect(try !resumed.train(environmentID: "TicTacToe-v0", registry: .standard, resumingFrom: latest).interrupted)
        }
        try DQNResumeTests().expectSameEnding(of: stopped, as: whole)
    }

    /// A checkpoint whose pool lost its snapshot's weights, or names a snapshot it never made, is
    /// refused naming the pool, before anything trains.
    @Test func damagedPoolIsRefused() throws {
        let folder = DQNResumeTests().temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        var configuration = PPOConfiguration.boardGameDefault
        configuration.totalTimesteps = 2_048
        configuration.selfPlay = Self.settings
        var first = PPO(configuration: configuration, seed: 3, runFolder: try RunFolder(url: folder))
        first.shouldStop = DQNResumeTests.StopAfter(1).ask
        _ = try first.train(environmentID: "TicTacToe-v0", registry: .standard)
        let latest = folder.appendingPathComponent("checkpoints/latest.safetensors")
        let saved = try SafeTensors(contentsOf: latest)
        var lost = saved
        lost.tensors.removeAll { $0.name == "opponent_pool.0.policy.0.weight" }
        var overfull = saved
        overfull.metadata["training_state"] = saved.metadata["training_state"]?.replacingOccurrences(of: #""nextID":1"#, with: #""nextID":0"#)
        #expect(overfull.metadata != saved.metadata)
        for (damaged, expected) in [(lost, "opponent pool snapshot 0"), (overfull, "opponent pool")] {
            try damaged.write(to: latest)
            let (resumed, _) = try PPO.resuming(from: latest, runFolder: nil)
            #expect {
                try resumed.train(environmentID: "TicTacToe-v0", registry: .standard, resumingFrom: latest)
            } throws: { error in
                "\(error)".contains(expected)
            }
        }
    }

    /// The latest checkpoint holds the pool's two newest snapshots under `opponent_pool.<id>.`.
    private func expectPoolSnapshots(in latest: URL, named parameter: String) throws {
        let names = try SafeTensors(contentsOf: latest).tensors.map(\.name).filter { $0.hasPrefix("opponent_pool.") && $0.hasSuffix(parameter) }
        #expect(names.count == 2, "\(names)")
        #expect(!names.contains("opponent_pool.0.\(parameter)"), "the oldest snapshot should have left the pool: \(names)")
    }
}
