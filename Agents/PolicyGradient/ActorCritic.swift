import Dojo
import NeuralCore

/// The networks of a policy-gradient agent: an actor from flattened observations to action
/// logits and a critic from flattened observations to a value, each one complete
/// ``Sequential`` (PyTorch `nn.Sequential` names), so a file alone rebuilds either.
///
/// Layers start orthogonal with zero biases, as Stable-Baselines3 and CleanRL initialise them:
/// gain `√2` for hidden layers, 0.01 for the actor's head (a near-uniform first policy) and 1
/// for the critic's.
///
/// A recurrent actor-critic puts one ``LSTM`` (``memory``) in front of both: the actor and the
/// critic then map its hidden state, not the observation, and the file stores it as `lstm.*`.
public struct ActorCritic {
    /// Observation (or, with ``memory``, the LSTM's hidden state) to action logits.
    public let actor: Sequential
    /// Observation (or, with ``memory``, the LSTM's hidden state) to one value, `[batch, 1]`.
    public let critic: Sequential
    /// The LSTM both networks read, or `nil` for a feed-forward actor-critic.
    public let memory: LSTM?

    /// Separate actor and critic MLPs with `hiddenSizes` each (SB3's `net_arch` for both).
    public init(
        observationSize: Int, actionCount: Int, hiddenSizes: [Int], activation: HiddenActivation,
        using generator: inout some RandomNumberGenerator
    ) {
        self.init(
            observationShape: [observationSize], actionCount: actionCount, convolutionChannels: [], hiddenSizes: hiddenSizes,
            activation: activation, sharesTrunk: false, using: &generator)
    }

    /// An actor and a critic for observations of `observationShape`: for planes (three axes)
    /// and `convolutionChannels` a CNN front (``PlaneEncoder``) and then `hiddenSizes`,
    /// otherwise an MLP of `hiddenSizes`, each ending in its head.
    ///
    /// - Parameter sharesTrunk: whether everything before the heads is one set of layers that
    ///   both networks run and train (SB3's shared features extractor); the file still stores
    ///   each network whole, so either rebuilds alone.
    /// - Parameter memorySize: the hidden size of an LSTM over the flattened observation in
    ///   front of both networks (SB3's `lstm_hidden_size`, one LSTM shared as in CleanRL), or
    ///   `nil` for none; with it there is no CNN front.
    public init(
        observationShape: [Int], actionCount: Int, convolutionChannels: [Int], hiddenSizes: [Int], activation: HiddenActivation,
        sharesTrunk: Bool, memorySize: Int? = nil, using generator: inout some RandomNumberGenerator
    ) {
        memory = memorySize.map { LSTM(inputSize: observationShape.reduce(1, *), hiddenSize: $0, using: &generator) }
        let inputShape = memorySize.map { [$0] } ?? observationShape
        func trunk() -> (layers: [any Layer], width: Int) {
            var (layers, width) = PlaneEncoder.layers(observationShape: inputShape, channels: convolutionChannels, using: &generator)
            for size in hiddenSizes {
                layers.append(Self.orthogonalLinear(width, size, gain: Float(2).squareRoot(), using: &generator))
                layers.append(activation.makeLayer())
                width = size
            }
            return (layers, width)
        }
        let actorTrunk = trunk()
        actor = Sequential(actorTrunk.layers + [Self.orthogonalLinear(actorTrunk.width, actionCount, gain: 0.01, using: &generator)])
        let criticTrunk = sharesTrunk ? actorTrunk : trunk()
        critic = Sequential(criticTrunk.layers + [Self.orthogonalLinear(criticTrunk.width, 1, gain: 1, using: &generator)])
    }

    /// An actor-critic of given networks (rebuilt from a checkpoint, or made by hand).
    public init(actor: Sequential, critic: Sequential, memory: LSTM? = nil) {
        self.actor = actor
        self.critic = critic
        self.memory = memory
    }

    /// Every trainable parameter once: the memory's, the actor's, then the critic's (a shared
    /// trunk's are the actor's).
    public var parameters: [Variable] {
        var seen = Set<ObjectIdentifier>()
        return ((memory?.parameters ?? []) + actor.parameters + critic.parameters).filter { seen.insert(ObjectIdentifier($0)).inserted }
    }

    /// The networks as one module with PyTorch's names, `policy.<index>.<weight|bias>` for
    /// the actor and `value.<index>.<weight|bias>` for the critic, after `lstm.weight_ih_l0`,
    /// ... for a memory: a checkpoint's tensors and architecture.
    public var module: ModuleDictionary {
        ModuleDictionary((memory.map { [("lstm", $0 as any Module)] } ?? []) + [("policy", actor), ("value", critic)])
    }

    /// Rebuilds the networks from a checkpoint's architecture (weights are placeholders until
    /// loaded).
    ///
    /// - Throws: ``ModuleDescriptionError`` when the description is not a `policy` and a `value`
    ///   Sequential, optionally after an `lstm`.
    public init(architecture: ModuleDescription) throws(ModuleDescriptionError) {
        var generator = SeededGenerator(seed: 0)
        let module = try architecture.makeModule(using: &generator)
        guard let dictionary = module as? ModuleDictionary,
              [["policy", "value"], ["lstm", "policy", "value"]].contains(dictionary.children.map(\.name)),
              let actor = dictionary["policy"] as? Sequential, let critic = dictionary["value"] as? Sequential
        else {
            throw ModuleDescriptionError(path: "", reason: "expected a policy and a value Sequential, optionally after an lstm")
        }
        let memory = dictionary["lstm"] as? LSTM
        if dictionary.children.count == 3 && memory == nil {
            throw ModuleDescriptionError(path: "lstm", reason: "expected an LSTM")
        }
        self.init(actor: actor, critic: critic, memory: memory)
    }

    static func orthogonalLinear(_ inputs: Int, _ outputs: Int, gain: Float, using generator: inout some RandomNumberGenerator) -> Linear {
        Linear(weight: Initializer.orthogonal([outputs, inputs], gain: gain, using: &generator), bias: Tensor.zeros([outputs]))
    }
}
