import Agents
import Dojo
import Foundation
import NeuralCore
import Testing

/// How ``ActorCritic`` builds its networks: shared or separate trunks, and CNN fronts for planes.
@Suite struct ActorCriticTests {
    /// A shared trunk is one set of layers at the front of both networks, trained once: its
    /// parameters appear once, and a step through the critic alone moves the actor's trunk. The
    /// file still holds each network whole, and the actor rebuilt from it acts as before.
    @Test func sharedTrunkIsOneSetOfLayersStoredInBothNetworks() throws {
        var generator = SeededGenerator(seed: 1)
        let network = ActorCritic(
            observationShape: [4], actionCount: 2, convolutionChannels: [], hiddenSizes: [8, 8], activation: .tanh,
            sharesTrunk: true, using: &generator)
        #expect(network.actor.layers[0] as AnyObject === network.critic.layers[0] as AnyObject)
        #expect(network.parameters.count == 4 + 2 + 2)

        let before = network.actor.layers[0].parameters[0].value
        let tape = Tape()
        _ = tape.valueAndGradient(at: network.parameters) { tape in
            network.critic(tape.constant(Tensor(shape: [1, 4], scalars: [1, 2, 3, 4]))).squared().mean()
        }
        SGD(learningRate: 0.1).step(network.parameters)
        #expect(network.actor.layers[0].parameters[0].value != before)

        let state = network.module.state(metadata: [:])
        let rebuilt = try ActorCritic(architecture: #require(network.module.architecture))
        try rebuilt.module.load(state)
        #expect(rebuilt.actor.layers[0] as AnyObject !== rebuilt.critic.layers[0] as AnyObject)
        let input = Tensor(shape: [1, 4], scalars: [0.5, -1, 0.25, 2])
        #expect(Tape().evaluate { rebuilt.actor($0.constant(input)).value } == Tape().evaluate { network.actor($0.constant(input)).value })
        #expect(Tape().evaluate { rebuilt.critic($0.constant(input)).value } == Tape().evaluate { network.critic($0.constant(input)).value })
    }

    /// Planes get a convolutional front that unfolds the flattened observation, channel-first
    /// for GridWorld's `[4, rows, columns]`, and the MLP shape otherwise.
    @Test func planesGetAConvolutionalFront() {
        var generator = SeededGenerator(seed: 2)
        let cnn = ActorCritic(
            observationShape: [4, 5, 6], actionCount: 4, convolutionChannels: [8], hiddenSizes: [16], activation: .relu,
            sharesTrunk: false, using: &generator)
        #expect(cnn.actor.layers.first is Unflatten && cnn.actor.layers[1] is Conv2D && cnn.critic.layers[1] is Conv2D)
        let logits = Tape().evaluate { cnn.actor($0.constant(Tensor.zeros([3, 120]))).value }
        #expect(logits.shape == [3, 4])
        let mlp = ActorCritic(
            observationShape: [4], actionCount: 2, convolutionChannels: [8], hiddenSizes: [16], activation: .relu,
            sharesTrunk: false, using: &generator)
        #expect(mlp.actor.layers.first is Linear)
    }
}
