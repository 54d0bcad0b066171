import Dojo

extension BoardGameEnvironment: TurnBasedEnvironment {
    /// The built-in players by name, without a parameter: what ``opponentOptions(_:)``, `dojo
    /// play --opponent` and `dojo arena --players` accept besides checkpoints.
    public static var builtInOpponentNames: [String] { ["random", "alphabeta", "tactical", "mcts"] }

    public var playerToMove: Player? { outcome.isOver ? nil : game.currentPlayer }

    public var winner: Player? { outcome.winner }

    /// `"random"`, `"alphabeta"` (the game's default depth), `"alphabeta:D"` (depth D),
    /// `"tactical"` (depth 2), `"tactical:D"`, `"mcts"` (1,000 simulations per move) or
    /// `"mcts:N"` (N simulations).
    public static func opponentOptions(_ name: String) throws(EnvironmentError) -> Options {
        let parts = name.split(separator: ":", omittingEmptySubsequences: false)
        let parameters = ["alphabeta": "depth", "tactical": "depth", "mcts": "simulations"]
        var options: Options = ["opponent": .string(String(parts[0]))]
        if parts.count == 2, let parameter = parameters[String(parts[0])] {
            guard let value = Int(parts[1]) else {
                throw .invalidOption(name: "opponent", message: "expected \(parts[0]):\(parameter.uppercased()) with a whole number, got \(name.debugDescription)")
            }
            options[parameter] = .number(Double(value))
        } else if parts.count != 1 || !builtInOpponentNames.contains(String(parts[0])) {
            throw .invalidOption(
                name: "opponent", message: "expected random, alphabeta, alphabeta:DEPTH, tactical, tactical:DEPTH, mcts or mcts:SIMULATIONS, got \(name.debugDescription)")
        }
        _ = try settings(from: options, opponent: .random, agentSide: .first)
        return options
    }
}

extension BoardGameEnvironment {
    /// The built-in opponent a name (``opponentOptions(_:)``) stands for, as a player of its own:
    /// what `dojo play` and `dojo arena` make of `random`, `alphabeta:4` or `mcts:200`.
    ///
    /// - Throws: `EnvironmentError.invalidOption` naming an unknown or malformed opponent.
    public static func opponent(named name: String) throws(EnvironmentError) -> BoardGameOpponent<Game> {
        try settings(from: opponentOptions(name), opponent: .random, agentSide: .first).opponent
    }
}
