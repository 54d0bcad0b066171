import Agents
import Dojo
import Environments
import Foundation
import TestSupport
import Testing

/// Checkpoints load in Python with safetensors and numpy alone: the script rebuilds DQN's
/// Q-network (`q_net.*`, plain and dueling) or PPO's actor (`policy.*`) from the architecture
/// metadata and picks the same greedy actions as Dojo on 1,000 observations recorded from play.
@Suite struct PythonInteropTests {
    @Test(
        .enabled(if: PythonRunner.shouldRun(importing: ["safetensors", "numpy"]), "needs Python with safetensors, numpy (Tests/requirements.txt); CI sets DOJO_REQUIRE_PYTHON=1 so it always runs there"),
        arguments: ["dqn", "dqn-dueling", "ppo"])
    func pythonChoosesTheSameGreedyActions(agent: String) throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("dojo-interop-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        let policy: any Policy
        if agent == "ppo" {
            var configuration = PPOConfiguration.cartPoleZoo
            configuration.totalTimesteps = 8_192
            policy = try PPO(configuration: configuration, seed: 2, runFolder: RunFolder(url: folder))
                .train(environmentID: "CartPole-v1", registry: .standard).policy
        } else {
            var configuration = DQNConfiguration.cartPoleDefault
            configuration.totalTimesteps = 5_000
            configuration.dueling = agent == "dqn-dueling"
            policy = try DQN(configuration: configuration, seed: 2, runFolder: RunFolder(url: folder))
                .train(environmentID: "CartPole-v1", registry: .standard).policy
        }

        // 1,000 observations from episodes of the trained policy with some random actions.
        var environment = TimeLimit(CartPole(), maxEpisodeSteps: 500)
        var generator = SeededGenerator(seed: 11)
        var observations: [Float] = []
        var actions: [Int] = []
        let space = environment.observationSpace
        var observation = space.flattened(try environment.reset(seed: 5).observation)
        while actions.count < 1_000 {
            let greedy = observation.withUnsafeBufferPointer { policy.action(for: $0, using: &generator) }
            observations += observation
            actions.append(greedy)
            let explore = generator.nextUnitDouble() < 0.3
            let step = environment.step(explore ? Int(generator.next(upperBound: UInt64(2))) : greedy)
            observation = space.flattened(step.isDone ? try environment.reset().observation : step.observation)
        }
        let observationsFile = folder.appendingPathComponent("observations.f32")
        try observations.withUnsafeBytes { try Data($0).write(to: observationsFile) }

        let script = try String(
            contentsOf: PythonRunner.packageRoot.appendingPathComponent("Tests/AgentsTests/Scripts/greedy_actions.py"), encoding: .utf8)
        let (status, output) = try PythonRunner.run(
            script, arguments: [folder.appendingPathComponent("final.safetensors").path, observationsFile.path])
        #expect(status == 0, "python failed: \(output)")
        guard status == 0 else { return }
        let decoded = try #require(try JSONSerialization.jsonObject(with: Data(output.utf8)) as? [String: Any])
        #expect(decoded["env_id"] as? String == "CartPole-v1" && decoded["agent"] as? String == agent.prefix(3).description)
        let pythonActions = try #require(decoded["actions"] as? [Int])
        #expect(pythonActions == actions)
        #expect(Set(actions).count == 2, "both actions occur, so agreement is not by accident")
    }
}
