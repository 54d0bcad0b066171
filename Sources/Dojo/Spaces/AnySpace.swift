/// Any space, with its elements carried as `JSONValue`: the parts of a Tuple or Dict space.
///
/// Erasing the element type lets a composite space mix a Discrete part and a Box part; the
/// cost, a conversion through JSON per element, is paid only by composite spaces.
public struct AnySpace: Space {
    private let containsValue: @Sendable (JSONValue) -> Bool
    private let sampleValue: @Sendable (inout SeededGenerator) -> JSONValue
    private let flattenValue: @Sendable (JSONValue, UnsafeMutableBufferPointer<Float>) -> Void
    public let flatDimension: Int
    public let flattenedSpace: Box<[Float]>
    public let jsonDescription: JSONValue

    /// Wraps `space`.
    public init<S: Space>(_ space: S) {
        containsValue = { value in
            guard let element = try? space.element(from: value) else { return false }
            return space.contains(element)
        }
        sampleValue = { generator in space.jsonValue(of: space.sample(using: &generator)) }
        flattenValue = { value, buffer in
            guard let element = try? space.element(from: value) else {
                preconditionFailure("expected an element of \(space), got \(value.jsonText)")
            }
            space.flatten(element, into: buffer)
        }
        flatDimension = space.flatDimension
        flattenedSpace = space.flattenedSpace
        jsonDescription = space.jsonDescription
    }

    public func contains(_ element: JSONValue) -> Bool {
        containsValue(element)
    }

    /// A random element; the draw comes from a child generator seeded from `generator`, since a
    /// stored closure cannot be generic over the caller's generator type.
    public func sample<G: RandomNumberGenerator>(using generator: inout G) -> JSONValue {
        var seeded = SeededGenerator(seed: generator.next())
        return sampleValue(&seeded)
    }

    public func flatten(_ element: JSONValue, into buffer: UnsafeMutableBufferPointer<Float>) {
        flattenValue(element, buffer)
    }

    public func jsonValue(of element: JSONValue) -> JSONValue {
        element
    }

    public func element(from value: JSONValue) throws(SpaceError) -> JSONValue {
        guard contains(value) else {
            throw SpaceError("expected an element of \(self), got \(value.jsonText)")
        }
        return value
    }
}
