import Dojo

/// Who plays against the agent in a `BoardGameEnvironment`.
public enum BoardGameOpponent<Game: BoardGame>: Sendable {
    /// A uniform draw among the legal moves (option `opponent: "random"`).
    case random
    /// The move of an alpha-beta search, uniform among its best moves (`opponent: "alphabeta"`, `depth`).
    case alphaBeta(AlphaBetaSearch)
    /// A search that sees only won and lost games (``AlphaBetaSearch/tactical(depth:)``), uniform
    /// among its best moves: at depth 2 (`opponent: "tactical"`) a win when there is one, never
    /// a move that hands the opponent a win next, otherwise random; deeper (`depth`) it also
    /// plays and refuses the forced wins within that many plies, such as double threats.
    case tactical(AlphaBetaSearch)
    /// The move of a Monte Carlo tree search (`opponent: "mcts"`, `simulations`).
    case mcts(MonteCarloTreeSearch<Game>)
    /// Nobody: the caller supplies both players' moves in turn (`opponent: "none"`).
    case none
    /// A caller-supplied policy, for self-play; not available as a JSON option.
    case policy(BoardGamePolicy<Game>)

    /// The option value that names this opponent: `"random"`, `"alphabeta"`, `"tactical"`,
    /// `"mcts"`, `"none"` or `"policy"`.
    public var name: String {
        switch self {
        case .random: "random"
        case .alphaBeta: "alphabeta"
        case .tactical: "tactical"
        case .mcts: "mcts"
        case .none: "none"
        case .policy: "policy"
        }
    }

    /// The opponent's move in `game`, or `nil` for `.none`. A policy's move may be illegal.
    ///
    /// - Precondition: the game is not over.
    public func move(in game: Game, using generator: inout SeededGenerator) -> Int? {
        switch self {
        case .random:
            Discrete(Game.actionCount).sample(mask: game.actionMask, using: &generator)
        case .alphaBeta(let search):
            search.move(in: game, using: &generator)
        case .tactical(let search):
            search.move(in: game, using: &generator)
        case .mcts(let search):
            search.move(in: game, using: &generator)
        case .none:
            nil
        case .policy(let policy):
            policy(game, &generator)
        }
    }
}
