/// A lookup table from integer ids to learned vectors, like `nn.Embedding`.
///
/// The weight is `[count, dimension]`, initialised from a standard normal as in PyTorch.
/// Gradients of repeated ids accumulate into the same row.
public final class Embedding: Module {
    /// The table, `[count, dimension]`.
    public let weight: Variable
    /// `weight`, stored.
    public let parameters: [Variable]

    /// Creates a table of `count` vectors of size `dimension` drawn from `N(0, 1)`.
    public init(count: Int, dimension: Int, using generator: inout some RandomNumberGenerator) {
        weight = Variable(Tensor.normal([count, dimension], using: &generator), requiresGradient: true)
        parameters = [weight]
    }

    /// `weight`.
    public var namedParameters: [(name: String, parameter: Variable)] { [("weight", weight)] }

    /// The layer's architecture.
    public var architecture: ModuleDescription? { .embedding(count: weight.shape[0], dimension: weight.shape[1]) }

    /// The vectors for `ids`, shaped `shape + [dimension]` (default `[ids.count, dimension]`).
    /// - Precondition: every id is in `0..<count` and `shape` holds `ids.count` elements.
    public func callAsFunction(_ ids: [Int], shape: [Int]? = nil) -> Variable {
        let rows = weight.selecting(ids, alongAxis: 0)
        guard let shape else { return rows }
        precondition(Tensor.elementCount(of: shape) == ids.count, "expected a shape holding \(ids.count) ids, got \(shape)")
        return rows.reshaped(to: shape + [weight.shape[1]])
    }
}
