import Dojo
import Environments
import Testing

@Suite("Monte Carlo tree search")
struct MonteCarloTreeSearchTests {
    @Test func takesAnImmediateWin() {
        // X has 0 and 1 with 2 open; O has 3 and 4 threatening 5. X to move wins at 2.
        let game = TicTacToe(playing: [0, 3, 1, 4])
        var generator = SeededGenerator(seed: 1)
        #expect(MonteCarloTreeSearch<TicTacToe>(simulations: 500).move(in: game, using: &generator) == 2)
    }

    @Test func blocksTheOpponentsConnectFour() {
        // X has three in column 0; O must drop into column 0.
        let game = ConnectFour(playing: [0, 1, 0, 1, 0])
        var generator = SeededGenerator(seed: 3)
        #expect(MonteCarloTreeSearch<ConnectFour>(simulations: 1_000).move(in: game, using: &generator) == 0)
    }

    /// Playouts by a policy instead of chance: here a one-ply search, which takes wins and so
    /// makes the playouts sharper; the search still answers the threat, and the policy is asked.
    @Test func policyGuidedPlayoutsAreUsed() {
        let counter = CallCounter()
        let greedy = AlphaBetaSearch(depth: 1)
        let search = MonteCarloTreeSearch<ConnectFour>(simulations: 300) { game, generator in
            counter.increment()
            return greedy.move(in: game, using: &generator)
        }
        var generator = SeededGenerator(seed: 4)
        #expect(search.move(in: ConnectFour(playing: [0, 1, 0, 1, 0]), using: &generator) == 0)
        #expect(counter.count > 300)
    }

    @Test func sameSeedSameSearch() {
        let search = MonteCarloTreeSearch<ConnectFour>(simulations: 300)
        var first = SeededGenerator(seed: 9), second = SeededGenerator(seed: 9)
        let a = search.search(in: ConnectFour(playing: [3, 3, 2]), using: &first)
        let b = search.search(in: ConnectFour(playing: [3, 3, 2]), using: &second)
        #expect(a.move == b.move && a.visits == b.visits)
        #expect(a.visits.reduce(0, +) == 300)
    }

    @Test func neverLosesTicTacToeToRandomAsFirstPlayer() {
        let search = MonteCarloTreeSearch<TicTacToe>(simulations: 400)
        var generator = SeededGenerator(seed: 5)
        var wins = 0
        for _ in 0..<100 {
            var game = TicTacToe()
            while game.outcome == .ongoing {
                if game.currentPlayer == .first {
                    game.play(search.move(in: game, using: &generator))
                } else {
                    let legal = game.legalActions
                    game.play(legal[Int(generator.next(upperBound: UInt64(legal.count)))])
                }
            }
            #expect(game.outcome != .win(.second), "lost as X to random:\n\(game)")
            if game.outcome == .win(.first) { wins += 1 }
        }
        #expect(wins >= 90)
    }

    @Test func environmentOptionsMakeAnMCTSOpponent() throws {
        let options = try ConnectFourEnvironment.opponentOptions("mcts:50")
        #expect(options == ["opponent": "mcts", "simulations": 50])
        var env = try ConnectFourEnvironment(options: options)
        let start = try env.reset(seed: 2)
        #expect(start.observation.count == 84)
        #expect(throws: EnvironmentError.self) { try ConnectFourEnvironment(options: ["opponent": "mcts", "simulations": 0]) }
        #expect(throws: EnvironmentError.self) { try ConnectFourEnvironment(options: ["opponent": "random", "simulations": 10]) }
        #expect(throws: EnvironmentError.self) { try ConnectFourEnvironment.opponentOptions("mcts:many") }
        #expect(throws: EnvironmentError.self) { try TicTacToeEnvironment.opponentOptions("minimax") }
    }
}

/// Counts the calls of a `@Sendable` closure.
private final class CallCounter: @unchecked Sendable {
    private(set) var count = 0
    func increment() { count += 1 }
}
