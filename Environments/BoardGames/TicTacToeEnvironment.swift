import Dojo
/// Tic-tac-toe against a built-in opponent, as PettingZoo's `tictactoe_v3` seen by one player
/// (`TicTacToe-v0`).
///
/// ## Description
/// Two players take turns placing X (first) and O (second) on a 3 x 3 board; the first to have
/// three in a row, column or diagonal wins. The agent plays one side (option `agent_side`:
/// `"first"`, `"second"`, or `"alternate"` per episode), and the option `opponent` chooses the
/// other: `"random"` (default), `"alphabeta"` with `depth` (default 9, perfect play that picks
/// uniformly among its best moves), `"none"` (the caller plays both sides in turn), or in Swift
/// a `BoardGameOpponent.policy` closure for self-play. The same options work on `reset` for one
/// episode.
///
/// ## Action Space
/// `Discrete(9)`: the cell to mark, numbered row-major, `3 * row + column`:
/// ```
///  0 | 1 | 2
///  3 | 4 | 5
///  6 | 7 | 8
/// ```
/// PettingZoo numbers the cells column-major (`3 * column + row`, so its 1 is our 3). The map
/// `pettingZooAction(_:)` converts either way, as it is its own inverse:
/// `p = 3 * (a % 3) + a / 3`. Its board list follows the same order, so its planes are indexed
/// [column][row] where ours are [row][column].
///
/// ## Observation Space
/// `Box(0, 1, shape: [3, 3, 2], Float32)`, flattened in row, column, plane order: value
/// `(3 * row + column) * 2 + plane`.
///
/// | Plane | Observation                              | Min | Max |
/// |-------|------------------------------------------|-----|-----|
/// | 0     | 1 where the observing side has a piece   | 0   | 1   |
/// | 1     | 1 where its opponent has a piece         | 0   | 1   |
///
/// The observing side is the agent, or with `opponent: "none"` the player to move. The legal
/// moves are `actionMask` (and ``Environment/writeActionMask(into:)``) and info `action_mask` (0 or 1 per cell).
///
/// ## Rewards
/// +1 for a win, -1 for a loss, 0 for a draw, given on the step that ends the game; 0 before.
/// An illegal move (an occupied cell) loses: -1 for the player who made it.
///
/// ## Starting State
/// An empty board. When the agent plays second, `reset` lets the opponent make the first move.
///
/// ## Episode End
/// Termination on a line of three, a full board, or an illegal move (info `illegal_move: true`,
/// `illegal_player`, `reason`). No time limit: a game lasts at most 9 moves.
///
/// ## Rendering
/// `.ansi`: the board as text, the last move in brackets. `.rgb`: a 320 x 360 picture, red X
/// and blue O on a white grid, the last move's cell highlighted, a status band below (see
/// `TicTacToe.Picture`); `action(atPixel:y:)` turns a click on it into a cell.
///
/// ## Version History
/// - v0: first version, observations and rewards as PettingZoo's `tictactoe_v3`, action numbers row-major.
public typealias TicTacToeEnvironment = BoardGameEnvironment<TicTacToe>

extension TicTacToe {
    /// PettingZoo's number for our cell `action`, or ours for PettingZoo's: the map swaps rows
    /// and columns, so it is its own inverse.
    ///
    /// - Precondition: `0 <= action < 9`.
    public static func pettingZooAction(_ action: Int) -> Int {
        precondition((0..<9).contains(action), "expected a cell in 0..<9, got \(action)")
        return 3 * (action % 3) + action / 3
    }
}
