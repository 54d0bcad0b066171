/// Parameter-free activation layers, for use inside a ``Sequential``.
/// Each forwards to the ``Variable`` method of the same name, where its formula and
/// derivative are documented.

/// `σ(x) = 1 / (1 + e^-x)`.
public final class Sigmoid: Layer {
    /// Creates the layer.
    public init() {}
    /// No parameters.
    public var namedParameters: [(name: String, parameter: Variable)] { [] }

    /// The layer's architecture.
    public var architecture: ModuleDescription? { .sigmoid }
    /// Applies the logistic function element-wise.
    public func callAsFunction(_ input: Variable) -> Variable { input.sigmoid() }
    /// Applies the same function to a plain tensor without building graph nodes.
    public func callAsFunction(_ input: Tensor) -> Tensor { input.applying(.sigmoid) }
}

/// `max(0, x)` (Nair & Hinton, 2010).
public final class ReLU: Layer {
    /// Creates the layer.
    public init() {}
    /// No parameters.
    public var namedParameters: [(name: String, parameter: Variable)] { [] }

    /// The layer's architecture.
    public var architecture: ModuleDescription? { .relu }
    /// Applies ReLU element-wise (``Variable/relu()``).
    public func callAsFunction(_ input: Variable) -> Variable { input.relu() }
    /// Applies the same function to a plain tensor without building graph nodes.
    public func callAsFunction(_ input: Tensor) -> Tensor { input.applying(.relu) }
}

/// `x` for `x > 0`, else `slope·x` (Maas et al., 2013).
public final class LeakyReLU: Layer {
    /// The slope for negative inputs (PyTorch's `negative_slope`).
    public let slope: Float
    /// Creates the layer.
    public init(slope: Float = 0.01) { self.slope = slope }
    /// No parameters.
    public var namedParameters: [(name: String, parameter: Variable)] { [] }

    /// The layer's architecture.
    public var architecture: ModuleDescription? { .leakyReLU(slope: slope) }
    /// Applies leaky ReLU element-wise.
    public func callAsFunction(_ input: Variable) -> Variable { input.leakyRelu(slope: slope) }
    /// Applies the same function to a plain tensor without building graph nodes.
    public func callAsFunction(_ input: Tensor) -> Tensor { input.applying(.leakyReLU(slope)) }
}

/// `tanh(x)`.
public final class Tanh: Layer {
    /// Creates the layer.
    public init() {}
    /// No parameters.
    public var namedParameters: [(name: String, parameter: Variable)] { [] }

    /// The layer's architecture.
    public var architecture: ModuleDescription? { .tanh }
    /// Applies tanh element-wise.
    public func callAsFunction(_ input: Variable) -> Variable { input.tanh() }
    /// Applies the same function to a plain tensor without building graph nodes.
    public func callAsFunction(_ input: Tensor) -> Tensor { input.applying(.tanh) }
}

/// Exact GELU, `x·Φ(x)` (Hendrycks & Gimpel, 2016).
public final class GELU: Layer {
    /// Creates the layer.
    public init() {}
    /// No parameters.
    public var namedParameters: [(name: String, parameter: Variable)] { [] }

    /// The layer's architecture.
    public var architecture: ModuleDescription? { .gelu }
    /// Applies GELU element-wise.
    public func callAsFunction(_ input: Variable) -> Variable { input.gelu() }
    /// Applies the same function to a plain tensor without building graph nodes.
    public func callAsFunction(_ input: Tensor) -> Tensor { input.applying(.gelu) }
}

/// `x` for `x > 0`, else `α(eˣ - 1)` (Clevert et al., 2016).
public final class ELU: Layer {
    /// The saturation value α for negative inputs.
    public let alpha: Float
    /// Creates the layer.
    public init(alpha: Float = 1) { self.alpha = alpha }
    /// No parameters.
    public var namedParameters: [(name: String, parameter: Variable)] { [] }

    /// The layer's architecture.
    public var architecture: ModuleDescription? { .elu(alpha: alpha) }
    /// Applies ELU element-wise.
    public func callAsFunction(_ input: Variable) -> Variable { input.elu(alpha: alpha) }
    /// Applies the same function to a plain tensor without building graph nodes.
    public func callAsFunction(_ input: Tensor) -> Tensor { input.applying(.elu(alpha)) }
}

/// `softmax(x)ᵢ = e^xᵢ / Σⱼ e^xⱼ` along one axis.
public final class Softmax: Layer {
    /// The axis normalised over (default: the last).
    public let axis: Int
    /// Creates the layer.
    public init(axis: Int = -1) { self.axis = axis }
    /// No parameters.
    public var namedParameters: [(name: String, parameter: Variable)] { [] }

    /// The layer's architecture.
    public var architecture: ModuleDescription? { .softmax(axis: axis) }
    /// Applies softmax along ``axis``.
    public func callAsFunction(_ input: Variable) -> Variable { input.softmax(alongAxis: axis) }
}

/// `log softmax(x) = x - logΣ e^x` along one axis.
public final class LogSoftmax: Layer {
    /// The axis normalised over (default: the last).
    public let axis: Int
    /// Creates the layer.
    public init(axis: Int = -1) { self.axis = axis }
    /// No parameters.
    public var namedParameters: [(name: String, parameter: Variable)] { [] }

    /// The layer's architecture.
    public var architecture: ModuleDescription? { .logSoftmax(axis: axis) }
    /// Applies log-softmax along ``axis``.
    public func callAsFunction(_ input: Variable) -> Variable { input.logSoftmax(alongAxis: axis) }
}
