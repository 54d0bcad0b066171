/// Shape manipulation: reshape, permute, concatenate, slice and index selection.
extension Tensor {
    /// The same elements viewed with a new shape; one extent may be `-1` to be inferred.
    /// - Precondition: the new shape holds the same number of elements.
    public func reshaped(to newShape: [Int]) -> Tensor {
        var resolved = newShape
        if let inferred = newShape.firstIndex(of: -1) {
            let known = newShape.enumerated().filter { $0.offset != inferred }.map(\.element).reduce(1, *)
            precondition(known > 0 && count % known == 0, "expected a shape compatible with \(shape), got \(newShape)")
            resolved[inferred] = count / known
        }
        precondition(
            Tensor.elementCount(of: resolved) == count,
            "expected a shape with \(count) elements like \(shape), got \(newShape)")
        return Tensor(shape: resolved, scalars: scalars)
    }

    /// The tensor with its axes reordered: axis `i` of the result is axis `axes[i]` of `self`.
    /// - Precondition: `axes` is a permutation of `0..<rank`.
    /// - Complexity: O(n).
    public func permuted(_ axes: [Int]) -> Tensor {
        precondition(axes.sorted() == Array(0..<rank), "expected a permutation of 0..<\(rank), got \(axes)")
        if axes == Array(0..<rank) { return self }
        let order = Extents(axes)
        var output = extents
        for axis in 0..<rank { output[axis] = shape[axes[axis]] }
        var result = Tensor(zeros: output)
        result.scalars.withUnsafeMutableBufferPointer { out in
            withPointer { permuteCopy($0, extents, order, into: out.baseAddress!) }
        }
        return result
    }

    /// The tensor with its last two axes swapped (a matrix transpose, batched).
    /// - Precondition: rank is at least 2.
    public func transposed() -> Tensor {
        precondition(rank >= 2, "expected rank >= 2 to transpose, got shape \(shape)")
        var axes = Array(0..<rank)
        axes.swapAt(rank - 1, rank - 2)
        return permuted(axes)
    }

    /// Joins tensors along `axis`; all other extents must match (the ``Variable`` operation on constants).
    public static func concatenate(_ tensors: [Tensor], alongAxis axis: Int) -> Tensor {
        Variable.concatenate(tensors.map { Variable($0) }, alongAxis: axis).value
    }

    /// The entries `range` of `axis`.
    public func sliced(alongAxis axis: Int, _ range: Range<Int>) -> Tensor {
        Variable(self).sliced(alongAxis: axis, range).value
    }

    /// The entries `indices` of `axis`, in that order (repeats allowed).
    public func selecting(_ indices: [Int], alongAxis axis: Int) -> Tensor {
        Variable(self).selecting(indices, alongAxis: axis).value
    }
}
