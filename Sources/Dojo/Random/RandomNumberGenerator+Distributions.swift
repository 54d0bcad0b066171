import Foundation

/// Draws from the distributions that environments, spaces and agents need, for any generator.
extension RandomNumberGenerator {
    /// A uniform `Double` in the half-open range [0, 1), with 53 random bits.
    @inlinable
    public mutating func nextUnitDouble() -> Double {
        Double(next() >> 11) * 0x1.0p-53
    }

    /// A uniform `Double` in [`lower`, `upper`).
    @inlinable
    public mutating func uniform(_ lower: Double, _ upper: Double) -> Double {
        lower + (upper - lower) * nextUnitDouble()
    }

    /// A draw from the normal distribution N(`mean`, `standardDeviation`²), by the Box–Muller transform.
    public mutating func normal(mean: Double = 0, standardDeviation: Double = 1) -> Double {
        let u1 = 1 - nextUnitDouble()
        let u2 = nextUnitDouble()
        let radius = (-2 * log(u1)).squareRoot()
        return mean + standardDeviation * radius * cos(2 * Double.pi * u2)
    }

    /// A draw from the exponential distribution with rate 1.
    public mutating func exponential() -> Double {
        -log(1 - nextUnitDouble())
    }

    /// An index drawn with probability proportional to `weights[index]`.
    ///
    /// - Precondition: `weights` is not empty, has no negative entry and a positive sum.
    /// - Complexity: O(n) in the number of weights.
    public mutating func categorical(_ weights: some Collection<Double>) -> Int {
        let total = weights.reduce(0, +)
        precondition(total > 0 && !weights.isEmpty, "expected weights with a positive sum, got \(Array(weights))")
        var threshold = nextUnitDouble() * total
        var last = 0
        for (index, weight) in weights.enumerated() {
            precondition(weight >= 0, "expected non-negative weights, got \(weight) at \(index)")
            if weight > 0 {
                last = index
                if threshold < weight { return index }
                threshold -= weight
            }
        }
        return last
    }
}
