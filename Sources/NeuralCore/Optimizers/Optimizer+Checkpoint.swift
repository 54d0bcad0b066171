import Foundation

/// Optimizer checkpoints: the state of every parameter, by the parameter's name, in a safetensors
/// file of its own (so the model's file stays a plain PyTorch `state_dict`).
///
/// Tensors are named `"<parameter>.<buffer>"` (`"0.weight.first_moment"`); the metadata holds
/// `"optimizer"` (the optimizer's type and each parameter's update count) and `"progress"`
/// (``TrainingProgress``), both JSON text.
extension Optimizer {
    /// The state of `parameters` and `progress` as safetensors contents.
    public func checkpoint(of parameters: [(name: String, parameter: Variable)], progress: TrainingProgress) -> SafeTensors {
        var tensors: [(name: String, tensor: Tensor)] = []
        var counters: [String: Int] = [:]
        for (name, parameter) in parameters {
            guard let state = states[parameter] else { continue }
            for (key, tensor) in state.buffers { tensors.append(("\(name).\(key)", tensor)) }
            counters[name] = state.counter
        }
        let record = OptimizerRecord(type: Self.typeName, counters: counters)
        return SafeTensors(tensors: tensors, metadata: ["optimizer": record.jsonText, "progress": jsonText(progress)])
    }

    /// Restores the state of `parameters` from ``checkpoint(of:progress:)``'s contents and sets
    /// the learning rate; parameters the checkpoint has no state for start fresh.
    ///
    /// Everything is checked before anything changes, so a failed restore leaves the optimizer
    /// as it was.
    /// - Returns: the saved progress.
    /// - Throws: ``SafeTensorsError/invalidHeader(reason:)`` naming what was wrong: another
    ///   optimizer type, unreadable JSON, or a buffer missing or of the wrong shape.
    public func restore(from file: SafeTensors, parameters: [(name: String, parameter: Variable)]) throws(SafeTensorsError) -> TrainingProgress {
        let record: OptimizerRecord
        let progress: TrainingProgress
        do {
            record = try JSONDecoder().decode(OptimizerRecord.self, from: Data((file.metadata["optimizer"] ?? "").utf8))
            progress = try JSONDecoder().decode(TrainingProgress.self, from: Data((file.metadata["progress"] ?? "").utf8))
        } catch {
            throw .invalidHeader(reason: "optimizer checkpoint metadata: \(error)")
        }
        guard record.type == Self.typeName else {
            throw .invalidHeader(reason: "optimizer checkpoint of \(record.type), expected \(Self.typeName)")
        }
        var byName: [String: Tensor] = [:]
        for (name, tensor) in file.tensors { byName[name] = tensor }
        var restored: [(Variable, State)] = []
        for (name, parameter) in parameters {
            guard let counter = record.counters[name] else { continue }
            var buffers: [String: Tensor] = [:]
            for (tensorName, tensor) in byName where tensorName.hasPrefix(name + ".") {
                buffers[String(tensorName.dropFirst(name.count + 1))] = tensor
            }
            do {
                restored.append((parameter, try State(buffers: buffers, counter: counter, shape: parameter.shape)))
            } catch {
                throw .invalidHeader(reason: "optimizer state of \(name): \(error.reason)")
            }
        }
        states = ParameterStates()
        for (parameter, state) in restored { states.set(state, for: parameter) }
        learningRate = progress.learningRate
        return progress
    }

    private static var typeName: String { String(describing: Self.self) }

    private func jsonText(_ progress: TrainingProgress) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        return String(decoding: (try? encoder.encode(progress)) ?? Data("null".utf8), as: UTF8.self)
    }
}

/// The JSON of an optimizer checkpoint's `"optimizer"` entry.
struct OptimizerRecord: Codable {
    var type: String
    var counters: [String: Int]

    var jsonText: String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        return String(decoding: (try? encoder.encode(self)) ?? Data("null".utf8), as: UTF8.self)
    }
}
