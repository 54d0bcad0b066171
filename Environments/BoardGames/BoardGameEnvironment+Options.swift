import Dojo

extension BoardGameEnvironment {
    /// The options `init(options:)` and `reset(seed:options:)` accept.
    static var optionNames: Set<String> { ["opponent", "depth", "move_time", "simulations", "agent_side"] }

    /// The most simulations per move an `"mcts"` opponent may be given.
    static var maximumSimulations: Int { 1_000_000 }

    /// Simulations per move of an `"mcts"` opponent unless `simulations` says otherwise.
    static var defaultSimulations: Int { 1_000 }

    /// The opponent and side that `options` ask for, falling back to the given ones.
    ///
    /// - `opponent`: `"random"`, `"alphabeta"`, `"tactical"` (``AlphaBetaSearch/tactical(depth:)``),
    ///   `"mcts"` or `"none"`.
    /// - `depth`: plies for `"alphabeta"` or `"tactical"`, from 1 to `Game.maximumSearchDepth`
    ///   (9 for TicTacToe, 12 for ConnectFour; default `Game.defaultSearchDepth` for alpha-beta,
    ///   2 for tactical); with `move_time` (alpha-beta only), the deepest iteration, up to the
    ///   number of cells (default: the number of cells).
    /// - `move_time`: seconds per move for `"alphabeta"`, more than 0 and at most 3600: the
    ///   search deepens iteratively and answers with the deepest search finished in time.
    /// - `simulations`: iterations per move for `"mcts"`, from 1 to 1,000,000 (default 1,000).
    /// - `agent_side`: `"first"`, `"second"` or `"alternate"`.
    static func settings(
        from options: Options, opponent: BoardGameOpponent<Game>, agentSide: AgentSide
    ) throws(EnvironmentError) -> (opponent: BoardGameOpponent<Game>, agentSide: AgentSide) {
        var chosen = opponent
        if let name = try options.string("opponent") {
            switch name {
            case "random": chosen = .random
            case "alphabeta": chosen = .alphaBeta(AlphaBetaSearch(depth: Game.defaultSearchDepth))
            case "tactical": chosen = .tactical(.tactical)
            case "mcts": chosen = .mcts(MonteCarloTreeSearch(simulations: defaultSimulations))
            case "none": chosen = .none
            default:
                throw .invalidOption(
                    name: "opponent", message: "expected \"random\", \"alphabeta\", \"tactical\", \"mcts\" or \"none\", got \(name.debugDescription)")
            }
        }
        if let simulations = try options.integer("simulations") {
            guard case .mcts = chosen else {
                throw .invalidOption(name: "simulations", message: "expected only with opponent \"mcts\", got it with opponent \(chosen.name.debugDescription)")
            }
            guard (1...maximumSimulations).contains(simulations) else {
                throw .invalidOption(name: "simulations", message: "expected from 1 to \(maximumSimulations) simulations per move, got \(simulations)")
            }
            chosen = .mcts(MonteCarloTreeSearch(simulations: simulations))
        }
        let depth = try options.integer("depth"), moveTime = try options.number("move_time")
        if case .tactical = chosen, let depth, moveTime == nil {
            chosen = .tactical(.tactical(depth: try Self.checkedDepth(depth)))
        } else if depth != nil || moveTime != nil {
            guard case .alphaBeta = chosen else {
                let name = moveTime != nil ? "move_time" : "depth"
                let takers = moveTime != nil ? "\"alphabeta\"" : "\"alphabeta\" or \"tactical\""
                throw .invalidOption(name: name, message: "expected only with opponent \(takers), got it with opponent \(chosen.name.debugDescription)")
            }
            chosen = .alphaBeta(try Self.search(depth: depth, moveTime: moveTime))
        }
        var side = agentSide
        if let name = try options.string("agent_side") {
            guard let parsed = AgentSide(rawValue: name) else {
                throw .invalidOption(name: "agent_side", message: "expected \"first\", \"second\" or \"alternate\", got \(name.debugDescription)")
            }
            side = parsed
        }
        return (chosen, side)
    }

    /// The search that `depth` and `move_time` ask for, each checked against its range.
    private static func search(depth: Int?, moveTime: Double?) throws(EnvironmentError) -> AlphaBetaSearch {
        guard let moveTime else {
            return AlphaBetaSearch(depth: try checkedDepth(depth ?? Game.defaultSearchDepth))
        }
        guard moveTime > 0, moveTime <= 3600 else {
            throw .invalidOption(name: "move_time", message: "expected seconds per move above 0 and at most 3600, got \(moveTime)")
        }
        let cells = Game.rows * Game.columns
        let depth = depth ?? cells
        guard (1...cells).contains(depth) else {
            throw .invalidOption(name: "depth", message: "expected a search depth from 1 to \(cells) with move_time, got \(depth)")
        }
        return AlphaBetaSearch(depth: depth, moveTime: .seconds(moveTime))
    }

    /// `depth` if it is a search depth from 1 to `Game.maximumSearchDepth`.
    private static func checkedDepth(_ depth: Int) throws(EnvironmentError) -> Int {
        guard (1...Game.maximumSearchDepth).contains(depth) else {
            throw .invalidOption(name: "depth", message: "expected a search depth from 1 to \(Game.maximumSearchDepth), got \(depth); for deeper play give move_time")
        }
        return depth
    }
}
