import Agents
import ArgumentParser
import Dojo
import Environments
import Foundation
import NeuralCore
import NeuralCoreONNX

/// `dojo export`: writes a checkpoint's greedy policy network as an ONNX model, for serving it
/// outside Dojo (onnxruntime, browsers, other languages).
struct ExportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Export a checkpoint's policy network (Q-network or actor) as ONNX.",
        discussion: """
            DQN checkpoints export their Q-network (observation to one Q-value per action), \
            policy-gradient checkpoints their actor (observation to action logits, or the \
            Gaussian's mean for Box actions): the greedy action is the argmax (or the mean). The \
            model's input is named "observation", shape [batch, flattened observation size]; its \
            output "output". Recurrent (LSTM) policies and dueling Q-networks are refused: their \
            graphs are not one Sequential.

            Example:
              dojo export --checkpoint runs/CartPole-v1-dqn-0-20261202-101500/final.safetensors --onnx cartpole.onnx
            """
    )

    @Option(help: "A checkpoint written by dojo train.")
    var checkpoint: String

    @Option(help: "The ONNX file to write.")
    var onnx: String

    func validate() throws {
        guard onnx.lowercased().hasSuffix(".onnx") else { throw ValidationError("--onnx: expected a path ending in .onnx, got \(onnx)") }
    }

    func run() throws {
        let (policy, metadata) = try loadPolicy(from: URL(fileURLWithPath: checkpoint))
        let network: Sequential
        switch policy {
        case let dqn as DQNPolicy:
            guard let sequential = dqn.network.model as? Sequential else {
                throw CommandError("\(checkpoint): a dueling Q-network has two heads, which ONNX export (Sequential models) does not take")
            }
            network = sequential
        case let actorCritic as ActorCriticPolicy:
            guard actorCritic.network.memory == nil else {
                throw CommandError("\(checkpoint): a recurrent policy carries LSTM state, which ONNX export (Sequential models) does not take")
            }
            network = actorCritic.network.actor
        default:
            throw CommandError("\(checkpoint): a '\(metadata.agent)' policy has no network to export")
        }
        let environment = try EnvironmentRegistry.standard.make(id: metadata.environmentID, options: metadata.environmentOptions)
        let observationSize = environment.observationSpace.flatDimension
        try network.exportONNX(to: URL(fileURLWithPath: onnx), inputShape: [observationSize], inputName: "observation")
        print("wrote \(onnx): \(metadata.agent) policy for \(metadata.environmentID), input \"observation\" [batch, \(observationSize)]")
    }
}
