import Dojo
/// Noughts and crosses on a 3 x 3 board, stored as two 9-bit bitboards.
///
/// Cells are numbered row-major from the top left: cell `3 * row + column`, so action `a`
/// places the mover's piece on row `a / 3`, column `a % 3`. Three in a row, a column or a
/// diagonal wins; a full board without a line is a draw.
///
/// ```
///  0 | 1 | 2
///  3 | 4 | 5
///  6 | 7 | 8
/// ```
public struct TicTacToe: BoardGame {
    public static let rows = 3
    public static let columns = 3
    public static let actionCount = 9
    /// Nine plies: the whole game, so the default alpha-beta opponent plays perfectly.
    public static let defaultSearchDepth = 9
    /// Nine plies: the whole game; deeper searches would see nothing more.
    public static let maximumSearchDepth = 9
    /// Centre, corners, then edges: the cells that lie on the most lines first.
    public static let searchOrder = [4, 0, 2, 6, 8, 1, 3, 5, 7]

    /// The eight lines of three: rows, columns, then the two diagonals, as cell bitmasks.
    public static let lines: [UInt16] = [
        0b000_000_111, 0b000_111_000, 0b111_000_000,
        0b001_001_001, 0b010_010_010, 0b100_100_100,
        0b100_010_001, 0b001_010_100,
    ]
    private static let fullBoard: UInt16 = 0b111_111_111

    /// The cells of the first player's pieces: bit `3 * row + column`.
    public private(set) var firstPieces: UInt16 = 0
    /// The cells of the second player's pieces: bit `3 * row + column`.
    public private(set) var secondPieces: UInt16 = 0

    /// The empty board, X to move.
    public init() {}

    /// The position reached by playing `actions` in turn from the empty board.
    ///
    /// - Precondition: each action is legal when played.
    public init(playing actions: [Int]) {
        for action in actions { play(action) }
    }

    private var occupied: UInt16 { firstPieces | secondPieces }

    private func board(of player: Player) -> UInt16 {
        player == .first ? firstPieces : secondPieces
    }

    public var moveCount: Int { occupied.nonzeroBitCount }

    public var currentPlayer: Player { moveCount % 2 == 0 ? .first : .second }

    public var outcome: GameOutcome {
        for player in Player.allCases where Self.hasLine(board(of: player)) {
            return .win(player)
        }
        return occupied == Self.fullBoard ? .draw : .ongoing
    }

    private static func hasLine(_ board: UInt16) -> Bool {
        for line in lines where board & line == line { return true }
        return false
    }

    public func piece(row: Int, column: Int) -> Player? {
        precondition((0..<3).contains(row) && (0..<3).contains(column), "expected a cell on the 3 x 3 board, got row \(row), column \(column)")
        let bit = UInt16(1) << (3 * row + column)
        if firstPieces & bit != 0 { return .first }
        if secondPieces & bit != 0 { return .second }
        return nil
    }

    public func isLegal(_ action: Int) -> Bool {
        (0..<9).contains(action) && occupied & (1 << action) == 0 && outcome == .ongoing
    }

    public func hasRoom(for action: Int) -> Bool {
        occupied & (1 << action) == 0
    }

    public func illegalReason(_ action: Int) -> String {
        if !(0..<9).contains(action) { return "cell \(action) is not on the board" }
        if occupied & (1 << action) != 0 { return "cell \(action) is occupied" }
        return "the game is over"
    }

    public func landingCell(of action: Int) -> (row: Int, column: Int) {
        (action / 3, action % 3)
    }

    public mutating func play(_ action: Int) {
        precondition((0..<Self.actionCount).contains(action) && hasRoom(for: action), "expected a legal TicTacToe move, got \(action) on\n\(self)")
        let bit = UInt16(1) << action
        if currentPlayer == .first { firstPieces |= bit } else { secondPieces |= bit }
    }

    public mutating func undo(_ action: Int) {
        let bit = UInt16(1) << action
        let mover = currentPlayer.opponent
        precondition(board(of: mover) & bit != 0, "expected to take back a piece of \(mover) on cell \(action), got\n\(self)")
        if mover == .first { firstPieces &= ~bit } else { secondPieces &= ~bit }
    }

    /// Lines still open to `player` (none of the opponent's pieces) holding two of its pieces,
    /// minus the same count for the opponent. Full-depth search never needs it.
    public func evaluation(for player: Player) -> Int {
        let mine = board(of: player), theirs = board(of: player.opponent)
        var score = 0
        for line in Self.lines {
            if theirs & line == 0, (mine & line).nonzeroBitCount == 2 { score += 1 }
            if mine & line == 0, (theirs & line).nonzeroBitCount == 2 { score -= 1 }
        }
        return score
    }
}
