import Dojo

extension MemoryCorridor {
    /// The cue, the agent's column, the end it entered, the last action and the generator.
    struct SavedState: Codable {
        var isGoalUp: Bool
        var column: Int
        var enteredEnd: Int?
        var lastAction: Int?
        var generator: SeededGenerator
    }

    public func saveState() -> EnvironmentState? {
        EnvironmentState(SavedState(
            isGoalUp: isGoalUp, column: column, enteredEnd: enteredEnd?.rawValue, lastAction: lastAction?.rawValue, generator: generator))
    }

    public mutating func restoreState(_ state: EnvironmentState) throws(EnvironmentError) {
        let saved = try state.decoded(as: SavedState.self, environment: "MemoryCorridor")
        func direction(_ raw: Int?) throws(EnvironmentError) -> GridDirection? {
            guard let raw else { return nil }
            guard let direction = GridDirection(rawValue: raw) else {
                throw .invalidState(environment: "MemoryCorridor", reason: "no direction \(raw)")
            }
            return direction
        }
        guard (0..<length).contains(saved.column) else {
            throw .invalidState(environment: "MemoryCorridor", reason: "column \(saved.column) is outside the corridor of \(length)")
        }
        (isGoalUp, column, enteredEnd, lastAction) = (saved.isGoalUp, saved.column, try direction(saved.enteredEnd), try direction(saved.lastAction))
        generator = saved.generator
    }
}
