/// Vectors of `n` bits, as Gymnasium's `MultiBinary(n)`. Its flat form is the bits as 0 and 1.
public struct MultiBinary: Space, Hashable {
    /// The number of bits.
    public let n: Int

    /// Creates the space of `n`-bit vectors.
    ///
    /// - Precondition: `n > 0`.
    public init(_ n: Int) {
        precondition(n > 0, "expected a positive number of bits for MultiBinary, got \(n)")
        self.n = n
    }

    public func contains(_ element: [Bool]) -> Bool {
        element.count == n
    }

    public func sample<G: RandomNumberGenerator>(using generator: inout G) -> [Bool] {
        (0..<n).map { _ in Bool.random(using: &generator) }
    }

    /// A draw where bit `i` is `mask[i]` when that is set and random when it is `nil`.
    ///
    /// This is Gymnasium's mask (0 fixes a bit at 0, 1 at 1, 2 leaves it random) in Swift's terms.
    ///
    /// - Precondition: `mask.count == n`.
    public func sample<G: RandomNumberGenerator>(mask: [Bool?], using generator: inout G) -> [Bool] {
        precondition(mask.count == n, "expected a mask of \(n) entries for MultiBinary(\(n)), got \(mask.count)")
        return mask.map { fixed in fixed ?? Bool.random(using: &generator) }
    }

    public var flatDimension: Int { n }

    public func flatten(_ element: [Bool], into buffer: UnsafeMutableBufferPointer<Float>) {
        precondition(buffer.count == n && element.count == n,
                     "expected \(n) bits, got an element of \(element.count) and a buffer of \(buffer.count)")
        for index in 0..<n {
            buffer[index] = element[index] ? 1 : 0
        }
    }

    public var flattenedSpace: Box<[Float]> {
        Box(low: 0, high: 1, shape: [n])
    }

    public func jsonValue(of element: [Bool]) -> JSONValue {
        .array(element.map { .number($0 ? 1 : 0) })
    }

    public func element(from value: JSONValue) throws(SpaceError) -> [Bool] {
        guard let items = value.arrayValue, items.count == n else {
            throw SpaceError("expected an array of \(n) bits for \(self), got \(value.jsonText)")
        }
        var element: [Bool] = []
        for (index, item) in items.enumerated() {
            switch item {
            case .number(0), .bool(false): element.append(false)
            case .number(1), .bool(true): element.append(true)
            default: throw SpaceError("expected 0 or 1 at index \(index) for \(self), got \(item.jsonText)")
            }
        }
        return element
    }

    public var jsonDescription: JSONValue {
        ["type": "MultiBinary", "n": .number(Double(n))]
    }
}
