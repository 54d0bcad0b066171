/// A seeded pseudo-random generator: xoshiro256** (Blackman and Vigna, 2018), seeded through SplitMix64.
///
/// Every random draw in Dojo comes from one of these, passed in with `using:` or owned by the
/// object that draws, so a run is reproducible from its seed. xoshiro256** has a period of
/// 2^256 - 1, passes BigCrush, and costs a few cycles per draw.
///
/// ```swift
/// var rng = SeededGenerator(seed: 42)
/// let die = Int.random(in: 1...6, using: &rng)
/// var child = rng.child(0)   // an independent stream, e.g. for vector env 0
/// ```
public struct SeededGenerator: RandomNumberGenerator, Sendable, Hashable, Codable {
    @usableFromInline var s0: UInt64
    @usableFromInline var s1: UInt64
    @usableFromInline var s2: UInt64
    @usableFromInline var s3: UInt64

    /// Creates a generator whose whole stream is determined by `seed`.
    ///
    /// The four words of state are filled by SplitMix64 from the seed, as the algorithm's
    /// authors recommend, so nearby seeds give unrelated streams.
    public init(seed: UInt64) {
        var mixer = SplitMix64(state: seed)
        s0 = mixer.next()
        s1 = mixer.next()
        s2 = mixer.next()
        s3 = mixer.next()
    }

    /// Returns the next 64 random bits and advances the stream.
    @inlinable
    public mutating func next() -> UInt64 {
        let result = (s1 &* 5).rotatedLeft(by: 7) &* 9
        let t = s1 << 17
        s2 ^= s0
        s3 ^= s1
        s1 ^= s2
        s0 ^= s3
        s2 ^= t
        s3 = s3.rotatedLeft(by: 45)
        return result
    }

    /// Returns an independent generator for child stream `index`, leaving this one unchanged.
    ///
    /// Children are seeded by hashing this generator's state together with the index through
    /// SplitMix64, so child `i` is the same whenever the parent is in the same state, and
    /// different indices give unrelated streams. Use it to give each copy of a vectorised
    /// environment, or each parallel seed, its own generator.
    public func child(_ index: Int) -> SeededGenerator {
        var mixer = SplitMix64(state: s0 ^ s1.rotatedLeft(by: 17) ^ s2.rotatedLeft(by: 31) ^ s3.rotatedLeft(by: 47))
        let base = mixer.next()
        return SeededGenerator(seed: base ^ SplitMix64.mix(UInt64(bitPattern: Int64(index)) &+ 0x632B_E59B_D9B4_E019))
    }
}

/// SplitMix64 (Steele, Lea and Flood, 2014): the standard seeder for the xoshiro family.
struct SplitMix64 {
    var state: UInt64

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        return SplitMix64.mix(state)
    }

    static func mix(_ value: UInt64) -> UInt64 {
        var z = value
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

extension UInt64 {
    @inlinable
    func rotatedLeft(by amount: UInt64) -> UInt64 {
        (self << amount) | (self >> (64 - amount))
    }
}
