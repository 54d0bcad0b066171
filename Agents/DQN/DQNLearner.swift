import Dojo
import NeuralCore

/// DQN's learning rule: one gradient step on a replay batch, and the target-network update.
///
/// The loss is the Huber loss between the online network's Q-value of each taken action and
/// the target `r + scale · V(s')`, where `scale` is the discount over the transition's steps
/// (0 after a true termination) and `V(s')` is the target network's value of the next state:
/// its max over legal actions, or, for Double DQN, its value of the online network's greedy
/// legal action. Gradients are clipped by global norm before Adam's step. With prioritized
/// replay each row's loss is weighted by its importance weight, and the |TD errors| are kept
/// for the priority update. Everything runs on NeuralCore's tape, with no kernels of its own;
/// the target network values next states on a ``SideThread`` beside the online network's passes,
/// and the same thread computes weight gradients during the backward pass and half of Adam's step.
public final class DQNLearner {
    /// The network being trained.
    public let online: QNetwork
    /// The slowly updated copy that values next states.
    public let target: QNetwork
    /// Adam over the online network's parameters.
    public let optimizer: Adam
    /// Whether the online network picks next actions (Double DQN).
    public let doubleQ: Bool
    /// The largest global gradient norm.
    public let maxGradNorm: Float
    /// Whether next-state masks restrict the bootstrap.
    public let usesMasks: Bool
    /// The |TD error| of each row of the last batch.
    public private(set) var tdErrors: [Float]
    /// The number of gradient steps taken.
    public internal(set) var updates = 0
    let parameters: [Variable]
    let tape = Tape()
    var nextActions: [Int]
    /// The thread the target network values next states on, beside the online network's
    /// forward pass, where there are two cores.
    private var sideThread: SideThread?
    /// The side thread's own tape, its batch of the update in progress, and its result.
    private let targetTape = Tape()
    private var pendingBatch: ReplayBatch?
    private var nextTargetQ = Tensor.zeros([1, 1])
    /// The online pass's result within a step (released before the step ends).
    private var onlineQ: Variable?

    /// A learner training `online` against a fresh copy of it.
    public init(
        online: QNetwork, learningRate: Float, doubleQ: Bool, maxGradNorm: Float, usesMasks: Bool, batchSize: Int,
        usesSideThread: Bool = availableProcessorCount > 1
    ) {
        self.online = online
        target = online.copy()
        optimizer = Adam(learningRate: learningRate)
        self.doubleQ = doubleQ
        self.maxGradNorm = maxGradNorm
        self.usesMasks = usesMasks
        parameters = online.model.parameters
        tdErrors = Array(repeating: 0, count: batchSize)
        nextActions = Array(repeating: 0, count: batchSize)
        if usesSideThread {
            let sideThread = SideThread { [unowned self] in valueNextStates() }
            self.sideThread = sideThread
            tape.sideThread = sideThread
            optimizer.sideThread = sideThread
        }
    }

    /// The online network's Q-values of the taken actions (into ``onlineQ``) and, for Double
    /// DQN, its greedy next actions.
    private func onlinePasses(on tape: Tape, batch: ReplayBatch) {
        onlineQ = online(tape.constant(batch.observations)).gathering(batch.actions)
        if doubleQ {
            writeGreedyActions(
                of: online(tape.constant(batch.nextObservations)).value, masks: usesMasks ? batch.nextMasks : nil, into: &nextActions)
        }
    }

    /// The target network's Q-values of the pending batch's next states, into ``nextTargetQ``
    /// (values only: the target is not trained).
    private func valueNextStates() {
        guard let batch = pendingBatch else { return }
        targetTape.evaluate { tape in
            let values = target(tape.constant(batch.nextObservations)).value
            if nextTargetQ.shape != values.shape { nextTargetQ = Tensor.zeros(values.shape) }
            values.scalars.withUnsafeBufferPointer { nextTargetQ.assign($0) }
        }
    }

    /// One gradient step on `batch`; returns the loss before the step.
    ///
    /// - Parameter weighted: weight each row's loss by `batch.weights` (prioritized replay).
    @discardableResult
    public func update(on batch: ReplayBatch, weighted: Bool = false) -> Float {
        var predicted: Variable?
        var targets: Variable?
        pendingBatch = batch
        defer { pendingBatch = nil }
        let loss = tape.valueAndGradient(at: parameters) { tape in
            // The online network's passes here, the target's beside them on the side thread.
            if let sideThread {
                sideThread.run { onlinePasses(on: tape, batch: batch) }
            } else {
                onlinePasses(on: tape, batch: batch)
                valueNextStates()
            }
            let q = onlineQ
            onlineQ = nil
            let nextQ = tape.constant(nextTargetQ)
            let nextValue: Variable
            if doubleQ {
                nextValue = nextQ.gathering(nextActions)
            } else if usesMasks {
                nextValue = nextQ.maskedMax(alongLastAxisBy: batch.nextMasks)
            } else {
                nextValue = nextQ.max(alongAxis: 1)
            }
            let tdTarget = tape.constant(batch.rewards) + tape.constant(batch.bootstrapScales) * nextValue
            guard let q else { preconditionFailure("expected the online pass to have run") }
            predicted = q
            targets = tdTarget
            guard weighted else { return huberLoss(q, tdTarget) }
            return (huberLoss(q, tdTarget, reduction: .none) * tape.constant(batch.weights)).mean()
        }
        if let predicted, let targets {
            predicted.value.scalars.withUnsafeBufferPointer { q in
                targets.value.scalars.withUnsafeBufferPointer { y in
                    for row in 0..<Swift.min(q.count, tdErrors.count) { tdErrors[row] = abs(q[row] - y[row]) }
                }
            }
        }
        clipGradients(of: parameters, maxNorm: maxGradNorm)
        optimizer.step(parameters)
        updates += 1
        return loss
    }

    /// Moves the target network towards the online one: `θ' ← (1 - τ)θ' + τθ` (`τ = 1` copies).
    public func updateTarget(tau: Float) {
        target.model.interpolate(towards: online.model, tau: tau)
    }
}

/// Writes each row's greedy action of `q` (`[rows, actions]`) into `actions`, over the legal
/// actions when `masks` is given (row-major flags); ties go to the lowest index, as `argmax`.
func writeGreedyActions(of q: Tensor, masks: [Bool]?, into actions: inout [Int]) {
    let columns = q.shape[1]
    q.scalars.withUnsafeBufferPointer { values in
        masks.withUnsafeBufferPointerIfPresent { mask in
            writeGreedyActions(q: values, columns: columns, masks: mask, into: &actions)
        }
    }
}

/// ``writeGreedyActions(of:masks:into:)`` on raw rows of `columns` values.
func writeGreedyActions(q: UnsafeBufferPointer<Float>, columns: Int, masks: UnsafeBufferPointer<Bool>?, into actions: inout [Int]) {
    let rows = q.count / columns
    for row in 0..<rows {
        var best = -1
        var bestValue = -Float.infinity
        for column in 0..<columns where masks?[row * columns + column] ?? true {
            let value = q[row * columns + column]
            if best < 0 || value > bestValue {
                best = column
                bestValue = value
            }
        }
        actions[row] = max(best, 0)
    }
}

extension Optional where Wrapped == [Bool] {
    /// Calls `body` with the array's buffer, or with `nil`.
    func withUnsafeBufferPointerIfPresent<Result>(_ body: (UnsafeBufferPointer<Bool>?) -> Result) -> Result {
        switch self {
        case .some(let array): array.withUnsafeBufferPointer { body($0) }
        case .none: body(nil)
        }
    }
}
