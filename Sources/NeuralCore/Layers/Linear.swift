/// A fully connected layer: `y = x·Wᵀ + b`.
///
/// The weight is `[out, in]` as in PyTorch's `nn.Linear`; inputs of rank > 2 are
/// treated as a batch over all leading axes. Parameters are initialised like PyTorch's
/// default, uniform in `±1/√in`.
///
/// ```swift
/// var generator = MyGenerator(seed: 0)
/// let layer = Linear(inputSize: 4, outputSize: 2, using: &generator)
/// let y = layer(Variable(Tensor.zeros([8, 4])))   // [8, 2]
/// ```
public final class Linear: Layer {
    /// The weight matrix, `[outputSize, inputSize]`.
    public let weight: Variable
    /// The bias vector, `[outputSize]`, or `nil` for a layer without bias.
    public let bias: Variable?
    /// `weight`, then `bias`: stored, so reading them in a training loop allocates nothing.
    public let parameters: [Variable]
    /// Input-gradient arrays reused between training steps.

    /// Creates a layer with PyTorch's default initialisation drawn from `generator`.
    public init(inputSize: Int, outputSize: Int, hasBias: Bool = true, using generator: inout some RandomNumberGenerator) {
        let bound = 1 / Float(inputSize).squareRoot()
        let weight = Variable(Tensor.uniform([outputSize, inputSize], lower: -bound, upper: bound, using: &generator), requiresGradient: true)
        let bias = hasBias ? Variable(Tensor.uniform([outputSize], lower: -bound, upper: bound, using: &generator), requiresGradient: true) : nil
        self.weight = weight
        self.bias = bias
        parameters = bias.map { [weight, $0] } ?? [weight]
    }

    /// Creates a layer from existing weights.
    /// - Precondition: `weight` is rank 2 and `bias`, if any, is `[weight.shape[0]]`.
    public init(weight: Tensor, bias: Tensor?) {
        precondition(weight.rank == 2, "expected a weight of rank 2, got \(weight.shape)")
        precondition(bias == nil || bias!.shape == [weight.shape[0]], "expected bias [\(weight.shape[0])], got \(bias!.shape)")
        let weight = Variable(weight, requiresGradient: true)
        let bias = bias.map { Variable($0, requiresGradient: true) }
        self.weight = weight
        self.bias = bias
        parameters = bias.map { [weight, $0] } ?? [weight]
    }

    /// `weight`, then `bias`.
    public var namedParameters: [(name: String, parameter: Variable)] {
        [("weight", weight)] + (bias.map { [("bias", $0)] } ?? [])
    }

    /// The layer's architecture.
    public var architecture: ModuleDescription? { .linear(inputSize: weight.shape[1], outputSize: weight.shape[0], hasBias: bias != nil) }

    /// Applies `x·Wᵀ + b` over the last axis.
    /// - Precondition: the last extent of `input` equals the layer's input size.
    public func callAsFunction(_ input: Variable) -> Variable {
        let inputSize = weight.shape[1]
        precondition(input.shape.last == inputSize, "expected input with last axis \(inputSize), got \(input.shape)")
        if input.value.rank == 2 { return Variable.linear(input, weight: weight, bias: bias) }
        let rows = input.value.count / Swift.max(inputSize, 1)
        var outputShape = input.value.extents
        outputShape[outputShape.rank - 1] = weight.shape[0]
        return Variable.linear(input.reshaped(to: .matrix(rows, inputSize)), weight: weight, bias: bias).reshaped(to: outputShape)
    }

    public func callAsFunction(_ input: Tensor) -> Tensor {
        let inputSize = weight.shape[1]
        precondition(input.shape.last == inputSize, "expected input with last axis \(inputSize), got \(input.shape)")
        if input.rank == 2 { return Tensor.affine(input, weight: weight.value, bias: bias?.value) }
        let output = Tensor.affine(input.reshaped(to: [-1, inputSize]), weight: weight.value, bias: bias?.value)
        return output.reshaped(to: Array(input.shape.dropLast()) + [weight.shape[0]])
    }
}
