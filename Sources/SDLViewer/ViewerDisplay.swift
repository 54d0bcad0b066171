import Rendering

/// Where a `Playback` shows frames and reads a person's input.
///
/// `SDLWindow` is the display people see; tests give `Playback` a scripted display, so what it
/// shows and how long it waits for input are observed exactly, without a clock or a screen.
public protocol ViewerDisplay: AnyObject {
    /// Shows `frame`.
    func show(_ frame: Frame)
    /// Waits up to `milliseconds` for input and returns it, or `nil` on time-out; `nil`
    /// milliseconds waits, without using the processor, until input arrives.
    func nextInput(waitingAtMost milliseconds: Int?) -> ViewerInput?
}
