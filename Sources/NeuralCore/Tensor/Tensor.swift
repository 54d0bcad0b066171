/// An N-dimensional array of `Float` values stored contiguously in row-major order.
///
/// `Tensor` is a value type: copies share storage until one of them is mutated
/// (copy-on-write through the underlying `Array`). It carries no gradient
/// information; wrap it in a ``Variable`` to record operations for autodiff.
///
/// ```swift
/// let a = Tensor(shape: [2, 2], scalars: [1, 2, 3, 4])
/// let b = a + 1          // [[2, 3], [4, 5]]
/// let s = a.sum(alongAxes: [1])   // [3, 7]
/// ```
public struct Tensor: Sendable, Equatable {
    /// The extent of each axis; an empty shape denotes a scalar.
    public private(set) var shape: [Int]
    /// The elements in row-major order; `scalars.count` equals the product of `shape`.
    public internal(set) var scalars: [Float]

    /// Creates a tensor from its shape and row-major elements.
    /// - Precondition: `scalars.count` equals the product of `shape`, and no extent is negative.
    public init(shape: [Int], scalars: [Float]) {
        precondition(shape.allSatisfy { $0 >= 0 }, "expected non-negative extents, got shape \(shape)")
        let expected = Tensor.elementCount(of: shape)
        precondition(
            scalars.count == expected,
            "expected \(expected) scalars for shape \(shape), got \(scalars.count)")
        self.shape = shape
        self.scalars = scalars
    }

    /// Creates a rank-0 tensor holding one value.
    public init(_ scalar: Float) {
        self.init(shape: [], scalars: [scalar])
    }

    /// Creates a rank-1 tensor from an array of values.
    public init(_ scalars: [Float]) {
        self.init(shape: [scalars.count], scalars: scalars)
    }

    /// Creates a tensor of the given shape with every element equal to `value`.
    public init(shape: [Int], repeating value: Float) {
        self.init(shape: shape, scalars: Array(repeating: value, count: Tensor.elementCount(of: shape)))
    }

    /// The number of axes.
    public var rank: Int { shape.count }

    /// The number of elements.
    public var count: Int { scalars.count }

    /// The single element of a one-element tensor.
    /// - Precondition: the tensor holds exactly one element.
    public var scalar: Float {
        precondition(count == 1, "expected a one-element tensor, got shape \(shape)")
        return scalars[0]
    }

    /// Reads or writes the element at a full multi-dimensional index.
    /// - Precondition: one index per axis, each within its extent.
    public subscript(_ indices: Int...) -> Float {
        get { scalars[flatIndex(indices)] }
        set { scalars[flatIndex(indices)] = newValue }
    }

    /// The row-major strides of `shape`, in elements.
    public static func strides(of shape: [Int]) -> [Int] {
        var strides = Array(repeating: 1, count: shape.count)
        var running = 1
        for axis in stride(from: shape.count - 1, through: 0, by: -1) {
            strides[axis] = running
            running *= shape[axis]
        }
        return strides
    }

    /// The product of the extents of `shape` (1 for a scalar).
    public static func elementCount(of shape: [Int]) -> Int {
        shape.reduce(1, *)
    }

    /// Converts a possibly negative axis (counted from the end) into a non-negative one.
    /// - Precondition: `axis` lies in `-rank..<rank`.
    public func normalizedAxis(_ axis: Int) -> Int {
        let resolved = axis < 0 ? axis + rank : axis
        precondition(resolved >= 0 && resolved < rank, "expected an axis in \(-rank)..<\(rank), got \(axis)")
        return resolved
    }

    private func flatIndex(_ indices: [Int]) -> Int {
        precondition(indices.count == rank, "expected \(rank) indices, got \(indices.count)")
        var flat = 0
        for (axis, index) in indices.enumerated() {
            precondition(index >= 0 && index < shape[axis], "expected index in 0..<\(shape[axis]) on axis \(axis), got \(index)")
            flat = flat * shape[axis] + index
        }
        return flat
    }
}
