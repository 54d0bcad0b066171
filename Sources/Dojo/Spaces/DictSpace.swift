/// Named parts, as Gymnasium's `Dict`; flattened in sorted key order, as Gymnasium does.
public struct DictSpace: Space {
    /// The spaces of the parts, by name.
    public let spaces: [String: AnySpace]

    /// Creates the space with one part per key.
    public init(_ spaces: [String: AnySpace]) {
        self.spaces = spaces
    }

    /// The part names in flattening order.
    public var keys: [String] { spaces.keys.sorted() }

    public func contains(_ element: [String: JSONValue]) -> Bool {
        element.count == spaces.count && spaces.allSatisfy { key, space in element[key].map(space.contains) ?? false }
    }

    public func sample<G: RandomNumberGenerator>(using generator: inout G) -> [String: JSONValue] {
        var element: [String: JSONValue] = [:]
        for key in keys {
            element[key] = spaces[key]!.sample(using: &generator)
        }
        return element
    }

    public var flatDimension: Int { spaces.values.reduce(0) { $0 + $1.flatDimension } }

    public func flatten(_ element: [String: JSONValue], into buffer: UnsafeMutableBufferPointer<Float>) {
        precondition(buffer.count == flatDimension, "expected a buffer of \(flatDimension) values, got \(buffer.count)")
        var offset = 0
        for key in keys {
            let space = spaces[key]!
            guard let part = element[key] else { preconditionFailure("expected key \(key.debugDescription) in \(element)") }
            space.flatten(part, into: UnsafeMutableBufferPointer(rebasing: buffer[offset..<offset + space.flatDimension]))
            offset += space.flatDimension
        }
    }

    public var flattenedSpace: Box<[Float]> {
        concatenatedBounds(keys.map { spaces[$0]!.flattenedSpace })
    }

    public func jsonValue(of element: [String: JSONValue]) -> JSONValue {
        .object(element)
    }

    public func element(from value: JSONValue) throws(SpaceError) -> [String: JSONValue] {
        guard let members = value.objectValue, contains(members) else {
            throw SpaceError("expected an element of \(self), got \(value.jsonText)")
        }
        return members
    }

    public var jsonDescription: JSONValue {
        ["type": "Dict", "spaces": .object(spaces.mapValues(\.jsonDescription))]
    }
}
