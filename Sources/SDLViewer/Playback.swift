import Rendering

/// Plays a `ViewerScene` on a `ViewerDisplay` (an `SDLWindow`) at a steady frame rate, with a
/// person's controls.
///
/// Space pauses and resumes, Right arrow steps once while paused, `+` and `-` double or halve
/// the speed, `R` restarts the episode, `Esc`, `Q` or closing the window quits. Between frames
/// the loop sleeps inside the display's input wait, and while paused it asks for an unbounded
/// wait and shows nothing until input arrives, so a paused viewer uses no CPU. The overlay
/// shows the scene's caption.
public final class Playback {
    /// Where frames go and input comes from.
    public let display: any ViewerDisplay
    /// Frames per second at speed 1.
    public let framesPerSecond: Int
    /// The speed factor, changed by `+` and `-` between 1/16 and 16.
    public private(set) var speed = 1.0
    /// Whether playback is paused.
    public private(set) var isPaused = false
    /// Frames shown so far.
    public private(set) var framesShown = 0
    /// Ticks an ended episode stays on screen before the next one starts.
    public var holdTicks: Int
    private let origin = ContinuousClock.now

    /// Prepares to play on `display` at `framesPerSecond` (the environment's render fps).
    ///
    /// - Precondition: `framesPerSecond > 0`.
    public init(display: any ViewerDisplay, framesPerSecond: Int) {
        precondition(framesPerSecond > 0, "expected a positive frame rate, got \(framesPerSecond)")
        self.display = display
        self.framesPerSecond = framesPerSecond
        holdTicks = max(1, framesPerSecond / 2)
    }

    /// Runs until the person quits or the scene has no more episodes.
    ///
    /// - Parameter maximumFrames: stops after this many frames (for tests and recordings).
    public func run(_ scene: some ViewerScene, maximumFrames: Int? = nil) {
        var frame = scene.restart()
        present(frame, caption: scene.caption)
        var ticksSinceEnd = 0
        var deadline = now() + interval
        while maximumFrames.map({ framesShown < $0 }) ?? true {
            let wait: Int? = isPaused ? nil : max(0, Int((deadline - now()) * 1000))
            if let input = display.nextInput(waitingAtMost: wait) {
                switch input {
                case .quit:
                    return
                case .togglePause:
                    isPaused.toggle()
                    deadline = now() + interval
                case .stepOnce where isPaused:
                    if let next = scene.advance() { frame = next }
                case .stepOnce:
                    break
                case .faster:
                    speed = min(16, speed * 2)
                case .slower:
                    speed = max(1.0 / 16, speed / 2)
                case .restart:
                    frame = scene.restart()
                    ticksSinceEnd = 0
                case .click(let x, let y):
                    if let next = scene.click(x: x, y: y) { frame = next }
                }
                present(frame, caption: scene.caption)
                continue
            }
            deadline += interval
            if scene.isEpisodeOver {
                ticksSinceEnd += 1
                if ticksSinceEnd >= holdTicks {
                    if scene.isFinished { return }
                    frame = scene.restart()
                    ticksSinceEnd = 0
                }
            } else if let next = scene.advance() {
                frame = next
            }
            present(frame, caption: scene.caption)
        }
    }

    private var interval: Double { 1 / (Double(framesPerSecond) * speed) }

    private func now() -> Double {
        let elapsed = origin.duration(to: .now)
        return Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) * 1e-18
    }

    private func present(_ frame: Frame, caption: String) {
        let status = isPaused ? "  paused" : speed == 1 ? "" : "  x\(speed)"
        display.show(frame.captioned(caption + status))
        framesShown += 1
    }
}
