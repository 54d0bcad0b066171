import Dojo

extension BoardGameEnvironment {
    /// The position, the outcome, the last move, the agent's side, the episode count since the
    /// seed, the generator, and the last reset's options (which chose the opponent).
    struct SavedState: Codable {
        var game: Game
        var outcome: GameOutcome
        var lastCell: [Int]?
        var agentPlayer: Player?
        var episodesSinceSeed: Int
        var generator: SeededGenerator
        var options: Options
    }

    public func saveState() -> EnvironmentState? {
        EnvironmentState(SavedState(
            game: game, outcome: outcome, lastCell: lastCell.map { [$0.row, $0.column] }, agentPlayer: agentPlayer,
            episodesSinceSeed: episodesSinceSeed, generator: generator, options: episodeOptions))
    }

    public mutating func restoreState(_ state: EnvironmentState) throws(EnvironmentError) {
        let saved = try state.decoded(as: SavedState.self, environment: "\(Game.self)")
        let settings = try Self.settings(from: saved.options, opponent: opponent, agentSide: agentSide)
        if let cell = saved.lastCell {
            guard cell.count == 2, (0..<Game.rows).contains(cell[0]), (0..<Game.columns).contains(cell[1]) else {
                throw .invalidState(environment: "\(Game.self)", reason: "the last move \(cell) is off the board")
            }
        }
        (game, outcome, agentPlayer, episodesSinceSeed) = (saved.game, saved.outcome, saved.agentPlayer, saved.episodesSinceSeed)
        lastCell = saved.lastCell.map { (row: $0[0], column: $0[1]) }
        (generator, episodeOptions, episodeOpponent) = (saved.generator, saved.options, settings.opponent)
    }
}
