/// Element-wise arithmetic with NumPy-style broadcasting.
///
/// Shapes are aligned at their trailing axes; an extent of 1 (or a missing axis)
/// stretches to match the other operand.
extension Tensor {
    /// The broadcast result shape of two shapes.
    /// - Precondition: the shapes are broadcast-compatible.
    public static func broadcastShape(_ lhs: [Int], _ rhs: [Int]) -> [Int] {
        let rank = Swift.max(lhs.count, rhs.count)
        var result = [Int](repeating: 1, count: rank)
        for axis in 0..<rank {
            let left = axis < rank - lhs.count ? 1 : lhs[axis - (rank - lhs.count)]
            let right = axis < rank - rhs.count ? 1 : rhs[axis - (rank - rhs.count)]
            precondition(left == right || left == 1 || right == 1, "expected broadcast-compatible shapes, got \(lhs) and \(rhs)")
            result[axis] = left == 1 ? right : left
        }
        return result
    }

    /// Applies `transform` to every element.
    /// - Complexity: O(n).
    @inlinable
    public func map(_ transform: (Float) -> Float) -> Tensor {
        Tensor(shape: shape, scalars: scalars.map(transform))
    }

    /// Combines two tensors element-wise after broadcasting them to a common shape.
    /// - Complexity: O(n) in the result's element count.
    @inlinable
    public func zipWith(_ other: Tensor, _ combine: (Float, Float) -> Float) -> Tensor {
        if shape == other.shape {
            var result = [Float](repeating: 0, count: count)
            scalars.withUnsafeBufferPointer { a in
                other.scalars.withUnsafeBufferPointer { b in
                    result.withUnsafeMutableBufferPointer { out in
                        for index in 0..<out.count { out[index] = combine(a[index], b[index]) }
                    }
                }
            }
            return Tensor(shape: shape, scalars: result)
        }
        if other.count == 1 {
            let value = other.scalars[0]
            return Tensor(shape: Tensor.broadcastShape(shape, other.shape), scalars: scalars.map { combine($0, value) })
        }
        if other.rank <= rank, Array(shape.suffix(other.rank)) == other.shape {
            return zipRepeating(other, combine)
        }
        if rank <= other.rank, Array(other.shape.suffix(rank)) == shape {
            return other.zipRepeating(self) { combine($1, $0) }
        }
        let outShape = Tensor.broadcastShape(shape, other.shape)
        let left = broadcastStrides(to: outShape)
        let right = other.broadcastStrides(to: outShape)
        let total = Tensor.elementCount(of: outShape)
        var result = [Float](repeating: 0, count: total)
        let rank = outShape.count
        var index = [Int](repeating: 0, count: rank)
        var leftOffset = 0
        var rightOffset = 0
        for flat in 0..<total {
            result[flat] = combine(scalars[leftOffset], other.scalars[rightOffset])
            var axis = rank - 1
            while axis >= 0 {
                index[axis] += 1
                leftOffset += left[axis]
                rightOffset += right[axis]
                if index[axis] < outShape[axis] { break }
                leftOffset -= left[axis] * outShape[axis]
                rightOffset -= right[axis] * outShape[axis]
                index[axis] = 0
                axis -= 1
            }
        }
        return Tensor(shape: outShape, scalars: result)
    }

    /// Combines `self` with a tensor whose shape is a suffix of `self.shape`, repeated over the
    /// leading axes (the bias-add pattern), without index arithmetic per element.
    @usableFromInline
    func zipRepeating(_ suffix: Tensor, _ combine: (Float, Float) -> Float) -> Tensor {
        var result = [Float](repeating: 0, count: count)
        let width = suffix.count
        scalars.withUnsafeBufferPointer { a in
            suffix.scalars.withUnsafeBufferPointer { b in
                result.withUnsafeMutableBufferPointer { out in
                    var start = 0
                    while start < out.count {
                        for index in 0..<width { out[start + index] = combine(a[start + index], b[index]) }
                        start += width
                    }
                }
            }
        }
        return Tensor(shape: shape, scalars: result)
    }

    /// Strides for reading `self` as if broadcast to `target` (0 on stretched axes).
    @usableFromInline
    func broadcastStrides(to target: [Int]) -> [Int] {
        let own = Tensor.strides(of: shape)
        let offset = target.count - rank
        return (0..<target.count).map { axis in
            axis < offset || shape[axis - offset] == 1 ? 0 : own[axis - offset]
        }
    }

    /// The tensor materialised at a larger broadcast-compatible shape.
    public func broadcast(to target: [Int]) -> Tensor {
        precondition(Tensor.broadcastShape(shape, target) == target, "expected a shape broadcastable to \(target), got \(shape)")
        if shape == target { return self }
        return Tensor.zeros(target).zipWith(self) { $1 }
    }

    /// Sums a broadcast result back down to `target`, the reverse of ``broadcast(to:)``;
    /// used by the backward rules of broadcasting operations.
    public func reduced(toShape target: [Int]) -> Tensor {
        if shape == target { return self }
        let offset = rank - target.count
        var axes = Array(0..<offset)
        for axis in 0..<target.count where target[axis] == 1 && shape[axis + offset] != 1 {
            axes.append(axis + offset)
        }
        return sum(alongAxes: axes, keepingDimensions: true).reshaped(to: target)
    }

    /// Element-wise sum with broadcasting.
    public static func + (lhs: Tensor, rhs: Tensor) -> Tensor { lhs.zipWith(rhs, +) }
    /// Element-wise difference with broadcasting.
    public static func - (lhs: Tensor, rhs: Tensor) -> Tensor { lhs.zipWith(rhs, -) }
    /// Element-wise product with broadcasting.
    public static func * (lhs: Tensor, rhs: Tensor) -> Tensor { lhs.zipWith(rhs, *) }
    /// Element-wise quotient with broadcasting.
    public static func / (lhs: Tensor, rhs: Tensor) -> Tensor { lhs.zipWith(rhs, /) }
    /// Adds a scalar to every element.
    public static func + (lhs: Tensor, rhs: Float) -> Tensor { lhs.map { $0 + rhs } }
    /// Subtracts a scalar from every element.
    public static func - (lhs: Tensor, rhs: Float) -> Tensor { lhs.map { $0 - rhs } }
    /// Multiplies every element by a scalar.
    public static func * (lhs: Tensor, rhs: Float) -> Tensor { lhs.map { $0 * rhs } }
    /// Divides every element by a scalar.
    public static func / (lhs: Tensor, rhs: Float) -> Tensor { lhs.map { $0 / rhs } }
    /// Multiplies every element by a scalar.
    public static func * (lhs: Float, rhs: Tensor) -> Tensor { rhs.map { lhs * $0 } }
    /// Negates every element.
    public static prefix func - (operand: Tensor) -> Tensor { operand.map { -$0 } }

    /// Adds `other` into `self` in place, element by element.
    /// - Precondition: the shapes are equal.
    public static func += (lhs: inout Tensor, rhs: Tensor) {
        precondition(lhs.shape == rhs.shape, "expected shape \(lhs.shape), got \(rhs.shape)")
        lhs.scalars.withUnsafeMutableBufferPointer { target in
            rhs.scalars.withUnsafeBufferPointer { source in
                for index in 0..<target.count { target[index] += source[index] }
            }
        }
    }
}
