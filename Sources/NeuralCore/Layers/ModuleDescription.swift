/// The architecture of a model, without its weights: layer types, sizes, activations and
/// containers, enough to rebuild it.
///
/// A saved model stores its description as JSON in the safetensors `__metadata__` under
/// `"architecture"`, with PyTorch's names (`{"type": "Linear", "in_features": 4,
/// "out_features": 64, "bias": true}`), so ``Module/loadModule(from:)`` rebuilds a model from
/// the file alone and a Python reader can build the equivalent `nn.Module`.
public indirect enum ModuleDescription: Equatable, Sendable {
    case linear(inputSize: Int, outputSize: Int, hasBias: Bool)
    case conv2d(inChannels: Int, outChannels: Int, kernelSize: Int, stride: Int, padding: Int, hasBias: Bool)
    case maxPool2d(kernelSize: Int, stride: Int, padding: Int)
    case avgPool2d(kernelSize: Int, stride: Int, padding: Int)
    case relu, tanh, sigmoid, gelu, flatten
    /// Rows unfolded into `shape` (`nn.Unflatten(1, shape)`).
    case unflatten(shape: [Int])
    /// Axes reordered, batch axis included (`x.permute(*dims)`).
    case permute(dims: [Int])
    case leakyReLU(slope: Float)
    case elu(alpha: Float)
    case softmax(axis: Int)
    case logSoftmax(axis: Int)
    case dropout(probability: Float)
    case layerNorm(dimension: Int, epsilon: Float)
    case embedding(count: Int, dimension: Int)
    case lstm(inputSize: Int, hiddenSize: Int)
    case gru(inputSize: Int, hiddenSize: Int)
    case multiHeadAttention(embeddingSize: Int, headCount: Int, isCausal: Bool)
    /// A bare trainable tensor of `shape` (``LearnedTensor``, a PyTorch `nn.Parameter`).
    case parameter(shape: [Int])
    /// Layers applied in order (`nn.Sequential`).
    case sequential([ModuleDescription])
    /// Named children in order (`nn.ModuleDict`), for composite models such as an actor-critic
    /// with a shared trunk or a dueling head.
    case dictionary([NamedModuleDescription])
}

/// A child of a ``ModuleDescription/dictionary(_:)``: its name (a prefix of its parameters'
/// names) and its description.
public struct NamedModuleDescription: Equatable, Sendable, Codable {
    public var name: String
    public var module: ModuleDescription

    public init(name: String, module: ModuleDescription) {
        self.name = name
        self.module = module
    }
}

/// Why a description cannot be turned into a model: what was wrong, and where in it.
public struct ModuleDescriptionError: Error, Equatable, CustomStringConvertible {
    /// Where in the description, as a path of container positions and names (`"layers.2"`).
    public let path: String
    /// What was wrong.
    public let reason: String

    /// An error at `path` for `reason`, for code that checks a description's shape (an agent
    /// expecting a particular network).
    public init(path: String, reason: String) {
        self.path = path
        self.reason = reason
    }

    public var description: String { "model architecture\(path.isEmpty ? "" : " at \(path)"): \(reason)" }
}

extension ModuleDescription {
    /// A new model of this architecture, its weights drawn from `generator` (PyTorch's
    /// initialisation), ready for weights to be loaded.
    ///
    /// - Throws: `ModuleDescriptionError` naming the layer when a size or setting is out of range
    ///   (a description read from a file is outside input).
    public func makeModule(using generator: inout some RandomNumberGenerator) throws(ModuleDescriptionError) -> any Module {
        try makeModule(path: "", using: &generator)
    }

    private func makeModule(path: String, using generator: inout some RandomNumberGenerator) throws(ModuleDescriptionError) -> any Module {
        func require(_ condition: Bool, _ reason: @autoclosure () -> String) throws(ModuleDescriptionError) {
            if !condition { throw ModuleDescriptionError(path: path, reason: reason()) }
        }
        let limit = 1 << 24
        func size(_ value: Int, _ name: String) throws(ModuleDescriptionError) {
            try require(value > 0 && value <= limit, "expected \(name) from 1 to \(limit), got \(value)")
        }
        switch self {
        case let .linear(inputSize, outputSize, hasBias):
            try size(inputSize, "in_features")
            try size(outputSize, "out_features")
            try require(inputSize * outputSize <= limit, "expected at most \(limit) weights, got \(inputSize) x \(outputSize)")
            return Linear(inputSize: inputSize, outputSize: outputSize, hasBias: hasBias, using: &generator)
        case let .conv2d(inChannels, outChannels, kernelSize, stride, padding, hasBias):
            for (value, name) in [(inChannels, "in_channels"), (outChannels, "out_channels"), (kernelSize, "kernel_size"), (stride, "stride")] {
                try size(value, name)
            }
            try require(padding >= 0 && padding <= kernelSize, "expected padding from 0 to kernel_size, got \(padding)")
            try require(inChannels * outChannels * kernelSize * kernelSize <= limit, "expected at most \(limit) weights")
            return Conv2D(inChannels: inChannels, outChannels: outChannels, kernelSize: kernelSize, stride: stride, padding: padding, hasBias: hasBias, using: &generator)
        case let .maxPool2d(kernelSize, stride, padding), let .avgPool2d(kernelSize, stride, padding):
            try size(kernelSize, "kernel_size")
            try size(stride, "stride")
            try require(padding >= 0 && padding <= kernelSize / 2, "expected padding from 0 to kernel_size / 2, got \(padding)")
            if case .maxPool2d = self { return MaxPool2D(kernelSize: kernelSize, stride: stride, padding: padding) }
            return AvgPool2D(kernelSize: kernelSize, stride: stride, padding: padding)
        case .relu: return ReLU()
        case .tanh: return Tanh()
        case .sigmoid: return Sigmoid()
        case .gelu: return GELU()
        case .flatten: return Flatten()
        case let .unflatten(shape):
            try require(!shape.isEmpty && shape.count < 8, "expected 1 to 7 extents in unflattened_size, got \(shape.count)")
            var values = 1
            for extent in shape {
                try size(extent, "unflattened_size")
                values = min(values * extent, limit + 1)
            }
            try require(values <= limit, "expected at most \(limit) values per row, got \(shape)")
            return Unflatten(shape: shape)
        case let .permute(dims):
            try require(dims.count <= 8 && dims.sorted() == Array(0..<dims.count), "expected a permutation of 0..<\(dims.count), got \(dims)")
            return Permute(dims: dims)
        case let .leakyReLU(slope):
            try require(slope.isFinite, "expected a finite negative_slope, got \(slope)")
            return LeakyReLU(slope: slope)
        case let .elu(alpha):
            try require(alpha.isFinite, "expected a finite alpha, got \(alpha)")
            return ELU(alpha: alpha)
        case let .softmax(axis): return Softmax(axis: axis)
        case let .logSoftmax(axis): return LogSoftmax(axis: axis)
        case let .dropout(probability):
            try require(probability >= 0 && probability < 1, "expected p in [0, 1), got \(probability)")
            return Dropout(probability: probability, generator: SplitMix(seed: generator.next()))
        case let .layerNorm(dimension, epsilon):
            try size(dimension, "normalized_shape")
            try require(epsilon > 0 && epsilon.isFinite, "expected a positive eps, got \(epsilon)")
            return LayerNorm(dimension: dimension, epsilon: epsilon)
        case let .embedding(count, dimension):
            try size(count, "num_embeddings")
            try size(dimension, "embedding_dim")
            try require(count * dimension <= limit, "expected at most \(limit) weights")
            return Embedding(count: count, dimension: dimension, using: &generator)
        case let .lstm(inputSize, hiddenSize), let .gru(inputSize, hiddenSize):
            try size(inputSize, "input_size")
            try size(hiddenSize, "hidden_size")
            try require(4 * hiddenSize * (inputSize + hiddenSize) <= limit, "expected at most \(limit) weights")
            if case .lstm = self { return LSTM(inputSize: inputSize, hiddenSize: hiddenSize, using: &generator) }
            return GRU(inputSize: inputSize, hiddenSize: hiddenSize, using: &generator)
        case let .parameter(shape):
            var count = 1
            for extent in shape where count <= limit { count = extent > 0 ? count * min(extent, limit + 1) : limit + 1 }
            try require(!shape.isEmpty && count <= limit, "expected a shape of positive sizes with at most \(limit) entries, got \(shape)")
            return LearnedTensor(Tensor.zeros(shape))
        case let .multiHeadAttention(embeddingSize, headCount, isCausal):
            try size(embeddingSize, "embed_dim")
            try size(headCount, "num_heads")
            try require(embeddingSize % headCount == 0, "expected embed_dim divisible by num_heads, got \(embeddingSize) and \(headCount)")
            try require(4 * embeddingSize * embeddingSize <= limit, "expected at most \(limit) weights")
            return MultiHeadAttention(embeddingSize: embeddingSize, headCount: headCount, isCausal: isCausal, using: &generator)
        case let .sequential(children):
            var layers: [any Layer] = []
            for (index, child) in children.enumerated() {
                let module = try child.makeModule(path: path.isEmpty ? "\(index)" : "\(path).\(index)", using: &generator)
                guard let layer = module as? any Layer else {
                    throw ModuleDescriptionError(path: "\(path).\(index)", reason: "expected a layer inside Sequential, got \(type(of: module))")
                }
                layers.append(layer)
            }
            return Sequential(layers)
        case let .dictionary(children):
            var modules: [(name: String, module: any Module)] = []
            for child in children {
                try require(!child.name.isEmpty && !child.name.contains("."), "expected a child name without dots, got \(child.name.debugDescription)")
                try require(!modules.contains { $0.name == child.name }, "expected distinct child names, got \(child.name.debugDescription) twice")
                modules.append((child.name, try child.module.makeModule(path: path.isEmpty ? child.name : "\(path).\(child.name)", using: &generator)))
            }
            return ModuleDictionary(modules)
        }
    }
}

/// SplitMix64, the seed expander for layers a description rebuilds with a generator of their own.
struct SplitMix: RandomNumberGenerator {
    private var state: UInt64

    init(seed: UInt64) {
        state = seed
    }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
