import Dojo

extension GridWorld {
    /// The agent's cell, the last move and the generator.
    struct SavedState: Codable {
        var cell: Int
        var lastMove: Int?
        var generator: SeededGenerator
    }

    public func saveState() -> EnvironmentState? {
        EnvironmentState(SavedState(cell: agentCell, lastMove: lastMove?.rawValue, generator: generator))
    }

    public mutating func restoreState(_ state: EnvironmentState) throws(EnvironmentError) {
        let saved = try state.decoded(as: SavedState.self, environment: "GridWorld")
        guard map.tiles.indices.contains(saved.cell) else {
            throw .invalidState(environment: "GridWorld", reason: "cell \(saved.cell) is outside the \(map.tiles.count)-cell map")
        }
        let move = try saved.lastMove.map { (raw: Int) throws(EnvironmentError) -> GridDirection in
            guard let direction = GridDirection(rawValue: raw) else {
                throw .invalidState(environment: "GridWorld", reason: "no direction \(raw)")
            }
            return direction
        }
        (agentCell, lastMove, generator) = (saved.cell, move, saved.generator)
    }
}
