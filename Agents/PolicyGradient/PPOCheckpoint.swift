import Dojo
import Foundation
import NeuralCore

/// PPO checkpoints: the actor as one complete `nn.Sequential` from observation to logits under
/// `policy.<index>.<weight|bias>`, the critic likewise under `value.<index>...`, and
/// ``CheckpointMetadata`` in `__metadata__`, so the file alone rebuilds the policy.
public enum PPOCheckpoint {
    /// The agent's name in the metadata.
    public static let agentName = "ppo"
    /// The name of A2C, the same loop with other settings and the same file layout.
    public static let a2cAgentName = "a2c"
    /// The name of REINFORCE, the same loop with whole-episode rollouts and the same file layout.
    public static let reinforceAgentName = "reinforce"
    /// Every agent name a file of this layout may carry.
    public static let agentNames = [agentName, a2cAgentName, reinforceAgentName]

    /// Writes `network` and `metadata` to `url`, atomically.
    public static func save(_ network: ActorCritic, metadata: CheckpointMetadata, to url: URL) throws(AgentError) {
        do {
            try network.module.state(metadata: metadata.entries).write(to: url)
        } catch {
            throw .file(path: url.path, reason: "cannot write the checkpoint: \(error)")
        }
    }

    /// Rebuilds the policy from checkpoint contents read from `path`.
    ///
    /// - Throws: ``AgentError/invalidCheckpoint(path:reason:)`` naming what is missing or wrong.
    public static func load(_ file: SafeTensors, path: String) throws(AgentError) -> (policy: ActorCriticPolicy, metadata: CheckpointMetadata) {
        let metadata = try CheckpointMetadata(entries: file.metadata, path: path)
        guard agentNames.contains(metadata.agent) else {
            throw .invalidCheckpoint(path: path, reason: "holds a '\(metadata.agent)' agent, not one of \(agentNames.joined(separator: ", "))")
        }
        let network: ActorCritic
        do {
            try metadata.architecture.requireFits(valueCount: file.valueCount)
            network = try ActorCritic(architecture: metadata.architecture)
            try network.module.load(SafeTensors(tensors: file.tensors))
        } catch {
            throw .invalidCheckpoint(path: path, reason: "\(error)")
        }
        guard let last = network.actor.layers.last as? Linear else {
            throw .invalidCheckpoint(path: path, reason: "expected the policy network to end in a Linear layer")
        }
        return (ActorCriticPolicy(network: network, actionCount: last.weight.shape[0]), metadata)
    }
}
