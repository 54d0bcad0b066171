import Dojo
import Foundation
import Testing

/// `dojo arena` through the built tool: the JSON contract, the table, players from
/// checkpoints, and refusals that name the bad player.
@Suite struct ArenaCommandTests {
    @Test func jsonRanksPlayersWithRandomAtZero() throws {
        let output = try DojoBinary.run(["arena", "--env", "TicTacToe-v0", "--players", "random", "alphabeta:9", "mcts:50", "tactical", "--games", "4", "--seed", "3", "--json"])
        #expect(output.status == 0, "\(output.stderr)")
        let json = try JSONValue(parsing: output.stdout)
        #expect(json["env"] == "TicTacToe-v0" && json["anchor"] == "random" && json["games_per_side"] == 4 && json["seed"] == 3)
        let players = try #require(json["players"]?.arrayValue)
        #expect(players.count == 4 && players.last?["name"] == "random" && players.last?["elo"] == 0)
        for player in players {
            for key in ["elo", "elo_low", "elo_high", "wins", "draws", "losses", "illegal_moves"] { #expect(player[key] != nil, "no \(key)") }
            #expect(player["illegal_moves"] == 0)
        }
        #expect(json["pairs"]?.arrayValue?.count == 12)
        let again = try DojoBinary.run(["arena", "--env", "TicTacToe-v0", "--players", "random", "alphabeta:9", "mcts:50", "tactical", "--games", "4", "--seed", "3", "--json", "--threads", "1"])
        #expect(again.stdout == output.stdout)
    }

    @Test func checkpointsPlayAndTheTableShowsEveryone() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("dojo-arena-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        let train = try DojoBinary.run(["train", "--env", "TicTacToe-v0", "--steps", "2048", "--out", folder.path, "--quiet"])
        #expect(train.status == 0, "\(train.stderr)")
        let checkpoint = folder.appendingPathComponent("final.safetensors").path
        let output = try DojoBinary.run(["arena", "--env", "TicTacToe-v0", "--players", checkpoint, "random", "--games", "3"])
        #expect(output.status == 0, "\(output.stderr)")
        #expect(output.stdout.contains("elo") && output.stdout.contains(checkpoint) && output.stdout.contains("random"))
        let wrongGame = try DojoBinary.run(["arena", "--env", "ConnectFour-v0", "--players", checkpoint, "random"])
        #expect(wrongGame.status != 0 && wrongGame.stderr.contains("trained on TicTacToe-v0"), "\(wrongGame.stderr)")
        let play = try DojoBinary.run(["play", "--opponent", checkpoint, "--first", "opponent"], input: "q\n")
        #expect(play.status == 0, "\(play.stderr)")
        #expect(play.stdout.contains("Opponent plays") && play.stdout.contains("its value estimate"), "\(play.stdout)")
    }

    @Test func badPlayersAreRefusedByName() throws {
        let unknown = try DojoBinary.run(["arena", "--players", "random", "minimax:3"])
        #expect(unknown.status != 0 && unknown.stderr.contains("minimax:3"), "\(unknown.stderr)")
        let depth = try DojoBinary.run(["arena", "--players", "random", "alphabeta:99"])
        #expect(depth.status != 0 && depth.stderr.contains("alphabeta:99"), "\(depth.stderr)")
        let alone = try DojoBinary.run(["arena", "--players", "random"])
        #expect(alone.status != 0 && alone.stderr.contains("at least two players"))
        let mcts = try DojoBinary.run(["play", "--env", "ConnectFour-v0", "--opponent", "mcts:0"], input: "q\n")
        #expect(mcts.status != 0 && mcts.stderr.contains("simulations"), "\(mcts.stderr)")
    }
}
