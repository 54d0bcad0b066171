import Agents
import ArgumentParser
import Dojo
import Environments
import Foundation
import NeuralCore

/// `dojo arena`: a round robin between board-game players, with a results table and Elo ratings.
struct ArenaCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "arena",
        abstract: "Play every pair of players both ways and rate them (Elo, random at 0).",
        discussion: """
            Players: random, alphabeta[:DEPTH], tactical[:DEPTH], mcts[:SIMULATIONS], or the path of a checkpoint \
            trained on the game (it plays greedily, masked, from the mover's side). Every pair \
            plays --games games with each player moving first; an illegal move loses its game \
            and is counted. Ratings are maximum-likelihood Elo with 95% confidence intervals, \
            anchored at random (or at the first player without one). --json prints one object: \
            env, seed, anchor, games_per_side, players (name, elo, elo_low, elo_high, wins, \
            draws, losses, illegal_moves, strongest first) and pairs (player, opponent, wins, \
            draws, losses).

            Examples:
              dojo arena --env TicTacToe-v0 --players random alphabeta:2 alphabeta:9
              dojo arena --env ConnectFour-v0 --players random alphabeta:1 alphabeta:4 mcts:1000 --games 20 --json
              dojo arena --env TicTacToe-v0 --players runs/TicTacToe-v0-ppo-1-*/final.safetensors alphabeta:9 random
            """
    )

    @Option(help: "TicTacToe-v0 or ConnectFour-v0.")
    var env = "TicTacToe-v0"

    @Option(parsing: .upToNextOption, help: "Two or more players: random, alphabeta[:D], mcts[:N] or a checkpoint path.")
    var players: [String] = []

    @Option(help: "Games per pair with each player moving first.")
    var games = 10

    @Option(help: "Seed of every game's random draws.")
    var seed: UInt64 = 0

    @Option(help: "Games played at once (default: every core).")
    var threads: Int?

    @Flag(help: "Print one JSON object instead of the table.")
    var json = false

    func validate() throws {
        guard ["TicTacToe-v0", "ConnectFour-v0"].contains(env) else {
            throw ValidationError("--env: expected TicTacToe-v0 or ConnectFour-v0, got \(env)")
        }
        guard players.count >= 2 else { throw ValidationError("--players: expected at least two players, got \(players.count)") }
        guard games > 0 else { throw ValidationError("--games: expected a positive number, got \(games)") }
        if let threads, threads < 1 { throw ValidationError("--threads: expected at least 1, got \(threads)") }
    }

    func run() throws {
        let standings = env == "TicTacToe-v0" ? try play(TicTacToe.self) : try play(ConnectFour.self)
        if json {
            guard case .object(var fields) = standings.jsonValue else { preconditionFailure("expected the standings as an object") }
            fields["env"] = .string(env)
            fields["seed"] = .number(Double(seed))
            print(JSONValue.object(fields).jsonText)
        } else {
            print(table(standings))
        }
    }

    private func play<Game: BoardGame>(_ game: Game.Type) throws -> ArenaStandings {
        let entrants = try players.map { name in
            let opponent = try BoardGamePlayerSpecification.opponent(name, environmentID: env, game: Game.self)
            return Arena<Game>.Entrant(name: name) { game, generator in
                opponent.move(in: game, using: &generator) ?? 0
            }
        }
        return Arena(players: entrants, gamesPerSide: games, seed: seed, threads: threads ?? availableProcessorCount).run()
    }

    /// The standings, strongest first: rating with its interval, record, illegal moves.
    private func table(_ standings: ArenaStandings) -> String {
        let width = max(6, standings.names.map(\.count).max() ?? 0)
        func padded(_ text: String, _ size: Int, left: Bool = false) -> String {
            let padding = String(repeating: " ", count: max(0, size - text.count))
            return left ? text + padding : padding + text
        }
        var lines = ["\(env): \(standings.gamesPerSide) games per pair each way, seed \(seed), Elo anchored at \(standings.anchor)"]
        lines.append(padded("player", width, left: true) + "     elo   95% ci     wins  draws losses illegal")
        for i in standings.ranking {
            let total = standings.total(of: i)
            lines.append(
                padded(standings.names[i], width, left: true) + padded(String(format: "%.0f", standings.ratings[i]), 8)
                    + padded(String(format: "±%.0f", standings.margins[i]), 9) + padded("\(total.wins)", 9) + padded("\(total.draws)", 7)
                    + padded("\(total.losses)", 7) + padded("\(standings.illegalMoves[i])", 8))
        }
        return lines.joined(separator: "\n")
    }
}
