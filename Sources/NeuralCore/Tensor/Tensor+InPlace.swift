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

    /// Writes ``max(alongAxis:keepingDimensions:)`` (without kept dimensions) into `result`,
    /// reusing its storage when it already has the reduced shape (else replacing it once).
    /// - Precondition: the axis is not empty.
    public func max(alongAxis axis: Int, into result: inout Tensor) {
        let axis = normalizedAxis(axis)
        let extent = shape[axis]
        precondition(extent > 0, "expected a non-empty axis \(axis), got shape \(shape)")
        let inner = shape[(axis + 1)...].reduce(1, *)
        let outer = shape[..<axis].reduce(1, *)
        if !result.hasShape(self.shape, removing: axis) {
            result = Tensor.zeros(shape.enumerated().filter { $0.offset != axis }.map(\.element))
        }
        result.scalars.withUnsafeMutableBufferPointer { output in
            scalars.withUnsafeBufferPointer { values in
                for block in 0..<outer {
                    for offset in 0..<inner {
                        let base = block * extent * inner + offset
                        var best = values[base]
                        for index in 1..<Swift.max(extent, 1) where values[base + index * inner] > best {
                            best = values[base + index * inner]
                        }
                        output[block * inner + offset] = best
                    }
                }
            }
        }
    }

    /// Whether this tensor's shape is `other` with `axis` removed, checked without building it.
    private func hasShape(_ other: [Int], removing axis: Int) -> Bool {
        guard rank == other.count - 1 else { return false }
        for index in 0..<rank where shape[index] != other[index < axis ? index : index + 1] { return false }
        return true
    }
}
