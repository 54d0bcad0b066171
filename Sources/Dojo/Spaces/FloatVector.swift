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

    /// Writes the values into `buffer`, in one store where the layout allows (the hot path of
    /// flattening observations into vector-env batches).
    ///
    /// - Precondition: `buffer.count == scalarCount`.
    func store(into buffer: UnsafeMutableBufferPointer<Float>)
}

extension SIMD where Scalar == Float {
    /// Stores all lanes at once; SIMD vectors are laid out as consecutive Floats.
    @inlinable
    public func store(into buffer: UnsafeMutableBufferPointer<Float>) {
        precondition(buffer.count == scalarCount, "expected a buffer of \(scalarCount) values, got \(buffer.count)")
        UnsafeMutableRawPointer(buffer.baseAddress!).storeBytes(of: self, as: Self.self)
    }
}

extension Array: FloatVector where Element == Float {
    public var scalarCount: Int { count }

    public init(zeros count: Int) {
        self.init(repeating: 0, count: count)
    }

    @inlinable
    public func store(into buffer: UnsafeMutableBufferPointer<Float>) {
        precondition(buffer.count == count, "expected a buffer of \(count) values, got \(buffer.count)")
        _ = buffer.update(fromContentsOf: self)
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
