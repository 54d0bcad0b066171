import Dojo
import NeuralCore

/// The networks of a policy-gradient agent: an actor from flattened observations to action
/// logits and a critic from flattened observations to a value, each one complete
/// ``Sequential`` (PyTorch `nn.Sequential` names), so a file alone rebuilds either.
///
/// Layers start orthogonal with zero biases, as Stable-Baselines3 and CleanRL initialise them:
/// gain `√2` for hidden layers, 0.01 for the actor's head (a near-uniform first policy) and 1
/// for the critic's.
public struct ActorCritic {
    /// Observation to action logits.
    public let actor: Sequential
    /// Observation to one value, `[batch, 1]`.
    public let critic: Sequential

    /// Separate actor and critic MLPs with `hiddenSizes` each (SB3's `net_arch` for both).
    public init(
        observationSize: Int, actionCount: Int, hiddenSizes: [Int], activation: HiddenActivation,
        using generator: inout some RandomNumberGenerator
    ) {
        func network(outputs: Int, headGain: Float) -> Sequential {
            var layers: [any Layer] = []
            var width = observationSize
            for size in hiddenSizes {
                layers.append(Self.orthogonalLinear(width, size, gain: Float(2).squareRoot(), using: &generator))
                layers.append(activation.makeLayer())
                width = size
            }
            layers.append(Self.orthogonalLinear(width, outputs, gain: headGain, using: &generator))
            return Sequential(layers)
        }
        actor = network(outputs: actionCount, headGain: 0.01)
        critic = network(outputs: 1, headGain: 1)
    }

    /// An actor-critic of given networks (rebuilt from a checkpoint, or made by hand).
    public init(actor: Sequential, critic: Sequential) {
        self.actor = actor
        self.critic = critic
    }

    /// Every trainable parameter, the actor's first.
    public var parameters: [Variable] { actor.parameters + critic.parameters }

    /// Both networks as one module with PyTorch's names, `policy.<index>.<weight|bias>` for
    /// the actor and `value.<index>.<weight|bias>` for the critic: a checkpoint's tensors and
    /// architecture.
    public var module: ModuleDictionary { ModuleDictionary([("policy", actor), ("value", critic)]) }

    /// Rebuilds the networks from a checkpoint's architecture (weights are placeholders until
    /// loaded).
    ///
    /// - Throws: ``ModuleDescriptionError`` when the description is not a `policy` and a `value`
    ///   Sequential.
    public init(architecture: ModuleDescription) throws(ModuleDescriptionError) {
        var generator = SeededGenerator(seed: 0)
        let module = try architecture.makeModule(using: &generator)
        guard let dictionary = module as? ModuleDictionary, dictionary.children.map(\.name) == ["policy", "value"],
              let actor = dictionary["policy"] as? Sequential, let critic = dictionary["value"] as? Sequential
        else {
            throw ModuleDescriptionError(path: "", reason: "expected a policy and a value Sequential")
        }
        self.init(actor: actor, critic: critic)
    }

    static func orthogonalLinear(_ inputs: Int, _ outputs: Int, gain: Float, using generator: inout some RandomNumberGenerator) -> Linear {
        Linear(weight: Initializer.orthogonal([outputs, inputs], gain: gain, using: &generator), bias: Tensor.zeros([outputs]))
    }
}
