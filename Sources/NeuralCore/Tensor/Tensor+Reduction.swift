/// Reductions along axes: sum, mean, max, argmax and log-sum-exp.
extension Tensor {
    /// Sums over the given axes (all axes when `axes` is `nil`).
    /// - Parameter keepingDimensions: keep reduced axes with extent 1 so the result broadcasts against `self`.
    /// - Complexity: O(n).
    public func sum(alongAxes axes: [Int]? = nil, keepingDimensions: Bool = false) -> Tensor {
        let resolved = Set((axes ?? Array(0..<rank)).map(normalizedAxis))
        var result = self
        for axis in resolved.sorted(by: >) {
            result = result.reducedAlong(axis) { values, outer, extent, inner, output in
                // Whole rows of `inner` sums at a time, so reads are contiguous and vectorise;
                // each sum still adds its terms in axis order.
                guard let values = values.baseAddress, let output = output.baseAddress else { return }
                for block in 0..<outer {
                    let target = output + block * inner
                    target.initialize(repeating: 0, count: inner)
                    for step in 0..<extent {
                        let source = values + (block * extent + step) * inner
                        for offset in 0..<inner { target[offset] += source[offset] }
                    }
                }
            }
        }
        if keepingDimensions { return result }
        return result.reshaped(to: shape.enumerated().filter { !resolved.contains($0.offset) }.map(\.element))
    }

    /// Averages over the given axes (all axes when `axes` is `nil`).
    public func mean(alongAxes axes: [Int]? = nil, keepingDimensions: Bool = false) -> Tensor {
        let resolved = (axes ?? Array(0..<rank)).map(normalizedAxis)
        let divisor = Set(resolved).reduce(1) { $0 * shape[$1] }
        return sum(alongAxes: resolved, keepingDimensions: keepingDimensions) / Float(divisor)
    }

    /// The largest element along one axis.
    public func max(alongAxis axis: Int, keepingDimensions: Bool = false) -> Tensor {
        let axis = normalizedAxis(axis)
        let indices = argmax(alongAxis: axis)
        let inner = shape[(axis + 1)...].reduce(1, *)
        let extent = shape[axis]
        var values = [Float](repeating: 0, count: indices.count)
        for (flat, index) in indices.enumerated() {
            values[flat] = scalars[(flat / inner * extent + index) * inner + flat % inner]
        }
        var newShape = shape
        newShape[axis] = 1
        let result = Tensor(shape: newShape, scalars: values)
        return keepingDimensions ? result : result.reshaped(to: shape.enumerated().filter { $0.offset != axis }.map(\.element))
    }

    /// The index of the largest element along one axis (first on ties), in row-major order
    /// of the remaining axes.
    /// - Precondition: the axis is not empty.
    public func argmax(alongAxis axis: Int) -> [Int] {
        let axis = normalizedAxis(axis)
        let extent = shape[axis]
        precondition(extent > 0, "expected a non-empty axis \(axis), got shape \(shape)")
        let inner = shape[(axis + 1)...].reduce(1, *)
        let outer = shape[..<axis].reduce(1, *)
        var result = [Int](repeating: 0, count: outer * inner)
        for block in 0..<outer {
            for offset in 0..<inner {
                let base = block * extent * inner + offset
                var best = scalars[base]
                var bestIndex = 0
                for index in 1..<Swift.max(extent, 1) where scalars[base + index * inner] > best {
                    best = scalars[base + index * inner]
                    bestIndex = index
                }
                result[block * inner + offset] = bestIndex
            }
        }
        return result
    }

    /// `log(sum(exp(x)))` along one axis, computed stably by subtracting the maximum first.
    public func logSumExp(alongAxis axis: Int, keepingDimensions: Bool = false) -> Tensor {
        let axis = normalizedAxis(axis)
        let maximum = max(alongAxis: axis, keepingDimensions: true)
        let safeMaximum = maximum.map { $0.isFinite ? $0 : 0 }
        let shifted = zipWith(safeMaximum) { _exp($0 - $1) }
        let result = shifted.sum(alongAxes: [axis], keepingDimensions: true).zipWith(safeMaximum) { _log($0) + $1 }
        return keepingDimensions ? result : result.reshaped(to: shape.enumerated().filter { $0.offset != axis }.map(\.element))
    }

    /// Runs `body` over the view `[outer, extent, inner]` around `axis` and returns a tensor with that axis set to 1.
    private func reducedAlong(
        _ axis: Int,
        _ body: (UnsafeBufferPointer<Float>, Int, Int, Int, UnsafeMutableBufferPointer<Float>) -> Void
    ) -> Tensor {
        let outer = shape[..<axis].reduce(1, *)
        let inner = shape[(axis + 1)...].reduce(1, *)
        var newShape = shape
        newShape[axis] = 1
        var output = [Float](repeating: 0, count: outer * inner)
        scalars.withUnsafeBufferPointer { values in
            output.withUnsafeMutableBufferPointer { target in
                body(values, outer, shape[axis], inner, target)
            }
        }
        return Tensor(shape: newShape, scalars: output)
    }
}
