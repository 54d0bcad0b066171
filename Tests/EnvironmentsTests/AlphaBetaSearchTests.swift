import Dojo
import Environments
import Testing

@Suite("Alpha-beta search")
struct AlphaBetaSearchTests {
    let perfect = AlphaBetaSearch(depth: 9)

    /// Plays one TicTacToe game; `players[p]` is nil for a uniformly random player.
    private func play(_ players: [AlphaBetaSearch?], using generator: inout SeededGenerator) -> GameOutcome {
        var game = TicTacToe()
        while game.outcome == .ongoing {
            if let search = players[game.currentPlayer.rawValue] {
                game.play(search.move(in: game, using: &generator))
            } else {
                let legal = game.legalActions
                game.play(legal[Int(generator.next(upperBound: UInt64(legal.count)))])
            }
        }
        return game.outcome
    }

    @Test func perfectTicTacToeNeverLosesToRandom() {
        var generator = SeededGenerator(seed: 2024)
        var wins = 0
        for index in 0..<1000 {
            let perfectSide: Player = index % 2 == 0 ? .first : .second
            let players: [AlphaBetaSearch?] = perfectSide == .first ? [perfect, nil] : [nil, perfect]
            let outcome = play(players, using: &generator)
            #expect(outcome != .win(perfectSide.opponent), "game \(index): the perfect player lost as \(perfectSide)")
            if outcome == .win(perfectSide) { wins += 1 }
        }
        #expect(wins > 800)
    }

    /// The whole game tree: every reply the opponent could make, and every best move the
    /// perfect player might draw, as first and as second player. It never loses.
    @Test(arguments: [Player.first, .second])
    func perfectTicTacToeNeverLosesAgainstAnyReplies(side: Player) {
        var finishedGames = 0, losses = 0, wins = 0
        func explore(_ game: inout TicTacToe) {
            switch game.outcome {
            case .win(let winner):
                finishedGames += 1
                if winner == side { wins += 1 } else { losses += 1 }
                return
            case .draw:
                finishedGames += 1
                return
            case .ongoing:
                break
            }
            let choices = game.currentPlayer == side ? perfect.bestMoves(in: game).moves : game.legalActions
            for action in choices {
                game.play(action)
                explore(&game)
                game.undo(action)
            }
        }
        var game = TicTacToe()
        explore(&game)
        #expect(losses == 0, "the perfect player lost \(losses) of \(finishedGames) games as \(side)")
        #expect(finishedGames > (side == .first ? 1000 : 5000) && wins > 0)
    }

    /// The stop condition ends deepening within its budget, counted in positions (no clock):
    /// at most one check interval past the budget, answering with the deepest finished search,
    /// which equals a fixed-depth search of that depth.
    @Test(arguments: [2_000, 20_000, 200_000])
    func deepeningAnswersWithinItsBudget(budget: Int) {
        var game = ConnectFour()
        for column in [3, 3, 2, 4] { game.play(column) }
        let search = AlphaBetaSearch(depth: 42, moveTime: .seconds(1))
        var asked: [Int] = []
        let result = search.deepeningBestMoves(in: game) { positions in
            asked.append(positions)
            return positions >= budget
        }
        #expect(result.positionsVisited <= budget + AlphaBetaSearch.stopCheckInterval)
        #expect(asked.allSatisfy { $0.isMultiple(of: AlphaBetaSearch.stopCheckInterval) })
        #expect(result.depth >= 1 && result.depth < 42)
        let fixed = AlphaBetaSearch(depth: result.depth).bestMoves(in: game)
        #expect(result.moves == fixed.moves && result.value == fixed.value)
        #expect(budget < 200_000 || result.depth >= 6)
    }

    /// Deepening stops by itself once every leaf is a finished game, or a result is proven.
    @Test func deepeningEndsAtTheEndOfTheGameOrAProof() {
        let unlimited = AlphaBetaSearch(depth: 9, moveTime: .seconds(60))
        let empty = unlimited.deepeningBestMoves(in: TicTacToe()) { _ in false }
        #expect(empty.depth == 9 && empty.moves == perfect.bestMoves(in: TicTacToe()).moves && empty.value == 0)
        var threat = TicTacToe()
        for cell in [0, 3, 1] { threat.play(cell) }
        let forced = unlimited.deepeningBestMoves(in: threat) { _ in false }
        // O must block at 2 or lose in one more ply: proven at depth 2, no deeper search needed.
        #expect(forced.moves == [2] && forced.depth < 9)
    }

    /// The tactical player takes a win, blocks the one threat it faces, never plays under the
    /// opponent's winning cell in ConnectFour, and is random among the moves left.
    @Test func tacticalPlayerTakesWinsAndBlocksAndIsOtherwiseRandom() throws {
        let tactical = AlphaBetaSearch.tactical
        var win = ConnectFour()
        for column in [0, 6, 0, 6, 0] { win.play(column) }
        // O to move, X threatens column 0: O blocks; after it, X's own win is gone.
        #expect(tactical.bestMoves(in: win).moves == [0])
        var own = ConnectFour()
        for column in [0, 6, 0, 6, 0, 6] { own.play(column) }
        #expect(tactical.bestMoves(in: own).moves == [0])
        // X holds three on the second row with the fourth cell over an empty one in column 3:
        // O must not fill that empty cell, and may play anywhere else.
        var under = ConnectFour()
        for column in [2, 0, 0, 1, 1, 6, 2] { under.play(column) }
        let safe = tactical.bestMoves(in: under)
        #expect(safe.moves == [0, 1, 2, 4, 5, 6] && safe.value == 0, "\(safe)")
        let opening = tactical.bestMoves(in: ConnectFour())
        #expect(opening.moves == Array(0..<7) && opening.value == 0)
        var generator = SeededGenerator(seed: 5)
        let drawn = Set((0..<200).map { _ in tactical.move(in: ConnectFour(), using: &generator) })
        #expect(drawn == Set(0..<7))
    }

    /// At three plies the tactical player makes a double threat where it can, which two plies
    /// do not see: X holds columns 2 and 3 of the bottom row, and 1 or 4 opens both ends.
    @Test func threePlyTacticalPlayerMakesDoubleThreats() {
        var game = ConnectFour()
        for column in [2, 2, 3, 3] { game.play(column) }
        let three = AlphaBetaSearch.tactical(depth: 3).bestMoves(in: game)
        #expect(three.moves == [1, 4] && three.value == AlphaBetaSearch.winScore - 3, "\(three)")
        let two = AlphaBetaSearch.tactical.bestMoves(in: game)
        #expect(two.moves == Array(0..<7) && two.value == 0, "\(two)")
    }

    @Test func timedMoveIsLegal() {
        var generator = SeededGenerator(seed: 3)
        var game = ConnectFour()
        game.play(3)
        let move = AlphaBetaSearch(depth: 42, moveTime: .milliseconds(50)).move(in: game, using: &generator)
        #expect(game.isLegal(move))
    }

    @Test func perfectAgainstPerfectAlwaysDraws() {
        var generator = SeededGenerator(seed: 5)
        for _ in 0..<100 {
            #expect(play([perfect, perfect], using: &generator) == .draw)
        }
        #expect(perfect.value(of: TicTacToe()) == 0)
    }

    /// Every first move draws with perfect play, so a perfect first player picks among all nine.
    @Test func perfectPlayerChoosesUniformlyAmongOptimalMoves() {
        #expect(perfect.bestMoves(in: TicTacToe()) == (Array(0..<9), 0))
        var generator = SeededGenerator(seed: 11)
        var counts = [Int](repeating: 0, count: 9)
        for _ in 0..<450 {
            counts[perfect.move(in: TicTacToe(), using: &generator)] += 1
        }
        #expect(counts.allSatisfy { (25...75).contains($0) }, "\(counts)")
    }

    @Test func perfectPlayerTakesWinAndBlocks() {
        // X on 0 and 1, O on 3 and 4: X wins at once on 2.
        #expect(perfect.bestMoves(in: TicTacToe(playing: [0, 3, 1, 4])) == ([2], AlphaBetaSearch.winScore - 1))
        // X on 0 and 1, O on 4: O must block at 2, after which X still cannot win.
        #expect(perfect.bestMoves(in: TicTacToe(playing: [0, 4, 1])).moves == [2])
    }

    /// X to move, and only column 1 forces a win on X's third move:
    /// ```
    /// .......
    /// .......
    /// ......O
    /// .O.O..X
    /// XX.X..O
    /// OX.OXXO
    /// ```
    @Test func findsForcedConnectFourWinInThree() {
        let position = ConnectFour(playing: [4, 0, 1, 3, 0, 6, 1, 1, 3, 6, 6, 6, 5, 3])
        #expect(position.currentPlayer == .first)
        #expect(canForceWin(position, moves: 3))
        #expect(!canForceWin(position, moves: 2))

        let search = AlphaBetaSearch(depth: 5)
        let (moves, value) = search.bestMoves(in: position)
        #expect(moves == [1])
        #expect(value == AlphaBetaSearch.winScore - 5)
        #expect(AlphaBetaSearch(depth: 3).value(of: position) < AlphaBetaSearch.winScore - 5)

        // Against every defence, the search itself wins by X's third move.
        #expect(searchWins(position, using: search, moves: 3))
    }

    @Test func depthLimitedSearchPrefersTheCentreOnAnEmptyBoard() {
        #expect(AlphaBetaSearch(depth: 4).bestMoves(in: ConnectFour()).moves == [3])
    }

    /// Whether `search`, moving for the player to move, wins within `moves` of its own moves
    /// against every sequence of replies.
    private func searchWins(_ game: ConnectFour, using search: AlphaBetaSearch, moves: Int) -> Bool {
        var generator = SeededGenerator(seed: 0)
        let player = game.currentPlayer
        var next = game
        next.play(search.move(in: game, using: &generator))
        if next.outcome == .win(player) { return true }
        guard moves > 1, next.outcome == .ongoing else { return false }
        return next.legalActions.allSatisfy { reply in
            var afterReply = next
            afterReply.play(reply)
            return afterReply.outcome == .ongoing && searchWins(afterReply, using: search, moves: moves - 1)
        }
    }

    /// Brute force, independent of the search: whether the player to move can force a win
    /// within `moves` of its own moves.
    private func canForceWin<Game: BoardGame>(_ game: Game, moves: Int) -> Bool {
        let player = game.currentPlayer
        for action in game.legalActions {
            var next = game
            next.play(action)
            if next.outcome == .win(player) { return true }
            guard moves > 1, next.outcome == .ongoing else { continue }
            let holds = next.legalActions.allSatisfy { reply in
                var afterReply = next
                afterReply.play(reply)
                return afterReply.outcome == .ongoing && canForceWin(afterReply, moves: moves - 1)
            }
            if holds { return true }
        }
        return false
    }
}
