/// A box in R^n: every value between its lower and upper bound, as Gymnasium's `Box`.
///
/// Bounds may be infinite. `sample` follows Gymnasium: uniform where both bounds are finite,
/// normal where neither is, and a shifted exponential where only one is. The element type is
/// any `FloatVector`: `[Float]` for general shapes (row-major), or `SIMD4<Float>` for
/// CartPole's four numbers so a step allocates nothing.
public struct Box<Vector: FloatVector>: Space, Equatable {
    /// The shape of an element; its values are stored row-major.
    public let shape: [Int]
    /// ``shape``, for learners that read any space.
    public var elementShape: [Int]? { shape }
    /// The lower bound of each value (may be `-infinity`).
    public let low: [Float]
    /// The upper bound of each value (may be `+infinity`).
    public let high: [Float]

    /// Creates a box with one bound per value.
    ///
    /// - Precondition: `low` and `high` hold `shape`'s product of values and `low <= high`.
    public init(low: [Float], high: [Float], shape: [Int]? = nil) {
        let shape = shape ?? [low.count]
        let count = shape.reduce(1, *)
        precondition(low.count == count && high.count == count,
                     "expected \(count) bounds for shape \(shape), got \(low.count) low and \(high.count) high")
        for index in 0..<count {
            precondition(!(low[index] > high[index]), "expected low <= high, got \(low[index]) > \(high[index]) at \(index)")
        }
        self.shape = shape
        self.low = low
        self.high = high
    }

    /// Creates a box of `shape` with the same bounds for every value.
    public init(low: Float, high: Float, shape: [Int]) {
        let count = shape.reduce(1, *)
        self.init(low: [Float](repeating: low, count: count), high: [Float](repeating: high, count: count), shape: shape)
    }

    /// The number of values in an element.
    public var count: Int { low.count }

    /// Whether both bounds of every value are finite.
    public var isBounded: Bool {
        low.allSatisfy(\.isFinite) && high.allSatisfy(\.isFinite)
    }

    public func contains(_ element: Vector) -> Bool {
        guard element.scalarCount == count else { return false }
        for index in 0..<count {
            let value = element[index]
            if !(value >= low[index] && value <= high[index]) { return false }
        }
        return true
    }

    public func sample<G: RandomNumberGenerator>(using generator: inout G) -> Vector {
        var element = Vector(zeros: count)
        for index in 0..<count {
            element[index] = sampleValue(index, using: &generator)
        }
        return element
    }

    private func sampleValue<G: RandomNumberGenerator>(_ index: Int, using generator: inout G) -> Float {
        let lower = low[index], upper = high[index]
        switch (lower.isFinite, upper.isFinite) {
        case (true, true):
            return min(upper, Float(generator.uniform(Double(lower), Double(upper))))
        case (false, false):
            return Float(generator.normal())
        case (true, false):
            return lower + Float(generator.exponential())
        case (false, true):
            return upper - Float(generator.exponential())
        }
    }

    /// The element with each value clamped into its bounds.
    public func clamped(_ element: Vector) -> Vector {
        var result = element
        for index in 0..<count {
            result[index] = min(max(result[index], low[index]), high[index])
        }
        return result
    }

    public var flatDimension: Int { count }

    public func clippedElement(fromFlat values: UnsafeBufferPointer<Float>) -> Vector? {
        precondition(values.count == count, "expected \(count) values, got \(values.count)")
        var element = Vector(zeros: count)
        for index in 0..<count { element[index] = min(max(values[index], low[index]), high[index]) }
        return element
    }

    @inlinable
    public func flatten(_ element: Vector, into buffer: UnsafeMutableBufferPointer<Float>) {
        element.store(into: buffer)
    }

    public var flattenedSpace: Box<[Float]> {
        Box<[Float]>(low: low, high: high, shape: [count])
    }

    public func jsonValue(of element: Vector) -> JSONValue {
        .array((0..<element.scalarCount).map { .number(Double(element[$0])) })
    }

    public func element(from value: JSONValue) throws(SpaceError) -> Vector {
        guard let values = value.arrayValue, values.count == count else {
            throw SpaceError("expected an array of \(count) numbers for \(self), got \(value.jsonText)")
        }
        var element = Vector(zeros: count)
        for (index, item) in values.enumerated() {
            guard let number = item.doubleValue else {
                throw SpaceError("expected a number at index \(index) for \(self), got \(item.jsonText)")
            }
            element[index] = Float(number)
        }
        guard contains(element) else {
            throw SpaceError("expected values within the bounds of \(self), got \(value.jsonText)")
        }
        return element
    }

    public var jsonDescription: JSONValue {
        [
            "type": "Box",
            "shape": .array(shape.map { .number(Double($0)) }),
            "low": .array(low.map { .number(Double($0)) }),
            "high": .array(high.map { .number(Double($0)) }),
        ]
    }
}
