/// Refilling a reused tensor from data held elsewhere (a batch of observations, rows sampled
/// from a replay or rollout buffer), in place, so a learner never touches raw storage and a
/// training step never allocates.
extension Tensor {
    /// Overwrites the elements with `values`, in row-major order.
    /// - Precondition: `values` holds exactly ``count`` elements.
    public mutating func assign(_ values: UnsafeBufferPointer<Float>) {
        precondition(values.count == count, "expected \(count) values for shape \(shape), got \(values.count)")
        scalars.withUnsafeMutableBufferPointer { out in
            for index in 0..<values.count { out[index] = values[index] }
        }
    }

    /// Overwrites the elements with `values`, in row-major order.
    /// - Precondition: `values` holds exactly ``count`` elements.
    public mutating func assign(_ values: [Float]) {
        values.withUnsafeBufferPointer { assign($0) }
    }

    /// Overwrites row `i` of the tensor, seen as `rows.count` rows, with row `rows[i]` of
    /// `source`, whose rows are as wide: a minibatch gathered from a buffer.
    /// - Precondition: ``count`` is a multiple of `rows.count`, and every row lies in `source`.
    public mutating func assignRows(_ rows: ArraySlice<Int>, of source: [Float]) {
        let width = count / Swift.max(rows.count, 1)
        precondition(width * rows.count == count, "expected \(count) values to split into \(rows.count) rows")
        source.withUnsafeBufferPointer { source in
            scalars.withUnsafeMutableBufferPointer { out in
                for (position, row) in rows.enumerated() {
                    precondition(row >= 0 && (row + 1) * width <= source.count, "expected row \(row) inside the source")
                    for column in 0..<width { out[position * width + column] = source[row * width + column] }
                }
            }
        }
    }
}
