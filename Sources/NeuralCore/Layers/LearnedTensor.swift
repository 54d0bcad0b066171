/// A trainable tensor that is not a layer, as a bare `nn.Parameter` inside a PyTorch module: a
/// Gaussian policy's state-independent log standard deviation, say. In a ``ModuleDictionary``
/// its one parameter takes the child's name alone (`log_std`, not `log_std.weight`), as
/// PyTorch names a module's own parameters.
public final class LearnedTensor: Module {
    /// The parameter.
    public let value: Variable

    /// A parameter starting at `initial`.
    public init(_ initial: Tensor) {
        value = Variable(initial, requiresGradient: true)
    }

    /// The parameter, named by its container.
    public var namedParameters: [(name: String, parameter: Variable)] { [("", value)] }

    /// The parameter's shape, for rebuilding it (zeros until loaded).
    public var architecture: ModuleDescription? { .parameter(shape: value.shape) }
}
