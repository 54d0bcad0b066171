/// Depth-limited negamax search with alpha-beta pruning, for any `BoardGame`.
///
/// Scores are from the view of the player to move. A won game scores `winScore - plies`, so
/// faster wins (and slower losses) are preferred; a draw scores 0; a position at the depth
/// limit scores the game's `evaluation(for:)`, clamped inside ±`heuristicLimit` so it never
/// looks like a proven result. With a depth at least the number of empty cells (9 for
/// TicTacToe) every leaf is a finished game and the search plays perfectly.
///
/// `move(in:using:)` computes the exact score of every legal move and draws uniformly among
/// the best ones with the caller's generator, so a perfect player is not predictable. With a
/// `moveTime`, it deepens iteratively (1, 2, ... plies up to `depth`), as game engines do, and
/// answers with the deepest search that finished in time.
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
    /// How many positions a search visits between two questions to its stop condition.
    public static let stopCheckInterval = 1024
    private static let infinity = winScore + 1

    /// How many plies (single moves) the search looks ahead; with a `moveTime`, the deepest
    /// iteration.
    public let depth: Int
    /// The time `move(in:using:)` may take, searching deeper while time remains; `nil` searches
    /// exactly `depth` plies.
    public let moveTime: Duration?
    /// Whether positions at the depth limit score the game's `evaluation(for:)`; without it
    /// they score 0 and the search sees only won and lost games.
    public let usesHeuristic: Bool

    /// A two-ply search that sees only won and lost games: it takes a win when it has one,
    /// never leaves the opponent a win on the next move when it can help it, and otherwise
    /// plays uniformly at random. A sparring partner that punishes every one-move blunder in
    /// the positions random play reaches.
    public static let tactical = tactical(depth: 2)

    /// A search of `depth` plies that sees only won and lost games, uniform among its best
    /// moves: ``tactical`` at depth 2; at depth 3 it also plays a move that wins by force on
    /// its next one (a double threat), and at depth 4 it also refuses one that lets the
    /// opponent do so. A sparring partner that punishes plans as short as its depth, and is
    /// otherwise as varied as random play.
    public static func tactical(depth: Int) -> AlphaBetaSearch {
        AlphaBetaSearch(depth: depth, usesHeuristic: false)
    }

    /// Creates a search that looks `depth` plies ahead, or deepens up to `depth` plies for at
    /// most `moveTime`, scoring the positions where it stops with the game's heuristic unless
    /// `usesHeuristic` is false.
    ///
    /// - Precondition: `depth >= 1`, and `moveTime` positive when given.
    public init(depth: Int, moveTime: Duration? = nil, usesHeuristic: Bool = true) {
        precondition(depth >= 1, "expected a search depth of at least 1, got \(depth)")
        precondition(moveTime.map { $0 > .zero } ?? true, "expected a positive time per move, got \(String(describing: moveTime))")
        self.depth = depth
        self.moveTime = moveTime
        self.usesHeuristic = usesHeuristic
    }

    /// The negamax score of `game` for the player to move, searching `depth` plies.
    ///
    /// - Complexity: O(b^depth) positions at worst, b the number of actions; alpha-beta with
    ///   good move ordering visits about O(b^(depth/2)).
    public func value<Game: BoardGame>(of game: Game) -> Int {
        var position = game
        var control = SearchControl(shouldStop: nil)
        return negamax(&position, depth: depth, alpha: -Self.infinity, beta: Self.infinity, ply: 0, control: &control)
    }

    /// Every legal move with the best score, in increasing order, and that score.
    ///
    /// - Precondition: the game is not over.
    /// - Complexity: one search of `depth - 1` plies per legal move.
    public func bestMoves<Game: BoardGame>(in game: Game) -> (moves: [Int], value: Int) {
        var control = SearchControl(shouldStop: nil)
        return bestMoves(in: game, depth: depth, control: &control)
    }

    /// Iterative deepening: searches 1, 2, ... plies up to `depth`, and returns the best moves
    /// of the deepest search that finished before `shouldStop` said so.
    ///
    /// `shouldStop` is asked with the number of positions visited so far, every
    /// `stopCheckInterval` positions; once it answers `true` the search in progress is
    /// abandoned at once. The one-ply search always finishes, so there is always an answer.
    /// Deepening also ends when a result is proven or every leaf is a finished game.
    ///
    /// - Precondition: the game is not over.
    /// - Returns: the best moves, their score, the depth of the search they come from, and the
    ///   positions visited in all.
    public func deepeningBestMoves<Game: BoardGame>(
        in game: Game, stoppingWhen shouldStop: (_ positionsVisited: Int) -> Bool
    ) -> (moves: [Int], value: Int, depth: Int, positionsVisited: Int) {
        withoutActuallyEscaping(shouldStop) { shouldStop in
            var control = SearchControl(shouldStop: nil)
            var best = bestMoves(in: game, depth: 1, control: &control)
            var reached = 1
            control.shouldStop = shouldStop
            let emptyCells = Game.rows * Game.columns - game.moveCount
            while reached < min(depth, emptyCells), abs(best.value) < Self.heuristicLimit {
                let deeper = bestMoves(in: game, depth: reached + 1, control: &control)
                if control.isStopped { break }
                best = deeper
                reached += 1
            }
            return (best.moves, best.value, reached, control.positions)
        }
    }

    /// A move drawn uniformly among the best ones found by the search (the deepest one
    /// finished within `moveTime`, when set).
    ///
    /// - Precondition: the game is not over.
    public func move<Game: BoardGame, G: RandomNumberGenerator>(in game: Game, using generator: inout G) -> Int {
        let moves: [Int]
        if let moveTime {
            let clock = ContinuousClock()
            let deadline = clock.now.advanced(by: moveTime)
            moves = deepeningBestMoves(in: game) { _ in clock.now >= deadline }.moves
        } else {
            moves = bestMoves(in: game).moves
        }
        return moves[Int(generator.next(upperBound: UInt64(moves.count)))]
    }

    /// Positions visited and whether the caller's stop condition has ended the search.
    private struct SearchControl {
        var shouldStop: ((Int) -> Bool)?
        var positions = 0
        var isStopped = false

        /// Counts a position and asks the stop condition every `stopCheckInterval` positions.
        mutating func visit() {
            positions += 1
            if positions % AlphaBetaSearch.stopCheckInterval == 0, let shouldStop, shouldStop(positions) {
                isStopped = true
            }
        }
    }

    private func bestMoves<Game: BoardGame>(in game: Game, depth: Int, control: inout SearchControl) -> (moves: [Int], value: Int) {
        precondition(game.outcome == .ongoing, "expected a game in progress, got\n\(game)")
        var position = game
        var best = -Self.infinity
        var moves: [Int] = []
        for action in 0..<Game.actionCount where position.isLegal(action) {
            position.play(action)
            // The window (best - 1, +inf) proves whether this move reaches the best score so far.
            let score = -negamax(&position, depth: depth - 1, alpha: -Self.infinity, beta: -(best - 1), ply: 1, control: &control)
            position.undo(action)
            if control.isStopped { break }
            if score > best {
                best = score
                moves = [action]
            } else if score == best {
                moves.append(action)
            }
        }
        return (moves, best)
    }

    private func negamax<Game: BoardGame>(_ game: inout Game, depth: Int, alpha: Int, beta: Int, ply: Int, control: inout SearchControl) -> Int {
        control.visit()
        if control.isStopped { return 0 }
        switch game.outcome {
        case .win(let winner):
            return winner == game.currentPlayer ? Self.winScore - ply : ply - Self.winScore
        case .draw:
            return 0
        case .ongoing:
            break
        }
        if depth == 0 {
            guard usesHeuristic else { return 0 }
            let limit = Self.heuristicLimit - 1
            return min(limit, max(-limit, game.evaluation(for: game.currentPlayer)))
        }
        var alpha = alpha
        var best = -Self.infinity
        for action in Game.searchOrder where game.hasRoom(for: action) {
            game.play(action)
            let score = -negamax(&game, depth: depth - 1, alpha: -beta, beta: -alpha, ply: ply + 1, control: &control)
            game.undo(action)
            if control.isStopped { return 0 }
            if score > best {
                best = score
                alpha = max(alpha, score)
                if alpha >= beta { break }
            }
        }
        return best
    }
}
