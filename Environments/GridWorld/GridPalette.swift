import Rendering

/// The flat colours of a grid world's `rgb` render, public so that tests and tools can compute
/// the pixels a frame should hold.
///
/// Every tile is one solid colour; the agent is a disc of `agent` over its cell; a one-pixel
/// `gridLine` separates neighbouring cells; and in the `partial` observation mode the cells
/// outside the agent's window are darkened by `hiddenShade`, composited over whatever is
/// drawn there (`hiddenShade.composited(over: floor)` for a hidden floor cell's interior).
/// No two of the opaque colours are equal, and none equals a shaded one.
public enum GridPalette {
    /// Walkable floor (`F`): pale ice.
    public static let floor = RGB(214, 234, 248)
    /// The start cell (`S`): light steel blue, so the start stays visible once the agent leaves.
    public static let start = RGB(150, 190, 230)
    /// A hole (`H`): deep water.
    public static let hole = RGB(25, 50, 100)
    /// A goal (`G`): green.
    public static let goal = RGB(60, 170, 75)
    /// A wall (`#`): dark grey.
    public static let wall = RGB(85, 85, 90)
    /// The agent's disc: red, as the `ansi` render's red background.
    public static let agent = RGB(210, 40, 40)
    /// The line between neighbouring cells: mid grey-blue.
    public static let gridLine = RGB(120, 140, 160)
    /// MemoryCorridor's cue, lighting the wall cell beside the start on the goal's side while
    /// the agent can see it (right after a reset): amber.
    public static let cue = RGB(245, 190, 40)
    /// The overlay on cells the agent cannot see: black at half opacity.
    public static let hiddenShade = RGBA(0, 0, 0, 128)

    /// The colour of `tile`.
    public static func color(of tile: GridTile) -> RGB {
        switch tile {
        case .start: start
        case .floor: floor
        case .hole: hole
        case .goal: goal
        case .wall: wall
        }
    }
}
