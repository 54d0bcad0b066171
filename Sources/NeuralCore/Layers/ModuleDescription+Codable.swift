/// JSON with PyTorch's class and argument names, one object per module:
/// `{"type": "Linear", "in_features": 4, "out_features": 64, "bias": true}`,
/// `{"type": "Sequential", "layers": [...]}`, `{"type": "ModuleDict", "modules": [{"name": ..., "module": ...}]}`.
extension ModuleDescription: Codable {
    private enum Key: String, CodingKey {
        case type, layers, modules, name, module, bias, stride, padding, alpha, dim, dims, p, eps, causal, shape
        case unflattenedSize = "unflattened_size"
        case inFeatures = "in_features", outFeatures = "out_features"
        case inChannels = "in_channels", outChannels = "out_channels", kernelSize = "kernel_size"
        case negativeSlope = "negative_slope", normalizedShape = "normalized_shape"
        case numEmbeddings = "num_embeddings", embeddingDim = "embedding_dim"
        case inputSize = "input_size", hiddenSize = "hidden_size", embedDim = "embed_dim", numHeads = "num_heads"
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: Key.self)
        func int(_ key: Key) throws -> Int { try container.decode(Int.self, forKey: key) }
        func float(_ key: Key) throws -> Float { try container.decode(Float.self, forKey: key) }
        func bool(_ key: Key) throws -> Bool { try container.decode(Bool.self, forKey: key) }
        let type = try container.decode(String.self, forKey: .type)
        switch type {
        case "Linear": self = .linear(inputSize: try int(.inFeatures), outputSize: try int(.outFeatures), hasBias: try bool(.bias))
        case "Conv2d":
            self = .conv2d(inChannels: try int(.inChannels), outChannels: try int(.outChannels), kernelSize: try int(.kernelSize),
                           stride: try int(.stride), padding: try int(.padding), hasBias: try bool(.bias))
        case "MaxPool2d": self = .maxPool2d(kernelSize: try int(.kernelSize), stride: try int(.stride), padding: try int(.padding))
        case "AvgPool2d": self = .avgPool2d(kernelSize: try int(.kernelSize), stride: try int(.stride), padding: try int(.padding))
        case "ReLU": self = .relu
        case "Tanh": self = .tanh
        case "Sigmoid": self = .sigmoid
        case "GELU": self = .gelu
        case "Flatten": self = .flatten
        case "Unflatten":
            let dim = try int(.dim)
            guard dim == 1 else {
                throw DecodingError.dataCorruptedError(forKey: .dim, in: container, debugDescription: "expected Unflatten along dim 1, got \(dim)")
            }
            self = .unflatten(shape: try container.decode([Int].self, forKey: .unflattenedSize))
        case "Permute": self = .permute(dims: try container.decode([Int].self, forKey: .dims))
        case "LeakyReLU": self = .leakyReLU(slope: try float(.negativeSlope))
        case "ELU": self = .elu(alpha: try float(.alpha))
        case "Softmax": self = .softmax(axis: try int(.dim))
        case "LogSoftmax": self = .logSoftmax(axis: try int(.dim))
        case "Dropout": self = .dropout(probability: try float(.p))
        case "LayerNorm": self = .layerNorm(dimension: try int(.normalizedShape), epsilon: try float(.eps))
        case "Embedding": self = .embedding(count: try int(.numEmbeddings), dimension: try int(.embeddingDim))
        case "LSTM": self = .lstm(inputSize: try int(.inputSize), hiddenSize: try int(.hiddenSize))
        case "GRU": self = .gru(inputSize: try int(.inputSize), hiddenSize: try int(.hiddenSize))
        case "MultiheadAttention": self = .multiHeadAttention(embeddingSize: try int(.embedDim), headCount: try int(.numHeads), isCausal: try bool(.causal))
        case "Parameter": self = .parameter(shape: try container.decode([Int].self, forKey: .shape))
        case "Sequential": self = .sequential(try container.decode([ModuleDescription].self, forKey: .layers))
        case "ModuleDict": self = .dictionary(try container.decode([NamedModuleDescription].self, forKey: .modules))
        default:
            throw DecodingError.dataCorruptedError(forKey: .type, in: container, debugDescription: "unknown module type \(type.debugDescription)")
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: Key.self)
        switch self {
        case let .linear(inputSize, outputSize, hasBias):
            try container.encode("Linear", forKey: .type)
            try container.encode(inputSize, forKey: .inFeatures)
            try container.encode(outputSize, forKey: .outFeatures)
            try container.encode(hasBias, forKey: .bias)
        case let .conv2d(inChannels, outChannels, kernelSize, stride, padding, hasBias):
            try container.encode("Conv2d", forKey: .type)
            try container.encode(inChannels, forKey: .inChannels)
            try container.encode(outChannels, forKey: .outChannels)
            try container.encode(kernelSize, forKey: .kernelSize)
            try container.encode(stride, forKey: .stride)
            try container.encode(padding, forKey: .padding)
            try container.encode(hasBias, forKey: .bias)
        case let .maxPool2d(kernelSize, stride, padding), let .avgPool2d(kernelSize, stride, padding):
            try container.encode(self == .maxPool2d(kernelSize: kernelSize, stride: stride, padding: padding) ? "MaxPool2d" : "AvgPool2d", forKey: .type)
            try container.encode(kernelSize, forKey: .kernelSize)
            try container.encode(stride, forKey: .stride)
            try container.encode(padding, forKey: .padding)
        case .relu: try container.encode("ReLU", forKey: .type)
        case .tanh: try container.encode("Tanh", forKey: .type)
        case .sigmoid: try container.encode("Sigmoid", forKey: .type)
        case .gelu: try container.encode("GELU", forKey: .type)
        case .flatten: try container.encode("Flatten", forKey: .type)
        case let .unflatten(shape):
            try container.encode("Unflatten", forKey: .type)
            try container.encode(1, forKey: .dim)
            try container.encode(shape, forKey: .unflattenedSize)
        case let .permute(dims):
            try container.encode("Permute", forKey: .type)
            try container.encode(dims, forKey: .dims)
        case let .leakyReLU(slope):
            try container.encode("LeakyReLU", forKey: .type)
            try container.encode(slope, forKey: .negativeSlope)
        case let .elu(alpha):
            try container.encode("ELU", forKey: .type)
            try container.encode(alpha, forKey: .alpha)
        case let .softmax(axis), let .logSoftmax(axis):
            try container.encode(self == .softmax(axis: axis) ? "Softmax" : "LogSoftmax", forKey: .type)
            try container.encode(axis, forKey: .dim)
        case let .dropout(probability):
            try container.encode("Dropout", forKey: .type)
            try container.encode(probability, forKey: .p)
        case let .layerNorm(dimension, epsilon):
            try container.encode("LayerNorm", forKey: .type)
            try container.encode(dimension, forKey: .normalizedShape)
            try container.encode(epsilon, forKey: .eps)
        case let .embedding(count, dimension):
            try container.encode("Embedding", forKey: .type)
            try container.encode(count, forKey: .numEmbeddings)
            try container.encode(dimension, forKey: .embeddingDim)
        case let .lstm(inputSize, hiddenSize), let .gru(inputSize, hiddenSize):
            try container.encode(self == .lstm(inputSize: inputSize, hiddenSize: hiddenSize) ? "LSTM" : "GRU", forKey: .type)
            try container.encode(inputSize, forKey: .inputSize)
            try container.encode(hiddenSize, forKey: .hiddenSize)
        case let .multiHeadAttention(embeddingSize, headCount, isCausal):
            try container.encode("MultiheadAttention", forKey: .type)
            try container.encode(embeddingSize, forKey: .embedDim)
            try container.encode(headCount, forKey: .numHeads)
            try container.encode(isCausal, forKey: .causal)
        case let .parameter(shape):
            try container.encode("Parameter", forKey: .type)
            try container.encode(shape, forKey: .shape)
        case let .sequential(layers):
            try container.encode("Sequential", forKey: .type)
            try container.encode(layers, forKey: .layers)
        case let .dictionary(modules):
            try container.encode("ModuleDict", forKey: .type)
            try container.encode(modules, forKey: .modules)
        }
    }
}
