import Agents
import Dojo
import Foundation
import NeuralCore

#if SDL
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
        // The observer's closures reach the progress printer, which this thread leaves alone
        // until the training thread has finished (waitUntilFinished), so they are never shared.
        nonisolated(unsafe) let trainingObserver = watched
        let startTraining = {
            let trainer = Thread {
                let result = Result { try run.run(observer: trainingObserver) }
                outcome.withLock { $0 = result }
                live.finish()
            }
            trainer.stackSize = 8 << 20
            trainer.start()
        }
        // The window opens first, so a failure to open one leaves no run half done.
        let episodes = try EnvironmentRegistry.standard.open(
            id: job.environmentID, options: job.environmentOptions,
            with: LiveWindow(
                live: live, snapshot: snapshot, seed: seed, title: "dojo train --watch \(job.environmentID)", startTraining: startTraining))
        live.waitUntilFinished()
        if !json && !quiet { print("watched \(episodes) episode(s) of evaluated policies") }
        guard let result = outcome.withLock({ $0 }) else { throw CommandError("training ended without a result") }
        return try result.get()
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
