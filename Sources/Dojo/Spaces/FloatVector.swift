/// A fixed-length run of `Float`s that a Box space can hold: `[Float]` for any shape, or a SIMD
/// vector when the length is small and known, so an environment step need not allocate.
public protocol FloatVector: Sendable, Equatable {
    /// The number of values.
    var scalarCount: Int { get }

    /// The value at `index`.
    subscript(index: Int) -> Float { get set }

    /// A vector of `count` zeros.
    ///
    /// - Precondition: for fixed-size vectors, `count` equals their size.
    init(zeros count: Int)
}

extension Array: FloatVector where Element == Float {
    public var scalarCount: Int { count }

    public init(zeros count: Int) {
        self.init(repeating: 0, count: count)
    }
}

extension SIMD2: FloatVector where Scalar == Float {
    public init(zeros count: Int) {
        precondition(count == 2, "expected 2 values for SIMD2<Float>, got \(count)")
        self.init()
    }
}

extension SIMD4: FloatVector where Scalar == Float {
    public init(zeros count: Int) {
        precondition(count == 4, "expected 4 values for SIMD4<Float>, got \(count)")
        self.init()
    }
}

extension SIMD8: FloatVector where Scalar == Float {
    public init(zeros count: Int) {
        precondition(count == 8, "expected 8 values for SIMD8<Float>, got \(count)")
        self.init()
    }
}

extension SIMD16: FloatVector where Scalar == Float {
    public init(zeros count: Int) {
        precondition(count == 16, "expected 16 values for SIMD16<Float>, got \(count)")
        self.init()
    }
}
