/// One of the two sides of a board game: the one that moves first (X) or second (O).
public enum Player: Int, Sendable, Hashable, CaseIterable, Codable, CustomStringConvertible {
    /// The side that moves first, drawn as `X`.
    case first = 0
    /// The side that moves second, drawn as `O`.
    case second = 1

    /// The other side.
    public var opponent: Player {
        self == .first ? .second : .first
    }

    /// The letter the side's pieces are drawn with: `X` for the first player, `O` for the second.
    public var mark: Character {
        self == .first ? "X" : "O"
    }

    /// `"first"` or `"second"`, as info entries and options name the sides.
    public var name: String {
        self == .first ? "first" : "second"
    }

    public var description: String { name }
}
