/// A set of values that observations or actions are drawn from, as Gymnasium's `Space`.
///
/// A space says what its elements are (`contains`), draws them at random from a seeded
/// generator (`sample(using:)`), and flattens them into `Float` buffers for networks
/// (`flatDimension`, `flatten(_:into:)`, following Gymnasium's `flatten`: Discrete becomes a
/// one-hot vector, Box its values, composite spaces the concatenation of their parts).
/// `jsonValue(of:)` and `element(from:)` carry elements across the command line and JSON files.
public protocol Space<Element>: Sendable, CustomStringConvertible {
    /// The type of the space's elements.
    associatedtype Element

    /// Whether `element` lies in the space.
    func contains(_ element: Element) -> Bool

    /// A random element of the space drawn from `generator`.
    func sample<G: RandomNumberGenerator>(using generator: inout G) -> Element

    /// The number of `Float`s an element flattens to.
    var flatDimension: Int { get }

    /// Writes the flat form of `element` into `buffer`, which holds `flatDimension` values.
    ///
    /// - Precondition: `buffer.count == flatDimension`.
    func flatten(_ element: Element, into buffer: UnsafeMutableBufferPointer<Float>)

    /// The bounds of the flat form, as a Box: what `FlattenObservation` advertises.
    var flattenedSpace: Box<[Float]> { get }

    /// The element as JSON (numbers, arrays, objects), for output meant for other programs.
    func jsonValue(of element: Element) -> JSONValue

    /// The element that `value` denotes.
    ///
    /// - Throws: `SpaceError` when `value` has the wrong form or lies outside the space.
    func element(from value: JSONValue) throws(SpaceError) -> Element

    /// The space described as JSON, e.g. `{"type": "Discrete", "n": 2, "start": 0}`.
    var jsonDescription: JSONValue { get }

    /// How many elements an index in `0..<indexCount` names (`Discrete`: `n`; `MultiDiscrete`:
    /// the product of its sizes), or `nil` for spaces that are not finite: what lets a learner
    /// with discrete outputs (DQN's Q-values, a categorical policy) act in any environment.
    var indexCount: Int? { get }

    /// The element an index names.
    /// - Precondition: `indexCount` is not `nil` and `index` lies in `0..<indexCount`.
    func element(atIndex index: Int) -> Element

    /// The index of an element: ``element(atIndex:)`` reversed.
    /// - Precondition: `indexCount` is not `nil` and the space contains `element`.
    func index(of element: Element) -> Int

    /// The axes of an element, for a learner that treats a grid of values as an image (a CNN
    /// over planes), or `nil` when elements have no array shape (`Discrete`, tuples).
    var elementShape: [Int]? { get }

    /// The element whose flat form is `values` (`flatDimension` of them), each clipped into the
    /// space's bounds as Stable-Baselines3 clips a Gaussian policy's actions, or `nil` for
    /// spaces whose elements are not vectors of reals: what lets a learner with continuous
    /// outputs act in a `Box`.
    func clippedElement(fromFlat values: UnsafeBufferPointer<Float>) -> Element?
}

extension Space {
    /// The flat form of `element` as a new array of `flatDimension` values.
    public func flattened(_ element: Element) -> [Float] {
        [Float](unsafeUninitializedCapacity: flatDimension) { buffer, count in
            buffer.initialize(repeating: 0)
            flatten(element, into: buffer)
            count = flatDimension
        }
    }

    public var description: String { jsonDescription.jsonText }
}

/// An element given on the command line or in a file that does not fit its space.
public struct SpaceError: Error, CustomStringConvertible, Sendable, Equatable {
    /// What was wrong, naming the space and the value.
    public let message: String

    /// Creates an error with a message that says what was expected and what was given.
    public init(_ message: String) {
        self.message = message
    }

    public var description: String { message }
}

extension Space {
    /// Not finite by default.
    public var indexCount: Int? { nil }

    /// No array shape by default.
    public var elementShape: [Int]? { nil }

    /// Not continuous by default.
    public func clippedElement(fromFlat values: UnsafeBufferPointer<Float>) -> Element? { nil }

    public func element(atIndex index: Int) -> Element {
        preconditionFailure("expected a finite space to index, got \(self)")
    }

    public func index(of element: Element) -> Int {
        preconditionFailure("expected a finite space to index, got \(self)")
    }
}
