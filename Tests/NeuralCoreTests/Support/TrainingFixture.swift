import NeuralCore

/// A small supervised step shared by the training tests: a student's chosen outputs regressed
/// with the Huber loss onto a frozen teacher's row maxima, through the graph API with and
/// without a ``Tape``. It exercises the operations a value-based learner uses (gathering, a
/// detached max, Adam); DQN's own update lives in the Agents target (`DQNLearner`).
struct TrainingFixture {
    let batchSize: Int
    let inputs: Tensor
    let teacherInputs: Tensor
    let chosen: [Int]

    init(batchSize: Int, seed: UInt64) {
        var generator = SplitMix64(seed: seed)
        self.batchSize = batchSize
        inputs = Tensor.normal([batchSize, 4], using: &generator)
        teacherInputs = Tensor.normal([batchSize, 4], using: &generator)
        chosen = (0..<batchSize).map { ($0 * 7) % 2 }
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

    /// The step through fresh graph nodes: `valueAndGradient`, `gathering`, `huberLoss`, `Adam.step`.
    func graphStep(student: Sequential, teacher: Sequential, optimizer: Adam) -> Float {
        let targets = Variable(teacher(teacherInputs).max(alongAxis: 1))
        let (loss, _) = student.valueAndGradient { huberLoss($0(Variable(inputs)).gathering(chosen), targets) }
        optimizer.step(student.parameters)
        return loss
    }

    /// The same step on `tape`, which reuses every node and buffer of its previous step.
    func tapeStep(student: Sequential, parameters: [Variable], teacher: Sequential, optimizer: Adam, tape: Tape) -> Float {
        let loss = tape.valueAndGradient(at: parameters) { tape in
            let targets = teacher(tape.constant(teacherInputs)).max(alongAxis: 1).detached()
            return huberLoss(student(tape.constant(inputs)).gathering(chosen), targets)
        }
        optimizer.step(parameters)
        return loss
    }
}
