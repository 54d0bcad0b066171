/// What a person asked the viewer to do, decoded from keys, mouse and window events.
///
/// Keys: Space pauses or resumes, Right arrow steps once while paused, `+`/`-` change speed,
/// `R` restarts the episode, `Esc` or `Q` (or closing the window) quits. A left click reports
/// the pixel under the mouse in frame coordinates (window pixels divided by the scale).
public enum ViewerInput: Sendable, Equatable {
    /// Close the viewer.
    case quit
    /// Pause if running, resume if paused.
    case togglePause
    /// Advance one step while paused.
    case stepOnce
    /// Play faster (double the speed).
    case faster
    /// Play slower (halve the speed).
    case slower
    /// Start the episode again.
    case restart
    /// A left click at frame pixel (`x`, `y`).
    case click(x: Int, y: Int)
}
