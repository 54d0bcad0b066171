/// Reductions along axes: sum, mean, max, argmax and log-sum-exp, through the same kernels as
/// the variables' reductions (``sumAxes(_:_:_:into:tape:)``, ``maxAlong(_:_:_:values:winners:)``).
extension Tensor {
    /// Sums over the given axes (all axes when `axes` is `nil`).
    /// - Parameter keepingDimensions: keep reduced axes with extent 1 so the result broadcasts against `self`.
    /// - Complexity: O(n).
    public func sum(alongAxes axes: [Int]? = nil, keepingDimensions: Bool = false) -> Tensor {
        let set = AxisSet(resolving: axes, rank: rank)
        var result = Tensor(zeros: extents.reducing(set, keepingDimensions: keepingDimensions))
        result.scalars.withUnsafeMutableBufferPointer { out in
            withPointer { sumAxes($0, extents, set, into: out.baseAddress!, tape: nil) }
        }
        return result
    }

    /// Averages over the given axes (all axes when `axes` is `nil`).
    public func mean(alongAxes axes: [Int]? = nil, keepingDimensions: Bool = false) -> Tensor {
        let set = AxisSet(resolving: axes, rank: rank)
        var divisor = 1
        for axis in 0..<rank where set.contains(axis) { divisor *= shape[axis] }
        return sum(alongAxes: axes, keepingDimensions: keepingDimensions) / Float(divisor)
    }

    /// The largest element along one axis.
    public func max(alongAxis axis: Int, keepingDimensions: Bool = false) -> Tensor {
        let axis = normalizedAxis(axis)
        var result = Tensor(zeros: keepingDimensions ? extents.collapsing(axis) : extents.removing(axis))
        result.scalars.withUnsafeMutableBufferPointer { out in
            withPointer { maxAlong(axis, $0, extents, values: out.baseAddress, winners: nil) }
        }
        return result
    }

    /// The index of the largest element along one axis (first on ties), in row-major order
    /// of the remaining axes.
    /// - Precondition: the axis is not empty.
    public func argmax(alongAxis axis: Int) -> [Int] {
        let axis = normalizedAxis(axis)
        var indices = [Int](repeating: 0, count: extents.collapsing(axis).count)
        indices.withUnsafeMutableBufferPointer { winners in
            withPointer { maxAlong(axis, $0, extents, values: nil, winners: winners.baseAddress) }
        }
        return indices
    }

    /// `log(sum(exp(x)))` along one axis, computed stably by subtracting the maximum first.
    public func logSumExp(alongAxis axis: Int, keepingDimensions: Bool = false) -> Tensor {
        let axis = normalizedAxis(axis)
        var result = Tensor(zeros: keepingDimensions ? extents.collapsing(axis) : extents.removing(axis))
        result.scalars.withUnsafeMutableBufferPointer { out in
            withPointer { logSumExpAlong(axis, $0, extents, into: out.baseAddress!, tape: nil) }
        }
        return result
    }
}
