import Dojo

/// How a deterministic player fares against every line a perfect player may choose: at each
/// of the perfect player's turns the check branches over all of its optimal moves (those a
/// full-depth alpha-beta search scores best), so "never loses" is proven, not sampled.
public struct PerfectPlayCheck: Sendable, Equatable {
    /// Games the player won, drew and lost, one per distinct line of the perfect player.
    public var wins = 0, draws = 0, losses = 0
    /// The moves of one lost game from the empty board, or `nil` when none was lost.
    public var losingLine: [Int]?

    /// Plays `move` as `side` against every optimal line of a perfect player.
    ///
    /// - Parameters:
    ///   - move: the player's move in a position; it must be legal and is called only while
    ///     the game goes on.
    ///   - depth: a search deep enough to see every game to its end (9 for TicTacToe).
    /// - Complexity: one search per position of the perfect player on the tree of lines.
    public init<Game: BoardGame>(of move: (Game) -> Int, playing side: Player, game: Game = Game(), depth: Int) {
        let perfect = AlphaBetaSearch(depth: depth)
        var line: [Int] = []
        func explore(_ position: Game) {
            switch position.outcome {
            case .draw:
                draws += 1
                return
            case .win(let winner):
                if winner == side {
                    wins += 1
                } else {
                    losses += 1
                    if losingLine == nil { losingLine = line }
                }
                return
            case .ongoing:
                break
            }
            let choices = position.currentPlayer == side ? [move(position)] : perfect.bestMoves(in: position).moves
            for action in choices {
                precondition(position.isLegal(action), "expected a legal move, got \(action) on\n\(position)")
                var next = position
                next.play(action)
                line.append(action)
                explore(next)
                line.removeLast()
            }
        }
        explore(game)
    }
}
