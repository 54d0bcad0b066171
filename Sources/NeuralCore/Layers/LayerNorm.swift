/// Layer normalisation over the last axis (Ba et al., 2016), like `nn.LayerNorm(d)`:
/// `y = (x - μ) / √(σ² + ε) · γ + β`, with `μ`, `σ²` the mean and biased variance of each row.
public final class LayerNorm: Layer {
    /// The scale `γ`, `[dimension]`, initialised to ones.
    public let weight: Variable
    /// The shift `β`, `[dimension]`, initialised to zeros.
    public let bias: Variable
    /// The variance floor `ε`.
    public let epsilon: Float
    /// `weight`, then `bias`, stored.
    public let parameters: [Variable]

    /// Creates the layer for rows of size `dimension`.
    public init(dimension: Int, epsilon: Float = 1e-5) {
        weight = Variable(Tensor.ones([dimension]), requiresGradient: true)
        bias = Variable(Tensor.zeros([dimension]), requiresGradient: true)
        self.epsilon = epsilon
        parameters = [weight, bias]
    }

    /// `weight`, then `bias`.
    public var namedParameters: [(name: String, parameter: Variable)] { [("weight", weight), ("bias", bias)] }

    /// The layer's architecture.
    public var architecture: ModuleDescription? { .layerNorm(dimension: weight.shape[0], epsilon: epsilon) }

    /// Normalises each row of the last axis, then scales and shifts.
    /// - Precondition: the last extent equals `dimension`.
    public func callAsFunction(_ input: Variable) -> Variable {
        precondition(input.shape.last == weight.shape[0], "expected last axis \(weight.shape[0]), got \(input.shape)")
        let centered = input - input.mean(alongAxes: [-1], keepingDimensions: true)
        let variance = centered.squared().mean(alongAxes: [-1], keepingDimensions: true)
        return centered / (variance + epsilon).squareRoot() * weight + bias
    }
}
