import Agents
import Dojo
import Environments
import Foundation
import Testing

@Suite("Arena and Elo ratings")
struct ArenaTests {
    @Test func eloMatchesTheExpectedScore() {
        // 76 points of 100 (with the prior's half point of 1 more game) is a 200-point gap.
        let results = [[(wins: 0, draws: 0, losses: 0), (wins: 75, draws: 1, losses: 24)], [(wins: 24, draws: 1, losses: 75), (wins: 0, draws: 0, losses: 0)]]
        let elo = EloRatings(results: results, anchor: 1)
        let share = (75.0 + 0.5 + 0.5) / 101
        let expected = 400 * log10(share / (1 - share))
        #expect(abs(elo.ratings[0] - expected) < 1e-6)
        #expect(elo.ratings[1] == 0 && elo.margins[1] == 0)
        #expect(elo.margins[0] > 50 && elo.margins[0] < 200)
    }

    @Test func ratingsStayFiniteWhenOnePlayerWinsEverything() {
        let none = (wins: 0, draws: 0, losses: 0)
        let results = [[none, (wins: 0, draws: 0, losses: 20)], [(wins: 20, draws: 0, losses: 0), none]]
        let elo = EloRatings(results: results, anchor: 0)
        #expect(elo.ratings[1] > 400 && elo.ratings[1].isFinite && elo.margins[1].isFinite)
    }

    @Test func arenaOrdersTicTacToePlayersAndCountsEveryGame() throws {
        let players = try ["random", "alphabeta:1", "alphabeta:9"].map { name in
            let opponent = try TicTacToeEnvironment.opponent(named: name)
            return Arena<TicTacToe>.Entrant(name: name) { game, generator in opponent.move(in: game, using: &generator)! }
        }
        let standings = Arena(players: players, gamesPerSide: 10, seed: 7, threads: 2).run()
        #expect(standings.ranking == [2, 1, 0])
        #expect(standings.table[2][0].losses == 0 && standings.table[2][1].losses == 0)
        for i in 0..<3 { #expect(standings.total(of: i).games == 40) }
        let again = Arena(players: players, gamesPerSide: 10, seed: 7, threads: 1).run()
        #expect(again.table == standings.table)
    }

    /// ConnectFour's ladder: random < alpha-beta 1 < alpha-beta 4 (MCTS's place is measured in
    /// BENCHMARKS.md: at 1,000 simulations it ranks between alpha-beta 1 and 4).
    @Test func arenaOrdersConnectFourSearchDepths() throws {
        let players = try ["random", "alphabeta:1", "alphabeta:4"].map { name in
            let opponent = try ConnectFourEnvironment.opponent(named: name)
            return Arena<ConnectFour>.Entrant(name: name) { game, generator in opponent.move(in: game, using: &generator)! }
        }
        let standings = Arena(players: players, gamesPerSide: 10, seed: 2, threads: 2).run()
        #expect(standings.ranking == [2, 1, 0])
        #expect(standings.ratings[1] - standings.margins[1] > 0)
    }

    @Test func illegalMovesLoseAndAreCounted() {
        let stubborn = Arena<TicTacToe>.Entrant(name: "stubborn") { _, _ in 4 }
        let lowest = Arena<TicTacToe>.Entrant(name: "random") { game, _ in game.legalActions[0] }
        let standings = Arena(players: [stubborn, lowest], gamesPerSide: 3, seed: 1, threads: 1).run()
        #expect(standings.illegalMoves == [6, 0])
        #expect(standings.total(of: 0).losses == 6)
    }

    @Test func perfectPlayCheckFindsEveryLossOfAWeakPlayer() {
        let perfect = AlphaBetaSearch(depth: 9)
        var generator = SeededGenerator(seed: 0)
        let itself = PerfectPlayCheck(of: { (game: TicTacToe) in perfect.move(in: game, using: &generator) }, playing: .second, depth: 9)
        #expect(itself.losses == 0 && itself.wins == 0 && itself.draws > 0)
        let lowest = PerfectPlayCheck(of: { (game: TicTacToe) in game.legalActions[0] }, playing: .second, depth: 9)
        #expect(lowest.losses > 0)
        #expect(lowest.losingLine.map { TicTacToe(playing: $0).outcome } == .win(.first))
    }
}
