/// Several independent Discrete choices, as Gymnasium's `MultiDiscrete(nvec, start=start)`.
///
/// Entry `i` of an element lies in `start[i] ..< start[i] + nvec[i]`. Its flat form is the
/// concatenation of one one-hot vector per entry.
public struct MultiDiscrete: Space, Hashable {
    /// The number of choices of each entry.
    public let nvec: [Int]
    /// The smallest value of each entry.
    public let start: [Int]

    /// Creates the space with `nvec[i]` choices for entry `i`, starting at `start[i]` (zeros by default).
    ///
    /// - Precondition: every count is positive and `start` has as many entries as `nvec`.
    public init(_ nvec: [Int], start: [Int]? = nil) {
        precondition(!nvec.isEmpty && nvec.allSatisfy { $0 > 0 }, "expected positive counts for MultiDiscrete, got \(nvec)")
        let start = start ?? [Int](repeating: 0, count: nvec.count)
        precondition(start.count == nvec.count, "expected \(nvec.count) start values, got \(start.count)")
        self.nvec = nvec
        self.start = start
    }

    public func contains(_ element: [Int]) -> Bool {
        guard element.count == nvec.count else { return false }
        return element.indices.allSatisfy { element[$0] >= start[$0] && element[$0] < start[$0] + nvec[$0] }
    }

    public func sample<G: RandomNumberGenerator>(using generator: inout G) -> [Int] {
        nvec.indices.map { start[$0] + Int(generator.next(upperBound: UInt64(nvec[$0]))) }
    }

    /// A draw where entry `i` is uniform among the values that `masks[i]` allows (`start[i]` if none).
    ///
    /// - Precondition: `masks[i].count == nvec[i]` for every entry.
    public func sample<G: RandomNumberGenerator>(masks: [[Bool]], using generator: inout G) -> [Int] {
        precondition(masks.count == nvec.count, "expected \(nvec.count) masks, got \(masks.count)")
        return nvec.indices.map { Discrete(nvec[$0], start: start[$0]).sample(mask: masks[$0], using: &generator) }
    }

    public var flatDimension: Int { nvec.reduce(0, +) }

    public func flatten(_ element: [Int], into buffer: UnsafeMutableBufferPointer<Float>) {
        precondition(buffer.count == flatDimension, "expected a buffer of \(flatDimension) values, got \(buffer.count)")
        precondition(contains(element), "expected an element of \(self), got \(element)")
        buffer.update(repeating: 0)
        var offset = 0
        for index in nvec.indices {
            buffer[offset + element[index] - start[index]] = 1
            offset += nvec[index]
        }
    }

    public var flattenedSpace: Box<[Float]> {
        Box(low: 0, high: 1, shape: [flatDimension])
    }

    public func jsonValue(of element: [Int]) -> JSONValue {
        .array(element.map { .number(Double($0)) })
    }

    public func element(from value: JSONValue) throws(SpaceError) -> [Int] {
        guard let items = value.arrayValue, items.count == nvec.count else {
            throw SpaceError("expected an array of \(nvec.count) integers for \(self), got \(value.jsonText)")
        }
        var element: [Int] = []
        for (index, item) in items.enumerated() {
            guard let integer = item.intValue else {
                throw SpaceError("expected an integer at index \(index) for \(self), got \(item.jsonText)")
            }
            element.append(integer)
        }
        guard contains(element) else {
            throw SpaceError("expected entries within \(self), got \(value.jsonText)")
        }
        return element
    }

    public var jsonDescription: JSONValue {
        [
            "type": "MultiDiscrete",
            "nvec": .array(nvec.map { .number(Double($0)) }),
            "start": .array(start.map { .number(Double($0)) }),
        ]
    }

    /// The product of the counts (every combination, the last entry varying fastest), or `nil`
    /// beyond 2³¹ combinations.
    public var indexCount: Int? {
        var product = 1
        for count in nvec {
            let (next, overflow) = product.multipliedReportingOverflow(by: count)
            if overflow || next > Int(Int32.max) { return nil }
            product = next
        }
        return product
    }

    public func element(atIndex index: Int) -> [Int] {
        precondition(indexCount.map { index >= 0 && index < $0 } ?? false, "expected an index in 0..<\(indexCount ?? 0) for \(self), got \(index)")
        var remainder = index
        var element = start
        for entry in stride(from: nvec.count - 1, through: 0, by: -1) {
            element[entry] += remainder % nvec[entry]
            remainder /= nvec[entry]
        }
        return element
    }

    public func index(of element: [Int]) -> Int {
        precondition(indexCount != nil && contains(element), "expected an element of \(self), got \(element)")
        var index = 0
        for entry in 0..<nvec.count { index = index * nvec[entry] + (element[entry] - start[entry]) }
        return index
    }
}
