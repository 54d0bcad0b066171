/// Depth-limited negamax search with alpha-beta pruning, for any `BoardGame`.
///
/// Scores are from the view of the player to move. A won game scores `winScore - plies`, so
/// faster wins (and slower losses) are preferred; a draw scores 0; a position at the depth
/// limit scores the game's `evaluation(for:)`, clamped inside ±`heuristicLimit` so it never
/// looks like a proven result. With a depth at least the number of empty cells (9 for
/// TicTacToe) every leaf is a finished game and the search plays perfectly.
///
/// `move(in:using:)` computes the exact score of every legal move and draws uniformly among
/// the best ones with the caller's generator, so a perfect player is not predictable.
///
/// ```swift
/// let perfect = AlphaBetaSearch(depth: 9)
/// var rng = SeededGenerator(seed: 1)
/// let move = perfect.move(in: TicTacToe(), using: &rng)
/// ```
public struct AlphaBetaSearch: Sendable, Hashable {
    /// The score of a game won at the root; a win `n` plies ahead scores `winScore - n`.
    public static let winScore = 1_000_000
    /// Heuristic scores are clamped strictly inside ±`heuristicLimit`.
    public static let heuristicLimit = 100_000
    private static let infinity = winScore + 1

    /// How many plies (single moves) the search looks ahead.
    public let depth: Int

    /// Creates a search that looks `depth` plies ahead.
    ///
    /// - Precondition: `depth >= 1`.
    public init(depth: Int) {
        precondition(depth >= 1, "expected a search depth of at least 1, got \(depth)")
        self.depth = depth
    }

    /// The negamax score of `game` for the player to move, searching `depth` plies.
    ///
    /// - Complexity: O(b^depth) positions at worst, b the number of actions; alpha-beta with
    ///   good move ordering visits about O(b^(depth/2)).
    public func value<Game: BoardGame>(of game: Game) -> Int {
        var position = game
        return negamax(&position, depth: depth, alpha: -Self.infinity, beta: Self.infinity, ply: 0)
    }

    /// Every legal move with the best score, in increasing order, and that score.
    ///
    /// - Precondition: the game is not over.
    /// - Complexity: one search of `depth - 1` plies per legal move.
    public func bestMoves<Game: BoardGame>(in game: Game) -> (moves: [Int], value: Int) {
        precondition(game.outcome == .ongoing, "expected a game in progress, got\n\(game)")
        var position = game
        var best = -Self.infinity
        var moves: [Int] = []
        for action in 0..<Game.actionCount where position.isLegal(action) {
            position.play(action)
            // The window (best - 1, +inf) proves whether this move reaches the best score so far.
            let score = -negamax(&position, depth: depth - 1, alpha: -Self.infinity, beta: -(best - 1), ply: 1)
            position.undo(action)
            if score > best {
                best = score
                moves = [action]
            } else if score == best {
                moves.append(action)
            }
        }
        return (moves, best)
    }

    /// A move drawn uniformly among the best ones found by the search.
    ///
    /// - Precondition: the game is not over.
    public func move<Game: BoardGame, G: RandomNumberGenerator>(in game: Game, using generator: inout G) -> Int {
        let moves = bestMoves(in: game).moves
        return moves[Int(generator.next(upperBound: UInt64(moves.count)))]
    }

    private func negamax<Game: BoardGame>(_ game: inout Game, depth: Int, alpha: Int, beta: Int, ply: Int) -> Int {
        switch game.outcome {
        case .win(let winner):
            return winner == game.currentPlayer ? Self.winScore - ply : ply - Self.winScore
        case .draw:
            return 0
        case .ongoing:
            break
        }
        if depth == 0 {
            let limit = Self.heuristicLimit - 1
            return min(limit, max(-limit, game.evaluation(for: game.currentPlayer)))
        }
        var alpha = alpha
        var best = -Self.infinity
        for action in Game.searchOrder where game.hasRoom(for: action) {
            game.play(action)
            let score = -negamax(&game, depth: depth - 1, alpha: -beta, beta: -alpha, ply: ply + 1)
            game.undo(action)
            if score > best {
                best = score
                alpha = max(alpha, score)
                if alpha >= beta { break }
            }
        }
        return best
    }
}
