import Dojo
/// Connect Four on 6 rows and 7 columns, stored as two 49-bit bitboards.
///
/// Action `c` drops the mover's piece into column `c` (0 on the left), where it falls to the
/// lowest free cell. Four in a row horizontally, vertically or diagonally wins; a full board
/// without a line is a draw.
///
/// Each column takes 7 bits of a bitboard, bit `7 * column + height` for the cell `height`
/// rows above the bottom; the seventh bit of each column stays empty, so shifting a board by
/// 1 (vertical), 7 (horizontal), 6 or 8 (diagonals) never carries a line across columns and a
/// line of four is found with three shifts and masks per direction.
public struct ConnectFour: BoardGame {
    public static let rows = 6
    public static let columns = 7
    public static let actionCount = 7
    /// Five plies: strong enough to punish loose play, a few milliseconds per move.
    public static let defaultSearchDepth = 5
    /// Twelve plies: under a second from the empty board, a few seconds in the worst middle
    /// games measured; each ply more costs about three times as much.
    public static let maximumSearchDepth = 12
    /// Columns from the centre outwards, where more lines of four pass.
    public static let searchOrder = [3, 2, 4, 1, 5, 0, 6]

    /// The bits of the cells of one column, bottom first.
    static let columnMask: UInt64 = 0b111111
    /// Every cell of the board.
    static let boardMask: UInt64 = (0..<7).reduce(0) { $0 | columnMask << (7 * $1) }

    /// The cells of the first player's pieces: bit `7 * column + height above the bottom`.
    public private(set) var firstPieces: UInt64 = 0
    /// The cells of the second player's pieces: bit `7 * column + height above the bottom`.
    public private(set) var secondPieces: UInt64 = 0

    /// The empty board, X to move.
    public init() {}

    /// The position reached by dropping pieces in `columns` in turn from the empty board.
    ///
    /// - Precondition: each column has room and the game is not over when it is played.
    public init(playing columns: [Int]) {
        for column in columns { play(column) }
    }

    var occupied: UInt64 { firstPieces | secondPieces }

    func board(of player: Player) -> UInt64 {
        player == .first ? firstPieces : secondPieces
    }

    public var moveCount: Int { occupied.nonzeroBitCount }

    public var currentPlayer: Player { moveCount % 2 == 0 ? .first : .second }

    public var outcome: GameOutcome {
        for player in Player.allCases where Self.hasFour(board(of: player)) {
            return .win(player)
        }
        return occupied == Self.boardMask ? .draw : .ongoing
    }

    /// Whether `board` holds four in a line in any direction.
    static func hasFour(_ board: UInt64) -> Bool {
        for shift: UInt64 in [1, 7, 6, 8] {
            let pairs = board & (board >> shift)
            if pairs & (pairs >> (2 * shift)) != 0 { return true }
        }
        return false
    }

    /// The number of pieces in `column`.
    public func height(of column: Int) -> Int {
        (occupied >> (7 * column) & Self.columnMask).nonzeroBitCount
    }

    public func piece(row: Int, column: Int) -> Player? {
        precondition((0..<6).contains(row) && (0..<7).contains(column), "expected a cell on the 6 x 7 board, got row \(row), column \(column)")
        let bit = UInt64(1) << (7 * column + 5 - row)
        if firstPieces & bit != 0 { return .first }
        if secondPieces & bit != 0 { return .second }
        return nil
    }

    public func isLegal(_ action: Int) -> Bool {
        (0..<7).contains(action) && height(of: action) < 6 && outcome == .ongoing
    }

    public func hasRoom(for action: Int) -> Bool {
        height(of: action) < 6
    }

    public func illegalReason(_ action: Int) -> String {
        if !(0..<7).contains(action) { return "column \(action) is not on the board" }
        if height(of: action) == 6 { return "column \(action) is full" }
        return "the game is over"
    }

    public func landingCell(of action: Int) -> (row: Int, column: Int) {
        (5 - height(of: action), action)
    }

    public mutating func play(_ action: Int) {
        precondition((0..<Self.actionCount).contains(action) && hasRoom(for: action), "expected a legal ConnectFour move, got \(action) on\n\(self)")
        let bit = UInt64(1) << (7 * action + height(of: action))
        if currentPlayer == .first { firstPieces |= bit } else { secondPieces |= bit }
    }

    public mutating func undo(_ action: Int) {
        let height = height(of: action)
        let mover = currentPlayer.opponent
        let bit = height > 0 ? UInt64(1) << (7 * action + height - 1) : 0
        precondition(board(of: mover) & bit != 0, "expected to take back a piece of \(mover) on top of column \(action), got\n\(self)")
        if mover == .first { firstPieces &= ~bit } else { secondPieces &= ~bit }
    }
}
