import NeuralCore
import Testing

/// Every layer, checked against finite differences with respect to its input and every
/// parameter (the same check and tolerances as ``GradientCheckTests``).
struct LayerGradientTests {
    static let layers: [GradientCase] = [
        layer("Linear", input: [3, 4]) { Linear(inputSize: 4, outputSize: 3, using: &$0) },
        layer("Linear rank 3", input: [2, 3, 4]) { Linear(inputSize: 4, outputSize: 2, using: &$0) },
        layer("Linear without bias", input: [3, 4]) { Linear(inputSize: 4, outputSize: 3, hasBias: false, using: &$0) },
        layer("Sigmoid", input: [2, 3]) { _ in Sigmoid() },
        layer("ReLU", input: [2, 3]) { _ in ReLU() },
        layer("LeakyReLU", input: [2, 3]) { _ in LeakyReLU(slope: 0.2) },
        layer("Tanh", input: [2, 3]) { _ in Tanh() },
        layer("GELU", input: [2, 3]) { _ in GELU() },
        layer("ELU", input: [2, 3]) { _ in ELU() },
        layer("Softmax", input: [2, 3]) { _ in Softmax() },
        layer("LogSoftmax", input: [2, 3]) { _ in LogSoftmax() },
        layer("Flatten", input: [2, 2, 3]) { _ in Flatten() },
        layer("Unflatten", input: [2, 12]) { _ in Unflatten(shape: [2, 3, 2]) },
        layer("Permute", input: [2, 3, 4, 2]) { _ in Permute(dims: [0, 3, 1, 2]) },
        layer("Sequential", input: [5, 3]) {
            Sequential([Linear(inputSize: 3, outputSize: 4, using: &$0), Tanh(), Linear(inputSize: 4, outputSize: 2, using: &$0)])
        },
        layer("Conv2D", input: [2, 2, 5, 5]) { Conv2D(inChannels: 2, outChannels: 3, kernelSize: 3, using: &$0) },
        layer("Conv2D stride padding", input: [1, 2, 5, 4]) {
            Conv2D(inChannels: 2, outChannels: 2, kernelSize: 3, stride: 2, padding: 1, using: &$0)
        },
        layer("Conv2D without bias", input: [2, 2, 4, 5]) {
            Conv2D(inChannels: 2, outChannels: 3, kernelSize: 2, hasBias: false, using: &$0)
        },
        // 17 images: three chunks of at most 8, run on several threads where there are cores.
        layer("Conv2D split batch", input: [17, 2, 5, 5]) {
            Conv2D(inChannels: 2, outChannels: 2, kernelSize: 3, padding: 1, using: &$0)
        },
        layer("MaxPool2D", input: [1, 2, 4, 4]) { _ in MaxPool2D(kernelSize: 2) },
        layer("MaxPool2D stride padding", input: [1, 1, 5, 5]) { _ in MaxPool2D(kernelSize: 3, stride: 2, padding: 1) },
        layer("AvgPool2D", input: [2, 1, 4, 4]) { _ in AvgPool2D(kernelSize: 2) },
        layer("AvgPool2D stride padding", input: [1, 2, 5, 5]) { _ in AvgPool2D(kernelSize: 3, stride: 2, padding: 1) },
        layer("LayerNorm", input: [3, 5]) { _ in LayerNorm(dimension: 5) },
        layer("MultiHeadAttention", input: [2, 3, 4]) { MultiHeadAttention(embeddingSize: 4, headCount: 2, using: &$0) },
        layer("MultiHeadAttention causal", input: [1, 4, 4]) {
            MultiHeadAttention(embeddingSize: 4, headCount: 2, isCausal: true, using: &$0)
        },
        // LSTMs: Float32 rounding over three steps of four gates leaves errors near 1e-4.
        module("LSTM", input: [3, 2, 2], tolerance: 3e-4) { generator in
            let lstm = LSTM(inputSize: 2, hiddenSize: 3, using: &generator)
            return (lstm, { input in
                let (output, state) = lstm(input)
                return Variable.concatenate([output.reshaped(to: [-1]), state.cell.reshaped(to: [-1])], alongAxis: 0)
            })
        },
        module("GRU", input: [3, 2, 2]) { generator in
            let gru = GRU(inputSize: 2, hiddenSize: 3, using: &generator)
            return (gru, { gru($0).output })
        },
        recurrent("LSTM from a given state", stateCount: 2, tolerance: 3e-4) { generator in
            let lstm = LSTM(inputSize: 2, hiddenSize: 3, using: &generator)
            return (lstm, { input, state in
                let (output, final) = lstm(input, state: LSTMState(hidden: state[0], cell: state[1]))
                return Variable.concatenate(
                    [output.reshaped(to: [-1]), final.hidden.reshaped(to: [-1]), final.cell.reshaped(to: [-1]).tanh()], alongAxis: 0)
            })
        },
        recurrent("GRU from a given state", stateCount: 1) { generator in
            let gru = GRU(inputSize: 2, hiddenSize: 3, using: &generator)
            return (gru, { input, state in
                let (output, final) = gru(input, state: state[0])
                return Variable.concatenate([output.reshaped(to: [-1]), final.squared().reshaped(to: [-1])], alongAxis: 0)
            })
        },
        module("Embedding", input: [1]) { generator in
            let embedding = Embedding(count: 4, dimension: 3, using: &generator)
            return (embedding, { input in embedding([2, 0, 2], shape: [1, 3]) * input })
        },
    ]

    @Test(arguments: layers)
    func layerGradientMatchesFiniteDifferences(_ testCase: GradientCase) {
        let error = gradientError(of: testCase)
        #expect(error <= testCase.tolerance, "error \(error)")
    }

    static func layer(_ name: String, input shape: [Int], _ make: @escaping @Sendable (inout SplitMix64) -> any Layer) -> GradientCase {
        module(name, input: shape) { generator in
            let layer = make(&generator)
            return (layer, { layer($0) })
        }
    }

    /// A recurrent layer over input `[3, 2, 2]` started from `stateCount` states `[2, 3]` that
    /// are inputs of the check too, so gradients flow into the initial state and out of the final one.
    static func recurrent(
        _ name: String, stateCount: Int, tolerance: Double = 1e-4,
        _ make: @escaping @Sendable (inout SplitMix64) -> (any Module, (Variable, [Variable]) -> Variable)
    ) -> GradientCase {
        GradientCase(name, tolerance: tolerance) {
            var generator = SplitMix64(seed: 7)
            let (module, apply) = make(&generator)
            let input = Variable(randomTensor([3, 2, 2], seed: 8, margin: 0.1), requiresGradient: true)
            let states = (0..<stateCount).map { Variable(randomTensor([2, 3], seed: 20 + UInt64($0)) * 0.5, requiresGradient: true) }
            return ([input] + states + module.parameters, { apply(input, states) })
        }
    }

    static func module(
        _ name: String, input shape: [Int], tolerance: Double = 1e-4,
        _ make: @escaping @Sendable (inout SplitMix64) -> (any Module, (Variable) -> Variable)
    ) -> GradientCase {
        GradientCase(name, tolerance: tolerance) {
            var generator = SplitMix64(seed: 7)
            let (module, apply) = make(&generator)
            let input = Variable(randomTensor(shape, seed: 8, margin: 0.1), requiresGradient: true)
            return ([input] + module.parameters, { apply(input) })
        }
    }
}
