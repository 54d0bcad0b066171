import Dojo
import Foundation
import NeuralCore

/// A round robin between board-game players: every pair meets in `gamesPerSide` games with
/// each one moving first, and the results give Elo ratings (``EloRatings``) anchored at the
/// first player named `random`, or at the first player when there is none.
///
/// Games are independent and run on up to `threads` threads; game `k` draws from its own
/// generator (child `k` of the seed), so the results depend on the seed alone. A move that is
/// not legal loses the game at once and is counted as an illegal move of its player.
///
/// ```swift
/// let arena = Arena<TicTacToe>(players: [
///     .init(name: "random", move: { game, rng in game.legalActions.randomElement(using: &rng)! }),
///     .init(name: "alphabeta:9", move: { game, rng in AlphaBetaSearch(depth: 9).move(in: game, using: &rng) }),
/// ], gamesPerSide: 10, seed: 1)
/// let standings = arena.run()
/// ```
public struct Arena<Game: BoardGame>: Sendable {
    /// A named player.
    public struct Entrant: Sendable {
        /// The name the tables show: the specification it was made from.
        public let name: String
        /// Its move in a position.
        public let move: BoardGamePolicy<Game>

        /// A player called `name` that plays `move`.
        public init(name: String, move: @escaping BoardGamePolicy<Game>) {
            self.name = name
            self.move = move
        }
    }

    /// The players, in the order the results list them.
    public let players: [Entrant]
    /// Games of each pair with each player moving first.
    public let gamesPerSide: Int
    /// The seed of every game's generator.
    public let seed: UInt64
    /// The most games played at once.
    public let threads: Int

    /// A round robin of `players`, `gamesPerSide` games each way per pair.
    ///
    /// - Precondition: at least two players and `gamesPerSide >= 1`.
    public init(players: [Entrant], gamesPerSide: Int, seed: UInt64, threads: Int = availableProcessorCount) {
        precondition(players.count >= 2, "expected at least two players, got \(players.count)")
        precondition(gamesPerSide >= 1, "expected at least one game per side, got \(gamesPerSide)")
        self.players = players
        self.gamesPerSide = gamesPerSide
        self.seed = seed
        self.threads = max(1, threads)
    }

    /// One game to play: who moves first and who second; its place in the schedule picks its generator.
    private struct Fixture {
        let first: Int
        let second: Int
    }

    /// How one game ended: the winner's index (or `nil` for a draw) and who moved illegally.
    private struct GameResult {
        var winner: Int?
        var illegalMover: Int?
    }

    /// Plays every game and fits the ratings.
    public func run() -> ArenaStandings {
        var schedule: [Fixture] = []
        for i in players.indices {
            for j in players.indices where i != j {
                for _ in 0..<gamesPerSide { schedule.append(Fixture(first: i, second: j)) }
            }
        }
        let fixtures = schedule
        let results = UnsafeMutableBufferPointer<GameResult>.allocate(capacity: fixtures.count)
        results.initialize(repeating: GameResult())
        defer { results.deallocate() }
        let root = SeededGenerator(seed: seed)
        let workers = min(threads, fixtures.count)
        nonisolated(unsafe) let shared = results
        DispatchQueue.concurrentPerform(iterations: workers) { worker in
            for index in stride(from: worker, to: fixtures.count, by: workers) {
                var generator = root.child(index)
                shared[index] = play(fixtures[index], using: &generator)
            }
        }
        var table = Array(repeating: Array(repeating: ArenaStandings.Record(), count: players.count), count: players.count)
        var illegal = Array(repeating: 0, count: players.count)
        for (fixture, result) in zip(fixtures, results) {
            let (a, b) = (fixture.first, fixture.second)
            switch result.winner {
            case a?: (table[a][b].wins, table[b][a].losses) = (table[a][b].wins + 1, table[b][a].losses + 1)
            case b?: (table[b][a].wins, table[a][b].losses) = (table[b][a].wins + 1, table[a][b].losses + 1)
            default: (table[a][b].draws, table[b][a].draws) = (table[a][b].draws + 1, table[b][a].draws + 1)
            }
            if let mover = result.illegalMover { illegal[mover] += 1 }
        }
        let anchor = players.firstIndex { $0.name == "random" } ?? 0
        let elo = EloRatings(results: table.map { $0.map { ($0.wins, $0.draws, $0.losses) } }, anchor: anchor)
        return ArenaStandings(
            names: players.map(\.name), table: table, illegalMoves: illegal, ratings: elo.ratings, margins: elo.margins,
            anchor: players[anchor].name, gamesPerSide: gamesPerSide)
    }

    private func play(_ fixture: Fixture, using generator: inout SeededGenerator) -> GameResult {
        var game = Game()
        while game.outcome == .ongoing {
            let mover = game.currentPlayer == .first ? fixture.first : fixture.second
            let action = players[mover].move(game, &generator)
            guard game.isLegal(action) else {
                return GameResult(winner: mover == fixture.first ? fixture.second : fixture.first, illegalMover: mover)
            }
            game.play(action)
        }
        switch game.outcome {
        case .win(.first): return GameResult(winner: fixture.first)
        case .win(.second): return GameResult(winner: fixture.second)
        default: return GameResult()
        }
    }
}
