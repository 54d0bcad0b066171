import Dojo

#if SDL
import Rendering
import SDLViewer

extension WatchCommand {
    /// Shows the episodes in an SDL window until they end or the person quits.
    func showInWindow<E: Environment>(_ runner: EpisodeRunner<E>, framesPerSecond: Int) throws {
        guard runner.environment.metadata.renderModes.contains(.rgb) else {
            throw CommandError("\(environmentID) has no rgb render to show; try --render ansi")
        }
        let scene = try EpisodeScene(runner)
        let window = try SDLWindow(title: "dojo watch \(environmentID)", width: scene.first.width, height: scene.first.height, scale: scale)
        Playback(display: window, framesPerSecond: framesPerSecond).run(scene, maximumFrames: maxFrames == 0 ? nil : maxFrames)
        print("returns \(runner.returns)")
    }
}

/// Episodes of an environment under a policy, as the viewer's scene.
final class EpisodeScene<E: Environment>: ViewerScene {
    private let runner: EpisodeRunner<E>
    /// The first frame, which fixes the window size.
    let first: Frame

    init(_ runner: EpisodeRunner<E>) throws {
        self.runner = runner
        try runner.startEpisode()
        guard let frame = runner.frame else { throw CommandError("the environment drew no frame") }
        first = frame
    }

    func restart() -> Frame {
        if runner.step > 0 || runner.isEpisodeOver {
            try? runner.startEpisode()
        }
        return runner.frame ?? first
    }

    func advance() -> Frame? {
        guard !runner.isEpisodeOver else { return nil }
        runner.advance()
        return runner.frame
    }

    func click(x: Int, y: Int) -> Frame? { nil }

    var isEpisodeOver: Bool { runner.isEpisodeOver }
    var isFinished: Bool { runner.isFinished }
    var caption: String { runner.caption }
}
#else
extension WatchCommand {
    /// Without the SDL trait there is no window: say how to get one and what works without it.
    func showInWindow<E: Environment>(_ runner: EpisodeRunner<E>, framesPerSecond: Int) throws {
        throw CommandError(
            "this dojo was built without the SDL window; rebuild with `swift build --traits SDL` (needs libsdl2-dev), "
                + "or use --record episodes.gif to save the episodes, or --render ansi to print them")
    }
}
#endif
