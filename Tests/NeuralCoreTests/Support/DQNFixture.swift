import NeuralCore

/// A small DQN setup shared by the training tests: two perceptrons, a fixed batch, and the
/// update through the graph API, with and without a ``Tape``.
struct DQNFixture {
    let batchSize: Int
    let observations: Tensor
    let nextObservations: Tensor
    let rewards: Tensor
    let actions: [Int]

    init(batchSize: Int, seed: UInt64) {
        var generator = SplitMix64(seed: seed)
        self.batchSize = batchSize
        observations = Tensor.normal([batchSize, 4], using: &generator)
        nextObservations = Tensor.normal([batchSize, 4], using: &generator)
        rewards = Tensor.normal([batchSize], using: &generator)
        actions = (0..<batchSize).map { ($0 * 7) % 2 }
    }

    /// A `sizes`-shaped MLP with `activation()` between its linear layers, drawn from `seed`.
    static func perceptron(_ sizes: [Int], seed: UInt64, activation: () -> any Layer = { ReLU() }) -> Sequential {
        var generator = SplitMix64(seed: seed)
        var layers: [any Layer] = []
        for index in 0..<(sizes.count - 1) {
            layers.append(Linear(inputSize: sizes[index], outputSize: sizes[index + 1], using: &generator))
            if index < sizes.count - 2 { layers.append(activation()) }
        }
        return Sequential(layers)
    }

    /// The update through the graph: `valueAndGradient`, `gathering`, `huberLoss`, `Adam.step`.
    func graphUpdate(online: Sequential, target: Sequential, optimizer: Adam) -> Float {
        let nextQ = target(nextObservations).max(alongAxis: 1)
        let targets = Variable(rewards + nextQ * 0.99)
        let (loss, _) = online.valueAndGradient { huberLoss($0(Variable(observations)).gathering(actions), targets) }
        optimizer.step(online.parameters)
        return loss
    }

    /// The same update on `tape`, which reuses every node and buffer of its previous step.
    func tapeUpdate(online: Sequential, parameters: [Variable], target: Sequential, optimizer: Adam, tape: Tape) -> Float {
        let loss = tape.valueAndGradient(at: parameters) { tape in
            let targets = tape.constant(rewards) + target(tape.constant(nextObservations)).max(alongAxis: 1).detached() * 0.99
            return huberLoss(online(tape.constant(observations)).gathering(actions), targets)
        }
        optimizer.step(parameters)
        return loss
    }
}
