import Foundation

extension Module {
    /// The parameters as safetensors contents, named as in the equivalent PyTorch `state_dict`.
    public func state(metadata: [String: String] = [:]) -> SafeTensors {
        SafeTensors(tensors: namedParameters.map { ($0.name, $0.parameter.value) }, metadata: metadata)
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
