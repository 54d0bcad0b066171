/// Max pooling over square windows of `[N, C, H, W]` inputs, like `nn.MaxPool2d`.
public final class MaxPool2D: Layer {
    /// The window side.
    public let kernelSize: Int
    /// The step between windows (defaults to the window side).
    public let stride: Int
    /// Implicit padding on each border (never selected as a maximum).
    public let padding: Int

    /// Creates the layer.
    public init(kernelSize: Int, stride: Int? = nil, padding: Int = 0) {
        self.kernelSize = kernelSize
        self.stride = stride ?? kernelSize
        self.padding = padding
    }

    /// No parameters.
    public var namedParameters: [(name: String, parameter: Variable)] { [] }

    /// The layer's architecture.
    public var architecture: ModuleDescription? { .maxPool2d(kernelSize: kernelSize, stride: stride, padding: padding) }

    /// The maximum of each window.
    public func callAsFunction(_ input: Variable) -> Variable {
        input.maxPool2d(kernel: kernelSize, stride: stride, padding: padding)
    }
}

/// Average pooling over square windows of `[N, C, H, W]` inputs, like `nn.AvgPool2d`.
public final class AvgPool2D: Layer {
    /// The window side.
    public let kernelSize: Int
    /// The step between windows (defaults to the window side).
    public let stride: Int
    /// Zero padding on each border, counted in the average.
    public let padding: Int

    /// Creates the layer.
    public init(kernelSize: Int, stride: Int? = nil, padding: Int = 0) {
        self.kernelSize = kernelSize
        self.stride = stride ?? kernelSize
        self.padding = padding
    }

    /// No parameters.
    public var namedParameters: [(name: String, parameter: Variable)] { [] }

    /// The layer's architecture.
    public var architecture: ModuleDescription? { .avgPool2d(kernelSize: kernelSize, stride: stride, padding: padding) }

    /// The mean of each window.
    public func callAsFunction(_ input: Variable) -> Variable {
        input.avgPool2d(kernel: kernelSize, stride: stride, padding: padding)
    }
}
