import Dojo

extension BoardGameEnvironment {
    /// The board as seen by `player`: for each row, column and plane (0: `player`'s pieces,
    /// 1: the opponent's), 1 where that plane has a piece and 0 elsewhere.
    ///
    /// - Complexity: O(rows x columns).
    public func observation(for player: Player) -> [Float] {
        var planes = [Float](repeating: 0, count: Game.rows * Game.columns * 2)
        for row in 0..<Game.rows {
            for column in 0..<Game.columns {
                guard let owner = game.piece(row: row, column: column) else { continue }
                planes[(row * Game.columns + column) * 2 + (owner == player ? 0 : 1)] = 1
            }
        }
        return planes
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
