import Agents
import Dojo
import Foundation

#if SDL
import Rendering
import SDLViewer

/// Opens the window on the environment the registry makes, then starts training and plays
/// until training ends; returns the episodes shown.
struct LiveWindow: EnvironmentVisitor {
    let live: LiveTraining
    let snapshot: URL
    let seed: UInt64
    let title: String
    let startTraining: () -> Void

    func visit<E: Environment>(_ environment: E) throws -> Int {
        guard environment.metadata.renderModes.contains(.rgb) else {
            throw CommandError("the environment has no rgb render to show; drop --watch")
        }
        let scene = LiveTrainingScene(environment, live: live, snapshot: snapshot, seed: seed)
        let first = scene.restart()
        let window = try SDLWindow(title: title, width: first.width, height: first.height, scale: 1)
        startTraining()
        Playback(display: window, framesPerSecond: environment.metadata.renderFPS).run(scene)
        return scene.episodesShown
    }
}

/// The window's scene: one greedy episode of the latest evaluated policy, replayed until the
/// next evaluation, beside a panel of the evaluation returns so far.
final class LiveTrainingScene<E: Environment>: ViewerScene {
    private let environment: E
    private let live: LiveTraining
    private let snapshot: URL
    private let seed: UInt64
    private var runner: EpisodeRunner<E>?
    private var policy: (any Policy)?
    /// Evaluations whose policy has been loaded.
    private var shown = 0
    private(set) var episodesShown = 0
    private let blank: Frame

    init(_ environment: E, live: LiveTraining, snapshot: URL, seed: UInt64) {
        self.environment = environment
        self.live = live
        self.snapshot = snapshot
        self.seed = seed
        var probe = environment
        _ = try? probe.reset(seed: seed)
        if case .frame(let frame)? = probe.render(.rgb) {
            blank = Frame(width: frame.width, height: frame.height, color: .white)
        } else {
            blank = Frame(width: 400, height: 300, color: .white)
        }
    }

    func restart() -> Frame {
        let evaluations = live.evaluations
        if evaluations.count > shown, let loaded = try? loadPolicy(from: snapshot) {
            policy = loaded.policy
            shown = evaluations.count
        }
        if let policy {
            let runner = EpisodeRunner(environment, episodes: 1, seed: seed, policy: policy)
            if (try? runner.startEpisode()) != nil {
                self.runner = runner
                episodesShown += 1
            }
        }
        return composite()
    }

    func advance() -> Frame? {
        guard let runner, !runner.isEpisodeOver else { return nil }
        runner.advance()
        return composite()
    }

    func click(x: Int, y: Int) -> Frame? { nil }

    var isEpisodeOver: Bool { runner?.isEpisodeOver ?? true }
    var isFinished: Bool { live.isFinished && live.evaluations.count == shown && isEpisodeOver }

    var caption: String {
        guard let runner, let evaluation = live.evaluations.prefix(shown).last else { return "training: waiting for the first evaluation" }
        return "evaluated at \(evaluation.timesteps) steps (mean \(TrainingProgress.format(evaluation.result.meanReturn)))  \(runner.caption)"
    }

    /// The environment's frame with the evaluation-return panel to its right.
    private func composite() -> Frame {
        let scene = runner?.frame ?? blank
        let panel = EvaluationPanel(width: max(240, scene.height * 4 / 5), height: scene.height).draw(live.evaluations)
        var canvas = Canvas(width: scene.width + panel.width, height: scene.height)
        for y in 0..<scene.height {
            for x in 0..<scene.width { canvas.setPixel(x: x, y: y, color: scene[x, y]) }
            for x in 0..<panel.width { canvas.setPixel(x: scene.width + x, y: y, color: panel[x, y]) }
        }
        return canvas.frame
    }
}
#endif
