import Agents
import Dojo
import NeuralCore
import Testing

/// DQN's update on batches made by hand, with one-layer networks whose Q-values are known:
/// online `Q(s) = [s, 2s]`, target `Q'(s) = [3s, s]`.
@Suite struct DQNLearnerTests {
    /// A linear Q-network over one observation with the given weights and zero biases.
    func linearNetwork(_ weights: [Float]) throws -> QNetwork {
        var generator = SeededGenerator(seed: 0)
        let network = QNetwork(
            observationSize: 1, actionCount: weights.count, hiddenSizes: [], activation: .relu, dueling: false, using: &generator)
        try network.model.load(SafeTensors(tensors: [
            ("0.weight", Tensor(shape: [weights.count, 1], scalars: weights)),
            ("0.bias", Tensor.zeros([weights.count])),
        ]))
        return network
    }

    /// A learner with online [1, 2] and target [3, 1], and a batch of three transitions from
    /// observation 1 to 2: ordinary (action 0, reward 1), terminated (action 1, reward 1),
    /// truncated (action 0, reward 0.5); the bootstrap discount is 0.9.
    func setUp(doubleQ: Bool = false, masks: [Bool]? = nil) throws -> (DQNLearner, ReplayBatch, ReplayBuffer) {
        let learner = DQNLearner(
            online: try linearNetwork([1, 2]), learningRate: 1e-3, doubleQ: doubleQ, maxGradNorm: 10,
            usesMasks: masks != nil, batchSize: 3)
        try learner.target.model.load(SafeTensors(tensors: [
            ("0.weight", Tensor(shape: [2, 1], scalars: [3, 1])), ("0.bias", Tensor.zeros([2])),
        ]))
        var buffer = ReplayBuffer(capacity: 3, observationSize: 1, actionCount: 2, storesMasks: masks != nil)
        let one: [Float] = [1]
        let two: [Float] = [2]
        let mask = masks ?? [true, true]
        for (action, reward, terminated) in [(0, Float(1), false), (1, 1, true), (0, 0.5, false)] {
            one.withUnsafeBufferPointer { observation in
                two.withUnsafeBufferPointer { next in
                    mask.withUnsafeBufferPointer { mask in
                        buffer.add(
                            observation: observation, action: action, reward: reward, nextObservation: next,
                            terminated: terminated, discount: 0.9, nextMask: mask)
                    }
                }
            }
        }
        let batch = ReplayBatch(size: 3, observationSize: 1, actionCount: 2)
        buffer.fill(batch, slots: [0, 1, 2])
        return (learner, batch, buffer)
    }

    /// Huber (smooth L1, delta 1) of a difference.
    func huber(_ difference: Float) -> Float {
        abs(difference) <= 1 ? 0.5 * difference * difference : abs(difference) - 0.5
    }

    @Test func targetsForOrdinaryTerminalAndTruncatedTransitions() throws {
        let (learner, batch, _) = try setUp()
        let loss = learner.update(on: batch)
        // Targets: 1 + 0.9·max(6, 2) = 6.4; 1 (terminated); 0.5 + 0.9·6 = 5.9 (truncated bootstraps).
        // Q of the taken actions: 1, 2, 1.
        let errors: [Float] = [5.4, 1, 4.9]
        for (got, expected) in zip(learner.tdErrors, errors) { #expect(abs(got - expected) < 1e-5) }
        #expect(abs(loss - errors.map(huber).reduce(0, +) / 3) < 1e-5)
    }

    @Test func doubleTargetValuesTheOnlineNetworksChoice() throws {
        let (learner, batch, _) = try setUp(doubleQ: true)
        learner.update(on: batch)
        // Online Q(2) = [2, 4] picks action 1; the target values it at Q'(2)[1] = 2:
        // 1 + 0.9·2 = 2.8 and 0.5 + 0.9·2 = 2.3, where the plain target took the max, 6.
        let errors: [Float] = [1.8, 1, 1.3]
        for (got, expected) in zip(learner.tdErrors, errors) { #expect(abs(got - expected) < 1e-5) }
    }

    @Test func maskedBootstrapIgnoresIllegalActions() throws {
        let (learner, batch, _) = try setUp(masks: [false, true])
        learner.update(on: batch)
        // Action 0 (value 6) is illegal at the next state: the max is Q'(2)[1] = 2.
        let errors: [Float] = [1.8, 1, 1.3]
        for (got, expected) in zip(learner.tdErrors, errors) { #expect(abs(got - expected) < 1e-5) }
    }

    @Test func importanceWeightsScaleEachRowsLoss() throws {
        let (learner, batch, buffer) = try setUp()
        var generator = SeededGenerator(seed: 0)
        var prioritized = ReplayBuffer(capacity: 3, observationSize: 1, actionCount: 2, storesMasks: false, prioritized: true, alpha: 1)
        for slot in 0..<3 {
            let stored = buffer.transition(at: slot)
            stored.observation.withUnsafeBufferPointer { observation in
                stored.nextObservation.withUnsafeBufferPointer { next in
                    prioritized.add(
                        observation: observation, action: stored.action, reward: stored.reward, nextObservation: next,
                        terminated: stored.terminated, discount: stored.discount, nextMask: nil)
                }
            }
        }
        let priorities: [Float] = [1, 2, 4]
        priorities.withUnsafeBufferPointer { prioritized.updatePriorities(indices: [0, 1, 2], tdErrors: $0, epsilon: 0) }
        prioritized.sample(into: batch, beta: 1, using: &generator)
        let weights = batch.weights.scalars
        let rows = batch.indices
        let loss = learner.update(on: batch, weighted: true)
        let errors: [Float] = [5.4, 1, 4.9]
        var expected: Float = 0
        for (row, weight) in zip(rows, weights) { expected += huber(errors[row]) * weight / 3 }
        #expect(abs(loss - expected) < 1e-5)
        #expect(weights.max() == 1 && weights.min()! < 1)
    }

    @Test func duelingHeadsCombineValueAndCenteredAdvantages() throws {
        var generator = SeededGenerator(seed: 0)
        let network = QNetwork(observationSize: 1, actionCount: 3, hiddenSizes: [], activation: .relu, dueling: true, using: &generator)
        try network.model.load(SafeTensors(tensors: [
            ("value.0.weight", Tensor(shape: [1, 1], scalars: [1])), ("value.0.bias", Tensor([0.5])),
            ("advantage.0.weight", Tensor(shape: [3, 1], scalars: [1, 2, 3])), ("advantage.0.bias", Tensor.zeros([3])),
        ]))
        // V(1) = 1.5, A(1) = [1, 2, 3] with mean 2: Q = [0.5, 1.5, 2.5].
        let q = network(Variable(Tensor(shape: [1, 1], scalars: [1]))).value.scalars
        #expect(q == [0.5, 1.5, 2.5])
        #expect(network.isDueling && network.model.namedParameters.map(\.name) == [
            "value.0.weight", "value.0.bias", "advantage.0.weight", "advantage.0.bias",
        ])
    }

    @Test func softTargetUpdateAveragesAndHardUpdateCopies() throws {
        let (learner, _, _) = try setUp()
        learner.updateTarget(tau: 0.25)
        let averaged: [Float] = [0.75 * 3 + 0.25 * 1, 0.75 * 1 + 0.25 * 2]
        #expect(learner.target.model.parameters[0].value.scalars == averaged)
        learner.updateTarget(tau: 1)
        #expect(learner.target.model.parameters[0].value.scalars == learner.online.model.parameters[0].value.scalars)
    }
}
