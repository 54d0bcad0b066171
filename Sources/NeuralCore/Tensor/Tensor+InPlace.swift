/// Operations that write into a tensor's existing storage instead of returning a new tensor,
/// so a training loop can refill and reuse its batch buffers without touching the heap.
extension Tensor {
    /// Calls `body` with the elements (row-major) for reading and writing in place — to fill a
    /// reused batch buffer, say. The storage is copied first only if another tensor shares it.
    public mutating func withUnsafeMutableScalars<Result>(_ body: (inout UnsafeMutableBufferPointer<Float>) throws -> Result) rethrows -> Result {
        try scalars.withUnsafeMutableBufferPointer(body)
    }

    /// Overwrites every element with a normal draw, in the order and with the values that
    /// ``normal(_:mean:standardDeviation:using:)`` would produce for this shape.
    public mutating func fillNormal(mean: Float = 0, standardDeviation: Float = 1, using generator: inout some RandomNumberGenerator) {
        let count = count
        scalars.withUnsafeMutableBufferPointer { values in
            var index = 0
            while index < count {
                let (first, second) = Tensor.standardNormalPair(using: &generator)
                values[index] = mean + standardDeviation * first
                if index + 1 < count { values[index + 1] = mean + standardDeviation * second }
                index += 2
            }
        }
    }
}
