import NeuralCore

/// A small DQN setup shared by the workspace tests: two perceptrons, a fixed batch, and the
/// same update written both through the graph API and through ``PerceptronWorkspace``.
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
}

/// The workspace form of ``DQNFixture/graphUpdate(online:target:optimizer:)``, keeping every
/// buffer between updates.
final class WorkspaceDQN {
    let online: PerceptronWorkspace
    let target: PerceptronWorkspace
    let optimizer: Adam
    var nextQ = Tensor.zeros([0])
    var targets = Tensor.zeros([0])
    var outputGradient = Tensor.zeros([0])

    init(online: Sequential, target: Sequential, optimizer: Adam) {
        self.online = PerceptronWorkspace(online)
        self.target = PerceptronWorkspace(target)
        self.optimizer = optimizer
    }

    /// One update on `fixture`'s batch; returns the loss before it.
    func update(_ fixture: DQNFixture) -> Float {
        target.forward(fixture.nextObservations).max(alongAxis: 1, into: &nextQ)
        if targets.count != fixture.batchSize { targets = Tensor.zeros([fixture.batchSize]) }
        targets.withUnsafeMutableScalars { targets in
            fixture.rewards.scalars.withUnsafeBufferPointer { rewards in
                nextQ.scalars.withUnsafeBufferPointer { nextQ in
                    for index in 0..<targets.count { targets[index] = rewards[index] + nextQ[index] * 0.99 }
                }
            }
        }
        let loss = huberLoss(online.forward(fixture.observations), gathering: fixture.actions, target: targets, gradient: &outputGradient)
        online.backward(outputGradient: outputGradient)
        optimizer.step(online.parameters)
        return loss
    }
}
