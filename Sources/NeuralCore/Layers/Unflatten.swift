/// Unfolds every row of a batch into `shape`: `[n, prod(shape)] → [n, shape...]`, like
/// `nn.Unflatten(1, shape)`. It lets a model take flattened observations (as replay buffers
/// and vector environments store them) and hand images to its convolutions, so the whole
/// model, from observation to output, is one ``Sequential`` that a file alone rebuilds.
public final class Unflatten: Layer {
    /// The shape of one row after unfolding.
    public let shape: [Int]
    private let rowCount: Int

    /// A layer unfolding rows into `shape`.
    ///
    /// - Precondition: every extent is positive, and `shape` has at most seven axes.
    public init(shape: [Int]) {
        precondition(!shape.isEmpty && shape.allSatisfy { $0 > 0 }, "expected positive extents, got \(shape)")
        precondition(shape.count < Extents.maximumRank, "expected at most \(Extents.maximumRank - 1) axes, got \(shape)")
        self.shape = shape
        rowCount = shape.reduce(1, *)
    }

    /// No parameters.
    public var namedParameters: [(name: String, parameter: Variable)] { [] }

    /// The layer's architecture.
    public var architecture: ModuleDescription? { .unflatten(shape: shape) }

    /// Reshapes `[n, prod(shape)]` to `[n, shape...]`.
    public func callAsFunction(_ input: Variable) -> Variable {
        let rows = input.value.count / rowCount
        precondition(rows * rowCount == input.value.count, "expected rows of \(rowCount) values for shape \(shape), got shape \(input.shape)")
        var extents = Extents(ones: shape.count + 1)
        extents[0] = rows
        for axis in 0..<shape.count { extents[axis + 1] = shape[axis] }
        return input.reshaped(to: extents)
    }
}
