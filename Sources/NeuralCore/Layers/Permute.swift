/// Reorders the axes of its input, batch axis included: output axis `i` is input axis
/// `dims[i]`, like `x.permute(*dims)` (torchvision's `Permute`). With ``Unflatten`` it turns
/// channel-last planes (`[n, rows, columns, channels]`) into the `[n, channels, rows,
/// columns]` that ``Conv2D`` takes, inside the model.
public final class Permute: Layer {
    /// The input axis behind each output axis.
    public let dims: [Int]

    /// A layer reordering axes by `dims`.
    ///
    /// - Precondition: `dims` is a permutation of `0..<dims.count`.
    public init(dims: [Int]) {
        precondition(dims.sorted() == Array(0..<dims.count), "expected a permutation of 0..<\(dims.count), got \(dims)")
        precondition(dims.count <= Extents.maximumRank, "expected at most \(Extents.maximumRank) axes, got \(dims)")
        self.dims = dims
    }

    /// No parameters.
    public var namedParameters: [(name: String, parameter: Variable)] { [] }

    /// The layer's architecture.
    public var architecture: ModuleDescription? { .permute(dims: dims) }

    /// The input with its axes reordered (``Variable/permuted(_:)``).
    public func callAsFunction(_ input: Variable) -> Variable { input.permuted(dims) }
}
