/// Factory functions for common tensors, including seeded random ones.
///
/// Random tensors draw from a generator passed in by the caller, so a fixed seed
/// gives the same tensor on every run; there is no global random state.
extension Tensor {
    /// A tensor of zeros.
    public static func zeros(_ shape: [Int]) -> Tensor {
        Tensor(shape: shape, repeating: 0)
    }

    /// A tensor of ones.
    public static func ones(_ shape: [Int]) -> Tensor {
        Tensor(shape: shape, repeating: 1)
    }

    /// A tensor with elements drawn uniformly from `[lower, upper)`.
    /// - Complexity: O(n) in the number of elements.
    public static func uniform(
        _ shape: [Int], lower: Float = 0, upper: Float = 1, using generator: inout some RandomNumberGenerator
    ) -> Tensor {
        let count = elementCount(of: shape)
        var values = [Float](repeating: 0, count: count)
        for index in 0..<count {
            values[index] = lower + (upper - lower) * unitFloat(using: &generator)
        }
        return Tensor(shape: shape, scalars: values)
    }

    /// A tensor with elements drawn from a normal distribution (Box–Muller transform).
    /// - Complexity: O(n) in the number of elements.
    public static func normal(
        _ shape: [Int], mean: Float = 0, standardDeviation: Float = 1, using generator: inout some RandomNumberGenerator
    ) -> Tensor {
        var result = Tensor.zeros(shape)
        result.fillNormal(mean: mean, standardDeviation: standardDeviation, using: &generator)
        return result
    }

    /// A rank-1 tensor `[0, 1, ..., count - 1]`.
    public static func arange(_ count: Int) -> Tensor {
        Tensor(shape: [count], scalars: (0..<count).map(Float.init))
    }

    /// A uniform `Float` in `[0, 1)` built from the top 24 bits of one draw, identical on every platform.
    static func unitFloat(using generator: inout some RandomNumberGenerator) -> Float {
        Float(generator.next() >> 40) * 0x1p-24
    }

    /// Two independent standard normal samples from two uniform draws.
    static func standardNormalPair(using generator: inout some RandomNumberGenerator) -> (Float, Float) {
        let u1 = 1 - Double(generator.next() >> 11) * 0x1p-53
        let u2 = Double(generator.next() >> 11) * 0x1p-53
        let radius = (-2 * _log(u1)).squareRoot()
        let (sine, cosine) = _sinCos(2 * Double.pi * u2)
        return (Float(radius * cosine), Float(radius * sine))
    }
}
