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

    static func orthogonalLinear(_ inputs: Int, _ outputs: Int, gain: Float, using generator: inout some RandomNumberGenerator) -> Linear {
        Linear(weight: Initializer.orthogonal([outputs, inputs], gain: gain, using: &generator), bias: Tensor.zeros([outputs]))
    }
}
