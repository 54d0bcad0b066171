import Dojo
import Foundation
import NeuralCore

/// Rebuilds whatever agent's policy a checkpoint holds, from the file alone: what `dojo eval`
/// and `dojo watch --checkpoint` call.
///
/// - Returns: the policy (greedy when evaluated deterministically) and the file's metadata.
/// - Throws: ``AgentError/invalidCheckpoint(path:reason:)`` for an unreadable file, missing
///   metadata, non-finite weights or an agent this build does not know.
public func loadPolicy(from url: URL) throws(AgentError) -> (policy: any Policy, metadata: CheckpointMetadata) {
    let file: SafeTensors
    do {
        file = try SafeTensors(contentsOf: url)
    } catch {
        throw .invalidCheckpoint(path: url.path, reason: "\(error)")
    }
    let metadata = try CheckpointMetadata(entries: file.metadata, path: url.path)
    if let broken = file.tensors.first(where: { !$0.tensor.scalars.allSatisfy(\.isFinite) }) {
        throw .invalidCheckpoint(path: url.path, reason: "tensor '\(broken.name)' holds NaN or infinite values; the policy cannot be used")
    }
    switch metadata.agent {
    case DQNCheckpoint.agentName:
        let loaded = try DQNCheckpoint.load(file, path: url.path)
        return (loaded.policy, loaded.metadata)
    case let agent where PPOCheckpoint.agentNames.contains(agent):
        let loaded = try PPOCheckpoint.load(file, path: url.path)
        return (loaded.policy, loaded.metadata)
    default:
        let known = ([DQNCheckpoint.agentName] + PPOCheckpoint.agentNames).joined(separator: ", ")
        throw .invalidCheckpoint(path: url.path, reason: "holds a '\(metadata.agent)' agent, which this dojo cannot load (it knows \(known))")
    }
}
