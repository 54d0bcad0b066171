import Foundation

extension Module {
    /// The parameters as safetensors contents, named as in the equivalent PyTorch `state_dict`,
    /// with the module's architecture as JSON under the metadata key `"architecture"` (unless
    /// `metadata` sets that key), so ``loadModule(from:)`` can rebuild it from the file alone.
    public func state(metadata: [String: String] = [:]) -> SafeTensors {
        var metadata = metadata
        if metadata[architectureMetadataKey] == nil, let architecture {
            metadata[architectureMetadataKey] = architecture.jsonText
        }
        return SafeTensors(tensors: namedParameters.map { ($0.name, $0.parameter.value) }, metadata: metadata)
    }

    /// Saves the parameters to a safetensors file, atomically.
    /// - Throws: ``SafeTensorsError/io(path:reason:)``.
    public func save(to url: URL, metadata: [String: String] = [:]) throws(SafeTensorsError) {
        try state(metadata: metadata).write(to: url)
    }

    /// Replaces every parameter's value with the tensor of the same name.
    ///
    /// All names and shapes are checked before anything is assigned, so a failed load leaves
    /// the module unchanged. Extra tensors in the file are ignored.
    /// - Throws: ``SafeTensorsError/missingTensor(name:)`` or ``SafeTensorsError/shapeMismatch(tensor:expected:found:)``.
    public func load(_ state: SafeTensors) throws(SafeTensorsError) {
        var byName: [String: Tensor] = [:]
        for (name, tensor) in state.tensors { byName[name] = tensor }
        var assignments: [(parameter: Variable, tensor: Tensor)] = []
        for (name, parameter) in namedParameters {
            guard let tensor = byName[name] else { throw .missingTensor(name: name) }
            guard tensor.shape == parameter.shape else { throw .shapeMismatch(tensor: name, expected: parameter.shape, found: tensor.shape) }
            assignments.append((parameter, tensor))
        }
        for (parameter, tensor) in assignments { parameter.value = tensor }
    }

    /// Reads a safetensors file and loads it with ``load(_:)``.
    /// - Throws: ``SafeTensorsError``.
    public func load(from url: URL) throws(SafeTensorsError) {
        try load(SafeTensors(contentsOf: url))
    }
}

/// The `__metadata__` key under which a saved module keeps its architecture as JSON text.
public let architectureMetadataKey = "architecture"

/// A model rebuilt from a safetensors file alone: the architecture from its `__metadata__`
/// (``architectureMetadataKey``), then the weights from its tensors.
///
/// - Returns: the model and the file's metadata.
/// - Throws: ``SafeTensorsError`` for an unreadable file, a missing or invalid architecture,
///   or weights that do not fit it.
public func loadModule(from url: URL) throws(SafeTensorsError) -> (module: any Module, metadata: [String: String]) {
    let state = try SafeTensors(contentsOf: url)
    guard let text = state.metadata[architectureMetadataKey] else {
        throw .invalidArchitecture(reason: "no \"\(architectureMetadataKey)\" entry in __metadata__; the file holds weights only")
    }
    let description: ModuleDescription
    do {
        description = try JSONDecoder().decode(ModuleDescription.self, from: Data(text.utf8))
    } catch {
        throw .invalidArchitecture(reason: "\(error)")
    }
    var generator = SplitMix(seed: 0)
    let module: any Module
    do {
        try description.requireFits(valueCount: state.valueCount)
        module = try description.makeModule(using: &generator)
    } catch {
        throw .invalidArchitecture(reason: error.description)
    }
    try module.load(state)
    return (module, state.metadata)
}

extension ModuleDescription {
    /// The description as compact JSON with sorted keys.
    public var jsonText: String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        return String(decoding: (try? encoder.encode(self)) ?? Data("null".utf8), as: UTF8.self)
    }
}
