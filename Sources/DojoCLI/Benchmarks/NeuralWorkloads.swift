import Agents
import Dojo
import NeuralCore

/// One DQN update, the `dqn-update` case: the agent's own update (``DQNLearner``), so the
/// benchmark times the code that trains. A uniform batch of 64 is drawn from a replay buffer
/// of 10,000 random transitions, then the target network's max over next states, the online
/// network's Q of the taken actions, the Huber loss, backward, clipping at global norm 10 and
/// an Adam step, as Stable-Baselines3's `DQN.train` does per gradient step.
final class DQNUpdate {
    let learner: DQNLearner
    let buffer: ReplayBuffer
    let batch: ReplayBatch

    /// Trains a 4-`hidden`-`hidden`-2 network on batches of `batchSize` transitions.
    init(hidden: Int, batchSize: Int, using generator: inout SeededGenerator) {
        let network = QNetwork(
            observationSize: 4, actionCount: 2, hiddenSizes: [hidden, hidden], activation: .relu, dueling: false, using: &generator)
        learner = DQNLearner(online: network, learningRate: 1e-4, doubleQ: false, maxGradNorm: 10, usesMasks: false, batchSize: batchSize)
        var buffer = ReplayBuffer(capacity: 10_000, observationSize: 4, actionCount: 2, storesMasks: false)
        var observations = Tensor.normal([2, 4], using: &generator)
        for index in 0..<buffer.capacity {
            observations.fillNormal(using: &generator)
            observations.scalars.withUnsafeBufferPointer { rows in
                buffer.add(
                    observation: UnsafeBufferPointer(rebasing: rows[0..<4]), action: index % 2, reward: Float(generator.nextUnitDouble()),
                    nextObservation: UnsafeBufferPointer(rebasing: rows[4..<8]), terminated: false, discount: 0.99, nextMask: nil)
            }
        }
        self.buffer = buffer
        batch = ReplayBatch(size: batchSize, observationSize: 4, actionCount: 2)
    }

    /// Samples a batch with `generator` and applies one update; returns the loss before it.
    @discardableResult
    func run(using generator: inout SeededGenerator) -> Float {
        buffer.sample(into: batch, using: &generator)
        return learner.update(on: batch)
    }
}

/// One PPO minibatch update, the `ppo-update` case: the agent's own update (``PPOLearner``) on
/// a minibatch of 256 rows drawn without replacement from a 2,048-row rollout of random
/// transitions, as Stable-Baselines3's PPO computes it: a 4-64-64-2 tanh actor and a 4-64-64-1
/// tanh critic, the clipped surrogate on normalised advantages, the critic's squared error on
/// values clipped around the old ones (`clip_range_vf` 0.2), an entropy bonus of 0.01,
/// global-norm clipping at 0.5 and an Adam step.
final class PPOUpdate {
    let learner: PPOLearner
    let buffer: RolloutBuffer
    let batch: RolloutBatch
    var rows: [Int]

    init(batchSize: Int, using generator: inout SeededGenerator) {
        let network = ActorCritic(
            actor: NeuralBenchmarks.perceptron([4, 64, 64, 2], activation: { Tanh() }, using: &generator),
            critic: NeuralBenchmarks.perceptron([4, 64, 64, 1], activation: { Tanh() }, using: &generator))
        learner = PPOLearner(network: network, learningRate: 2.5e-4, valueClipRange: 0.2, entropyCoefficient: 0.01)
        let steps = 2_048
        var buffer = RolloutBuffer(steps: steps, copies: 1, observationSize: 4, actionCount: 2, storesMasks: false, autoresetMode: .sameStep)
        var observation = Tensor.zeros([4])
        for step in 0..<steps {
            observation.fillNormal(using: &generator)
            let logProbability = [Float(-0.7 + 0.1 * generator.nextUnitDouble())]
            let value = [Float(generator.nextUnitDouble() * 2 - 1)]
            let reward = [generator.nextUnitDouble() * 2 - 1]
            let (action, flag, ended) = ([step % 2], [false], [step % 37 == 36])
            buffer.add(
                observations: observation.scalars, masks: nil, actions: action, logProbabilities: logProbability, values: value,
                episodeStarts: flag, rewards: reward, terminations: ended, truncations: flag)
        }
        buffer.computeAdvantages(lastValues: [0], gamma: 0.99, lambda: 0.95)
        self.buffer = buffer
        batch = RolloutBatch(size: batchSize, observationSize: 4, actionCount: 2, usesMasks: false)
        rows = Array(0..<steps)
    }

    /// Shuffles the rollout with `generator`, updates on its first minibatch; returns the loss before it.
    @discardableResult
    func run(using generator: inout SeededGenerator) -> Float {
        rows.shuffle(using: &generator)
        buffer.fill(batch, rows: rows[0..<batch.size])
        return learner.update(on: batch).loss
    }
}

/// A policy update of a CNN on ConnectFour planes, the `cnn-update` case: `[64, 2, 6, 7]` →
/// conv 3×3 to 32 → conv 3×3 to 64 (padding 1, ReLU) → linear 128 (ReLU) → 7 logits,
/// cross-entropy on given actions, Adam.
final class ConnectFourCNNUpdate {
    let model: Sequential
    let parameters: [Variable]
    let optimizer = Adam(learningRate: 1e-3)
    let tape = Tape()
    var planes: Tensor
    var actions: [Int]

    init(batchSize: Int, using generator: inout SeededGenerator) {
        model = Sequential([
            Conv2D(inChannels: 2, outChannels: 32, kernelSize: 3, padding: 1, using: &generator), ReLU(),
            Conv2D(inChannels: 32, outChannels: 64, kernelSize: 3, padding: 1, using: &generator), ReLU(), Flatten(),
            Linear(inputSize: 64 * 6 * 7, outputSize: 128, using: &generator), ReLU(),
            Linear(inputSize: 128, outputSize: 7, using: &generator),
        ])
        parameters = model.parameters
        planes = Tensor.zeros([batchSize, 2, 6, 7])
        actions = (0..<batchSize).map { $0 % 7 }
    }

    @discardableResult
    func run(using generator: inout SeededGenerator) -> Float {
        planes.fillNormal(using: &generator)
        let loss = tape.valueAndGradient(at: parameters) { tape in crossEntropy(logits: model(tape.constant(planes)), labels: actions) }
        optimizer.step(parameters)
        return loss
    }
}

/// Back-propagation through time of an LSTM, the `lstm-update` case: a sequence `[T, B, I]`
/// through an LSTM and a linear head on every step, mean squared error, Adam.
final class LSTMUpdate {
    let lstm: LSTM
    let head: Linear
    let parameters: [Variable]
    let optimizer = Adam(learningRate: 1e-3)
    let tape = Tape()
    var sequence: Tensor
    var targets: Tensor

    init(inputSize: Int, hiddenSize: Int, steps: Int, batchSize: Int, using generator: inout SeededGenerator) {
        lstm = LSTM(inputSize: inputSize, hiddenSize: hiddenSize, using: &generator)
        head = Linear(inputSize: hiddenSize, outputSize: 1, using: &generator)
        parameters = lstm.parameters + head.parameters
        sequence = Tensor.zeros([steps, batchSize, inputSize])
        targets = Tensor.zeros([steps, batchSize, 1])
    }

    @discardableResult
    func run(using generator: inout SeededGenerator) -> Float {
        sequence.fillNormal(using: &generator)
        targets.fillNormal(using: &generator)
        let loss = tape.valueAndGradient(at: parameters) { tape in
            meanSquaredError(head(lstm(tape.constant(sequence)).output), tape.constant(targets))
        }
        optimizer.step(parameters)
        return loss
    }
}

/// Batch-1 inference latency of a ReLU perceptron, the `forward-batch-1` case, on a tape that
/// records nothing and reuses its buffers.
final class SingleForward {
    let model: Sequential
    let tape = Tape()
    let observation: Tensor

    init(sizes: [Int], using generator: inout SeededGenerator) {
        model = NeuralBenchmarks.perceptron(sizes, using: &generator)
        observation = Tensor.normal([1, sizes[0]], using: &generator)
    }

    /// The greedy action.
    @discardableResult
    func run() -> Int {
        tape.evaluate { tape in
            let output = model(tape.constant(observation)).value
            return output.scalars[0] >= output.scalars[1] ? 0 : 1
        }
    }
}
