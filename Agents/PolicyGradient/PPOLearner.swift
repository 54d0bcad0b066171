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
    let tape = Tape()

    /// A learner with Stable-Baselines3's PPO defaults unless given.
    ///
    /// - Parameter optimizer: the optimizer to step (its learning rate is set to
    ///   `learningRate`); Adam with epsilon 1e-5 when `nil`.
    public init(
        network: ActorCritic, learningRate: Float, clipRange: Float = 0.2, valueClipRange: Float? = nil,
        entropyCoefficient: Float = 0, valueCoefficient: Float = 0.5, maxGradNorm: Float = 0.5, normalizesAdvantages: Bool = true,
        optimizer: (any Optimizer)? = nil
    ) {
        self.network = network
        self.optimizer = optimizer ?? Adam(learningRate: learningRate, epsilon: 1e-5)
        self.optimizer.learningRate = learningRate
        self.clipRange = clipRange
        self.valueClipRange = valueClipRange
        self.entropyCoefficient = entropyCoefficient
        self.valueCoefficient = valueCoefficient
        self.maxGradNorm = maxGradNorm
        self.normalizesAdvantages = normalizesAdvantages
        parameters = network.parameters
    }

    /// One gradient step on `batch`; returns what it measured before the step.
    @discardableResult
    public func update(on batch: RolloutBatch) -> PPOUpdateStatistics {
        var policyLoss: Float = 0, valueLoss: Float = 0, entropy: Float = 0
        var ratios: Variable?
        let clip = clipRange
        let loss = tape.valueAndGradient(at: parameters) { tape in
            let observations = tape.constant(batch.observations)
            let states = batch.sequenceSteps == 0 ? observations : network.remembered(
                observations, steps: batch.sequenceSteps, keep: tape.constant(batch.keep),
                initial: LSTMState(hidden: tape.constant(batch.initialHidden), cell: tape.constant(batch.initialCell)))
            let (logProbability, entropies) = network.distribution(of: states, batch: batch)
            let ratio = (logProbability - tape.constant(batch.oldLogProbabilities)).exp()
            ratios = ratio
            let given = tape.constant(batch.advantages)
            let advantage = normalizesAdvantages && batch.size > 1 ? given.normalized() : given
            let surrogate = Variable.maximum(-advantage * ratio, -advantage * ratio.clamped(lower: 1 - clip, upper: 1 + clip)).mean()
            var values = network.critic(states).reshaped(to: [-1])
            if let valueClip = valueClipRange {
                let old = tape.constant(batch.oldValues)
                values = old + (values - old).clamped(lower: -valueClip, upper: valueClip)
            }
            let criticLoss = (values - tape.constant(batch.returns)).squared().mean()
            let meanEntropy = entropies.mean()
            policyLoss = surrogate.value.scalars[0]
            valueLoss = criticLoss.value.scalars[0]
            entropy = meanEntropy.value.scalars[0]
            return surrogate - meanEntropy * entropyCoefficient + criticLoss * valueCoefficient
        }
        var approximateKL: Float = 0, clipped = 0
        if let ratios {
            ratios.value.scalars.withUnsafeBufferPointer { ratio in
                for value in ratio {
                    approximateKL += (value - 1) - log(value)
                    if abs(value - 1) > clip { clipped += 1 }
                }
            }
        }
        clipGradients(of: parameters, maxNorm: maxGradNorm)
        optimizer.step(parameters)
        let rows = Float(max(batch.size, 1))
        return PPOUpdateStatistics(
            loss: loss, policyLoss: policyLoss, valueLoss: valueLoss, entropy: entropy,
            approximateKL: approximateKL / rows, clipFraction: Float(clipped) / rows)
    }
}
