/// An animation recorded frame by frame and written as an animated GIF that loops forever.
///
/// ```swift
/// var recording = AnimatedGIF(framesPerSecond: 50)
/// for frame in episodeFrames { recording.append(frame) }
/// try recording.write(to: "episode.gif")
/// ```
///
/// All frames share one global colour table (see the palette rules below), so flat colours
/// stay exact across the whole animation. After the first frame only the smallest rectangle
/// that changed is stored, over the previous frame (disposal "do not dispose"), which keeps
/// files of mostly still scenes small.
///
/// **Palette.** With at most 256 distinct colours over all frames, the table holds exactly
/// those colours. With more, the 64 most frequent colours (by pixel count over all frames)
/// are kept exactly, and median cut chooses the other 192 entries from the remaining colours
/// grouped into cells of 5 bits per channel; a pixel of another colour takes the entry
/// nearest (by RGB distance) to its cell's mean colour. There is no dithering.
///
/// **Timing.** GIF delays are whole hundredths of a second. Frame k (from 0) waits
/// `round(100 (k + 1) / fps) - round(100 k / fps)` hundredths, so each delay is within half a
/// hundredth of 1/fps and the running total never drifts: at 30 fps the delays go 3, 4, 3,
/// 3, 4, 3, ... Browsers show delays under 2 hundredths as 10, so prefer fps ≤ 50.
///
/// Frames are kept in memory (3 bytes per pixel) until the animation is encoded.
public struct AnimatedGIF: Sendable {
    /// The playback rate the frame delays are computed from.
    public let framesPerSecond: Double
    /// The frames recorded so far, in order.
    public private(set) var frames: [Frame] = []

    /// Creates an empty animation played at `framesPerSecond`.
    ///
    /// - Precondition: `framesPerSecond` is in (0, 100], since a GIF frame lasts at least a
    ///   hundredth of a second.
    public init(framesPerSecond: Double) {
        precondition(framesPerSecond > 0 && framesPerSecond <= 100,
                     "expected frames per second in (0, 100], got \(framesPerSecond)")
        self.framesPerSecond = framesPerSecond
    }

    /// Creates an animation of `frames` played at `framesPerSecond`.
    ///
    /// - Precondition: as for `init(framesPerSecond:)` and `append(_:)`.
    public init(frames: [Frame], framesPerSecond: Double) {
        self.init(framesPerSecond: framesPerSecond)
        for frame in frames { append(frame) }
    }

    /// Adds `frame` at the end of the animation.
    ///
    /// - Precondition: `frame` has the size of the frames already added.
    public mutating func append(_ frame: Frame) {
        if let first = frames.first {
            precondition(frame.width == first.width && frame.height == first.height,
                         "expected a \(first.width) x \(first.height) frame, got \(frame.width) x \(frame.height)")
        }
        frames.append(frame)
    }

    /// The delay of each of `count` frames at `framesPerSecond`, in hundredths of a second
    /// (see the timing rule in the type's documentation).
    public static func delays(count: Int, framesPerSecond: Double) -> [Int] {
        func elapsed(_ frames: Int) -> Int { Int((100 * Double(frames) / framesPerSecond).rounded()) }
        return (0..<count).map { elapsed($0 + 1) - elapsed($0) }
    }

    /// Writes the animation to `path` as a GIF file, atomically (a temporary file in the same
    /// folder, then renamed), so an existing file is replaced whole or not at all.
    ///
    /// - Precondition: at least one frame was added.
    /// - Throws: `ImageFileError.cannotWrite` naming `path` when the file cannot be written.
    public func write(to path: String) throws(ImageFileError) {
        try FileBytes.writeAtomically(encoded(), to: path)
    }
}
