/// Layers applied one after another, named like PyTorch's `nn.Sequential`.
///
/// The parameters of layer `i` are named `"i.<name>"` (`0.weight`, `0.bias`, `2.weight`, ...),
/// so a saved state matches the `state_dict` of the equivalent PyTorch model.
///
/// ```swift
/// let model = Sequential([
///     Linear(inputSize: 4, outputSize: 64, using: &generator), Tanh(),
///     Linear(inputSize: 64, outputSize: 2, using: &generator),
/// ])
/// ```
public final class Sequential: Layer {
    /// The layers in application order.
    public let layers: [any Layer]
    /// Every layer's parameters in order, stored so a training loop reading them allocates nothing.
    public let parameters: [Variable]

    /// Creates the container.
    public init(_ layers: [any Layer]) {
        self.layers = layers
        parameters = layers.flatMap(\.parameters)
    }

    /// Every layer's parameters, prefixed by the layer's index.
    public var namedParameters: [(name: String, parameter: Variable)] {
        layers.enumerated().flatMap { prefixed(String($0.offset), $0.element.namedParameters) }
    }

    /// The layers' architectures in order; `nil` when a layer cannot describe itself.
    public var architecture: ModuleDescription? {
        var children: [ModuleDescription] = []
        for layer in layers {
            guard let description = layer.architecture else { return nil }
            children.append(description)
        }
        return .sequential(children)
    }

    /// Switches every layer between training and evaluation.
    public func setTraining(_ isTraining: Bool) {
        for layer in layers { layer.setTraining(isTraining) }
    }

    /// Feeds `input` through each layer in turn.
    public func callAsFunction(_ input: Variable) -> Variable {
        var output = input
        for layer in layers { output = layer(output) }
        return output
    }

    /// Feeds a plain tensor through each layer's inference path.
    public func callAsFunction(_ input: Tensor) -> Tensor {
        var output = input
        for layer in layers { output = layer(output) }
        return output
    }
}
