import Foundation
import NeuralCore

/// What every agent's resumable checkpoint shares: the JSON of its non-tensor training state in
/// `__metadata__["training_state"]`, tensors grouped under prefixes (`optimizer.`, ...), and the
/// atomic write to a run folder's `latest.safetensors`.
enum ResumableCheckpoint {
    /// The metadata key of the training state's JSON.
    static let trainingStateKey = "training_state"
    /// The prefix of the optimizer's tensors.
    static let optimizerPrefix = "optimizer."

    /// The checkpoint file at `url`.
    ///
    /// - Throws: ``AgentError/invalidCheckpoint(path:reason:)`` when it cannot be read.
    static func read(_ url: URL) throws(AgentError) -> SafeTensors {
        do {
            return try SafeTensors(contentsOf: url)
        } catch {
            throw .invalidCheckpoint(path: url.path, reason: "\(error)")
        }
    }

    /// `state` as the training state of `file` (sorted keys, so equal states give equal files).
    static func store(_ state: some Encodable, in file: inout SafeTensors) {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        guard let json = try? encoder.encode(state) else { preconditionFailure("expected the training state to encode as JSON") }
        file.metadata[trainingStateKey] = String(decoding: json, as: UTF8.self)
    }

    /// The training state of `file`, read from `path`.
    ///
    /// - Throws: ``AgentError/invalidCheckpoint(path:reason:)`` when there is none or it does not
    ///   decode.
    static func state<State: Decodable>(_ type: State.Type, in file: SafeTensors, path: String) throws(AgentError) -> State {
        guard let text = file.metadata[trainingStateKey] else {
            throw .invalidCheckpoint(path: path, reason: "holds a policy but no training state to resume (no \(trainingStateKey) in its metadata)")
        }
        do {
            return try JSONDecoder().decode(State.self, from: Data(text.utf8))
        } catch {
            throw .invalidCheckpoint(path: path, reason: "\(trainingStateKey): \(error)")
        }
    }

    /// The tensors of `file` named with `prefix`, the prefix dropped, with `metadata`.
    static func tensors(withPrefix prefix: String, in file: SafeTensors, metadata: [String: String] = [:]) -> SafeTensors {
        SafeTensors(
            tensors: file.tensors.compactMap { $0.name.hasPrefix(prefix) ? (String($0.name.dropFirst(prefix.count)), $0.tensor) : nil },
            metadata: metadata)
    }

    /// Writes `contents` to `runFolder`'s latest checkpoint, atomically; nothing without a folder.
    static func writeLatest(_ contents: @autoclosure () -> SafeTensors, to runFolder: RunFolder?) throws(AgentError) {
        guard let runFolder else { return }
        do {
            try contents().write(to: runFolder.latestCheckpoint)
        } catch {
            throw .file(path: runFolder.latestCheckpoint.path, reason: "cannot write the checkpoint: \(error)")
        }
    }
}
