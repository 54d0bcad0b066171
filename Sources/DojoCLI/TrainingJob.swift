import Agents
import Dojo
import Foundation

/// A resolved `dojo train` run: the agent, every setting and the environment, checked before
/// anything is written, ready to train from a seed into a run folder. One value serves a single
/// run, each seed of `--seeds`, and `--resume`.
struct TrainingJob: Sendable {
    /// An agent's settings.
    enum Settings: Sendable {
        case dqn(DQNConfiguration)
        /// PPO, A2C or REINFORCE: the one policy-gradient loop.
        case policyGradient(PPOConfiguration)
    }

    let environmentID: String
    /// The options the environment is made with (`--options`), recorded in checkpoints.
    let environmentOptions: Options
    let agent: String
    /// The preset the settings started from, or `nil` for a resumed run (its own settings).
    let preset: String?
    let settings: Settings
    /// A checkpoint whose weights training starts from (`--init-from`).
    var initialWeights: URL?
    /// `--stop-after`: the steps after which training stops with a resumable checkpoint.
    var stopAfterTimesteps: Int?
    /// The resumable checkpoint a resumed run continues from (`--resume`).
    var resumeCheckpoint: URL?

    /// The run's step budget.
    var totalTimesteps: Int {
        switch settings {
        case .dqn(let configuration): configuration.totalTimesteps
        case .policyGradient(let configuration): configuration.totalTimesteps
        }
    }

    /// Episodes of each evaluation, and of the final one.
    var evaluationEpisodes: Int {
        switch settings {
        case .dqn(let configuration): configuration.nEvalEpisodes
        case .policyGradient(let configuration): configuration.nEvalEpisodes
        }
    }

    /// The settings as `config.json` records them.
    var hyperparameters: JSONValue {
        switch settings {
        case .dqn(let configuration): configuration.jsonValue
        case .policyGradient(let configuration): configuration.jsonValue
        }
    }

    /// The job `dojo train` describes: the preset, then the configuration file's settings,
    /// then each `--set`, then the flags that name one setting; a latest checkpoint every
    /// tenth of the budget unless something names `checkpoint_freq`; validated, with the agent
    /// checked against the environment's action space.
    ///
    /// - Parameter overrides: settings from flags (`total_timesteps` for `--steps`, ...).
    static func resolve(
        environmentID: String, environmentOptions: Options, agent: String, preset: String, fileSettings file: JSONValue,
        assignments: [String], overrides: [String: JSONValue]
    ) throws -> TrainingJob {
        try requireActionSupport(agent: agent, environmentID: environmentID, registry: .standard, options: environmentOptions)
        let namesCheckpoints = file["checkpoint_freq"] != nil || assignments.contains { $0.hasPrefix("checkpoint_freq=") }
        let settings: Settings
        if agent == DQNCheckpoint.agentName {
            let base = try DQNConfiguration.preset(named: preset, environmentID: environmentID)
            var configuration = try DQNConfiguration(json: file, base: base).setting(assignments).overridden(by: overrides)
            if !namesCheckpoints && configuration.checkpointFreq == 0 { configuration.checkpointFreq = tenth(of: configuration.totalTimesteps) }
            try configuration.validate()
            settings = .dqn(configuration)
        } else {
            let base = try PPOConfiguration.preset(named: preset, environmentID: environmentID, agent: agent)
            var configuration = try PPOConfiguration(json: file, base: base).setting(assignments).overridden(by: overrides)
            if !namesCheckpoints && configuration.checkpointFreq == 0 { configuration.checkpointFreq = tenth(of: configuration.totalTimesteps) }
            try configuration.validate()
            settings = .policyGradient(configuration)
        }
        return TrainingJob(
            environmentID: environmentID, environmentOptions: environmentOptions, agent: agent, preset: preset, settings: settings)
    }

    /// The checkpoint interval `dojo train` uses where neither the preset nor the person names
    /// one: every tenth of the budget, so a run folder always has a resumable latest checkpoint.
    private static func tenth(of totalTimesteps: Int) -> Int { max(1, totalTimesteps / 10) }

    /// The run whose resumable latest checkpoint is in `folder`, with its own settings and seed.
    static func resuming(_ folder: RunFolder) throws -> (job: TrainingJob, seed: UInt64) {
        let checkpoint = folder.latestCheckpoint
        let metadata = try loadPolicy(from: checkpoint).metadata
        let agent = metadata.agent
        var job: TrainingJob
        let seed: UInt64
        if PPOCheckpoint.agentNames.contains(agent) {
            let (loop, environmentID) = try PPO.resuming(from: checkpoint, runFolder: folder)
            job = TrainingJob(
                environmentID: environmentID, environmentOptions: metadata.environmentOptions, agent: agent, preset: nil,
                settings: .policyGradient(loop.configuration))
            seed = loop.seed
        } else {
            let (dqn, environmentID) = try DQN.resuming(from: checkpoint, runFolder: folder)
            job = TrainingJob(
                environmentID: environmentID, environmentOptions: metadata.environmentOptions, agent: agent, preset: nil,
                settings: .dqn(dqn.configuration))
            seed = dqn.seed
        }
        job.resumeCheckpoint = checkpoint
        return (job, seed)
    }

    /// Trains from `seed` into `folder` on up to `threads` threads, reporting through `observer`.
    func run(seed: UInt64, folder: RunFolder, threads: Int, observer: TrainingObserver) throws -> TrainingOutcome {
        switch settings {
        case .dqn(let configuration):
            var dqn = DQN(configuration: configuration, seed: seed, runFolder: folder)
            dqn.initialWeights = initialWeights
            dqn.threads = threads
            dqn.stopAfterTimesteps = stopAfterTimesteps
            (dqn.onMetrics, dqn.onEvaluation, dqn.shouldStop) = (observer.onMetrics, observer.onEvaluation, observer.shouldStop)
            dqn.evaluationSnapshot = observer.evaluationSnapshot
            return TrainingOutcome(
                try dqn.train(environmentID: environmentID, registry: .standard, options: environmentOptions, resumingFrom: resumeCheckpoint))
        case .policyGradient(let configuration):
            var loop = switch agent {
            case PPOCheckpoint.a2cAgentName: PPO.a2c(configuration: configuration, seed: seed, runFolder: folder)
            case PPOCheckpoint.reinforceAgentName: PPO.reinforce(configuration: configuration, seed: seed, runFolder: folder)
            default: PPO(configuration: configuration, seed: seed, runFolder: folder)
            }
            loop.initialWeights = initialWeights
            loop.threads = threads
            loop.stopAfterTimesteps = stopAfterTimesteps
            (loop.onMetrics, loop.onEvaluation, loop.shouldStop) = (observer.onMetrics, observer.onEvaluation, observer.shouldStop)
            loop.evaluationSnapshot = observer.evaluationSnapshot
            return TrainingOutcome(
                try loop.train(environmentID: environmentID, registry: .standard, options: environmentOptions, resumingFrom: resumeCheckpoint))
        }
    }
}

extension AgentConfiguration {
    /// This configuration with `overrides` applied as JSON settings.
    fileprivate func overridden(by overrides: [String: JSONValue]) throws(AgentError) -> Self {
        overrides.isEmpty ? self : try Self(json: .object(overrides), base: self)
    }
}
