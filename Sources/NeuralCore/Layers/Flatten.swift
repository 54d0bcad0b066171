/// Flattens every axis after the first: `[n, ...] → [n, -1]`, like `nn.Flatten`.
public final class Flatten: Layer {
    /// Creates the layer.
    public init() {}
    /// No parameters.
    public var namedParameters: [(name: String, parameter: Variable)] { [] }

    /// The layer's architecture.
    public var architecture: ModuleDescription? { .flatten }
    /// Reshapes to `[n, -1]`.
    public func callAsFunction(_ input: Variable) -> Variable { input.flattened() }
}
