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
/// For continuous actions the actor's outputs are a diagonal Gaussian's means and
/// ``logStandardDeviation`` (`log_std`, one per action dimension, starting at 0 as SB3's)
/// its spread.
public struct ActorCritic {
    /// Observation (or, with ``memory``, the LSTM's hidden state) to action logits.
    public let actor: Sequential
    /// Observation (or, with ``memory``, the LSTM's hidden state) to one value, `[batch, 1]`.
    public let critic: Sequential
    /// The LSTM both networks read, or `nil` for a feed-forward actor-critic.
    public let memory: LSTM?
    /// A Gaussian policy's state-independent log standard deviations, or `nil` for logits.
    public let logStandardDeviation: LearnedTensor?

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
    /// - Parameters:
    ///   - actionCount: logits (discrete actions), or with `gaussian` the action's dimensions.
    ///   - memorySize: the hidden size of an LSTM over the flattened observation in front of
    ///     both networks (SB3's `lstm_hidden_size`, one LSTM shared as in CleanRL), or `nil` for
    ///     none; with it there is no CNN front.
    ///   - gaussian: whether the actor gives a diagonal Gaussian's means (continuous actions).
    public init(
        observationShape: [Int], actionCount: Int, convolutionChannels: [Int], hiddenSizes: [Int], activation: HiddenActivation,
        sharesTrunk: Bool, memorySize: Int? = nil, gaussian: Bool = false, using generator: inout some RandomNumberGenerator
    ) {
        logStandardDeviation = gaussian ? LearnedTensor(Tensor.zeros([actionCount])) : nil
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
    public init(actor: Sequential, critic: Sequential, memory: LSTM? = nil, logStandardDeviation: LearnedTensor? = nil) {
        self.actor = actor
        self.critic = critic
        self.memory = memory
        self.logStandardDeviation = logStandardDeviation
    }

    /// A deep copy (a shared trunk becomes two copies, which a frozen policy never trains).
    public func copy() -> ActorCritic {
        ActorCritic(actor: actor.copy(), critic: critic.copy(), memory: memory?.copy(), logStandardDeviation: logStandardDeviation?.copy())
    }

    /// Every trainable parameter once: the memory's, the actor's, the critic's (a shared
    /// trunk's are the actor's), then the log standard deviations.
    public var parameters: [Variable] {
        var seen = Set<ObjectIdentifier>()
        let all = (memory?.parameters ?? []) + actor.parameters + critic.parameters + (logStandardDeviation?.parameters ?? [])
        return all.filter { seen.insert(ObjectIdentifier($0)).inserted }
    }

    /// The networks as one module with PyTorch's names, `policy.<index>.<weight|bias>` for
    /// the actor and `value.<index>.<weight|bias>` for the critic, after `lstm.weight_ih_l0`,
    /// ... for a memory and before `log_std` for a Gaussian: a checkpoint's tensors and
    /// architecture.
    public var module: ModuleDictionary {
        var children: [(name: String, module: any Module)] = memory.map { [("lstm", $0)] } ?? []
        children += [("policy", actor), ("value", critic)]
        if let logStandardDeviation { children.append(("log_std", logStandardDeviation)) }
        return ModuleDictionary(children)
    }

    /// Rebuilds the networks from a checkpoint's architecture (weights are placeholders until
    /// loaded).
    ///
    /// - Throws: ``ModuleDescriptionError`` when the description is not a `policy` and a `value`
    ///   Sequential, optionally after an `lstm` and before a `log_std`.
    public init(architecture: ModuleDescription) throws(ModuleDescriptionError) {
        var generator = SeededGenerator(seed: 0)
        let module = try architecture.makeModule(using: &generator)
        guard let dictionary = module as? ModuleDictionary,
              let actor = dictionary["policy"] as? Sequential, let critic = dictionary["value"] as? Sequential
        else {
            throw ModuleDescriptionError(path: "", reason: "expected a policy and a value Sequential, optionally after an lstm and before a log_std")
        }
        let memory = dictionary["lstm"] as? LSTM
        let logStandardDeviation = dictionary["log_std"] as? LearnedTensor
        let expected = (memory == nil ? [] : ["lstm"]) + ["policy", "value"] + (logStandardDeviation == nil ? [] : ["log_std"])
        guard dictionary.children.map(\.name) == expected else {
            throw ModuleDescriptionError(path: "", reason: "expected children \(expected), got \(dictionary.children.map(\.name))")
        }
        self.init(actor: actor, critic: critic, memory: memory, logStandardDeviation: logStandardDeviation)
    }

    static func orthogonalLinear(_ inputs: Int, _ outputs: Int, gain: Float, using generator: inout some RandomNumberGenerator) -> Linear {
        Linear(weight: Initializer.orthogonal([outputs, inputs], gain: gain, using: &generator), bias: Tensor.zeros([outputs]))
    }
}
