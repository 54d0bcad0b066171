import Dojo

extension BoardGameEnvironment {
    /// The board as seen by `player`: the game's one encoding, ``Dojo/BoardGame/planes(for:)``.
    ///
    /// - Complexity: O(rows x columns).
    public func observation(for player: Player) -> [Float] {
        game.planes(for: player)
    }

    /// The info entries every reset and step carries, with `extras` added.
    func info(adding extras: Info) -> Info {
        var info = extras
        info["action_mask"] = .array(actionMask.map { .number($0 ? 1 : 0) })
        info["current_player"] = outcome.isOver ? .null : .string(game.currentPlayer.name)
        info["outcome"] = .string(outcome.name)
        info["winner"] = outcome.winner.map { .string($0.name) } ?? .null
        if let agentPlayer {
            info["agent_side"] = .string(agentPlayer.name)
        }
        return info
    }
}
