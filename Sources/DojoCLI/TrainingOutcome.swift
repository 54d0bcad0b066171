import Agents

/// What `dojo train` reports of a finished or interrupted run, whichever agent trained.
struct TrainingOutcome {
    let policy: any Policy
    let counts: TrainingCounts

    init(_ run: DQNTrainingResult) {
        policy = run.policy
        counts = TrainingCounts(
            timesteps: run.timesteps, updates: run.updates, episodes: run.episodes, stoppedEarly: run.stoppedEarly,
            bestMeanReturn: run.bestMeanReturn, interrupted: run.interrupted)
    }

    init(_ run: PPOTrainingResult) {
        policy = run.policy
        counts = TrainingCounts(
            timesteps: run.timesteps, updates: run.updates, episodes: run.episodes, stoppedEarly: run.stoppedEarly,
            bestMeanReturn: run.bestMeanReturn, interrupted: run.interrupted)
    }
}

/// A run's counters and how it ended.
struct TrainingCounts: Sendable {
    let timesteps: Int
    let updates: Int
    let episodes: Int
    /// Whether an evaluation reached the reward threshold and stopped training early.
    let stoppedEarly: Bool
    let bestMeanReturn: Double?
    /// Whether a stop request (Ctrl-C) ended the run before its budget.
    let interrupted: Bool
}
