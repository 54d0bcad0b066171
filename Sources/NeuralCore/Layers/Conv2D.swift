/// A 2-D convolution layer over `[N, C, H, W]` inputs, like PyTorch's `nn.Conv2d`.
///
/// `y[n, o] = b[o] + Σ_c W[o, c] ⋆ x[n, c]` with square stride and zero padding
/// (LeCun et al., 1998). The weight is `[out, in, kh, kw]`; initialisation follows
/// PyTorch's default, uniform in `±1/√(in·kh·kw)`.
public final class Conv2D: Layer {
    /// The kernels, `[outChannels, inChannels, kernelHeight, kernelWidth]`.
    public let weight: Variable
    /// One bias per output channel, or `nil`.
    public let bias: Variable?
    /// The step between neighbouring windows, in pixels.
    public let stride: Int
    /// Zeros added on each border.
    public let padding: Int
    /// `weight`, then `bias`: stored, so reading them in a training loop allocates nothing.
    public let parameters: [Variable]
    /// Creates a layer with PyTorch's default initialisation drawn from `generator`.
    public init(
        inChannels: Int, outChannels: Int, kernelSize: Int, stride: Int = 1, padding: Int = 0, hasBias: Bool = true,
        using generator: inout some RandomNumberGenerator
    ) {
        precondition(stride > 0 && padding >= 0, "expected stride > 0 and padding >= 0, got \(stride) and \(padding)")
        let bound = 1 / Float(inChannels * kernelSize * kernelSize).squareRoot()
        let shape = [outChannels, inChannels, kernelSize, kernelSize]
        weight = Variable(Tensor.uniform(shape, lower: -bound, upper: bound, using: &generator), requiresGradient: true)
        bias = hasBias ? Variable(Tensor.uniform([outChannels], lower: -bound, upper: bound, using: &generator), requiresGradient: true) : nil
        self.stride = stride
        self.padding = padding
        parameters = [weight] + (bias.map { [$0] } ?? [])
    }

    /// `weight`, then `bias`.
    public var namedParameters: [(name: String, parameter: Variable)] {
        [("weight", weight)] + (bias.map { [("bias", $0)] } ?? [])
    }

    /// The layer's architecture.
    public var architecture: ModuleDescription? { .conv2d(inChannels: weight.shape[1], outChannels: weight.shape[0], kernelSize: weight.shape[2], stride: stride, padding: padding, hasBias: bias != nil) }

    /// Convolves `input: [N, C, H, W]` into `[N, O, H', W']`.
    public func callAsFunction(_ input: Variable) -> Variable {
        Variable.conv2d(input, weight: weight, bias: bias, stride: stride, padding: padding)
    }
}
