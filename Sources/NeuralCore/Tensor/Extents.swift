/// A shape held inline, up to ``maximumRank`` axes, so operations compute, compare and step
/// through output shapes without allocating an array on every call.
///
/// `Tensor.shape` stays an `[Int]`; an operation on a recycled node compares its `Extents` with
/// the node's current shape and builds a new array only when the shape changed.
struct Extents: Equatable {
    /// The most axes a tensor may have.
    static let maximumRank = 8

    /// The number of axes.
    private(set) var rank: Int
    private var storage = SIMD8<Int>()

    /// The extents of `shape`.
    /// - Precondition: at most ``maximumRank`` axes.
    init(_ shape: [Int]) {
        precondition(shape.count <= Self.maximumRank, "expected at most \(Self.maximumRank) axes, got shape \(shape)")
        rank = shape.count
        for axis in 0..<shape.count { storage[axis] = shape[axis] }
    }

    /// A shape of `rank` axes, every extent 1.
    init(ones rank: Int) {
        precondition(rank <= Self.maximumRank, "expected at most \(Self.maximumRank) axes, got \(rank)")
        self.rank = rank
        storage = SIMD8(repeating: 1)
    }

    /// A rank-1 shape.
    static func vector(_ count: Int) -> Extents {
        var extents = Extents(ones: 1)
        extents[0] = count
        return extents
    }

    /// A rank-2 shape.
    static func matrix(_ rows: Int, _ columns: Int) -> Extents {
        var extents = Extents(ones: 2)
        extents[0] = rows
        extents[1] = columns
        return extents
    }

    /// The extent of `axis`.
    subscript(axis: Int) -> Int {
        get { storage[axis] }
        set { storage[axis] = newValue }
    }

    /// The number of elements: the product of the extents (1 for a scalar).
    var count: Int {
        var product = 1
        for axis in 0..<rank { product *= storage[axis] }
        return product
    }

    /// The product of the extents before `axis`.
    func count(before axis: Int) -> Int {
        var product = 1
        for index in 0..<axis { product *= storage[index] }
        return product
    }

    /// The product of the extents after `axis`.
    func count(after axis: Int) -> Int {
        var product = 1
        for index in (axis + 1)..<Swift.max(rank, axis + 1) { product *= storage[index] }
        return product
    }

    /// Whether `shape` has these extents.
    func matches(_ shape: [Int]) -> Bool {
        guard shape.count == rank else { return false }
        for axis in 0..<rank where shape[axis] != storage[axis] { return false }
        return true
    }

    /// The extents as an array (allocates).
    var array: [Int] { (0..<rank).map { storage[$0] } }

    /// The same shape without `axis`.
    func removing(_ axis: Int) -> Extents {
        var result = Extents(ones: rank - 1)
        for index in 0..<(rank - 1) { result[index] = storage[index < axis ? index : index + 1] }
        return result
    }

    /// The same shape with `axis` set to 1.
    func collapsing(_ axis: Int) -> Extents {
        var result = self
        result[axis] = 1
        return result
    }

    /// Row-major strides of this shape, in elements.
    var strides: SIMD8<Int> {
        var result = SIMD8<Int>()
        var running = 1
        for axis in stride(from: rank - 1, through: 0, by: -1) {
            result[axis] = running
            running *= storage[axis]
        }
        return result
    }

    static func == (lhs: Extents, rhs: Extents) -> Bool {
        guard lhs.rank == rhs.rank else { return false }
        for axis in 0..<lhs.rank where lhs.storage[axis] != rhs.storage[axis] { return false }
        return true
    }
}

extension Tensor {
    /// The shape as inline extents.
    var extents: Extents { Extents(shape) }

    /// A tensor of `extents` filled with zeros.
    init(zeros extents: Extents) {
        self.init(shape: extents.array, scalars: [Float](repeating: 0, count: extents.count))
    }

    /// Gives this tensor the shape `extents`, keeping its storage when the shape is already
    /// that one (the caller then overwrites every element); otherwise fresh zeros.
    mutating func prepare(_ extents: Extents) {
        if !extents.matches(shape) { self = Tensor(zeros: extents) }
    }
}
