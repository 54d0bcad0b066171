import Dojo
import Foundation

/// The settings of a training loop's periodic events, with Stable-Baselines3's names: what
/// ``TrainingEvents`` reads from any agent's configuration.
public protocol TrainingEventSettings {
    /// Environment steps between evaluations of the greedy policy; 0 for none.
    var evalFreq: Int { get }
    /// Episodes per evaluation.
    var nEvalEpisodes: Int { get }
    /// Stop once an evaluation's mean return reaches the environment's reward threshold.
    var stopOnRewardThreshold: Bool { get }
    /// Environment steps between metrics rows.
    var metricsInterval: Int { get }
}

/// What every training loop reports and keeps as it goes, in one place for every agent:
/// `progress.csv` rows (recent returns, mean loss, steps per second), periodic greedy
/// evaluations (`eval.csv`) that keep the best checkpoint and may stop training at the
/// environment's reward threshold (SB3's `EvalCallback` with `StopTrainingOnRewardThreshold`).
final class TrainingEvents {
    let settings: any TrainingEventSettings
    let rewardThreshold: Double?
    let seed: UInt64
    let runFolder: RunFolder?
    /// The statistics a resumable checkpoint keeps.
    var statistics = Statistics()
    var metrics: [MetricsRow] = []
    var evaluations: [EvaluationRecord] = []
    /// Whether an evaluation reached the reward threshold with the early stop asked for.
    var stoppedEarly = false
    /// The first quantity of a gradient step that was NaN or infinite, if any.
    var nonFiniteQuantity: String?
    var onMetrics: ((MetricsRow) -> Void)?
    var onEvaluation: ((EvaluationRecord) -> Void)?
    /// Where each evaluated policy is saved, before ``onEvaluation`` hears of it.
    var evaluationSnapshot: URL?
    /// Where a self-playing run's snapshots go, every `snapshot_interval` steps.
    var opponentPool: OpponentPool?
    /// The run's TensorBoard event file, opened by ``begin(resumingAt:metadata:)``.
    var tensorBoard: TensorBoardLog?
    let clock = ContinuousClock()
    var start: ContinuousClock.Instant
    /// The steps already taken when the clock started (a resumed run's), left out of the rate.
    var startTimesteps = 0

    /// The counters behind the events, saved with a resumable checkpoint.
    struct Statistics: Codable {
        var evaluationCount = 0
        var recentReturns = RecentReturns()
        var lossSum = 0.0
        var lossCount = 0
        /// Sums of the policy-gradient loss terms, over `termCount` steps.
        var policyLossSum = 0.0
        var valueLossSum = 0.0
        var entropySum = 0.0
        var termCount = 0
        var bestMeanReturn: Double?
    }

    init(settings: any TrainingEventSettings, rewardThreshold: Double?, seed: UInt64, runFolder: RunFolder?) {
        self.settings = settings
        self.rewardThreshold = rewardThreshold
        self.seed = seed
        self.runFolder = runFolder
        start = clock.now
    }

    /// Starts the clock and the run folder: `config.json` (from the run's checkpoint metadata)
    /// and fresh CSV files for a new run; for one resumed at `timesteps`, its rows up to there
    /// (rows written after its checkpoint, before it stopped, would otherwise repeat).
    func begin(resumingAt timesteps: Int?, metadata: CheckpointMetadata) throws(AgentError) {
        start = clock.now
        startTimesteps = timesteps ?? 0
        if let runFolder { tensorBoard = try TensorBoardLog(folder: runFolder.url) }
        if let timesteps {
            try runFolder?.keepRows(upTo: timesteps)
        } else {
            let configuration = RunConfiguration(metadata: metadata, seed: seed)
            try runFolder?.write(configuration.jsonValue.jsonText + "\n", to: RunFolder.Name.configuration)
            try runFolder?.write(MetricsRow.csvHeader + "\n", to: RunFolder.Name.progress)
            try runFolder?.write(EvaluationRecord.csvHeader + "\n", to: RunFolder.Name.evaluations)
        }
    }

    /// Stops training when a gradient step's loss went NaN or infinite, before anything of
    /// the diverged networks is written.
    ///
    /// - Throws: ``AgentError/nonFinite(quantity:timesteps:)``.
    func requireFinite(timesteps: Int) throws(AgentError) {
        if let nonFiniteQuantity { throw .nonFinite(quantity: nonFiniteQuantity, timesteps: timesteps) }
    }

    /// Writes what is still held back (episodes finished since the last metrics row), at the
    /// end of training or before it stops for a checkpoint.
    func end() throws(AgentError) {
        try tensorBoard?.writeEpisodes()
    }

    /// Counts a finished episode's return, at `timesteps`.
    func episodeEnded(return episodeReturn: Double, timesteps: Int) {
        statistics.recentReturns.append(episodeReturn)
        tensorBoard?.episodeEnded(return: episodeReturn, timesteps: timesteps)
    }

    /// Counts a gradient step's loss, and a policy-gradient step's terms.
    func updated(loss: Double, terms: (policyLoss: Double, valueLoss: Double, entropy: Double)? = nil) {
        if nonFiniteQuantity == nil {
            if !loss.isFinite {
                nonFiniteQuantity = "loss"
            } else if let terms, !terms.policyLoss.isFinite {
                nonFiniteQuantity = "policy loss"
            } else if let terms, !terms.valueLoss.isFinite {
                nonFiniteQuantity = "value loss"
            } else if let terms, !terms.entropy.isFinite {
                nonFiniteQuantity = "entropy"
            }
        }
        statistics.lossSum += loss
        statistics.lossCount += 1
        if let terms {
            statistics.policyLossSum += terms.policyLoss
            statistics.valueLossSum += terms.valueLoss
            statistics.entropySum += terms.entropy
            statistics.termCount += 1
        }
    }

    /// Whether moving from `timesteps - stepSize` to `timesteps` crossed a multiple of `interval`.
    static func crossed(_ interval: Int, timesteps: Int, stepSize: Int) -> Bool {
        interval > 0 && timesteps / interval != (timesteps - stepSize) / interval
    }

    /// Fires what the steps from `timesteps - stepSize` to `timesteps` crossed: a metrics row,
    /// then an evaluation of `policy` on `environment`; `save` writes the networks as a
    /// checkpoint to a file (the best one so far, and the evaluation snapshot).
    func fire<E: Environment>(
        timesteps: Int, stepSize: Int, episodes: Int, epsilon: Double?, learningRate: Double, policy: some Policy, environment: E,
        save: (URL) throws(AgentError) -> Void
    ) throws(AgentError) {
        if Self.crossed(settings.metricsInterval, timesteps: timesteps, stepSize: stepSize) {
            try writeMetricsRow(timesteps: timesteps, episodes: episodes, epsilon: epsilon, learningRate: learningRate)
        }
        if let opponentPool, Self.crossed(opponentPool.settings.snapshotInterval, timesteps: timesteps, stepSize: stepSize) {
            opponentPool.add(policy.snapshot())
        }
        if Self.crossed(settings.evalFreq, timesteps: timesteps, stepSize: stepSize) {
            try evaluate(policy: policy, environment: environment, timesteps: timesteps, save: save)
        }
    }

    func writeMetricsRow(timesteps: Int, episodes: Int, epsilon: Double?, learningRate: Double) throws(AgentError) {
        let seconds = (clock.now - start) / .seconds(1)
        let terms = Double(statistics.termCount)
        let row = MetricsRow(
            timesteps: timesteps, episodes: episodes, meanReturn: statistics.recentReturns.mean,
            loss: statistics.lossCount > 0 ? statistics.lossSum / Double(statistics.lossCount) : nil,
            policyLoss: terms > 0 ? statistics.policyLossSum / terms : nil, valueLoss: terms > 0 ? statistics.valueLossSum / terms : nil,
            entropy: terms > 0 ? statistics.entropySum / terms : nil, learningRate: learningRate, epsilon: epsilon,
            stepsPerSecond: seconds > 0 ? Double(timesteps - startTimesteps) / seconds : 0)
        (statistics.lossSum, statistics.lossCount) = (0, 0)
        (statistics.policyLossSum, statistics.valueLossSum, statistics.entropySum, statistics.termCount) = (0, 0, 0, 0)
        metrics.append(row)
        try runFolder?.append(line: row.csvLine, to: RunFolder.Name.progress)
        try tensorBoard?.write(row)
        onMetrics?(row)
    }

    /// Evaluates the greedy policy with a seed of its own per evaluation; saves the evaluation
    /// snapshot when asked, keeps the best checkpoint, and stops at the reward threshold when
    /// asked.
    func evaluate<E: Environment>(
        policy: some Policy, environment: E, timesteps: Int, save: (URL) throws(AgentError) -> Void
    ) throws(AgentError) {
        let evaluationSeed = seed &+ 1_000_000 &+ UInt64(statistics.evaluationCount) &* 10_007
        statistics.evaluationCount += 1
        let result = try Agents.evaluate(policy: policy, environment: environment, episodes: settings.nEvalEpisodes, seed: evaluationSeed)
        let record = EvaluationRecord(timesteps: timesteps, result: result)
        evaluations.append(record)
        try runFolder?.append(line: record.csvLine, to: RunFolder.Name.evaluations)
        try tensorBoard?.write(record)
        if let evaluationSnapshot { try save(evaluationSnapshot) }
        onEvaluation?(record)
        if statistics.bestMeanReturn.map({ result.meanReturn > $0 }) ?? true {
            statistics.bestMeanReturn = result.meanReturn
            if let runFolder { try save(runFolder.bestCheckpoint) }
        }
        if settings.stopOnRewardThreshold, let rewardThreshold, result.meanReturn >= rewardThreshold {
            stoppedEarly = true
        }
    }
}
