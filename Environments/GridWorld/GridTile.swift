/// One cell of a `GridMap`.
///
/// Each tile has one canonical letter, used when a map is written back as text or rendered;
/// floor is also read from `.`, so hand-drawn mazes stay legible.
public enum GridTile: Character, Sendable, Hashable, CaseIterable {
    /// Where an episode starts (`S`); behaves as floor.
    case start = "S"
    /// Walkable floor, frozen ice in FrozenLake (`F`, also read from `.`).
    case floor = "F"
    /// A hole (`H`): stepping in ends the episode with the hole reward (0 by default).
    case hole = "H"
    /// The goal (`G`): stepping in ends the episode with the goal reward (1 by default).
    case goal = "G"
    /// A wall (`#`): a move into it leaves the agent where it was.
    case wall = "#"

    /// The tile a map character denotes, or `nil` for a character outside the format.
    public init?(symbol: Character) {
        if symbol == "." {
            self = .floor
        } else {
            self.init(rawValue: symbol)
        }
    }

    /// The canonical letter.
    public var symbol: Character { rawValue }

    /// Whether entering the tile ends the episode (holes and goals).
    public var isTerminal: Bool { self == .hole || self == .goal }

    /// Whether the agent can stand on the tile (everything but walls).
    public var isEnterable: Bool { self != .wall }
}
