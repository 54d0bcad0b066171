import Dojo
import NeuralCore

/// The activation between a Q-network's hidden layers.
public enum HiddenActivation: String, Codable, Sendable, CaseIterable {
    case relu, tanh

    func makeLayer() -> any Layer {
        switch self {
        case .relu: ReLU()
        case .tanh: Tanh()
        }
    }
}

/// A network from flattened observations to one Q-value per action index: an MLP
/// (`nn.Sequential` of Linear and activation layers, SB3's `QNetwork`) or, for plane
/// observations, a CNN in front of it; either with a dueling head (Wang et al., 2016),
/// `Q = V + A - mean(A)` from a shared trunk.
///
/// The parameters live in ``model``, a NeuralCore module with PyTorch names (`0.weight`,
/// `2.bias`, ... for the MLP; `features.0.weight`, `value.0.weight`, `advantage.0.weight` for
/// the dueling form), whose architecture description rebuilds the network from a checkpoint.
public struct QNetwork {
    /// The module holding the parameters: a ``Sequential``, or a ``ModuleDictionary`` of
    /// `features`, `value` and `advantage` for the dueling form.
    public let model: any Module
    /// The number of action indices.
    public let actionCount: Int
    private let layers: Layers

    private enum Layers {
        case plain(Sequential)
        case dueling(features: Sequential, value: Sequential, advantage: Sequential)
    }

    /// A fresh MLP over `observationSize` floats, drawn from `generator` with PyTorch's
    /// initialisation.
    ///
    /// - Parameters:
    ///   - hiddenSizes: the widths of the hidden layers (SB3's `net_arch`).
    ///   - dueling: separate value and advantage heads over the hidden layers.
    public init(
        observationSize: Int, actionCount: Int, hiddenSizes: [Int], activation: HiddenActivation, dueling: Bool,
        using generator: inout some RandomNumberGenerator
    ) {
        self.init(
            observationShape: [observationSize], actionCount: actionCount, convolutionChannels: [], hiddenSizes: hiddenSizes,
            activation: activation, dueling: dueling, using: &generator)
    }

    /// A fresh network for observations of `observationShape`: for planes (three axes) and
    /// `convolutionChannels`, a CNN (``PlaneEncoder``, then the hidden layers), otherwise an MLP
    /// over the flattened observation. The network takes flattened observations, as the replay
    /// buffer stores them, so the whole Q-function is one module a file rebuilds.
    public init(
        observationShape: [Int], actionCount: Int, convolutionChannels: [Int], hiddenSizes: [Int], activation: HiddenActivation,
        dueling: Bool, using generator: inout some RandomNumberGenerator
    ) {
        var (hidden, width) = PlaneEncoder.layers(observationShape: observationShape, channels: convolutionChannels, using: &generator)
        for size in hiddenSizes {
            hidden.append(Linear(inputSize: width, outputSize: size, using: &generator))
            hidden.append(activation.makeLayer())
            width = size
        }
        if dueling {
            let features = Sequential(hidden)
            let value = Sequential([Linear(inputSize: width, outputSize: 1, using: &generator)])
            let advantage = Sequential([Linear(inputSize: width, outputSize: actionCount, using: &generator)])
            self.init(layers: .dueling(features: features, value: value, advantage: advantage), actionCount: actionCount)
        } else {
            let plain = Sequential(hidden + [Linear(inputSize: width, outputSize: actionCount, using: &generator)])
            self.init(layers: .plain(plain), actionCount: actionCount)
        }
    }

    private init(layers: Layers, actionCount: Int) {
        self.layers = layers
        self.actionCount = actionCount
        switch layers {
        case .plain(let sequential):
            model = sequential
        case let .dueling(features, value, advantage):
            model = ModuleDictionary([("features", features), ("value", value), ("advantage", advantage)])
        }
    }

    /// Rebuilds a network from its architecture description (a checkpoint's metadata); the
    /// weights are placeholders until loaded.
    ///
    /// - Throws: ``ModuleDescriptionError`` when the description is not an MLP Q-network or a
    ///   dueling one.
    public init(architecture: ModuleDescription) throws(ModuleDescriptionError) {
        var generator = SeededGenerator(seed: 0)
        let module = try architecture.makeModule(using: &generator)
        if let plain = module as? Sequential, let last = plain.layers.last as? Linear {
            self.init(layers: .plain(plain), actionCount: last.weight.shape[0])
            return
        }
        guard let dictionary = module as? ModuleDictionary,
              dictionary.children.map(\.name) == ["features", "value", "advantage"],
              let features = dictionary["features"] as? Sequential,
              let value = dictionary["value"] as? Sequential,
              let advantage = dictionary["advantage"] as? Sequential,
              let head = advantage.layers.last as? Linear
        else {
            throw ModuleDescriptionError(
                path: "", reason: "expected a Sequential ending in Linear, or features, value and advantage heads")
        }
        self.init(layers: .dueling(features: features, value: value, advantage: advantage), actionCount: head.weight.shape[0])
    }

    /// Whether the network has dueling heads.
    public var isDueling: Bool {
        if case .dueling = layers { return true }
        return false
    }

    /// An independent network with the same architecture and weights (a target network).
    public func copy() -> QNetwork {
        guard let architecture = model.architecture, let copy = try? QNetwork(architecture: architecture) else {
            preconditionFailure("expected a Q-network to describe and rebuild itself")
        }
        copy.model.copyParameters(from: model)
        return copy
    }

    /// The Q-values `[batch, actionCount]` of flattened observations `[batch, observationSize]`.
    public func callAsFunction(_ observations: Variable) -> Variable {
        switch layers {
        case .plain(let sequential):
            return sequential(observations)
        case let .dueling(features, value, advantage):
            let shared = features(observations)
            let advantages = advantage(shared)
            return value(shared) + (advantages - advantages.mean(alongAxes: [1], keepingDimensions: true))
        }
    }
}
