import NeuralCore
import Testing

/// The engine's results, bit for bit, against fingerprints taken from the engine before it was
/// rebuilt around the tape (commit 3ade0b0): losses, every gradient and the parameters after
/// optimizer steps, for every layer and the broadcasting, reduction and shape operations.
/// Each fingerprint is FNV-1a over the bit patterns of the floats.
///
/// All seven matched the rebuilt engine. Then tanh and sigmoid moved from the C library to
/// NeuralCore's vectorised kernels (a change of maths: within 1.3 ulp, and 10x faster); the
/// fingerprints of the three cases that use them (conv, recurrent, attention) were re-recorded
/// at that commit. The recurrent one was re-recorded again when the LSTM became one fused
/// operation (its forward is bit-identical to the separate operations, see ``FusedLSTMTests``;
/// its backward adds the time steps' weight gradients in one product), and the conv one when
/// convolutions began multiplying groups of images at once (each weight gradient then sums a
/// group's positions in one product). The other four are still the old engine's.
struct EngineGoldenTests {
    static func fingerprint(_ tensors: [Tensor]) -> UInt64 {
        var hash: UInt64 = 0xcbf29ce484222325
        for tensor in tensors {
            for value in tensor.scalars {
                var bits = value.bitPattern
                for _ in 0..<4 {
                    hash = (hash ^ UInt64(bits & 0xff)) &* 0x100000001b3
                    bits >>= 8
                }
            }
        }
        return hash
    }

    static func gradients(_ module: any Module, input: Variable? = nil, _ loss: () -> Variable) -> [Tensor] {
        let parameters = module.parameters
        let (value, gradients) = valueAndGradient(at: parameters + (input.map { [$0] } ?? [])) { loss() }
        return [Tensor(value)] + gradients
    }

    static let cases: [(String, @Sendable () -> [Tensor])] = [
        ("dqn", {
            var generator = SplitMix64(seed: 1)
            func mlp() -> Sequential {
                Sequential([Linear(inputSize: 4, outputSize: 32, using: &generator), ReLU(),
                            Linear(inputSize: 32, outputSize: 32, using: &generator), ReLU(),
                            Linear(inputSize: 32, outputSize: 2, using: &generator)])
            }
            let (online, target) = (mlp(), mlp())
            let adam = Adam(learningRate: 1e-2)
            var losses: [Float] = []
            for _ in 0..<3 {
                let observations = Tensor.normal([16, 4], using: &generator), next = Tensor.normal([16, 4], using: &generator)
                let rewards = Tensor.normal([16], using: &generator)
                let targets = Variable(rewards + target(next).max(alongAxis: 1) * 0.99)
                let actions = (0..<16).map { $0 % 2 }
                let (loss, _) = online.valueAndGradient { huberLoss($0(Variable(observations)).gathering(actions), targets) }
                losses.append(loss)
                adam.step(online.parameters)
            }
            return [Tensor(losses)] + online.parameters.map(\.value)
        }),
        ("conv", {
            var generator = SplitMix64(seed: 2)
            let model = Sequential([
                Conv2D(inChannels: 2, outChannels: 4, kernelSize: 3, padding: 1, using: &generator), ReLU(), MaxPool2D(kernelSize: 2),
                Conv2D(inChannels: 4, outChannels: 3, kernelSize: 2, stride: 1, hasBias: false, using: &generator), Tanh(),
                AvgPool2D(kernelSize: 3, stride: 1, padding: 1), Flatten(), Linear(inputSize: 27, outputSize: 5, using: &generator),
            ])
            let input = Variable(Tensor.normal([19, 2, 8, 8], using: &generator), requiresGradient: true)
            return gradients(model, input: input) { model(input).logSoftmax(alongAxis: 1).mean() }
        }),
        ("recurrent", {
            var generator = SplitMix64(seed: 3)
            let lstm = LSTM(inputSize: 3, hiddenSize: 5, using: &generator)
            let gru = GRU(inputSize: 5, hiddenSize: 4, using: &generator)
            let input = Variable(Tensor.normal([6, 2, 3], using: &generator), requiresGradient: true)
            let initial = LSTMState(hidden: Variable(Tensor.normal([2, 5], using: &generator)), cell: Variable(Tensor.normal([2, 5], using: &generator)))
            let parameters = lstm.parameters + gru.parameters + [input]
            let (value, grads) = valueAndGradient(at: parameters) {
                let (hidden, state) = lstm(input, state: initial)
                let (output, last) = gru(hidden)
                return output.squared().mean() + state.cell.tanh().sum() * 0.1 + last.sum() * 0.05
            }
            return [Tensor(value)] + grads
        }),
        ("attention", {
            var generator = SplitMix64(seed: 4)
            let attention = MultiHeadAttention(embeddingSize: 8, headCount: 2, isCausal: true, using: &generator)
            let norm = LayerNorm(dimension: 8)
            let embedding = Embedding(count: 10, dimension: 8, using: &generator)
            let parameters = attention.parameters + norm.parameters + embedding.parameters
            let (value, grads) = valueAndGradient(at: parameters) {
                let tokens = embedding([1, 4, 4, 9, 0, 3], shape: [2, 3])
                return attention(norm(tokens)).gelu().softplus().mean()
            }
            return [Tensor(value)] + grads
        }),
        ("operations", {
            var generator = SplitMix64(seed: 5)
            let a = Variable(Tensor.normal([2, 3, 4], using: &generator), requiresGradient: true)
            let b = Variable(Tensor.normal([3, 1], using: &generator), requiresGradient: true)
            let c = Variable(Tensor.normal([4], using: &generator).map { abs($0) + 0.5 }, requiresGradient: true)
            let d = Variable(Tensor.normal([1, 3, 1], using: &generator), requiresGradient: true)
            let (value, grads) = valueAndGradient(at: [a, b, c, d]) {
                let mixed = (a * b) / c - d
                let reduced = mixed.sum(alongAxes: [0, 2]).squared().sum() + mixed.mean(alongAxes: [1], keepingDimensions: true).exp().mean()
                let maxima = mixed.max(alongAxis: 1).sum() + mixed.logSumExp(alongAxis: 2).mean()
                let moved = mixed.permuted([2, 0, 1]).reshaped(to: [4, 6]).transposed()
                let joined = Variable.concatenate([moved, moved.sliced(alongAxis: 1, 1..<3)], alongAxis: 1)
                let picked = joined.selecting([0, 5, 5, 2], alongAxis: 0).gathering([1, 0, 5, 3])
                let clipped = Variable.minimum(a, a * 0.5 + 0.3).clamped(lower: -0.8, upper: 0.9) + Variable.maximum(a.absoluteValue(), c)
                let powered = (c.raised(to: 2.5) + c.squareRoot() + c.log()).sum()
                let activations = a.sigmoid().sum() + a.leakyRelu(slope: 0.2).sum() + a.elu(alpha: 0.7).sum() + a.huber(delta: 0.5).sum()
                return reduced + maxima + picked.sum() + clipped.mean() + powered + activations * 0.1 - (-b).sum() + (3 - d / 2).sum()
            }
            return [Tensor(value)] + grads
        }),
        ("distributions", {
            var generator = SplitMix64(seed: 6)
            let logits = Variable(Tensor.normal([4, 5], using: &generator), requiresGradient: true)
            let mean = Variable(Tensor.normal([4, 3], using: &generator), requiresGradient: true)
            let logStd = Variable(Tensor.normal([3], using: &generator) * 0.3, requiresGradient: true)
            let mask = [[true, false, true, true, false], [true, true, true, true, true], [false, false, true, false, true], [true, false, false, false, false]]
            let sample = Tensor.normal([4, 3], using: &generator)
            let (value, grads) = valueAndGradient(at: [logits, mean, logStd]) {
                let masked = Categorical(logits: logits, mask: mask)
                let plain = Categorical(logits: logits)
                let gaussian = DiagonalGaussian(mean: mean, logStandardDeviation: logStd)
                let entropy = masked.entropy().sum() + plain.entropy().sum() + gaussian.entropy().sum()
                let logProbability = masked.logProbability(of: [2, 4, 4, 0]).sum() + plain.logProbability(of: [1, 1, 3, 0]).sum()
                let losses = crossEntropy(logits: logits, labels: [0, 1, 2, 0], mask: [true, true, false, true])
                    + binaryCrossEntropy(logits: logits, targets: Variable(Tensor.normal([4, 5], using: &generator).map { $0 > 0 ? 1 : 0 }))
                    + meanSquaredError(mean, Variable(sample)) + huberLoss(mean, Variable(sample), delta: 0.7)
                return entropy + logProbability + gaussian.logProbability(of: sample).sum() + losses
            }
            return [Tensor(value)] + grads
        }),
        ("optimizers", {
            var generator = SplitMix64(seed: 7)
            let parameters = [Variable(Tensor.normal([5, 3], using: &generator), requiresGradient: true), Variable(Tensor.normal([3], using: &generator), requiresGradient: true)]
            let optimizers: [any Optimizer] = [Adam(learningRate: 0.01, weightDecay: 0.1), AdamW(learningRate: 0.01), RMSProp(learningRate: 0.01), SGD(learningRate: 0.1, momentum: 0.9, isNesterov: true)]
            for optimizer in optimizers {
                for _ in 0..<3 {
                    _ = valueAndGradient(at: parameters) { (Variable.matmul(parameters[0], parameters[1].reshaped(to: [3, 1])).tanh().sum() + parameters[1].squared().sum()) }
                    _ = clipGradients(of: parameters, maxNorm: 0.5)
                    optimizer.step(parameters)
                }
            }
            return parameters.map(\.value)
        }),
    ]

    static let expected: [String: UInt64] = [
        "dqn": 0xd047a5ee6dec78d3, "conv": 0xcf33d05f6821c136, "recurrent": 0x33d0be46e0b4ee2b,
        "attention": 0xeed3c9a375cc4bab, "operations": 0x91f92f02696b2764, "distributions": 0x73defac0695655f7,
        "optimizers": 0x635de331434bcc4,
    ]

    @Test(arguments: cases.map(\.0))
    func resultsAreBitIdenticalToTheEngineBefore(_ name: String) {
        let run = Self.cases.first { $0.0 == name }!.1
        let fingerprint = Self.fingerprint(run())
        #expect(fingerprint == Self.expected[name], "\(name): \(String(fingerprint, radix: 16))")
    }
}
