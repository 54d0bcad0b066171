import Agents
import Dojo
import Foundation
import Rendering

/// The pictures `dojo train` adds to a finished run folder: `learning_curve.svg` (training and
/// evaluation returns against steps) and `episode.gif`, one greedy episode of the final policy
/// (for environments that draw RGB frames).
struct RunPictures {
    let folder: RunFolder

    /// The longest `episode.gif` kept, in frames (CartPole's 500 steps fit).
    static let maximumFrames = 1_000

    /// Writes the pictures of `policy` acting in `environmentID` made with `options`, its
    /// episode from `seed`.
    func write(policy: any Policy, environmentID: String, options: Options, seed: UInt64) throws {
        try LearningCurves.chart(of: [RunHistory(folder: folder.url)], metric: .both).write(to: folder.file("learning_curve.svg").path)
        try EnvironmentRegistry.standard.open(
            id: environmentID, options: options, with: EpisodeRecording(policy: policy, seed: seed, path: folder.file("episode.gif").path))
    }

    /// Records one greedy episode of whatever environment the registry opens.
    private struct EpisodeRecording: EnvironmentVisitor {
        let policy: any Policy
        let seed: UInt64
        let path: String

        func visit<E: Environment>(_ environment: E) throws {
            let runner = EpisodeRunner(environment, episodes: 1, seed: seed, policy: policy)
            guard let gif = try runner.recordGIF(framesPerSecond: environment.metadata.renderFPS, limit: RunPictures.maximumFrames) else { return }
            try gif.write(to: path)
        }
    }
}
