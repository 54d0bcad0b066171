import Dojo

extension BoardGameEnvironment {
    /// The options `init(options:)` and `reset(seed:options:)` accept.
    static var optionNames: Set<String> { ["opponent", "depth", "agent_side"] }

    /// The opponent and side that `options` ask for, falling back to the given ones.
    ///
    /// - `opponent`: `"random"`, `"alphabeta"` or `"none"`.
    /// - `depth`: plies for `"alphabeta"` (at least 1; default `Game.defaultSearchDepth`); only
    ///   with an alpha-beta opponent.
    /// - `agent_side`: `"first"`, `"second"` or `"alternate"`.
    static func settings(
        from options: Options, opponent: BoardGameOpponent<Game>, agentSide: AgentSide
    ) throws(EnvironmentError) -> (opponent: BoardGameOpponent<Game>, agentSide: AgentSide) {
        var chosen = opponent
        if let name = try options.string("opponent") {
            switch name {
            case "random": chosen = .random
            case "alphabeta": chosen = .alphaBeta(AlphaBetaSearch(depth: Game.defaultSearchDepth))
            case "none": chosen = .none
            default:
                throw .invalidOption(name: "opponent", message: "expected \"random\", \"alphabeta\" or \"none\", got \(name.debugDescription)")
            }
        }
        if let depth = try options.integer("depth") {
            guard case .alphaBeta = chosen else {
                throw .invalidOption(name: "depth", message: "expected only with opponent \"alphabeta\", got it with opponent \(chosen.name.debugDescription)")
            }
            guard depth >= 1 else {
                throw .invalidOption(name: "depth", message: "expected a search depth of at least 1, got \(depth)")
            }
            chosen = .alphaBeta(AlphaBetaSearch(depth: depth))
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
}
