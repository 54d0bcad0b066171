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
        let newShape = axes.map { shape[$0] }
        let sourceStrides = Tensor.strides(of: shape)
        let permutedStrides = axes.map { sourceStrides[$0] }
        var result = [Float](repeating: 0, count: count)
        scalars.withUnsafeBufferPointer { source in
            result.withUnsafeMutableBufferPointer { target in
                var index = [Int](repeating: 0, count: rank)
                var offset = 0
                for flat in 0..<count {
                    target[flat] = source[offset]
                    var axis = rank - 1
                    while axis >= 0 {
                        index[axis] += 1
                        offset += permutedStrides[axis]
                        if index[axis] < newShape[axis] { break }
                        offset -= permutedStrides[axis] * newShape[axis]
                        index[axis] = 0
                        axis -= 1
                    }
                }
            }
        }
        return Tensor(shape: newShape, scalars: result)
    }

    /// The tensor with its last two axes swapped (a matrix transpose, batched).
    /// - Precondition: rank is at least 2.
    public func transposed() -> Tensor {
        precondition(rank >= 2, "expected rank >= 2 to transpose, got shape \(shape)")
        var axes = Array(0..<rank)
        axes.swapAt(rank - 1, rank - 2)
        return permuted(axes)
    }

    /// Joins tensors along one axis.
    /// - Precondition: all tensors share rank and every extent except `axis`.
    /// - Complexity: O(total elements).
    public static func concatenate(_ tensors: [Tensor], alongAxis axis: Int) -> Tensor {
        precondition(!tensors.isEmpty, "expected at least one tensor to concatenate, got none")
        let first = tensors[0]
        let axis = first.normalizedAxis(axis)
        for tensor in tensors {
            var expected = first.shape
            expected[axis] = tensor.shape.count == first.rank ? tensor.shape[axis] : -1
            precondition(tensor.shape == expected, "expected shapes matching \(first.shape) except axis \(axis), got \(tensor.shape)")
        }
        let outer = first.shape[..<axis].reduce(1, *)
        let inner = first.shape[(axis + 1)...].reduce(1, *)
        var newShape = first.shape
        newShape[axis] = tensors.reduce(0) { $0 + $1.shape[axis] }
        var result = [Float]()
        result.reserveCapacity(Tensor.elementCount(of: newShape))
        for block in 0..<outer {
            for tensor in tensors {
                let width = tensor.shape[axis] * inner
                result.append(contentsOf: tensor.scalars[(block * width)..<((block + 1) * width)])
            }
        }
        return Tensor(shape: newShape, scalars: result)
    }

    /// The elements whose index along `axis` lies in `range`.
    /// - Precondition: `range` lies within the axis extent.
    public func sliced(alongAxis axis: Int, _ range: Range<Int>) -> Tensor {
        let axis = normalizedAxis(axis)
        precondition(range.lowerBound >= 0 && range.upperBound <= shape[axis], "expected a range within 0..<\(shape[axis]) on axis \(axis), got \(range)")
        return selecting(Array(range), alongAxis: axis)
    }

    /// Picks entries along `axis` by index (repeats allowed), like `torch.index_select`.
    /// - Precondition: each index lies within the axis extent.
    /// - Complexity: O(result elements).
    public func selecting(_ indices: [Int], alongAxis axis: Int) -> Tensor {
        let axis = normalizedAxis(axis)
        let outer = shape[..<axis].reduce(1, *)
        let inner = shape[(axis + 1)...].reduce(1, *)
        let extent = shape[axis]
        for index in indices {
            precondition(index >= 0 && index < extent, "expected indices in 0..<\(extent) on axis \(axis), got \(index)")
        }
        var newShape = shape
        newShape[axis] = indices.count
        var result = [Float]()
        result.reserveCapacity(outer * indices.count * inner)
        for block in 0..<outer {
            for index in indices {
                let start = (block * extent + index) * inner
                result.append(contentsOf: scalars[start..<(start + inner)])
            }
        }
        return Tensor(shape: newShape, scalars: result)
    }

    /// The inverse of ``selecting(_:alongAxis:)`` for gradients: adds each slice of `self`
    /// into a zero tensor whose `axis` has `extent` entries, at the given indices.
    /// - Precondition: `self.shape[axis] == indices.count`.
    public func scatterAdding(_ indices: [Int], alongAxis axis: Int, extent: Int) -> Tensor {
        let axis = normalizedAxis(axis)
        precondition(shape[axis] == indices.count, "expected \(shape[axis]) indices, got \(indices.count)")
        let outer = shape[..<axis].reduce(1, *)
        let inner = shape[(axis + 1)...].reduce(1, *)
        var newShape = shape
        newShape[axis] = extent
        var result = [Float](repeating: 0, count: outer * extent * inner)
        for block in 0..<outer {
            for (position, index) in indices.enumerated() {
                let source = (block * indices.count + position) * inner
                let target = (block * extent + index) * inner
                for offset in 0..<inner { result[target + offset] += scalars[source + offset] }
            }
        }
        return Tensor(shape: newShape, scalars: result)
    }
}
