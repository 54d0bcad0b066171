/// The integers `start ..< start + n`, as Gymnasium's `Discrete(n, start=start)`.
///
/// Actions of CartPole (`Discrete(2)`), FrozenLake's states (`Discrete(16)`) and every
/// finite set of choices are Discrete. Its flat form is a one-hot vector of length `n`.
public struct Discrete: Space, Hashable {
    /// The number of elements.
    public let n: Int
    /// The smallest element.
    public let start: Int

    /// Creates the space `start ..< start + n`.
    ///
    /// - Precondition: `n > 0`.
    public init(_ n: Int, start: Int = 0) {
        precondition(n > 0, "expected a positive number of elements for Discrete, got \(n)")
        self.n = n
        self.start = start
    }

    public func contains(_ element: Int) -> Bool {
        element >= start && element < start + n
    }

    public func sample<G: RandomNumberGenerator>(using generator: inout G) -> Int {
        start + Int(generator.next(upperBound: UInt64(n)))
    }

    /// A uniform draw among the elements whose mask entry is `true`; `start` when none is.
    ///
    /// Gymnasium returns `start` for an all-false mask too, so a caller that masks every
    /// action still gets a value it can check.
    ///
    /// - Precondition: `mask.count == n`.
    /// - Complexity: O(n).
    public func sample<G: RandomNumberGenerator>(mask: [Bool], using generator: inout G) -> Int {
        precondition(mask.count == n, "expected a mask of \(n) entries for Discrete(\(n)), got \(mask.count)")
        var allowed = 0
        for isAllowed in mask where isAllowed { allowed += 1 }
        guard allowed > 0 else { return start }
        var pick = Int(generator.next(upperBound: UInt64(allowed)))
        for (offset, isAllowed) in mask.enumerated() where isAllowed {
            if pick == 0 { return start + offset }
            pick -= 1
        }
        return start
    }

    public var flatDimension: Int { n }

    public func flatten(_ element: Int, into buffer: UnsafeMutableBufferPointer<Float>) {
        precondition(buffer.count == n, "expected a buffer of \(n) values, got \(buffer.count)")
        precondition(contains(element), "expected an element of \(self), got \(element)")
        buffer.update(repeating: 0)
        buffer[element - start] = 1
    }

    public var flattenedSpace: Box<[Float]> {
        Box(low: 0, high: 1, shape: [n])
    }

    public func jsonValue(of element: Int) -> JSONValue {
        .number(Double(element))
    }

    public func element(from value: JSONValue) throws(SpaceError) -> Int {
        guard let integer = value.intValue else {
            throw SpaceError("expected an integer for \(self), got \(value.jsonText)")
        }
        guard contains(integer) else {
            throw SpaceError("expected an integer in \(start)..<\(start + n) for \(self), got \(integer)")
        }
        return integer
    }

    public var jsonDescription: JSONValue {
        ["type": "Discrete", "n": .number(Double(n)), "start": .number(Double(start))]
    }

    /// `n`: index `i` names element `start + i`.
    public var indexCount: Int? { n }

    @inlinable
    public func element(atIndex index: Int) -> Int {
        precondition(index >= 0 && index < n, "expected an index in 0..<\(n) for \(self), got \(index)")
        return start + index
    }

    @inlinable
    public func index(of element: Int) -> Int {
        precondition(contains(element), "expected an element of \(self), got \(element)")
        return element - start
    }
}
