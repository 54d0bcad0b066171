import Dojo
/// Connect Four against a built-in opponent, as PettingZoo's `connect_four_v3` seen by one
/// player (`ConnectFour-v0`).
///
/// ## Description
/// Two players take turns dropping X (first) and O (second) pieces into a board of 6 rows and
/// 7 columns; a piece falls to the lowest free cell of its column. The first to have four in a
/// row horizontally, vertically or diagonally wins. The agent plays one side (option
/// `agent_side`: `"first"`, `"second"`, or `"alternate"` per episode), and the option `opponent`
/// chooses the other: `"random"` (default), `"alphabeta"` with `depth` (default 5 plies, scored
/// by `ConnectFour.evaluation(for:)` at the horizon), `"none"` (the caller plays both sides in
/// turn), or in Swift a `BoardGameOpponent.policy` closure for self-play. The same options work
/// on `reset` for one episode.
///
/// ## Action Space
/// `Discrete(7)`: the column to drop a piece into, 0 on the left, as PettingZoo.
///
/// ## Observation Space
/// `Box(0, 1, shape: [6, 7, 2], Float32)`, row 0 at the top, flattened in row, column, plane
/// order: value `(7 * row + column) * 2 + plane`.
///
/// | Plane | Observation                              | Min | Max |
/// |-------|------------------------------------------|-----|-----|
/// | 0     | 1 where the observing side has a piece   | 0   | 1   |
/// | 1     | 1 where its opponent has a piece         | 0   | 1   |
///
/// The observing side is the agent, or with `opponent: "none"` the player to move. The legal
/// moves are `actionMask` (and ``Environment/writeActionMask(into:)``) and info `action_mask` (0 or 1 per column).
///
/// ## Rewards
/// +1 for a win, -1 for a loss, 0 for a draw, given on the step that ends the game; 0 before.
/// An illegal move (a full column) loses: -1 for the player who made it.
///
/// ## Starting State
/// An empty board. When the agent plays second, `reset` lets the opponent make the first move.
///
/// ## Episode End
/// Termination on a line of four, a full board, or an illegal move (info `illegal_move: true`,
/// `illegal_player`, `reason`). No time limit: a game lasts at most 42 moves.
///
/// ## Rendering
/// `.ansi`: the board as text, the last move in brackets. `.rgb`: a 480 x 456 picture, a blue
/// board with white holes and red (first) and yellow (second) discs, a ring around the last
/// move's disc, a status band below (see `ConnectFour.Picture`); `action(atPixel:y:)` turns a
/// click on it into a column.
///
/// ## Version History
/// - v0: first version, observations, actions and rewards as PettingZoo's `connect_four_v3`.
public typealias ConnectFourEnvironment = BoardGameEnvironment<ConnectFour>
