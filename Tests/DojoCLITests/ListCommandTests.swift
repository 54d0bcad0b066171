import Foundation
import Testing

@Suite struct ListCommandTests {
    @Test func listJSONIsOneArrayOfEnvironments() throws {
        let rows = try #require(try DojoBinary.json(["list", "--json"]) as? [[String: Any]])
        let cartPole = try #require(rows.first { $0["id"] as? String == "CartPole-v1" })
        #expect(cartPole["max_episode_steps"] as? Int == 500)
        #expect(cartPole["reward_threshold"] as? Double == 475)
        #expect((cartPole["action_space"] as? [String: Any])?["n"] as? Int == 2)
        #expect((cartPole["observation_space"] as? [String: Any])?["shape"] as? [Int] == [4])
        #expect(rows.contains { $0["id"] as? String == "CartPole-v0" })
    }

    @Test func listTableNamesEveryEnvironment() throws {
        let output = try DojoBinary.run(["list"])
        #expect(output.status == 0)
        #expect(output.stdout.contains("CartPole-v1") && output.stdout.contains("time limit:  500"))
    }

    @Test func versionAndHelpWork() throws {
        let version = try DojoBinary.run(["--version"])
        #expect(version.status == 0 && version.stdout.trimmingCharacters(in: .whitespacesAndNewlines) == "0.1.0")
        let help = try DojoBinary.run(["--help"])
        #expect(help.stdout.contains("list") && help.stdout.contains("rollout"))
    }
}
