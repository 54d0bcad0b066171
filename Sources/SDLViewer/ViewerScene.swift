import Rendering

/// What a `Playback` shows: episodes produced one frame per step.
///
/// The CLI adapts an environment and a policy (or a person's clicks) to this protocol, so the
/// viewer itself knows nothing of environments.
public protocol ViewerScene: AnyObject {
    /// Starts the next episode, or the same one again after `R`, and returns its first frame.
    func restart() -> Frame
    /// Advances one step and returns the new frame; `nil` when nothing changed (for example,
    /// a game waiting for the person's click).
    func advance() -> Frame?
    /// Handles a click on frame pixel (`x`, `y`) and returns the new frame if it changed.
    func click(x: Int, y: Int) -> Frame?
    /// Whether the current episode has ended.
    var isEpisodeOver: Bool { get }
    /// Whether every requested episode has been played.
    var isFinished: Bool { get }
    /// The overlay line, e.g. "episode 2  step 41  return 41".
    var caption: String { get }
}
