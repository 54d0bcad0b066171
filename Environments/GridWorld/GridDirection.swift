/// The four moves of a grid world, numbered as FrozenLake's actions.
public enum GridDirection: Int, Sendable, Hashable, CaseIterable {
    /// Action 0: one column to the left.
    case left = 0
    /// Action 1: one row down.
    case down = 1
    /// Action 2: one column to the right.
    case right = 2
    /// Action 3: one row up.
    case up = 3

    /// The change of row and column the move makes.
    public var offset: (row: Int, column: Int) {
        switch self {
        case .left: (0, -1)
        case .down: (1, 0)
        case .right: (0, 1)
        case .up: (-1, 0)
        }
    }

    /// The direction `turns` quarter turns counter-clockwise in action numbering, wrapping
    /// around: `(a + turns) mod 4`, so -1 and +1 are the two perpendicular moves.
    public func rotated(by turns: Int) -> GridDirection {
        GridDirection(rawValue: ((rawValue + turns) % 4 + 4) % 4) ?? self
    }

    /// The name FrozenLake's text render shows for the last action.
    public var name: String {
        switch self {
        case .left: "Left"
        case .down: "Down"
        case .right: "Right"
        case .up: "Up"
        }
    }
}
