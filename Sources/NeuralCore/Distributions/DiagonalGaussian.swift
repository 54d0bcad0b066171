/// A batch of Gaussians with independent dimensions, `N(μ, diag(σ²))`, parameterised by the
/// mean `[N, D]` and the log standard deviation (`[N, D]` or a shared `[D]`), as in
/// continuous-action policy gradients.
public struct DiagonalGaussian {
    /// The mean `μ`.
    public let mean: Variable
    /// The log standard deviation `log σ`.
    public let logStandardDeviation: Variable

    private static let logSqrtTwoPi: Float = 0.91893853320467274

    /// Creates the distributions.
    /// - Precondition: `mean` is rank 2 and the log standard deviation broadcasts against it.
    public init(mean: Variable, logStandardDeviation: Variable) {
        precondition(mean.value.rank == 2, "expected a mean [N, D], got \(mean.shape)")
        precondition(broadcastExtents(mean.value.extents, logStandardDeviation.value.extents) == mean.value.extents, "expected log std broadcastable to \(mean.shape), got \(logStandardDeviation.shape)")
        self.mean = mean
        self.logStandardDeviation = logStandardDeviation
    }

    /// `log p(x) = Σ_d [-(x-μ)²/(2σ²) - log σ - log √(2π)]`, `[N]`.
    public func logProbability(of value: Tensor) -> Variable {
        let standardized = (Variable.constant(value, onTapeOf: mean) - mean) / logStandardDeviation.exp()
        let perDimension = standardized.squared() * -0.5 - logStandardDeviation - Self.logSqrtTwoPi
        return perDimension.sum(alongAxes: [1])
    }

    /// The entropy `Σ_d [log σ + ½ log(2πe)]`, `[N]`.
    public func entropy() -> Variable {
        let perDimension = (logStandardDeviation + (0.5 + Self.logSqrtTwoPi)) + Variable.zeros(onTapeOf: mean, shape: mean.value.extents)
        return perDimension.sum(alongAxes: [1])
    }

    /// The most probable value, `μ`.
    public var mode: Tensor { mean.value }

    /// A draw `μ + σ·ε` with `ε ~ N(0, I)` from `generator` (not differentiated).
    public func sample(using generator: inout some RandomNumberGenerator) -> Tensor {
        let noise = Tensor.normal(mean.shape, using: &generator)
        return mean.value + logStandardDeviation.value.map(_exp) * noise
    }
}
