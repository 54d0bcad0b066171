/// The product of several spaces, as Gymnasium's `Tuple`; an element holds one value per part.
public struct TupleSpace: Space {
    /// The spaces of the parts, in order.
    public let spaces: [AnySpace]

    /// Creates the product of `spaces`.
    public init(_ spaces: [AnySpace]) {
        self.spaces = spaces
    }

    public func contains(_ element: [JSONValue]) -> Bool {
        element.count == spaces.count && zip(spaces, element).allSatisfy { $0.contains($1) }
    }

    public func sample<G: RandomNumberGenerator>(using generator: inout G) -> [JSONValue] {
        spaces.map { $0.sample(using: &generator) }
    }

    public var flatDimension: Int { spaces.reduce(0) { $0 + $1.flatDimension } }

    public func flatten(_ element: [JSONValue], into buffer: UnsafeMutableBufferPointer<Float>) {
        precondition(buffer.count == flatDimension && element.count == spaces.count,
                     "expected \(spaces.count) parts into \(flatDimension) values, got \(element.count) into \(buffer.count)")
        var offset = 0
        for (space, part) in zip(spaces, element) {
            space.flatten(part, into: UnsafeMutableBufferPointer(rebasing: buffer[offset..<offset + space.flatDimension]))
            offset += space.flatDimension
        }
    }

    public var flattenedSpace: Box<[Float]> {
        concatenatedBounds(spaces.map(\.flattenedSpace))
    }

    public func jsonValue(of element: [JSONValue]) -> JSONValue {
        .array(element)
    }

    public func element(from value: JSONValue) throws(SpaceError) -> [JSONValue] {
        guard let parts = value.arrayValue, contains(parts) else {
            throw SpaceError("expected an element of \(self), got \(value.jsonText)")
        }
        return parts
    }

    public var jsonDescription: JSONValue {
        ["type": "Tuple", "spaces": .array(spaces.map(\.jsonDescription))]
    }
}

/// One Box whose bounds are the parts' bounds one after another.
func concatenatedBounds(_ parts: [Box<[Float]>]) -> Box<[Float]> {
    let low = parts.flatMap(\.low)
    return Box(low: low, high: parts.flatMap(\.high), shape: [low.count])
}
