import Agents

/// What `dojo train` reports of a finished or interrupted run, whichever agent trained.
struct TrainingOutcome {
    let policy: any Policy
    let timesteps: Int
    let updates: Int
    let episodes: Int
    let stoppedEarly: Bool
    let bestMeanReturn: Double?
    let interrupted: Bool

    init(_ run: DQNTrainingResult) {
        (policy, timesteps, updates, episodes) = (run.policy, run.timesteps, run.updates, run.episodes)
        (stoppedEarly, bestMeanReturn, interrupted) = (run.stoppedEarly, run.bestMeanReturn, run.interrupted)
    }

    init(_ run: PPOTrainingResult) {
        (policy, timesteps, updates, episodes) = (run.policy, run.timesteps, run.updates, run.episodes)
        (stoppedEarly, bestMeanReturn, interrupted) = (run.stoppedEarly, run.bestMeanReturn, run.interrupted)
    }
}
