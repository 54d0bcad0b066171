import NeuralCore

/// Whether two float arrays agree element-wise within `tolerance` (absolute plus relative).
func isApproximatelyEqual(_ lhs: [Float], _ rhs: [Float], tolerance: Float = 1e-5) -> Bool {
    lhs.count == rhs.count && zip(lhs, rhs).allSatisfy { abs($0 - $1) <= tolerance * (1 + abs($1)) }
}

/// Whether two tensors have the same shape and approximately equal elements.
func isApproximatelyEqual(_ lhs: Tensor, _ rhs: Tensor, tolerance: Float = 1e-5) -> Bool {
    lhs.shape == rhs.shape && isApproximatelyEqual(lhs.scalars, rhs.scalars, tolerance: tolerance)
}

/// A seeded normal tensor whose entries are pushed at least `margin` away from zero,
/// so finite differences never straddle a kink (ReLU, |x|, max).
func randomTensor(_ shape: [Int], seed: UInt64, margin: Float = 0.1, positive: Bool = false) -> Tensor {
    var generator = SplitMix64(seed: seed)
    let raw = Tensor.normal(shape, using: &generator)
    return raw.map { value in
        let moved = value >= 0 ? value + margin : value - margin
        return positive ? abs(moved) + 0.5 : moved
    }
}
