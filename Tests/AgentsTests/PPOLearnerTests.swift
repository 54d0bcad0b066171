import Agents
import Dojo
import Foundation
import NeuralCore
import Testing

/// PPO's update on batches made by hand, with one-layer networks whose outputs are known: a
/// zero actor (a uniform policy) and a critic that outputs its bias.
@Suite struct PPOLearnerTests {
    /// An actor with zero weights over one observation and `actions` logits, and a critic
    /// that outputs `value` whatever the observation.
    func network(actions: Int = 2, value: Float = 0) -> ActorCritic {
        ActorCritic(
            actor: Sequential([Linear(weight: Tensor.zeros([actions, 1]), bias: Tensor.zeros([actions]))]),
            critic: Sequential([Linear(weight: Tensor.zeros([1, 1]), bias: Tensor([value]))]))
    }

    /// A batch of one-step terminated episodes from a rollout buffer (observation 1 each): the
    /// reward is the return, so the advantage is the return minus the old value.
    func batch(
        actions: [Int], oldLogProbabilities: [Float], returns: [Float], oldValues: [Float], masks: [Bool]? = nil, actionCount: Int = 2
    ) -> RolloutBatch {
        let size = actions.count
        var buffer = RolloutBuffer(
            steps: size, copies: 1, observationSize: 1, actionCount: actionCount, storesMasks: masks != nil, autoresetMode: .sameStep)
        for row in 0..<size {
            let mask = masks.map { Array($0[row * actionCount..<(row + 1) * actionCount]) }
            buffer.add(
                observations: [1], masks: mask, actions: [actions[row]], logProbabilities: [oldLogProbabilities[row]],
                values: [oldValues[row]], episodeStarts: [false], rewards: [Double(returns[row])], terminations: [true],
                truncations: [false])
        }
        buffer.computeAdvantages(lastValues: [0], gamma: 0.99, lambda: 0.95)
        #expect(buffer.advantages == zip(returns, oldValues).map { $0 - $1 } && buffer.returns == returns)
        let batch = RolloutBatch(size: size, observationSize: 1, actionCount: actionCount, usesMasks: masks != nil)
        buffer.fill(batch, rows: Array(0..<size)[...])
        return batch
    }

    /// Ratio 1 everywhere: the surrogate is −mean(A) = −1.5 for advantages 1 and 2, the value
    /// loss mean((0 − 1)², (0 − 2)²) = 2.5, the entropy log 2; loss = −1.5 + 0.5·2.5 − 0.01·log 2.
    @Test func lossTermsOfAUniformPolicy() {
        let learner = PPOLearner(network: network(), learningRate: 1e-3, entropyCoefficient: 0.01, normalizesAdvantages: false)
        let half = Float(log(0.5))
        let statistics = learner.update(on: batch(actions: [0, 1], oldLogProbabilities: [half, half], returns: [1, 2], oldValues: [0, 0]))
        #expect(abs(statistics.policyLoss - -1.5) < 1e-6)
        #expect(abs(statistics.valueLoss - 2.5) < 1e-6)
        #expect(abs(statistics.entropy - Float(log(2.0))) < 1e-6)
        #expect(abs(statistics.loss - (-1.5 + 0.5 * 2.5 - 0.01 * Float(log(2.0)))) < 1e-5)
        #expect(statistics.approximateKL < 1e-6 && statistics.clipFraction == 0)
    }

    /// A positive advantage whose ratio is already 2 (past 1 + 0.2) is clipped: the actor gets
    /// no gradient. With a negative advantage the unclipped term wins and the actor moves.
    @Test func clippedRatioStopsTheActorsGradient() {
        let doubled = Float(log(0.5) - log(2.0))
        for (advantage, moves) in [(Float(1), false), (Float(-1), true)] {
            let learner = PPOLearner(
                network: network(), learningRate: 0.1, valueCoefficient: 0, normalizesAdvantages: false)
            let before = learner.network.actor.parameters.map(\.value)
            let statistics = learner.update(on: batch(
                actions: [0], oldLogProbabilities: [doubled], returns: [advantage], oldValues: [0]))
            #expect(statistics.clipFraction == 1)
            #expect(abs(statistics.approximateKL - Float(1 - log(2.0))) < 1e-5)
            #expect((learner.network.actor.parameters.map(\.value) != before) == moves, "advantage \(advantage)")
        }
    }

    /// Values clipped around the old estimates: the critic says 1, the old value was 0, so with
    /// clip 0.2 the loss sees 0.2: (0.2 − 1)² = 0.64.
    @Test func valueClippingAroundOldValues() {
        let learner = PPOLearner(network: network(value: 1), learningRate: 1e-3, valueClipRange: 0.2, normalizesAdvantages: false)
        let half = Float(log(0.5))
        let statistics = learner.update(on: batch(actions: [0], oldLogProbabilities: [half], returns: [1], oldValues: [0]))
        #expect(abs(statistics.valueLoss - 0.64) < 1e-6)
    }

    /// A masked action has zero probability: over three actions with the middle one illegal,
    /// the uniform policy's entropy is log 2 and each legal action's log-probability log ½.
    @Test func masksShapeTheRatioAndTheEntropy() {
        let learner = PPOLearner(network: network(actions: 3), learningRate: 1e-3, normalizesAdvantages: false)
        let half = Float(log(0.5))
        let statistics = learner.update(on: batch(
            actions: [0, 2], oldLogProbabilities: [half, half], returns: [1, 1], oldValues: [0, 0],
            masks: [true, false, true, true, false, true], actionCount: 3))
        #expect(abs(statistics.entropy - Float(log(2.0))) < 1e-6)
        #expect(statistics.approximateKL < 1e-6 && statistics.clipFraction == 0)
    }
}
