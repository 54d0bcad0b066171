import Rendering

/// A deterministic two-player game on a grid with alternating moves, as search code needs it.
///
/// A game is a value: assigning it copies the position, so search can branch freely, and
/// `play(_:)` followed by `undo(_:)` restores the position exactly, so search can also walk
/// one position up and down without copying. Actions are numbered `0 ..< actionCount`; their
/// meaning is the game's (a cell for TicTacToe, a column for ConnectFour).
///
/// ```swift
/// var game = TicTacToe()
/// game.play(4)                 // X takes the centre
/// game.currentPlayer           // .second
/// game.undo(4)                 // back to the empty board
/// ```
public protocol BoardGame: Sendable, Hashable, Codable, CustomStringConvertible {
    /// The number of rows of the board, counted from the top.
    static var rows: Int { get }
    /// The number of columns of the board, counted from the left.
    static var columns: Int { get }
    /// The number of actions, legal or not, in every position.
    static var actionCount: Int { get }
    /// The plies an alpha-beta opponent searches unless an option says otherwise.
    static var defaultSearchDepth: Int { get }
    /// The deepest fixed-depth search an option may ask for: about a second per move at worst
    /// on one core. Deeper play goes through a time per move (iterative deepening).
    static var maximumSearchDepth: Int { get }
    /// Every action in the order search should try them, most promising first.
    static var searchOrder: [Int] { get }

    /// The starting position: an empty board with the first player to move.
    init()

    /// The side whose turn it is.
    var currentPlayer: Player { get }
    /// The number of pieces on the board.
    var moveCount: Int { get }
    /// Whether the game is over, and how.
    var outcome: GameOutcome { get }

    /// The owner of the piece at `row` (from the top) and `column`, or `nil` for an empty cell.
    ///
    /// - Precondition: `row` and `column` lie on the board.
    func piece(row: Int, column: Int) -> Player?

    /// Whether `action` is allowed now: the game goes on and the cell or column is free.
    func isLegal(_ action: Int) -> Bool

    /// Whether the cell or column of `action` has room, whether or not the game is over: the
    /// cheap half of `isLegal(_:)`, for search code that has already checked the outcome.
    ///
    /// - Precondition: `0 <= action < actionCount`.
    func hasRoom(for action: Int) -> Bool

    /// Why `action` is not legal, for an environment's info (for example `"cell 4 is occupied"`).
    ///
    /// - Precondition: `!isLegal(action)`.
    func illegalReason(_ action: Int) -> String

    /// The cell that `action` fills when played now.
    ///
    /// - Precondition: `isLegal(action)`.
    func landingCell(of action: Int) -> (row: Int, column: Int)

    /// Places the current player's piece as `action` says and passes the turn.
    ///
    /// - Precondition: `isLegal(action)`; only the room for the piece is checked, so that
    ///   search pays for the outcome once per position.
    mutating func play(_ action: Int)

    /// Takes back `action`, which must be the last move played and not yet taken back.
    mutating func undo(_ action: Int)

    /// A heuristic score of the position for `player`, for depth-limited search: positive when
    /// `player` stands better. It lies strictly inside ±`AlphaBetaSearch.heuristicLimit`.
    func evaluation(for player: Player) -> Int

    /// The position as a picture, for `render(.rgb)`: the board with `lastCell` marked, and a
    /// status band saying whose turn it is or how `outcome` ended the game. `outcome` is the
    /// environment's, which may be a win by forfeit while the board itself is still open.
    func picture(lastCell: (row: Int, column: Int)?, outcome: GameOutcome) -> Frame

    /// The action a click on pixel (`x`, `y`) of `picture(lastCell:outcome:)` asks for, legal or
    /// not, or `nil` for a pixel outside the board (the margins and the status band).
    static func action(atPixel x: Int, y: Int) -> Int?
}

extension BoardGame {
    /// Actions in increasing order.
    public static var searchOrder: [Int] { Array(0..<actionCount) }

    /// The legal actions in increasing order; empty when the game is over.
    ///
    /// - Complexity: O(`actionCount`).
    public var legalActions: [Int] {
        (0..<Self.actionCount).filter(isLegal)
    }

    /// `legalActions` as a mask: entry `a` is true when action `a` is legal.
    ///
    /// - Complexity: O(`actionCount`).
    public var actionMask: [Bool] {
        (0..<Self.actionCount).map(isLegal)
    }

    /// The board as rows of `X`, `O` and `.`, top row first.
    public var description: String {
        (0..<Self.rows).map { row in
            String((0..<Self.columns).map { column in piece(row: row, column: column)?.mark ?? "." })
        }.joined(separator: "\n")
    }
}
