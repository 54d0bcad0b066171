/// Named child modules in a fixed order, like PyTorch's `nn.ModuleDict`: the container for
/// composite models (an actor-critic with a shared trunk, a dueling Q-network's value and
/// advantage heads), with PyTorch's dotted parameter names and an architecture description.
///
/// ```swift
/// let network = ModuleDictionary([
///     ("trunk", Sequential([Linear(inputSize: 4, outputSize: 64, using: &rng), Tanh()])),
///     ("actor", Linear(inputSize: 64, outputSize: 2, using: &rng)),
///     ("critic", Linear(inputSize: 64, outputSize: 1, using: &rng)),
/// ])
/// network.namedParameters.map(\.name)   // ["trunk.0.weight", "trunk.0.bias", "actor.weight", ...]
/// ```
public final class ModuleDictionary: Module {
    /// The children, in order.
    public let children: [(name: String, module: any Module)]
    /// Every child's parameters in order, stored.
    public let parameters: [Variable]

    /// A container of `children`.
    /// - Precondition: names are distinct, non-empty and free of dots.
    public init(_ children: [(name: String, module: any Module)]) {
        for (index, child) in children.enumerated() {
            precondition(!child.name.isEmpty && !child.name.contains("."), "expected a child name without dots, got \(child.name.debugDescription)")
            precondition(!children[..<index].contains { $0.name == child.name }, "expected distinct child names, got \(child.name.debugDescription) twice")
        }
        self.children = children
        parameters = children.flatMap(\.module.parameters)
    }

    /// The child named `name`, if any.
    public subscript(name: String) -> (any Module)? {
        children.first { $0.name == name }?.module
    }

    /// Every child's parameters, prefixed by the child's name (``namedParameters(of:)``).
    public var namedParameters: [(name: String, parameter: Variable)] { NeuralCore.namedParameters(of: children) }

    /// Passes the mode to every child.
    public func setTraining(_ isTraining: Bool) {
        for child in children { child.module.setTraining(isTraining) }
    }

    /// The children's architectures by name; `nil` when a child cannot describe itself.
    public var architecture: ModuleDescription? {
        var described: [NamedModuleDescription] = []
        for child in children {
            guard let description = child.module.architecture else { return nil }
            described.append(NamedModuleDescription(name: child.name, module: description))
        }
        return .dictionary(described)
    }
}
