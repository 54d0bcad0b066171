import Dojo
import Foundation
import NeuralCore

/// What one PPO gradient step measured, with Stable-Baselines3's logger names in mind
/// (`train/policy_gradient_loss`, `value_loss`, `entropy_loss`, `approx_kl`, `clip_fraction`).
public struct PPOUpdateStatistics: Equatable, Sendable {
    /// The total loss minimised.
    public var loss: Float
    /// The clipped surrogate's loss (negated objective).
    public var policyLoss: Float
    /// The critic's mean squared error.
    public var valueLoss: Float
    /// The mean entropy of the policy on the batch.
    public var entropy: Float
    /// `mean((r − 1) − log r)`, the low-variance KL estimate from the old policy.
    public var approximateKL: Float
    /// The share of rows whose ratio left `[1 − clip, 1 + clip]`.
    public var clipFraction: Float
}

/// The policy-gradient family's one learning rule, PPO's (Schulman et al., 2017) as
/// Stable-Baselines3 computes it: the clipped surrogate on (optionally normalised) advantages,
/// the critic's mean squared error against the returns (optionally on values clipped around the
/// old ones), an entropy bonus, global-norm gradient clipping and an optimizer step, on
/// NeuralCore's tape. With an infinite clip range and one pass over each rollout it is A2C's
/// update: at ratio 1 the surrogate's gradient is the plain policy gradient. Masked logits give
/// illegal actions zero probability in the ratio and the entropy, as MaskablePPO does.
public final class PPOLearner {
    /// The networks being trained.
    public let network: ActorCritic
    /// The optimizer over both networks: Adam with epsilon 1e-5 (SB3's choice for its
    /// policies) unless another is given (RMSProp for A2C).
    public let optimizer: any Optimizer
    /// The surrogate's clip range (SB3's `clip_range`).
    public var clipRange: Float
    /// The clip range for values around their old estimates, or `nil` not to clip (SB3's
    /// `clip_range_vf`).
    public var valueClipRange: Float?
    /// The entropy bonus's weight (`ent_coef`).
    public var entropyCoefficient: Float
    /// The value loss's weight (`vf_coef`).
    public var valueCoefficient: Float
    /// The largest global gradient norm (`max_grad_norm`).
    public var maxGradNorm: Float
    /// Whether advantages are normalised per minibatch (`normalize_advantage`).
    public var normalizesAdvantages: Bool
    let parameters: [Variable]
    /// The actor's and the critic's parameters when they share none (and there is no memory),
    /// so each side's step can run on its own tape.
    let separateParameters: (actor: [Variable], critic: [Variable])?
    /// The thread the critic's step runs on beside the actor's, where there are two cores.
    private var sideThread: SideThread?
    /// The batch of the update in progress, for the side thread.
    private var pendingBatch: RolloutBatch?
    /// The side thread's loss and measurements of the last update.
    private var sideCriticStep = (loss: Float(0), terms: CriticTerms())
    let tape = Tape()
    let criticTape = Tape()

    /// A learner with Stable-Baselines3's PPO defaults unless given.
    ///
    /// - Parameter optimizer: the optimizer to step (its learning rate is set to
    ///   `learningRate`); Adam with epsilon 1e-5 when `nil`.
    public init(
        network: ActorCritic, learningRate: Float, clipRange: Float = 0.2, valueClipRange: Float? = nil,
        entropyCoefficient: Float = 0, valueCoefficient: Float = 0.5, maxGradNorm: Float = 0.5, normalizesAdvantages: Bool = true,
        optimizer: (any Optimizer)? = nil, usesSideThread: Bool = availableProcessorCount > 1
    ) {
        self.network = network
        let defaultAdam = optimizer == nil ? Adam(learningRate: learningRate, epsilon: 1e-5) : nil
        self.optimizer = optimizer ?? defaultAdam!
        self.optimizer.learningRate = learningRate
        self.clipRange = clipRange
        self.valueClipRange = valueClipRange
        self.entropyCoefficient = entropyCoefficient
        self.valueCoefficient = valueCoefficient
        self.maxGradNorm = maxGradNorm
        self.normalizesAdvantages = normalizesAdvantages
        parameters = network.parameters
        let actorParameters = network.actor.parameters + (network.logStandardDeviation?.parameters ?? [])
        let shared = Set(actorParameters.map(ObjectIdentifier.init)).intersection(network.critic.parameters.map(ObjectIdentifier.init))
        separateParameters = network.memory == nil && shared.isEmpty ? (actorParameters, network.critic.parameters) : nil
        if separateParameters != nil && usesSideThread {
            let sideThread = SideThread { [unowned self] in criticStep() }
            self.sideThread = sideThread
            tape.sideThread = sideThread
            defaultAdam?.sideThread = sideThread
        }
    }

    /// One gradient step on `batch`; returns what it measured before the step.
    ///
    /// When the actor and the critic share no parameters (no shared trunk, no memory), their
    /// losses are independent: each runs forward and backward on its own tape, the critic's on
    /// a ``SideThread`` beside the actor's, with the results one tape gives; the actor's weight
    /// gradients go to the same thread once the critic's step is done.
    @discardableResult
    public func update(on batch: RolloutBatch) -> PPOUpdateStatistics {
        var actor = ActorTerms(), critic = CriticTerms()
        let loss: Float
        if let split = separateParameters, let sideThread {
            var actorLoss: Float = 0
            pendingBatch = batch
            sideThread.run {
                actorLoss = tape.valueAndGradient(at: split.actor) { tape in
                    actorObjective(tape.constant(batch.observations), batch: batch, on: tape, measuring: &actor)
                }
            }
            pendingBatch = nil
            (loss, critic) = (actorLoss + sideCriticStep.loss, sideCriticStep.terms)
        } else {
            loss = tape.valueAndGradient(at: parameters) { tape in
                let observations = tape.constant(batch.observations)
                let states = batch.sequenceSteps == 0 ? observations : network.remembered(
                    observations, steps: batch.sequenceSteps, keep: tape.constant(batch.keep),
                    initial: LSTMState(hidden: tape.constant(batch.initialHidden), cell: tape.constant(batch.initialCell)))
                return actorObjective(states, batch: batch, on: tape, measuring: &actor)
                    + criticObjective(states, batch: batch, on: tape, measuring: &critic)
            }
        }
        clipGradients(of: parameters, maxNorm: maxGradNorm)
        optimizer.step(parameters)
        let rows = Float(max(batch.size, 1))
        return PPOUpdateStatistics(
            loss: loss, policyLoss: actor.policyLoss, valueLoss: critic.valueLoss, entropy: actor.entropy,
            approximateKL: actor.approximateKL / rows, clipFraction: Float(actor.clipped) / rows)
    }

    /// The critic's step on its own tape, for the side thread: on ``pendingBatch``, into
    /// ``sideCriticStep``.
    private func criticStep() {
        guard let batch = pendingBatch, let split = separateParameters else { return }
        var terms = CriticTerms()
        let loss = criticTape.valueAndGradient(at: split.critic) { tape in
            criticObjective(tape.constant(batch.observations), batch: batch, on: tape, measuring: &terms)
        }
        sideCriticStep = (loss, terms)
    }

    /// What the actor's part of a step measured.
    struct ActorTerms {
        var policyLoss: Float = 0
        var entropy: Float = 0
        var approximateKL: Float = 0
        var clipped = 0
    }

    /// What the critic's part of a step measured.
    struct CriticTerms {
        var valueLoss: Float = 0
    }

    /// The clipped surrogate's loss less the entropy bonus, at `states`.
    func actorObjective(_ states: Variable, batch: RolloutBatch, on tape: Tape, measuring terms: inout ActorTerms) -> Variable {
        let clip = clipRange
        let (logProbability, entropies) = network.distribution(of: states, batch: batch)
        let ratio = (logProbability - tape.constant(batch.oldLogProbabilities)).exp()
        let given = tape.constant(batch.advantages)
        let advantage = normalizesAdvantages && batch.size > 1 ? given.normalized() : given
        let surrogate = Variable.maximum(-advantage * ratio, -advantage * ratio.clamped(lower: 1 - clip, upper: 1 + clip)).mean()
        let meanEntropy = entropies.mean()
        terms.policyLoss = surrogate.value.scalars[0]
        terms.entropy = meanEntropy.value.scalars[0]
        ratio.value.scalars.withUnsafeBufferPointer { ratio in
            for value in ratio {
                terms.approximateKL += (value - 1) - log(value)
                if abs(value - 1) > clip { terms.clipped += 1 }
            }
        }
        return surrogate - meanEntropy * entropyCoefficient
    }

    /// The critic's weighted mean squared error against the returns (values optionally clipped
    /// around the old ones), at `states`.
    func criticObjective(_ states: Variable, batch: RolloutBatch, on tape: Tape, measuring terms: inout CriticTerms) -> Variable {
        var values = network.critic(states).reshaped(to: [-1])
        if let valueClip = valueClipRange {
            let old = tape.constant(batch.oldValues)
            values = old + (values - old).clamped(lower: -valueClip, upper: valueClip)
        }
        let criticLoss = (values - tape.constant(batch.returns)).squared().mean()
        terms.valueLoss = criticLoss.value.scalars[0]
        return criticLoss * valueCoefficient
    }
}
