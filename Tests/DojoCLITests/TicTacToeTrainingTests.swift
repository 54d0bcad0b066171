import Agents
import Dojo
import Environments
import Foundation
import Testing

/// The TicTacToe self-play preset end to end, through the built tool: the policy that
/// `dojo train --env TicTacToe-v0 --agent ppo --seed 1` writes never loses to a perfect player
/// on any of its optimal lines, from either side, and beats a random player as X.
@Suite struct TicTacToeTrainingTests {
    static let seed = "1"

    @Test func presetTrainsAPlayerThatNeverLosesToPerfectPlay() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("dojo-tictactoe-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        let output = try DojoBinary.run(["train", "--env", "TicTacToe-v0", "--agent", "ppo", "--seed", Self.seed, "--out", folder.path, "--quiet"])
        #expect(output.status == 0, "\(output.stderr)")
        let (policy, metadata) = try loadPolicy(from: folder.appendingPathComponent("final.safetensors"))
        #expect(metadata.environmentID == "TicTacToe-v0" && metadata.agent == "ppo")
        let player = PolicyPlayer<TicTacToe>(policy: policy)
        var generator = SeededGenerator(seed: 0)
        for side in Player.allCases {
            let check = PerfectPlayCheck(of: { (game: TicTacToe) in player.move(in: game, using: &generator) }, playing: side, depth: 9)
            #expect(check.losses == 0, "as \(side): lost \(check.losses) of \(check.wins + check.draws + check.losses) lines, e.g. \(check.losingLine ?? [])")
            #expect(check.draws > 0)
        }
        let versusRandom = try evaluate(
            policy: policy, environmentID: "TicTacToe-v0", registry: .standard, options: ["opponent": "random", "agent_side": "first"],
            episodes: 1_000, seed: 11)
        #expect(try #require(versusRandom.successRate) >= 0.95)
        #expect(versusRandom.illegalActions == 0)
    }

    /// With no agent and no preset named, a board game trains PPO's self-play preset.
    @Test func boardGamesDefaultToSelfPlayPPO() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("dojo-tictactoe-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        let output = try DojoBinary.run(["train", "--env", "TicTacToe-v0", "--steps", "2048", "--out", folder.path, "--quiet"])
        #expect(output.status == 0, "\(output.stderr)")
        let config = try JSONValue(parsing: String(contentsOf: folder.appendingPathComponent("config.json"), encoding: .utf8))
        #expect(config["agent"] == "ppo")
        #expect(config["hyperparameters"]?["self_play"]?["opponents"]?["alphabeta:9"] != nil)
    }
}
