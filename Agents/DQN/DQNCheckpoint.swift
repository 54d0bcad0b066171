import Dojo
import Foundation
import NeuralCore

/// DQN checkpoints: the Q-network under `q_net.<name>` with PyTorch `nn.Sequential` names
/// (`q_net.0.weight`, `q_net.0.bias`, `q_net.2.weight`, ...) and ``CheckpointMetadata`` in
/// `__metadata__`, so the file alone rebuilds the greedy policy, here or in Python.
public enum DQNCheckpoint {
    /// The prefix of the Q-network's tensors.
    public static let networkPrefix = "q_net."
    /// The agent's name in the metadata.
    public static let agentName = "dqn"

    /// The file contents for `network` and `metadata`.
    public static func contents(of network: QNetwork, metadata: CheckpointMetadata) -> SafeTensors {
        SafeTensors(
            tensors: network.model.namedParameters.map { (networkPrefix + $0.name, $0.parameter.value) },
            metadata: metadata.entries)
    }

    /// Writes `network` and `metadata` to `url`, atomically.
    public static func save(_ network: QNetwork, metadata: CheckpointMetadata, to url: URL) throws(AgentError) {
        do {
            try contents(of: network, metadata: metadata).write(to: url)
        } catch {
            throw .file(path: url.path, reason: "cannot write the checkpoint: \(error)")
        }
    }

    /// Reads a checkpoint and rebuilds its policy.
    ///
    /// - Returns: the greedy policy, its metadata and its configuration.
    /// - Throws: ``AgentError/invalidCheckpoint(path:reason:)`` naming what is missing or wrong.
    public static func load(from url: URL) throws(AgentError) -> (policy: DQNPolicy, metadata: CheckpointMetadata, configuration: DQNConfiguration) {
        let file: SafeTensors
        do {
            file = try SafeTensors(contentsOf: url)
        } catch {
            throw .invalidCheckpoint(path: url.path, reason: "\(error)")
        }
        return try load(file, path: url.path)
    }

    /// Rebuilds the policy from checkpoint contents read from `path`.
    public static func load(_ file: SafeTensors, path: String) throws(AgentError) -> (policy: DQNPolicy, metadata: CheckpointMetadata, configuration: DQNConfiguration) {
        let metadata = try CheckpointMetadata(entries: file.metadata, path: path)
        guard metadata.agent == agentName else {
            throw .invalidCheckpoint(path: path, reason: "holds a '\(metadata.agent)' agent, not \(agentName)")
        }
        let configuration: DQNConfiguration
        do {
            configuration = try DQNConfiguration(json: metadata.hyperparameters)
        } catch {
            throw .invalidCheckpoint(path: path, reason: "hyperparameters: \(error)")
        }
        let network: QNetwork
        do {
            try metadata.architecture.requireFits(valueCount: file.valueCount)
            network = try QNetwork(architecture: metadata.architecture)
        } catch {
            throw .invalidCheckpoint(path: path, reason: "\(error)")
        }
        let tensors = file.tensors.compactMap { entry -> (name: String, tensor: Tensor)? in
            entry.name.hasPrefix(networkPrefix) ? (String(entry.name.dropFirst(networkPrefix.count)), entry.tensor) : nil
        }
        do {
            try network.model.load(SafeTensors(tensors: tensors))
        } catch {
            throw .invalidCheckpoint(path: path, reason: "the Q-network's tensors (\(networkPrefix)*): \(error)")
        }
        return (DQNPolicy(network: network, explorationRate: configuration.explorationFinalEps), metadata, configuration)
    }
}
