/// The maximum of each lane along `axis` and the index of its first occurrence.
/// - Precondition: the axis is not empty.
func maxAlong(_ axis: Int, _ input: UnsafePointer<Float>, _ shape: Extents, values: UnsafeMutablePointer<Float>?, winners: UnsafeMutablePointer<Int>?) {
    let extent = shape[axis]
    precondition(extent > 0, "expected a non-empty axis \(axis), got shape \(shape.array)")
    let (outer, inner) = (shape.count(before: axis), shape.count(after: axis))
    for block in 0..<outer {
        for offset in 0..<inner {
            let base = block * extent * inner + offset
            var best = input[base]
            var bestIndex = 0
            for index in 1..<extent where input[base + index * inner] > best {
                best = input[base + index * inner]
                bestIndex = index
            }
            values?[block * inner + offset] = best
            winners?[block * inner + offset] = bestIndex
        }
    }
}

/// `log Σ exp(x)` along `axis` into `out` (shape with the axis 1), shifted by each lane's
/// maximum (0 where the maximum is not finite): the same steps, in the same order, as
/// ``Tensor/logSumExp(alongAxis:keepingDimensions:)``.
func logSumExpAlong(_ axis: Int, _ input: UnsafePointer<Float>, _ shape: Extents, into out: UnsafeMutablePointer<Float>, tape: Tape?) {
    let (outer, extent, inner) = (shape.count(before: axis), shape[axis], shape.count(after: axis))
    let reducedCount = outer * inner
    withScratch(tape, reducedCount) { maximum in
        withScratch(tape, shape.count) { shifted in
            maxAlong(axis, input, shape, values: maximum, winners: nil)
            for index in 0..<reducedCount where !maximum[index].isFinite { maximum[index] = 0 }
            for block in 0..<outer {
                for step in 0..<extent {
                    for offset in 0..<inner {
                        let flat = (block * extent + step) * inner + offset
                        shifted[flat] = _exp(input[flat] - maximum[block * inner + offset])
                    }
                }
            }
            sumAlong(axis, shifted, shape, into: out)
            for index in 0..<reducedCount { out[index] = _log(out[index]) + maximum[index] }
        }
    }
}
