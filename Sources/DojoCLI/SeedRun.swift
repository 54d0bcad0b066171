import Agents
import Dojo
import Foundation

/// One seed of a `dojo train` job, trained into its run folder, then scored greedily and given
/// its `episode.gif` and `learning_curve.svg`: what a single run and each seed of `--seeds` do
/// alike, so a seed in a group ends exactly as the same seed alone.
struct SeedRun {
    let job: TrainingJob
    let seed: UInt64
    let folder: RunFolder
    let threads: Int

    /// What the seed produced.
    struct Result: Sendable {
        let seed: UInt64
        let folder: URL
        let counts: TrainingCounts
        /// Wall-clock seconds of training.
        let seconds: Double
        /// The final greedy evaluation (`nil` when interrupted).
        let finalEvaluation: EvaluationResult?
        /// When an evaluation first reached the environment's reward threshold.
        let threshold: ThresholdCrossing?
    }

    /// The steps and wall-clock seconds at which an evaluation first reached the reward threshold.
    struct ThresholdCrossing: Sendable {
        let timesteps: Int
        let seconds: Double
    }

    /// Trains, reporting rows and evaluations to `observer` (its stop request included), then
    /// evaluates the final policy and writes the run's pictures.
    func run(observer: TrainingObserver) throws -> Result {
        let rewardThreshold = try EnvironmentRegistry.standard.spec(job.environmentID).rewardThreshold
        let clock = ContinuousClock()
        let start = clock.now
        var threshold: ThresholdCrossing?
        var observing = observer
        observing.onEvaluation = { record in
            if threshold == nil, let rewardThreshold, record.result.meanReturn >= rewardThreshold {
                threshold = ThresholdCrossing(timesteps: record.timesteps, seconds: (clock.now - start) / .seconds(1))
            }
            observer.onEvaluation?(record)
        }
        let outcome = try job.run(seed: seed, folder: folder, threads: threads, observer: observing)
        let seconds = (clock.now - start) / .seconds(1)
        var evaluation: EvaluationResult?
        if !outcome.counts.interrupted {
            evaluation = try evaluate(
                policy: outcome.policy, environmentID: job.environmentID, registry: .standard, options: job.environmentOptions,
                episodes: job.evaluationEpisodes, seed: seed &+ 1)
            try RunPictures(folder: folder).write(
                policy: outcome.policy, environmentID: job.environmentID, options: job.environmentOptions, seed: seed &+ 2)
        }
        return Result(
            seed: seed, folder: folder.url, counts: outcome.counts, seconds: seconds, finalEvaluation: evaluation, threshold: threshold)
    }
}
