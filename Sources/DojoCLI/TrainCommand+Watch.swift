import Agents
import Dojo
import Foundation
import NeuralCore

#if SDL
import Rendering
import SDLViewer
import Synchronization

extension TrainCommand {
    /// Trains on a thread of its own while this one shows an SDL window: after each
    /// evaluation it plays one episode of the policy just evaluated, with the evaluation
    /// returns so far drawn beside it, until training ends (closing the window leaves training
    /// running to its end).
    func trainWatching(_ job: TrainingJob, seed: UInt64, folder: RunFolder, observer: TrainingObserver) throws -> SeedRun.Result {
        let live = LiveTraining()
        let snapshot = FileManager.default.temporaryDirectory.appendingPathComponent("dojo-watch-\(UUID().uuidString).safetensors")
        defer { try? FileManager.default.removeItem(at: snapshot) }
        var watched = observer
        watched.evaluationSnapshot = snapshot
        watched.onEvaluation = { record in
            observer.onEvaluation?(record)
            live.evaluated(record)
        }
        let outcome = Mutex<Result<SeedRun.Result, any Error>?>(nil)
        let run = SeedRun(job: job, seed: seed, folder: folder, threads: max(1, (threads ?? availableProcessorCount) - 1))
        nonisolated(unsafe) let trainingObserver = watched
        let trainer = Thread {
            let result = Result { try run.run(observer: trainingObserver) }
            outcome.withLock { $0 = result }
            live.finish()
        }
        trainer.stackSize = 8 << 20
        trainer.start()
        let episodes = try EnvironmentRegistry.standard.open(
            id: job.environmentID, options: job.environmentOptions,
            with: LiveWindow(live: live, snapshot: snapshot, seed: seed, title: "dojo train --watch \(job.environmentID)"))
        live.waitUntilFinished()
        if !json && !quiet { print("watched \(episodes) episode(s) of evaluated policies") }
        guard let result = outcome.withLock({ $0 }) else { throw CommandError("training ended without a result") }
        return try result.get()
    }
}

/// What the training thread tells the window: the evaluations so far, and whether training
/// has ended.
final class LiveTraining: Sendable {
    private let state = Mutex<(evaluations: [EvaluationRecord], finished: Bool)>(([], false))
    private let done = DispatchSemaphore(value: 0)

    func evaluated(_ record: EvaluationRecord) {
        state.withLock { $0.evaluations.append(record) }
    }

    func finish() {
        state.withLock { $0.finished = true }
        done.signal()
    }

    var evaluations: [EvaluationRecord] { state.withLock { $0.evaluations } }
    var isFinished: Bool { state.withLock { $0.finished } }

    func waitUntilFinished() {
        done.wait()
        done.signal()
    }
}

/// Opens the window on the environment the registry makes and plays until training ends.
private struct LiveWindow: EnvironmentVisitor {
    let live: LiveTraining
    let snapshot: URL
    let seed: UInt64
    let title: String

    func visit<E: Environment>(_ environment: E) throws -> Int {
        guard environment.metadata.renderModes.contains(.rgb) else {
            throw CommandError("the environment has no rgb render to show; drop --watch")
        }
        let scene = LiveTrainingScene(environment, live: live, snapshot: snapshot, seed: seed)
        let first = scene.restart()
        let window = try SDLWindow(title: title, width: first.width, height: first.height, scale: 1)
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

/// The evaluation returns so far against steps, drawn as a small raster chart.
private struct EvaluationPanel {
    let width: Int
    let height: Int

    func draw(_ evaluations: [EvaluationRecord]) -> Frame {
        var canvas = Canvas(width: width, height: height, background: RGB(248, 248, 248))
        let (left, right, top, bottom) = (36.0, Double(width) - 10, 24.0, Double(height) - 22)
        canvas.drawText("evaluation return", at: Point(left, 8), color: RGB(40, 40, 40))
        canvas.drawLine(from: Point(left, top), to: Point(left, bottom), color: RGB(120, 120, 120))
        canvas.drawLine(from: Point(left, bottom), to: Point(right, bottom), color: RGB(120, 120, 120))
        guard let last = evaluations.last else { return canvas.frame }
        let returns = evaluations.map(\.result.meanReturn)
        let low = min(0, returns.min() ?? 0), high = max(returns.max() ?? 1, low + 1e-9)
        let steps = Double(max(last.timesteps, 1))
        let points = evaluations.map { record -> Point in
            let x: Double = left + (right - left) * Double(record.timesteps) / steps
            let y: Double = bottom - (bottom - top) * (record.result.meanReturn - low) / (high - low)
            return Point(x, y)
        }
        canvas.drawPolyline(points, width: 2, color: RGB(31, 119, 180), antialiased: true)
        for point in points { canvas.fillCircle(centre: point, radius: 3, color: RGB(255, 127, 14), antialiased: true) }
        canvas.drawText(TrainingProgress.format(high), at: Point(2, top - 3), color: RGB(40, 40, 40))
        canvas.drawText(TrainingProgress.format(low), at: Point(2, bottom - 3), color: RGB(40, 40, 40))
        canvas.drawText("\(last.timesteps) steps", at: Point(right - 6 * Double("\(last.timesteps) steps".count), bottom + 8), color: RGB(40, 40, 40))
        return canvas.frame
    }
}
#else
extension TrainCommand {
    /// Without the SDL trait there is no window: `validate()` refuses `--watch` first.
    func trainWatching(_ job: TrainingJob, seed: UInt64, folder: RunFolder, observer: TrainingObserver) throws -> SeedRun.Result {
        throw CommandError(Self.watchNeedsSDL)
    }
}
#endif

extension TrainCommand {
    /// Whether this build has the SDL window `--watch` needs.
    static var hasWindow: Bool {
        #if SDL
            true
        #else
            false
        #endif
    }

    /// Why `--watch` is refused without the SDL trait, and what works instead.
    static let watchNeedsSDL =
        "--watch: this dojo was built without the SDL window; rebuild with `swift build --traits SDL` (needs libsdl2-dev), "
        + "or train without --watch and look at learning_curve.svg and episode.gif in the run folder"
}
