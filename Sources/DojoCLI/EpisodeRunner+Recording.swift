import Dojo
import Rendering

extension EpisodeRunner {
    /// Plays every episode to its end, calling `onFrame` at each reset and step, and stops
    /// after `limit` frames (0: no limit).
    func playAll(limit: Int, onFrame: () -> Void) throws {
        var frames = 0
        while !isFinished, limit == 0 || frames < limit {
            try startEpisode()
            onFrame()
            frames += 1
            while !isEpisodeOver, limit == 0 || frames < limit {
                advance()
                onFrame()
                frames += 1
            }
        }
    }

    /// Plays every episode and returns its RGB frames, captioned, as an animated GIF
    /// (`dojo watch --record`, a run folder's `episode.gif`).
    ///
    /// - Returns: `nil` when the environment draws no RGB frames.
    func recordGIF(framesPerSecond: Int, limit: Int) throws -> AnimatedGIF? {
        guard environment.metadata.renderModes.contains(.rgb) else { return nil }
        var gif = AnimatedGIF(framesPerSecond: Double(framesPerSecond))
        try playAll(limit: limit) {
            if let frame { gif.append(frame.captioned(caption)) }
        }
        return gif
    }
}
