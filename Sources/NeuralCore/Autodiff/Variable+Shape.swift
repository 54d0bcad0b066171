/// Shape operations on variables; the backward rule of each undoes its data movement.
extension Variable {
    /// The same elements with a new shape (one extent may be `-1`).
    public func reshaped(to newShape: [Int]) -> Variable {
        let original = shape
        return Variable(value.reshaped(to: newShape), parents: [self]) { gradient in
            [gradient.reshaped(to: original)]
        }
    }

    /// Flattens every axis after the first: `[n, ...] → [n, -1]`.
    public func flattened() -> Variable {
        reshaped(to: [shape.first ?? 1, -1])
    }

    /// Reorders axes; backward applies the inverse permutation.
    public func permuted(_ axes: [Int]) -> Variable {
        var inverse = [Int](repeating: 0, count: axes.count)
        for (position, axis) in axes.enumerated() { inverse[axis] = position }
        return Variable(value.permuted(axes), parents: [self]) { gradient in [gradient.permuted(inverse)] }
    }

    /// Swaps the last two axes.
    public func transposed() -> Variable {
        var axes = Array(0..<value.rank)
        axes.swapAt(value.rank - 1, value.rank - 2)
        return permuted(axes)
    }

    /// Joins variables along an axis; backward slices the gradient apart again.
    public static func concatenate(_ variables: [Variable], alongAxis axis: Int) -> Variable {
        let axis = variables[0].value.normalizedAxis(axis)
        let extents = variables.map { $0.shape[axis] }
        return Variable(Tensor.concatenate(variables.map(\.value), alongAxis: axis), parents: variables) { gradient in
            var start = 0
            return extents.map { extent in
                defer { start += extent }
                return gradient.sliced(alongAxis: axis, start..<(start + extent))
            }
        }
    }

    /// The entries whose index along `axis` is in `range`; backward pads with zeros.
    public func sliced(alongAxis axis: Int, _ range: Range<Int>) -> Variable {
        selecting(Array(range), alongAxis: axis)
    }

    /// Index selection along an axis (like `torch.index_select`); backward scatter-adds,
    /// so repeated indices (an embedding lookup) accumulate their gradients.
    public func selecting(_ indices: [Int], alongAxis axis: Int) -> Variable {
        let axis = value.normalizedAxis(axis)
        let extent = shape[axis]
        return Variable(value.selecting(indices, alongAxis: axis), parents: [self]) { gradient in
            [gradient.scatterAdding(indices, alongAxis: axis, extent: extent)]
        }
    }

    /// For a `[..., c]` variable, picks one entry per row along the last axis: `result[r] = x[r, indices[r]]`
    /// (like `torch.gather(x, -1, indices)` squeezed), the usual way to read a log-probability or Q-value per action.
    /// - Precondition: one index per row, each in `0..<c`.
    public func gathering(_ indices: [Int]) -> Variable {
        let classes = shape.last ?? 1
        let rows = value.count / Swift.max(classes, 1)
        precondition(indices.count == rows, "expected \(rows) indices (one per row of \(shape)), got \(indices.count)")
        var output = [Float](repeating: 0, count: rows)
        for (row, index) in indices.enumerated() {
            precondition(index >= 0 && index < classes, "expected indices in 0..<\(classes), got \(index)")
            output[row] = value.scalars[row * classes + index]
        }
        let inputShape = shape
        return Variable(Tensor(shape: Array(shape.dropLast()), scalars: output), parents: [self]) { gradient in
            var local = [Float](repeating: 0, count: rows * classes)
            for (row, index) in indices.enumerated() { local[row * classes + index] = gradient.scalars[row] }
            return [Tensor(shape: inputShape, scalars: local)]
        }
    }
}
