import Dojo
import Foundation
import NeuralCore

/// A DQN run on copies of one environment, read top to bottom as CleanRL's `dqn.py`: build the
/// network, buffer and schedules; then loop over collection phases (act epsilon-greedily, store
/// transitions, update the target network, fire training events) and training phases
/// (gradient steps on replay batches), with Stable-Baselines3's meaning for every setting.
final class DQNTraining<E: Environment> {
    let configuration: DQNConfiguration
    let seed: UInt64
    let environmentID: String
    let rewardThreshold: Double?
    let runFolder: RunFolder?
    let prototype: E
    let envs: SyncVectorEnvironment<E>
    let actionCount: Int
    let observationSize: Int
    let usesMasks: Bool
    let learner: DQNLearner
    var buffer: ReplayBuffer
    var accumulator: NStepAccumulator
    let batch: ReplayBatch
    let policy: DQNPolicy
    /// Draws for exploration (random actions and the epsilon coin).
    var explorationGenerator: SeededGenerator
    /// Draws for replay sampling.
    var replayGenerator: SeededGenerator

    // Progress, in SB3's counters.
    var timesteps = 0
    var collectionSteps = 0
    /// Steps collected in the current collection phase (of `train_freq`).
    var phaseSteps = 0
    var episodes = 0
    /// Metrics rows, evaluations, the best checkpoint and the early stop.
    let events: TrainingEvents
    /// Whether ``shouldStop`` ended the run before its budget.
    var interrupted = false
    /// Whether the state came from a checkpoint (``restore(from:path:)``).
    var isResumed = false
    /// The options the environment was made with, recorded in checkpoints.
    var metadataOptions: Options = [:]
    /// Asked after every step; `true` stops the run with a resumable latest checkpoint.
    var shouldStop: (() -> Bool)?
    /// The steps after which the run stops as if ``shouldStop`` had answered `true`.
    var stopAfterTimesteps: Int?

    // Per-step scratch, allocated once.
    var actions: [Int]
    var environmentActions: [E.Action]
    var previousObservations: [Float]

    init(
        environment: E, environmentID: String, rewardThreshold: Double?, configuration: DQNConfiguration, seed: UInt64,
        runFolder: RunFolder?, initialWeights: URL? = nil, threads: Int = availableProcessorCount
    ) throws(AgentError) {
        try configuration.validate()
        guard let actionCount = environment.actionSpace.indexCount else {
            throw .unsupportedActionSpace(environment: environmentID, space: environment.actionSpace.description)
        }
        self.configuration = configuration
        self.seed = seed
        self.environmentID = environmentID
        self.rewardThreshold = rewardThreshold
        self.runFolder = runFolder
        self.actionCount = actionCount
        prototype = environment
        envs = SyncVectorEnvironment(count: configuration.nEnvs, autoresetMode: .sameStep) { _ in environment }
        observationSize = envs.batch.observationSize
        usesMasks = envs.batch.masksActions

        var generator = SeededGenerator(seed: seed)
        var networkGenerator = generator.child(0)
        explorationGenerator = generator.child(1)
        replayGenerator = generator.child(2)
        _ = generator.next()
        let network = QNetwork(
            observationShape: environment.observationSpace.elementShape ?? [observationSize], actionCount: actionCount,
            convolutionChannels: configuration.cnnChannels, hiddenSizes: configuration.netArch, activation: configuration.activation,
            dueling: configuration.dueling, using: &networkGenerator)
        if let initialWeights {
            let start = try DQNCheckpoint.load(from: initialWeights).policy.network
            guard start.model.architecture == network.model.architecture else {
                throw .invalidCheckpoint(path: initialWeights.path, reason: "its Q-network's architecture differs from this configuration's")
            }
            network.model.copyParameters(from: start.model)
        }
        learner = DQNLearner(
            online: network, learningRate: configuration.learningRate, doubleQ: configuration.doubleQ,
            maxGradNorm: configuration.maxGradNorm, usesMasks: usesMasks, batchSize: configuration.batchSize,
            usesSideThread: threads > 1)
        policy = DQNPolicy(network: network, explorationRate: configuration.explorationInitialEps)
        buffer = ReplayBuffer(
            capacity: configuration.bufferSize, observationSize: observationSize, actionCount: actionCount,
            storesMasks: usesMasks, prioritized: configuration.prioritizedReplay, alpha: configuration.prioritizedReplayAlpha)
        accumulator = NStepAccumulator(
            steps: configuration.nSteps, gamma: configuration.gamma, copies: configuration.nEnvs, observationSize: observationSize)
        batch = ReplayBatch(size: configuration.batchSize, observationSize: observationSize, actionCount: actionCount)
        actions = Array(repeating: 0, count: configuration.nEnvs)
        environmentActions = Array(repeating: environment.actionSpace.element(atIndex: 0), count: configuration.nEnvs)
        previousObservations = Array(repeating: 0, count: configuration.nEnvs * observationSize)
        events = TrainingEvents(settings: configuration, rewardThreshold: rewardThreshold, seed: seed, runFolder: runFolder)
    }

    // MARK: Schedules

    /// SB3's linear exploration: from the initial to the final epsilon over the first
    /// `exploration_fraction` of training.
    var epsilon: Double {
        let progress = Double(timesteps) / Double(configuration.totalTimesteps)
        guard progress < configuration.explorationFraction else { return configuration.explorationFinalEps }
        return configuration.explorationInitialEps
            + progress * (configuration.explorationFinalEps - configuration.explorationInitialEps) / configuration.explorationFraction
    }

    /// The learning rate at the current progress (SB3 updates it before each training phase).
    var learningRate: Float {
        switch configuration.learningRateSchedule {
        case .constant: configuration.learningRate
        case .linear: configuration.learningRate * Float(max(0, 1 - Double(timesteps) / Double(configuration.totalTimesteps)))
        }
    }

    /// Prioritized replay's importance exponent, annealed linearly from beta0 to 1.
    var beta: Double {
        let progress = min(1, Double(timesteps) / Double(configuration.totalTimesteps))
        return configuration.prioritizedReplayBeta0 + progress * (1 - configuration.prioritizedReplayBeta0)
    }

    // MARK: The loop

    func run() throws(AgentError) -> DQNTrainingResult {
        if !isResumed {
            do {
                try envs.reset(seed: seed)
            } catch {
                throw .environment(error)
            }
        }
        try events.begin(resumingAt: isResumed ? timesteps : nil, metadata: metadata())
        while timesteps < configuration.totalTimesteps && !events.stoppedEarly && !interrupted {
            // Collect `train_freq` steps per copy.
            while phaseSteps < configuration.trainFreq && !events.stoppedEarly {
                collectStep()
                phaseSteps += 1
                try fireEvents()
                if shouldStop?() == true || stopAfterTimesteps.map({ timesteps >= $0 }) == true {
                    interrupted = true
                    break
                }
            }
            if interrupted { break }
            phaseSteps = 0
            // Train once past `learning_starts`, with something to replay (a run resumed
            // without its buffer starts empty, and n-step returns fill it a few steps late).
            if timesteps > configuration.learningStarts && buffer.count > 0 {
                let steps = configuration.gradientSteps >= 0 ? configuration.gradientSteps : configuration.trainFreq * configuration.nEnvs
                train(gradientSteps: steps)
                try events.requireFinite(timesteps: timesteps)
            }
        }
        try events.end()
        if interrupted {
            try writeLatestCheckpoint()
        } else {
            try finish()
        }
        return DQNTrainingResult(
            policy: policy, metrics: events.metrics, evaluations: events.evaluations, timesteps: timesteps, updates: learner.updates,
            episodes: episodes, bestMeanReturn: events.statistics.bestMeanReturn, stoppedEarly: events.stoppedEarly, interrupted: interrupted,
            metadata: metadata())
    }

    /// One vector step: choose actions, step, store the transitions, update the target.
    func collectStep() {
        let batchNow = envs.batch
        let count = envs.count
        let masks: UnsafeBufferPointer<Bool>? = usesMasks ? batchNow.actionMasks : nil
        if timesteps < configuration.learningStarts {
            for copy in 0..<count {
                let mask = masks.map { UnsafeBufferPointer(rebasing: $0[copy * actionCount..<(copy + 1) * actionCount]) }
                actions[copy] = randomLegalAction(count: actionCount, mask: mask, using: &explorationGenerator)
            }
        } else {
            policy.explorationRate = epsilon
            actions.withUnsafeMutableBufferPointer { out in
                policy.chooseActions(
                    observations: batchNow.observations, count: count, masks: masks, deterministic: false, into: out,
                    using: &explorationGenerator)
            }
        }
        let actionSpace = prototype.actionSpace
        for copy in 0..<count { environmentActions[copy] = actionSpace.element(atIndex: actions[copy]) }
        previousObservations.withUnsafeMutableBufferPointer { out in
            _ = out.initialize(from: batchNow.observations)
        }
        let result = envs.step(environmentActions)
        timesteps += count
        previousObservations.withUnsafeBufferPointer { previous in
            for copy in 0..<count {
                let ended = result.hasFinalObservation[copy]
                let next = ended ? result.finalObservation(copy) : result.observation(copy)
                let nextMask: UnsafeBufferPointer<Bool>? = usesMasks ? (ended ? result.finalActionMask(copy) : result.actionMask(copy)) : nil
                accumulator.record(
                    copy: copy, observation: UnsafeBufferPointer(rebasing: previous[copy * observationSize..<(copy + 1) * observationSize]),
                    action: actions[copy], reward: Float(result.rewards[copy]), nextObservation: next,
                    terminated: result.terminations[copy], truncated: result.truncations[copy], nextMask: nextMask, into: &buffer)
                if result.hasEpisodeStatistics[copy] {
                    episodes += 1
                    events.episodeEnded(return: result.episodeReturns[copy], timesteps: timesteps)
                }
            }
        }
        collectionSteps += 1
        if collectionSteps % max(configuration.targetUpdateInterval / count, 1) == 0 {
            learner.updateTarget(tau: configuration.tau)
        }
    }

    /// `gradientSteps` updates on replay batches.
    func train(gradientSteps: Int) {
        learner.optimizer.learningRate = learningRate
        for _ in 0..<gradientSteps {
            buffer.sample(into: batch, beta: beta, using: &replayGenerator)
            let loss = learner.update(on: batch, weighted: buffer.isPrioritized)
            if buffer.isPrioritized {
                learner.tdErrors.withUnsafeBufferPointer { errors in
                    buffer.updatePriorities(indices: batch.indices, tdErrors: errors, epsilon: configuration.prioritizedReplayEps)
                }
            }
            events.updated(loss: Double(loss))
        }
    }

    // MARK: Training events

    func fireEvents() throws(AgentError) {
        try events.fire(
            timesteps: timesteps, stepSize: envs.count, episodes: episodes, epsilon: epsilon, learningRate: Double(learner.optimizer.learningRate),
            policy: policy, environment: prototype
        ) { (url: URL) throws(AgentError) in
            try DQNCheckpoint.save(learner.online, metadata: metadata(), to: url)
        }
        if TrainingEvents.crossed(configuration.checkpointFreq, timesteps: timesteps, stepSize: envs.count) { try writeLatestCheckpoint() }
    }

    func finish() throws(AgentError) {
        if let runFolder { try DQNCheckpoint.save(learner.online, metadata: metadata(), to: runFolder.finalCheckpoint) }
        policy.explorationRate = configuration.explorationFinalEps
    }

    func metadata() -> CheckpointMetadata {
        guard let architecture = learner.online.model.architecture else {
            preconditionFailure("expected the Q-network to describe its architecture")
        }
        var metadata = CheckpointMetadata(
            environmentID: environmentID, agent: DQNCheckpoint.agentName,
            observationSpace: prototype.observationSpace.jsonDescription, actionSpace: prototype.actionSpace.jsonDescription,
            architecture: architecture, hyperparameters: configuration.jsonValue, timesteps: timesteps)
        metadata.environmentOptions = metadataOptions
        return metadata
    }
}
