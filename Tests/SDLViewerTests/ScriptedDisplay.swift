import Rendering
import SDLViewer

/// A display that answers `Playback`'s input waits from a script and records every wait and
/// every frame, so a test sees exactly what the viewer did, with no clock and no screen.
final class ScriptedDisplay: ViewerDisplay {
    /// The answers to successive waits: an input, or `nil` for "the wait timed out".
    private var script: [ViewerInput?]
    /// Every wait the viewer asked for, in milliseconds; `nil` is a wait without a time limit.
    private(set) var waits: [Int?] = []
    /// Frames shown so far.
    private(set) var shownCount = 0
    /// For each wait, how many frames had been shown before it.
    private(set) var shownBeforeWait: [Int] = []

    init(_ script: [ViewerInput?]) {
        self.script = script
    }

    func show(_ frame: Frame) {
        shownCount += 1
    }

    /// The next scripted answer; `.quit` once the script is used up, so a test never hangs.
    func nextInput(waitingAtMost milliseconds: Int?) -> ViewerInput? {
        waits.append(milliseconds)
        shownBeforeWait.append(shownCount)
        return script.isEmpty ? .quit : script.removeFirst()
    }
}
