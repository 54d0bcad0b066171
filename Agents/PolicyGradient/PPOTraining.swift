import Dojo
import Foundation
import NeuralCore

/// A PPO run on copies of one environment, read top to bottom as CleanRL's `ppo.py`: collect
/// `n_steps` from every copy with the current policy into a rollout buffer, compute GAE, then
/// `n_epochs` passes of shuffled minibatches through ``PPOLearner``, with Stable-Baselines3's
/// meaning for every setting (linear schedules on the progress remaining, the target-KL stop).
/// With `complete_episodes` each rollout is instead one whole episode of every copy, trained
/// as one batch (REINFORCE).
final class PPOTraining<E: Environment> {
    let configuration: PPOConfiguration
    let seed: UInt64
    /// The agent named in checkpoints (`ppo`, or `a2c` for A2C's settings).
    let agentName: String
    let environmentID: String
    let prototype: E
    let envs: any VectorEnvironment<E>
    let actionSpace: E.ActionSpace
    let actionCount: Int
    let observationSize: Int
    let usesMasks: Bool
    let learner: PPOLearner
    let policy: ActorCriticPolicy
    var buffer: RolloutBuffer
    let batch: RolloutBatch
    var collectionGenerator: SeededGenerator
    var shuffleGenerator: SeededGenerator
    var timesteps = 0
    var episodes = 0
    var updates = 0
    let runFolder: RunFolder?
    /// Whether the state came from a checkpoint (``restore(from:path:)``).
    var isResumed = false
    /// The options the environment was made with, recorded in checkpoints.
    var metadataOptions: Options = [:]
    /// Asked after every rollout; `true` stops the run with a resumable latest checkpoint.
    var shouldStop: (() -> Bool)?
    /// The steps after which the run stops as if ``shouldStop`` had answered `true`.
    var stopAfterTimesteps: Int?
    /// Whether ``shouldStop`` ended the run before its budget.
    var interrupted = false
    /// Metrics rows, evaluations, the best checkpoint and the early stop.
    let events: TrainingEvents
    /// The policy evaluations play: the same networks with a memory of its own, so evaluating
    /// between rollouts leaves the copies' recurrent states alone.
    let evaluationPolicy: ActorCriticPolicy

    // Per-step scratch, allocated once.
    var actions: [Int]
    var environmentActions: [E.Action]
    var logProbabilities: [Float]
    var values: [Float]
    var observations: [Float]
    /// A Gaussian policy's actions of every copy, before clipping (empty for discrete actions).
    var continuousActions: [Float]
    var masks: [Bool]
    var episodeStarts: [Bool]
    var rows: [Int]
    /// Per copy, in a whole-episode rollout: whether its episode is still running.
    var running: [Bool]
    /// A recurrent policy's memory of every copy when the rollout began.
    var rolloutStartMemory: (hidden: [Float], cell: [Float]) = ([], [])
    /// The copies, shuffled into a recurrent policy's minibatches.
    var copyOrder: [Int]

    init(
        environment: E, environmentID: String, rewardThreshold: Double?, configuration: PPOConfiguration, seed: UInt64,
        agentName: String, runFolder: RunFolder?, initialWeights: URL? = nil, threads: Int = availableProcessorCount
    ) throws(AgentError) {
        // Discrete actions are indices of a categorical; a Box's flat values are a Gaussian's.
        guard let actionCount = environment.actionSpace.discreteActionCount ?? environment.actionSpace.continuousActionSize else {
            throw .unsupportedActionSpace(environment: environmentID, space: environment.actionSpace.description)
        }
        let continuousActionSize = environment.actionSpace.indexCount == nil ? actionCount : 0
        try configuration.validate()
        self.configuration = configuration
        self.seed = seed
        self.agentName = agentName
        self.environmentID = environmentID
        prototype = environment
        self.actionCount = actionCount
        actionSpace = environment.actionSpace
        envs = switch configuration.vecEnv {
        case .sync: SyncVectorEnvironment(count: configuration.nEnvs, autoresetMode: .sameStep) { _ in environment }
        case .threaded: ThreadedVectorEnvironment(count: configuration.nEnvs, autoresetMode: .sameStep) { _ in environment }
        }
        observationSize = envs.batch.observationSize
        usesMasks = envs.batch.masksActions
        let generator = SeededGenerator(seed: seed)
        var networkGenerator = generator.child(0)
        collectionGenerator = generator.child(1)
        shuffleGenerator = generator.child(2)
        let network = ActorCritic(
            observationShape: environment.observationSpace.elementShape ?? [observationSize], actionCount: actionCount,
            convolutionChannels: configuration.cnnChannels, hiddenSizes: configuration.netArch, activation: configuration.activation,
            sharesTrunk: configuration.sharedTrunk, memorySize: configuration.recurrent ? configuration.lstmHiddenSize : nil,
            gaussian: continuousActionSize > 0, using: &networkGenerator)
        if let initialWeights {
            do {
                try network.module.load(from: initialWeights)
            } catch {
                throw .invalidCheckpoint(path: initialWeights.path, reason: "cannot start from its weights: \(error)")
            }
        }
        learner = PPOLearner(
            network: network, learningRate: configuration.learningRate, clipRange: configuration.clipRange,
            valueClipRange: configuration.clipRangeVf, entropyCoefficient: configuration.entCoef,
            valueCoefficient: configuration.useBaseline ? configuration.vfCoef : 0, maxGradNorm: configuration.maxGradNorm,
            normalizesAdvantages: configuration.normalizeAdvantage,
            optimizer: configuration.useRmsProp ? RMSProp(learningRate: configuration.learningRate, epsilon: configuration.rmsPropEps) : nil,
            usesSideThread: threads > 1)
        policy = ActorCriticPolicy(network: network, actionCount: actionCount)
        evaluationPolicy = ActorCriticPolicy(network: network, actionCount: actionCount)
        self.runFolder = runFolder
        events = TrainingEvents(settings: configuration, rewardThreshold: rewardThreshold, seed: seed, runFolder: runFolder)
        buffer = RolloutBuffer(
            steps: configuration.nSteps, copies: configuration.nEnvs, observationSize: observationSize, actionCount: actionCount,
            storesMasks: usesMasks, autoresetMode: .sameStep, continuousActionSize: continuousActionSize)
        batch = RolloutBatch(
            size: configuration.batchSize, observationSize: observationSize, actionCount: actionCount, usesMasks: usesMasks,
            memory: configuration.recurrent ? (configuration.nSteps, configuration.lstmHiddenSize) : nil,
            continuousActionSize: continuousActionSize)
        let copies = configuration.nEnvs
        actions = Array(repeating: 0, count: copies)
        let zeroAction = [Float](repeating: 0, count: continuousActionSize).withUnsafeBufferPointer { environment.actionSpace.clippedElement(fromFlat: $0) }
        environmentActions = Array(repeating: zeroAction ?? environment.actionSpace.element(atIndex: 0), count: copies)
        continuousActions = Array(repeating: 0, count: copies * continuousActionSize)
        logProbabilities = Array(repeating: 0, count: copies)
        values = Array(repeating: 0, count: copies)
        observations = Array(repeating: 0, count: copies * observationSize)
        masks = Array(repeating: true, count: copies * actionCount)
        episodeStarts = Array(repeating: true, count: copies)
        rows = Array(0..<configuration.nSteps * copies)
        running = Array(repeating: true, count: copies)
        copyOrder = Array(0..<copies)
    }

    /// The share of training left, SB3's `progress_remaining`.
    var progressRemaining: Float { Float(max(0, 1 - Double(timesteps) / Double(configuration.totalTimesteps))) }

    func run() throws(AgentError) {
        if !isResumed {
            do {
                try envs.reset(seed: seed)
            } catch {
                throw .environment(error)
            }
        }
        try events.begin(resumingAt: isResumed ? timesteps : nil, metadata: metadata())
        while timesteps < configuration.totalTimesteps && !events.stoppedEarly {
            let before = timesteps
            try collectRollout()
            train()
            try events.requireFinite(timesteps: timesteps)
            try events.fire(
                timesteps: timesteps, stepSize: timesteps - before, episodes: episodes, epsilon: nil,
                learningRate: Double(learner.optimizer.learningRate), policy: evaluationPolicy,
                environment: prototype
            ) { (url: URL) throws(AgentError) in
                try PPOCheckpoint.save(learner.network, metadata: metadata(), to: url)
            }
            if TrainingEvents.crossed(configuration.checkpointFreq, timesteps: timesteps, stepSize: timesteps - before) {
                try writeLatestCheckpoint()
            }
            if shouldStop?() == true || stopAfterTimesteps.map({ timesteps >= $0 }) == true {
                interrupted = true
                try events.end()
                try writeLatestCheckpoint()
                return
            }
        }
        try events.end()
        if let runFolder { try PPOCheckpoint.save(learner.network, metadata: metadata(), to: runFolder.finalCheckpoint) }
    }

    /// The checkpoint metadata of the networks as they are.
    func metadata() -> CheckpointMetadata {
        guard let architecture = learner.network.module.architecture else {
            preconditionFailure("expected the actor-critic to describe its architecture")
        }
        var metadata = CheckpointMetadata(
            environmentID: environmentID, agent: agentName,
            observationSpace: prototype.observationSpace.jsonDescription, actionSpace: prototype.actionSpace.jsonDescription,
            architecture: architecture, hyperparameters: configuration.jsonValue, timesteps: timesteps)
        metadata.environmentOptions = metadataOptions
        return metadata
    }
}
