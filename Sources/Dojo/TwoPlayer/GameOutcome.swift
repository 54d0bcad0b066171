/// How a board game stands: still going, won by one side, or drawn.
public enum GameOutcome: Sendable, Hashable, Codable {
    /// Moves remain and nobody has won.
    case ongoing
    /// `player` made a line.
    case win(Player)
    /// The board is full and nobody made a line.
    case draw

    /// Whether the game is over.
    public var isOver: Bool {
        self != .ongoing
    }

    /// The winner, or `nil` while the game goes on or when it was drawn.
    public var winner: Player? {
        if case .win(let player) = self { return player }
        return nil
    }

    /// The final score for `player`: +1 for a win, -1 for a loss, 0 for a draw or an unfinished game.
    public func reward(for player: Player) -> Double {
        switch self {
        case .ongoing, .draw: 0
        case .win(let winner): winner == player ? 1 : -1
        }
    }

    /// `"ongoing"`, `"win"` or `"draw"`, as the environments report it in info.
    public var name: String {
        switch self {
        case .ongoing: "ongoing"
        case .win: "win"
        case .draw: "draw"
        }
    }
}
